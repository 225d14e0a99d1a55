"""Topics and sharing, pure parts: items by area, sources named instead of ids, the citation and
the link of a view, and the charts' clickable, uncut labels."""

import pandas as pd
import pytest
from fixtures import cooperation

from components import model
from components.charts import counts
from components.formatting import citation, name_references, permalink, reader_table, source_names

T = pd.Timestamp
SOURCES = pd.DataFrame(
    {
        "source_id": ["r-rfi-2022-05-03-accords", "m-tass-2025-04-04-statement"],
        "publisher": ["RFI", "TASS"],
        "title": ["Mali ends the accords", "Joint statement"],
        "published": [T("2022-05-03"), T("2025-04-01")],
        "published_precision": ["day", "month"],
    }
)
EVENTS = pd.DataFrame(
    {
        "event_id": ["r-2023-11-14-kidal-retaken"],
        "date": [T("2023-11-14")],
        "date_precision": ["day"],
        "title_en": ["Army retakes Kidal"],
        "title_fr": ["L'armée reprend Kidal"],
    }
)
INFO = {"version": "0.1.0", "last_updated": "2026-11-28"}


def test_items_are_counted_by_area_in_the_code_lists_order_without_empty_areas():
    areas = ["equipment", "energy_nuclear", "mining", "trade"]
    assert model.area_counts(cooperation(), areas).to_dict() == {
        "equipment": 1,
        "energy_nuclear": 1,
        "mining": 2,
    }


def test_the_items_of_an_area_come_once_and_oldest_first_and_none_without_an_area():
    items = pd.DataFrame(
        {
            "coop_id": ["b", "a", "a", "c"],
            "area": ["mining", "mining", "mining", "trade"],
            "date": [T("2024-01-01"), T("2023-01-01"), T("2023-01-01"), T("2022-01-01")],
        }
    )
    assert model.area_items(items, "mining")["coop_id"].tolist() == ["a", "b"]
    assert model.area_items(items, "").empty


def test_the_area_chart_carries_each_bars_code_and_widens_its_margin_for_long_labels():
    figure = counts.area_chart(pd.Series({"energy_nuclear": 3, "mining": 1}), "fr")
    assert list(figure.data[0].customdata) == ["energy_nuclear", "mining"]
    assert list(figure.data[0].y) == ["Énergie et nucléaire", "Mines"]
    assert figure.layout.yaxis.automargin is True


def test_sources_are_named_by_publisher_title_and_date_at_its_precision():
    ids = ("m-tass-2025-04-04-statement", "unknown-id-x", "r-rfi-2022-05-03-accords")
    assert (
        source_names(ids, SOURCES, "fr")
        == "TASS: Joint statement (avril 2025); RFI: Mali ends the accords (3 mai 2022)"
    )


def test_a_note_names_the_sources_and_events_it_cites_by_id():
    note = "Confirmed by TASS (m-tass-2025-04-04-statement); after r-2023-11-14-kidal-retaken."
    assert name_references(note, SOURCES, "en", EVENTS) == (
        "Confirmed by TASS (TASS: Joint statement (April 2025)); after Army retakes Kidal (14 November 2023)."
    )
    assert (
        name_references("Guinea-Bissau, a well-known fact", SOURCES, "en")
        == "Guinea-Bissau, a well-known fact"
    )


def test_a_table_for_readers_hides_ids_and_names_its_sources_the_csv_frame_is_untouched():
    frame = pd.DataFrame(
        {
            "event_id": ["r-2023-11-14-kidal-retaken"],
            "title": ["Army retakes Kidal"],
            "source_ids": [("r-rfi-2022-05-03-accords",)],
            "note_en": ["see m-tass-2025-04-04-statement"],
        }
    )
    shown = reader_table(frame, SOURCES, "en")
    assert list(shown.columns) == ["title", "source_ids", "note_en"]  # display.shown gives the header
    assert shown.iloc[0].tolist() == [
        "Army retakes Kidal",
        "RFI: Mali ends the accords (3 May 2022)",
        "see TASS: Joint statement (April 2025)",
    ]
    assert list(reader_table(frame, None, "en").columns) == ["title", "note_en"]
    assert "event_id" in frame.columns


@pytest.mark.parametrize(
    ("canonical", "expected"),
    [
        ("https://sahel.example.org/", "https://sahel.example.org/timeline?lang=fr"),
        ("", "http://127.0.0.1:8501/timeline?lang=fr"),
    ],
)
def test_a_views_link_uses_the_canonical_address_when_configured(canonical, expected):
    assert permalink(canonical, "http://127.0.0.1:8501/timeline", "timeline", "lang=fr") == expected


def test_the_citation_names_publisher_view_and_address_or_says_the_copy_is_local():
    site = {"publisher": "Sahel Pivot team", "canonical": "https://sahel.example.org/"}
    text = citation(site, INFO, "Chronologie", "https://sahel.example.org/timeline", T("2026-12-01"), "fr")
    assert text.startswith("Sahel Pivot team. Sahel Pivot : l'Alliance")
    assert "Vue « Chronologie »" in text and "mise à jour le 28 novembre 2026" in text
    assert text.endswith("Consulté le 1er décembre 2026. https://sahel.example.org/timeline")
    local = citation(
        {**site, "canonical": ""}, INFO, "Timeline", "http://127.0.0.1:8501/", T("2026-12-01"), "en"
    )
    assert "127.0.0.1" not in local and local.endswith("Local copy, no public address.")
