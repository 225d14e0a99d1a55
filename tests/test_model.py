"""Model queries on small hand-made frames."""

import random
from datetime import date

import pandas as pd
import pytest
from fixtures import timeline_tables

from components import model

T = pd.Timestamp
CATEGORIES = ["coup", "transition", "sanctions", "alliance", "russia", "economic", "diplomacy"]
STAGES = ["announced", "signed", "ratified", "in_force", "implemented", "ended"]


def memberships_frame() -> pd.DataFrame:
    """Mali in ECOWAS: member, suspended, withdrawing, withdrawn; Senegal a member throughout."""
    rows = [
        ("ECOWAS", "MLI", "member", "1975-05-28", "2021-05-30"),
        ("ECOWAS", "MLI", "suspended", "2021-05-30", "2024-01-28"),
        ("ECOWAS", "MLI", "withdrawing", "2024-01-28", "2025-01-29"),
        ("ECOWAS", "MLI", "withdrawn", "2025-01-29", None),
        ("ECOWAS", "SEN", "member", "1975-05-28", None),
        ("AES", "MLI", "member", "2023-09-16", None),
    ]
    frame = pd.DataFrame(rows, columns=["org_id", "iso3", "status", "start", "end"])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["end_precision"] = frame["end"].notna().map({True: "day", False: ""})
    return frame


STATES = pd.DataFrame({"iso3": ["MLI", "SEN", "DZA"]})


@pytest.mark.parametrize(
    ("day", "mali_status", "mali_in_aes"),
    [
        (date(2021, 5, 29), "member", False),
        (date(2021, 5, 30), "suspended", False),  # a status starts on its start day
        (date(2023, 9, 16), "suspended", True),
        (date(2024, 1, 27), "suspended", True),
        (date(2024, 1, 28), "withdrawing", True),
        (date(2025, 1, 28), "withdrawing", True),
        (date(2025, 1, 29), "withdrawn", True),
        (date(2025, 4, 4), "withdrawn", True),
    ],
)
def test_bloc_status_follows_each_period(day, mali_status, mali_in_aes):
    status = model.bloc_status_on(memberships_frame(), STATES, day).set_index("iso3")
    assert status.at["MLI", "ecowas_status"] == mali_status
    assert status.at["MLI", "aes_member"] == mali_in_aes
    assert status.at["SEN", "ecowas_status"] == "member"
    assert status.at["DZA", "ecowas_status"] == "other"


def test_memberships_on_returns_one_row_per_organisation_and_state():
    current = model.memberships_on(memberships_frame(), date(2024, 6, 1))
    assert sorted(zip(current["org_id"], current["iso3"], current["status"], strict=True)) == [
        ("AES", "MLI", "member"),
        ("ECOWAS", "MLI", "withdrawing"),
        ("ECOWAS", "SEN", "member"),
    ]


def test_membership_history_is_in_order():
    history = model.membership_history(memberships_frame(), "MLI", date(2025, 4, 4))
    assert list(history["status"]) == ["member", "member", "suspended", "withdrawing", "withdrawn"]
    assert list(history["org_id"]) == ["AES"] + ["ECOWAS"] * 4


def events_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": ["a", "b", "c"],
            "date": [T("2020-08-18"), T("2023-07-26"), T("2025-04-03")],
            "category": ["coup", "coup", "diplomacy"],
            "topic": ["", "political", "political"],
            "states": [("MLI",), ("NER",), ("AES", "MLI", "BFA", "NER")],
        }
    )


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["a", "b", "c"]),
        ({"start": date(2021, 1, 1)}, ["b", "c"]),
        ({"end": date(2023, 7, 26)}, ["a", "b"]),  # both ends inclusive
        ({"start": date(2023, 7, 26), "end": date(2023, 7, 26)}, ["b"]),
        ({"states": ["MLI"]}, ["a", "c"]),
        ({"states": ["BFA", "NER"]}, ["b", "c"]),
        ({"states": ["SEN"]}, []),
        ({"categories": ["coup"]}, ["a", "b"]),
        ({"topics": ["political"], "states": ["NER"], "categories": ["diplomacy"]}, ["c"]),
        ({"states": [], "categories": []}, ["a", "b", "c"]),  # empty filter keeps all
    ],
)
def test_filter_events(kwargs, expected):
    assert list(model.filter_events(events_frame(), **kwargs)["event_id"]) == expected


