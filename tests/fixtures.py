"""Small hand-made tables for the builder tests: a data correction never breaks a chart test."""

import pandas as pd

from components.security import EVENT_COLUMNS

T = pd.Timestamp
CATEGORIES = ["coup", "transition", "sanctions", "alliance", "withdrawal", "russia", "security", "economic"]


def timeline_tables() -> dict[str, pd.DataFrame]:
    """Four events, two phases, two forces, one suspension, one sanction and two leaders."""
    events = pd.DataFrame(
        {
            "event_id": ["mali-coup", "wagner", "aes-pact", "niger-coup"],
            "date": [T("2020-08-18"), T("2021-12-01"), T("2023-09-16"), T("2023-07-26")],
            "date_precision": ["day", "month", "day", "day"],
            "category": ["coup", "russia", "alliance", "coup"],
            "topic": ["political", "military", "political", "political"],
            "states": [("MLI",), ("MLI",), ("AES", "MLI", "BFA", "NER"), ("NER",)],
            "actors": [("MLI",), ("WAGNER",), ("MLI", "BFA", "NER"), ("NER",)],
            "title_en": ["Mali coup", "Wagner arrives", "Liptako-Gourma Charter", "Niger coup"],
            "title_fr": ["Coup au Mali", "Arrivée de Wagner", "Charte du Liptako-Gourma", "Coup au Niger"],
            "short_en": ["Mali coup", "Wagner", "AES pact", "Niger coup"],
            "short_fr": ["Coup Mali", "Wagner", "Pacte AES", "Coup Niger"],
            "milestone": [True, False, True, True],
            "source_ids": [("reuters-1", "rfi-1"), ("rfi-1",), ("reuters-1",), ("rfi-1", "reuters-1")],
        }
    )
    return {
        "events": events,
        "phases": pd.DataFrame(
            {
                "phase_id": ["coups", "bloc"],
                "start_event_id": ["mali-coup", "aes-pact"],
                "label_en": ["From the coups", "From the pact to Moscow"],
                "label_fr": ["Des coups d'État", "Du pacte à Moscou"],
            }
        ),
        "sources": pd.DataFrame(
            {
                "source_id": ["reuters-1", "rfi-1"],
                "publisher": ["Reuters", "RFI"],
                "source_type": ["international_press", "international_press"],
            }
        ),
        "presence": pd.DataFrame(
            {
                "actor": ["FRENCH_FORCES", "WAGNER"],
                "iso3": ["MLI", "MLI"],
                "start": [T("2013-01-11"), T("2021-12-01")],
                "end": [T("2022-08-15"), pd.NaT],
            }
        ),
        "forces": pd.DataFrame(
            {
                "force_id": ["FRENCH_FORCES", "WAGNER"],
                "label_en": ["French forces", "Wagner group"],
                "label_fr": ["Forces françaises", "Groupe Wagner"],
            }
        ),
        "memberships": pd.DataFrame(
            {
                "org_id": ["ECOWAS", "ECOWAS"],
                "iso3": ["NER", "NER"],
                "status": ["member", "suspended"],
                "start": [T("1975-05-28"), T("2023-07-30")],
                "end": [T("2023-07-30"), T("2024-01-28")],
            }
        ),
        "sanctions": pd.DataFrame(
            {
                "sanction_id": ["s1"],
                "iso3": ["NER"],
                "imposed_event_id": ["niger-coup"],
                "lifted_event_id": [""],
            }
        ),
        "leaders": pd.DataFrame(
            {
                "leader_id": ["mli-goita", "ner-tiani"],
                "iso3": ["MLI", "NER"],
                "name": ["Assimi Goïta", "Abdourahamane Tiani"],
                "start": [T("2021-05-24"), T("2023-07-26")],
                "end": [pd.NaT, pd.NaT],
            }
        ),
    }


STATE_NAMES = {"MLI": "Mali", "BFA": "Burkina Faso", "NER": "Niger"}


def cooperation() -> pd.DataFrame:
    """Four items with Russia across three areas."""
    return pd.DataFrame(
        {
            "area": ["mining", "mining", "energy_nuclear", "equipment"],
            "instrument": ["mou", "mou", "agreement", "delivery"],
            "status": ["signed", "announced", "signed", "implemented"],
        }
    )


def conflict_events(*rows) -> pd.DataFrame:
    """Rows of (iso3, day, kind, side_a, side_b, best, low, high) as security.EVENT_COLUMNS, numbered and
    placed at one point in Mali."""
    frame = pd.DataFrame(rows, columns=["iso3", "day", "kind", "side_a", "side_b", "best", "low", "high"])
    frame["day"] = pd.to_datetime(frame["day"])
    frame["event_id"] = [str(i) for i in range(len(frame))]
    frame["latitude"], frame["longitude"] = 14.0, -4.0
    return frame[list(EVENT_COLUMNS)]


# Six months of two states: every kind, every side but "other", a month without events (Mali, April).
CONFLICT_SAMPLE = conflict_events(
    ("MLI", "2021-01-05", "state_based", "government", "jnim", 10, 8, 12),
    ("MLI", "2021-01-20", "one_sided", "jnim", "", 3, 3, 4),
    ("MLI", "2021-02-14", "state_based", "government", "is_sahel", 20, 15, 30),
    ("MLI", "2021-03-02", "non_state", "militia", "militia", 5, 5, 5),
    ("MLI", "2021-05-30", "one_sided", "government", "", 0, 0, 2),
    ("MLI", "2021-06-11", "state_based", "government", "jnim", 7, 6, 9),
    ("BFA", "2021-02-10", "state_based", "government", "is_sahel", 7, 7, 9),
    ("BFA", "2021-03-21", "one_sided", "jnim", "", 12, 10, 15),
    ("BFA", "2021-06-01", "non_state", "jnim", "is_sahel", 4, 4, 6),
)
CONFLICT_PERIOD = ("2021-01-01", "2021-06-30")

# Two milestones inside the sample's period, one without a short label (the title stands in).
CONFLICT_MILESTONES = pd.DataFrame(
    {
        "event_id": ["wagner", "barkhane-exit"],
        "date": [T("2021-03-15"), T("2021-05-01")],
        "short_en": ["Wagner", ""],
        "short_fr": ["Wagner", ""],
        "title_en": ["Wagner arrives", "Barkhane leaves"],
        "title_fr": ["Arrivée de Wagner", "Départ de Barkhane"],
    }
)


def luminance(colour: str) -> float:
    """WCAG relative luminance of '#RRGGBB'."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two '#RRGGBB' colours (1 to 21)."""
    darker, lighter = sorted([luminance(first), luminance(second)])
    return (lighter + 0.05) / (darker + 0.05)