def test_count_by_fills_missing_keys_with_zero():
    frame = pd.DataFrame({"topic": ["military", "military", ""], "iso3": ["MLI", "NER", "MLI"]})
    counts = model.count_by(frame, "topic", "iso3", ["military", "economic"], ["MLI", "BFA", "NER"])
    assert counts.loc["military"].tolist() == [1, 0, 1]
    assert counts.loc["economic"].tolist() == [0, 0, 0]
    empty = model.count_by(frame.iloc[:0], "topic", "iso3", ["military"], ["MLI"])
    assert empty.loc["military", "MLI"] == 0


COOPERATION = pd.DataFrame(
    {
        "coop_id": ["a", "b", "c", "d", "e"],
        "partner": ["RUS", "RUS", "RUS", "FRA", "RUS"],
        "iso3": ["MLI", "MLI", "NER", "MLI", "AES"],
        "status": ["ended", "implemented", "signed", "signed", "ended"],
        "date": [T("2025-06-06"), T("2024-01-01"), T("2024-01-17"), T("2020-01-01"), T("2020-01-01")],
        "date_precision": ["day", "month", "day", "day", "year"],
        "source_ids": [("s-end",), ("s-b",), ("s-c",), ("s-d",), ("s-e",)],
        "evidence": ["independent_press", "one_party", "both_parties", "both_parties", "one_party"],
    }
)
HISTORY = pd.DataFrame(
    {
        "coop_id": ["a", "a", "b", "c", "d", "e"],
        "date": [
            T("2021-12-01"),
            T("2025-06-06"),
            T("2024-01-01"),
            T("2024-01-17"),
            T("2020-01-01"),
            T("2020-01-01"),
        ],
        "date_precision": ["month", "day", "month", "day", "day", "year"],
        "status": ["implemented", "ended", "implemented", "signed", "signed", "ended"],
        "source_ids": [("s-start",), ("s-end",), ("s-b",), ("s-c",), ("s-d",), ("s-e",)],
        "evidence": [
            "one_party",
            "independent_press",
            "one_party",
            "both_parties",
            "both_parties",
            "one_party",
        ],
    }
)


def test_code_and_composition_counts_count_as_pandas_does():
    # Once a value_counts reindexed to the code list and a group-by: the same series and frames.
    rng = random.Random(8)
    for size in [0, 1, 3, 40]:
        frame = pd.DataFrame(
            {
                "area": [rng.choice(["mining", "trade", "other"]) for _ in range(size)],
                "instrument": [rng.choice(["mou", "contract"]) for _ in range(size)],
                "status": [rng.choice(["signed", "announced", "ended"]) for _ in range(size)],
            }
        )
        codes = ["announced", "signed", "ratified", "ended"]
        expected = frame["status"].value_counts().reindex(codes, fill_value=0)
        pd.testing.assert_series_equal(
            model.code_counts(frame["status"], codes), expected, check_index_type=True
        )
        if size:
            grouped = frame.groupby(["area", "instrument", "status"]).size().rename("items").reset_index()
            pd.testing.assert_frame_equal(model.composition_counts(frame), grouped)


def test_count_by_counts_as_a_group_by_reindexed_does():
    # The counts once came from a group-by, unstacked and reindexed: the same frame, axis names
    # and types (a quarter's PeriodIndex, text) for frames with keys left out, unknown or absent.
    rng = random.Random(3)
    quarters = pd.period_range("2023Q1", periods=5, freq="Q")
    for size in [0, 1, 2, 5, 30, 200]:
        frame = pd.DataFrame(
            {
                "quarter": [rng.choice(quarters) for _ in range(size)],
                "topic": [rng.choice(["military", "economic", "none", "other"]) for _ in range(size)],
            }
        )
        keys = (quarters[1:], ["economic", "military", "none"])
        grouped = frame.groupby(["quarter", "topic"]).size().unstack(fill_value=0) if size else pd.DataFrame()
        expected = grouped.reindex(index=list(keys[0]), columns=keys[1], fill_value=0)
        pd.testing.assert_frame_equal(
            model.count_by(frame, "quarter", "topic", *keys),
            expected,
            check_index_type=True,
            check_column_type=True,
        )


def test_the_register_on_a_day_gives_each_item_its_status_of_that_day():
    on = model.cooperation_on(COOPERATION, HISTORY, date(2024, 1, 16)).set_index("coop_id")
    assert sorted(on.index) == ["a", "b", "d", "e"]  # c was signed the next day
    assert on.loc["a", ["status", "date_precision", "evidence"]].tolist() == [
        "implemented",
        "month",
        "one_party",
    ]
    assert on.loc["a", "source_ids"] == ("s-start",)  # the step's sources, not the register's latest
    assert list(model.cooperation_on(COOPERATION, HISTORY, date(2026, 1, 1)).columns) == list(
        COOPERATION.columns
    )
    assert (
        model.cooperation_on(COOPERATION, HISTORY, date(2025, 6, 6)).set_index("coop_id").loc["a", "status"]
        == "ended"
    )


def test_cooperation_signed_by_counts_only_russian_items_not_ended():
    counts = model.cooperation_signed_by(model.cooperation_on(COOPERATION, HISTORY, date(2024, 1, 16)))
    assert counts.to_dict() == {"MLI": 2, "BFA": 0, "NER": 0, "AES": 0}  # a (not yet ended) and b
    later = model.cooperation_signed_by(model.cooperation_on(COOPERATION, HISTORY, date(2025, 7, 1)))
    assert later.to_dict() == {"MLI": 1, "BFA": 0, "NER": 1, "AES": 0}


def test_overview_figures_add_up_the_aes_states():
    states = pd.DataFrame(
        {
            "iso3": ["MLI", "BFA", "NER", "SEN"],
            "population": pd.array([10, 20, 30, 1000], dtype="Int64"),
            "population_year": pd.array([2023, 2023, 2022, 2023], dtype="Int64"),
            "area_km2": [1.0, 2.0, 3.0, 100.0],
        }
    )
    cooperation = pd.DataFrame({"partner": ["RUS", "FRA", "RUS"]})
    figures = model.overview_figures(
        states, events_frame(), cooperation, pd.DataFrame({"x": [1, 2]}), date(2020, 8, 18), date(2025, 4, 3)
    )
    assert figures["aes_population"] == 60
    assert figures["aes_population_years"] == [2022, 2023]
    assert figures["aes_area_km2"] == 6.0
    assert figures["days"] == 1689
    assert (figures["events"], figures["agreements"], figures["sources"]) == (3, 2, 2)


def test_leader_on_covers_the_last_day_and_gaps():
    leaders = pd.DataFrame(
        {
            "iso3": ["NER", "NER"],
            "name": ["Bazoum", "Tiani"],
            "start": [T("2021-04-02"), T("2023-07-28")],
            "end": [T("2023-07-26"), pd.NaT],
        }
    )
    assert model.leader_on(leaders, "NER", date(2023, 7, 26))["name"] == "Bazoum"
    assert model.leader_on(leaders, "NER", date(2023, 7, 27)) is None
    assert model.leader_on(leaders, "NER", date(2025, 4, 3))["name"] == "Tiani"
    assert model.leader_on(leaders, "MLI", date(2025, 4, 3)) is None


def test_latest_events_are_newest_first_and_stop_at_the_day():
    latest = model.latest_events(events_frame(), "MLI", date(2025, 4, 3), count=5)
    assert list(latest["event_id"]) == ["c", "a"]
    assert list(model.latest_events(events_frame(), "MLI", date(2025, 4, 2))["event_id"]) == ["a"]


def test_presence_markers_sharing_a_place_are_spread_around_it():
    presence = pd.DataFrame(
        {
            "actor": ["FRENCH_FORCES", "MINUSMA", "WAGNER"],
            "iso3": ["MLI"] * 3,
            "start": [T("2014-08-01"), T("2013-07-01"), T("2021-12-01")],
            "end": [T("2022-08-15"), T("2023-12-31"), pd.NaT],
            "lat": [16.27, 16.27, 12.64],
            "lon": [-0.04, -0.04, -8.0],
        }
    )
    forces = pd.DataFrame({"force_id": ["FRENCH_FORCES", "MINUSMA", "WAGNER"], "label_en": ["F", "M", "W"]})
    markers = model.presence_markers(presence, forces, date(2021, 6, 1)).set_index("actor")
    assert set(markers.index) == {"FRENCH_FORCES", "MINUSMA"}
    shifts = markers["lon_shown"] - markers["lon"]
    assert shifts.sum() == pytest.approx(0) and shifts.abs().min() > 0.4
    after = model.presence_markers(presence, forces, date(2023, 1, 1)).set_index("actor")
    assert set(after.index) == {"MINUSMA", "WAGNER"}
    assert (after["lon_shown"] == after["lon"]).all()


def test_neighbour_day_steps_between_event_days():
    days = events_frame()["date"]
    assert model.neighbour_day(days, date(2021, 1, 1), 1) == date(2023, 7, 26)
    assert model.neighbour_day(days, date(2023, 7, 26), -1) == date(2020, 8, 18)
    assert model.neighbour_day(days, date(2025, 4, 3), 1) is None


@pytest.mark.parametrize(
    ("category", "states", "actors", "lane"),
    [
        ("coup", ("MLI",), (), "MLI"),
        ("russia", ("AES", "MLI"), ("RUS",), "RUS"),
        ("withdrawal", ("NER",), ("FRA",), "WEST"),
        ("sanctions", ("NER",), ("ECOWAS",), "ECOWAS"),
        ("alliance", ("MLI", "BFA", "NER", "AES"), ("ECOWAS",), "AES"),  # the bloc's own act
        ("diplomacy", ("MLI", "BFA", "NER", "AES"), ("ECOWAS",), "ECOWAS"),  # ECOWAS's answer
        ("diplomacy", ("MLI",), ("FRA",), "WEST"),
        ("security", ("MLI",), ("WAGNER",), "RUS"),
        ("security", ("MLI", "DZA"), (), "MLI"),
        ("transition", ("MLI", "BFA"), (), "AES"),
    ],
)
def test_event_lane(category, states, actors, lane):
    assert model.event_lane(category, states, actors) == lane


def test_phases_run_from_their_event_to_the_next_phase():
    phases = pd.DataFrame({"phase_id": ["b", "a"], "start_event_id": ["c", "a"]})
    periods = model.phase_periods(phases, events_frame(), date(2025, 4, 4))
    assert list(periods["phase_id"]) == ["a", "b"]
    assert list(periods["start"]) == [T("2020-08-18"), T("2025-04-03")]
    assert list(periods["end"]) == [T("2025-04-03"), T("2025-04-04")]


def test_duration_bars_are_clipped_to_the_period_and_open_ends_closed():
    tables = {
        "presence": pd.DataFrame(
            {
                "actor": ["FRENCH_FORCES", "FRENCH_FORCES", "WAGNER", "MINUSMA"],
                "iso3": ["MLI", "MLI", "MLI", "MLI"],
                "start": [T("2014-08-01"), T("2013-01-01"), T("2021-12-01"), T("2013-07-01")],
                "end": [T("2022-08-15"), T("2021-12-14"), pd.NaT, T("2019-01-01")],
            }
        ),
        "memberships": memberships_frame(),
        "leaders": pd.DataFrame(
            {
                "leader_id": ["mli-goita", "sen-faye"],
                "iso3": ["MLI", "SEN"],
                "name": ["Goïta", "Faye"],
                "start": [T("2021-05-24")] * 2,
                "end": [pd.NaT] * 2,
            }
        ),
        "events": events_frame(),
        "sanctions": pd.DataFrame(
            {"sanction_id": ["n"], "iso3": ["NER"], "imposed_event_id": ["b"], "lifted_event_id": [""]}
        ),
    }
    bars = model.duration_bars(tables, date(2020, 8, 18), date(2025, 4, 4)).set_index(["kind", "key"])
    # French forces merge into one bar; MINUSMA ended before; Senegal's leader is not drawn.
    assert len(bars) == 5
    assert bars.loc[("presence", "FRENCH_FORCES"), "start"] == T("2020-08-18")
    assert bars.loc[("presence", "FRENCH_FORCES"), "end"] == T("2022-08-15")
    assert bars.loc[("presence", "WAGNER"), "end"] == T("2025-04-04")
    assert bars.loc[("presence", "WAGNER"), "lane"] == "RUS"
    assert bars.loc[("suspension", "ECOWAS"), "start"] == T("2021-05-30")
    assert bars.loc[("leader", "Goïta"), "lane"] == "MLI"
    assert bars.loc[("sanctions", "ECOWAS"), "start"] == T("2023-07-26")  # the imposing event's date
    assert bars.loc[("sanctions", "ECOWAS"), "end"] == T("2025-04-04")  # not lifted: open to the end
    assert bars.loc[("sanctions", "ECOWAS"), "start"] == T("2023-07-26")  # the imposing event's date
    assert bars.loc[("sanctions", "ECOWAS"), "end"] == T("2025-04-04")  # not lifted: open to the end
    # Each bar's id says what it is, whatever the period, and its rows where it was drawn from.
    assert bars.loc[("presence", "FRENCH_FORCES"), "bar_id"] == "presence.FRENCH_FORCES.MLI"
    assert bars.loc[("presence", "FRENCH_FORCES"), "rows"] == (1, 0)  # earliest first
    assert bars.loc[("suspension", "ECOWAS"), "bar_id"] == "suspension.MLI.2021-05-30"
    assert bars.loc[("suspension", "ECOWAS"), "rows"] == (1,)
    assert bars.loc[("leader", "Goïta"), "bar_id"] == "leader.mli-goita"
    assert bars.loc[("sanctions", "ECOWAS"), "bar_id"] == "sanctions.n"


def test_period_summary_prefers_milestones():
    events = events_frame().assign(milestone=[True, False, False])
    counts, key = model.period_summary(events, CATEGORIES)
    assert counts.to_dict() == {"coup": 2, "diplomacy": 1}
    assert list(key["event_id"]) == ["a"]
    _, key = model.period_summary(events.assign(milestone=False), CATEGORIES)
    assert list(key["event_id"]) == ["a", "b", "c"]


def test_related_events_share_a_state_and_a_theme():
    events = events_frame().assign(event_id=["a", "b", "c"])
    extra = pd.DataFrame(
        {
            "event_id": ["d"],
            "date": [T("2021-05-24")],
            "category": ["coup"],
            "topic": ["political"],
            "states": [("MLI",)],
        }
    )
    events = pd.concat([events, extra], ignore_index=True)
    assert list(model.related_events(events, "a")["event_id"]) == ["d"]
    assert list(model.related_events(events, "d")["event_id"]) == ["a", "c"]


def topic_items() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "coop_id": ["x", "y", "z", "w"],
            "iso3": ["MLI", "MLI", "NER", "AES"],
            "topic": ["military", "", "military", "russian_support"],
            "status": ["signed", "implemented", "implemented", "announced"],
            "date": [T("2021-02-01"), T("2021-03-15"), T("2024-01-16"), T("2025-04-03")],
            "source_ids": [("a",), ("b",), ("a", "b"), ("b",)],
        }
    )


def test_topic_matrix_keeps_empty_topics_and_states_as_zero():
    items = model.items_by_state(topic_items(), "cooperation")
    matrix = model.topic_matrix(items, ["military", "economic", "russian_support"])
    assert list(matrix.index) == ["military", "economic", "russian_support", "none"]
    assert list(matrix.columns) == ["MLI", "BFA", "NER", "AES"]
    assert matrix.loc["military"].tolist() == [1, 0, 1, 0]
    assert matrix.loc["economic"].tolist() == [0, 0, 0, 0]
    assert matrix.loc["none", "MLI"] == 1  # an item without topic is counted, not dropped
    assert matrix.to_numpy().sum() == 4


def test_events_count_once_per_state_they_concern():
    items = model.items_by_state(events_frame(), "events")
    assert sorted(items["iso3"]) == ["AES", "BFA", "MLI", "MLI", "NER", "NER"]


def test_quarterly_counts_cover_every_quarter():
    counts = model.quarterly_counts(
        model.items_by_state(topic_items(), "cooperation"), ["military"], date(2020, 8, 18), date(2025, 4, 4)
    )
    assert str(counts.index[0]) == "2020Q3" and str(counts.index[-1]) == "2025Q2"
    assert len(counts) == 20
    assert counts.loc[pd.Period("2021Q1"), "military"] == 1
    assert counts.loc[pd.Period("2021Q1"), "none"] == 1
    assert counts.loc[pd.Period("2022Q1")].sum() == 0


def test_status_pipeline_is_ordered_and_keeps_zeros():
    stages = model.status_pipeline(topic_items(), STAGES)
    assert stages.to_dict() == {
        "announced": 1,
        "signed": 1,
        "ratified": 0,
        "in_force": 0,
        "implemented": 2,
        "ended": 0,
    }


def test_topic_card_measures_the_state_media_only_share():
    sources = pd.DataFrame(
        {"source_id": ["a", "b"], "source_type": ["russian_state_media", "international_press"]}
    )
    state_media = model.state_media_ids(sources)
    assert state_media == {"a"}
    card = model.topic_cards(topic_items(), state_media, ["military"])["military"]
    assert card["count"] == 2
    assert card["state_media_share"] == 0.5  # x rests on 'a' alone; z also cites 'b'
    assert list(card["latest"]["coop_id"]) == ["z", "x"]
    assert model.topic_cards(topic_items(), state_media, ["economic"])["economic"]["count"] == 0


def test_narrow_ignores_empty_wishes():
    frame = pd.DataFrame({"topic": ["a", "b", "a"], "iso3": ["MLI", "MLI", "NER"]})
    assert len(model.narrow(frame, topic="", iso3="")) == 3
    assert model.narrow(frame, topic="a", iso3="").index.tolist() == [0, 2]
    assert model.narrow(frame, topic="a", iso3="NER").index.tolist() == [2]


@pytest.mark.parametrize(
    ("categories", "top"),
    [
        (["economic", "alliance", "economic", "alliance", "coup"], "alliance"),  # a tie: code order
        (["economic", "economic", "alliance", "alliance", "economic"], "economic"),
        (["diplomacy"], "diplomacy"),
    ],
)
def test_the_caption_and_the_period_overview_rank_kinds_alike(categories, top):
    events = pd.DataFrame(
        {"category": categories, "lane": ["MLI"] * len(categories), "milestone": [False] * len(categories)}
    )
    counts, _ = model.period_summary(events, CATEGORIES)
    summary = model.timeline_summary(events, CATEGORIES)
    assert summary["top"] == counts.index[0] == top
    assert list(counts) == sorted(counts, reverse=True)
    assert summary["n"] == len(categories) and summary["lanes"] == 1


def test_a_timeline_summary_of_nothing_is_none():
    empty = pd.DataFrame({"category": [], "lane": [], "milestone": []})
    assert model.timeline_summary(empty, CATEGORIES) is None
    assert model.category_counts(empty, CATEGORIES).empty


def test_largest_cell_and_busiest_row_of_nothing_are_none():
    zeros = pd.DataFrame([[0, 0], [0, 0]], index=["military", "none"], columns=["MLI", "NER"])
    assert model.largest_cell(zeros) is None
    assert model.busiest_row(zeros) is None
    counts = zeros.copy()
    counts.loc["none", "NER"] = 3
    assert model.largest_cell(counts) == ("none", "NER", 3)
    assert model.busiest_row(counts) == ("none", 3)


def test_duration_bars_of_chosen_states_keep_only_theirs():
    tables = timeline_tables()
    every = model.duration_bars(tables, date(2020, 8, 18), date(2025, 4, 4))
    assert set(every["iso3"]) == {"MLI", "NER"}
    mali = model.duration_bars(tables, date(2020, 8, 18), date(2025, 4, 4), ["MLI"])
    assert sorted(mali["key"]) == ["Assimi Goïta", "FRENCH_FORCES", "WAGNER"]


def test_event_by_id_finds_one_or_none():
    events = events_frame()
    assert model.event_by_id(events, "b")["date"] == T("2023-07-26")
    assert model.event_by_id(events, "nope") is None


def test_search_rows_matches_any_cell_ignoring_case():
    table = pd.DataFrame({"a": ["Bamako", "Niamey"], "b": [1, 22]})
    assert model.search_rows(table, "bama").index.tolist() == [0]
    assert model.search_rows(table, "22").index.tolist() == [1]
    assert len(model.search_rows(table, "")) == 2
    assert model.search_rows(table, "(.*").empty  # text, never a pattern


def test_standing_by_day_puts_the_aes_first_then_names_on_each_day():
    status = pd.DataFrame(
        {
            "iso3": ["SEN", "NER", "MLI", "DZA"],
            "ecowas_status": ["member", "withdrawn", "withdrawn", "other"],
            "aes_member": [False, True, True, False],
        }
    )
    first, second = pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01")
    days = pd.concat([status.assign(day=second), status.assign(day=first)])
    signed = pd.DataFrame([{"MLI": 1}, {"MLI": 4, "NER": 2}], index=[first, second])
    names = {"SEN": "Senegal", "NER": "Niger", "MLI": "Mali", "DZA": "Algeria"}
    rows = model.standing_by_day(days, ["MLI", "NER", "SEN", "DZA"], names, signed)
    assert list(rows["day"]) == [first] * 4 + [second] * 4
    assert list(rows["iso3"]) == ["MLI", "NER", "DZA", "SEN"] * 2
    assert list(rows["russia_items"]) == [1, 0, 0, 0, 4, 2, 0, 0]


def test_composition_counts_group_area_instrument_and_status():
    items = pd.DataFrame(
        {
            "area": ["mining", "mining", "energy_nuclear"],
            "instrument": ["mou", "mou", "agreement"],
            "status": ["signed", "signed", "announced"],
        }
    )
    counts = model.composition_counts(items)
    assert counts.to_dict("records") == [
        {"area": "energy_nuclear", "instrument": "agreement", "status": "announced", "items": 1},
        {"area": "mining", "instrument": "mou", "status": "signed", "items": 2},
    ]
    assert model.largest_group(items, "area") == ("mining", 2)
    assert model.largest_group(items.iloc[0:0], "area") is None
