"""Page views: what a page shows for its controls, and the loader's cache of them."""

import json
import random
from datetime import date, timedelta

import pandas as pd
import pytest

from components import data, views
from components.config import DATA_END, FIRST_COUP, PERIOD_END
from components.data import cached_view, load_tables
from components.i18n import t


@pytest.fixture(scope="module")
def tables():
    return {
        **load_tables(),
        **data.view_inputs(("shapes", "source_texts", "labels", "milestones", "package")),
    }


def test_the_epoch_of_a_day_is_the_last_change_before_it():
    changes = [pd.Timestamp("2021-01-01"), pd.Timestamp("2022-06-15")]
    assert views.map_epoch(changes, date(2020, 12, 31)) == date(2020, 12, 31)
    assert views.map_epoch(changes, date(2021, 1, 1)) == date(2021, 1, 1)
    assert views.map_epoch(changes, date(2022, 6, 14)) == date(2021, 1, 1)
    assert views.map_epoch(changes, date(2025, 4, 4)) == date(2022, 6, 15)


def test_every_day_looks_like_its_epoch_on_the_map(tables):
    changes = views.map_changes(tables)
    rng = random.Random(4)
    span = (PERIOD_END - FIRST_COUP).days
    days = [FIRST_COUP + timedelta(days=rng.randrange(span + 1)) for _ in range(25)]
    days += [
        change.date() - timedelta(days=1) for change in changes if FIRST_COUP < change.date() <= PERIOD_END
    ][:25]
    for day in days:
        epoch = views.map_epoch(changes, day)
        mine, theirs = (
            views.map_view(tables, day, "fr", ("status", "presence", "arcs")),
            views.map_view(tables, epoch, "fr", ("status", "presence", "arcs")),
        )
        assert json.loads(mine["deck"]["spec"]) == json.loads(theirs["deck"]["spec"]), day
        pd.testing.assert_frame_equal(mine["standing"], theirs["standing"])
        pd.testing.assert_frame_equal(mine["markers"], theirs["markers"])


def test_a_timeline_view_of_nothing_has_no_figure(tables):
    chosen = {"states": ["NER"], "categories": ["coup"], "topics": []}
    view = views.timeline_view(tables, (date(2020, 8, 19), date(2020, 8, 20)), chosen, ["coup"], "en")
    assert view["summary"] is None and view["figure"] is None and view["events"].empty


ALL = {"states": [], "categories": [], "topics": []}


def test_a_duration_bar_keeps_its_id_whatever_the_period_and_names_its_rows_and_sources(tables):
    categories = data.load_codes("events", "category")
    whole = views.timeline_view(tables, (FIRST_COUP, PERIOD_END), ALL, categories, "fr")
    narrow = views.timeline_view(tables, (date(2022, 6, 1), date(2022, 12, 31)), ALL, categories, "fr")
    assert set(narrow["bars"]) < set(whole["bars"])  # the same ids, fewer bars
    bar = next(trace for trace in whole["figure"]["data"] if trace["type"] == "bar")
    assert set(bar["customdata"]) == set(whole["bars"])  # what a click on a bar hands back
    wagner = whole["bars"]["presence.WAGNER.MLI"]
    assert wagner["title"] == "Groupe Wagner · Mali" and wagner["items"]
    assert all(item["source_ids"] for item in wagner["items"])
    sanctions = whole["bars"]["sanctions.mli-2022"]
    assert [item["line"][:10] for item in sanctions["items"]] == ["9 janvier ", "3 juillet "]
    assert "Goïta" in whole["bars"]["leader.mli-goita"]["items"][0]["line"]


def test_the_deaths_band_says_where_the_conflict_data_has_no_coverage(tables):
    conflict = data.load_conflict()
    deaths = views.lane_deaths(conflict, (FIRST_COUP, PERIOD_END), {"NER": "Niger"}, "en")
    assert deaths["gaps"]["NER"] == [
        (pd.Timestamp(FIRST_COUP), pd.Timestamp(PERIOD_END), "Niger: not in the loaded conflict data")
    ]
    (start, end, why) = deaths["gaps"]["MLI"][0]
    assert (
        start == conflict.last
        and end == pd.Timestamp(PERIOD_END)
        and why.startswith("No conflict data after")
    )
    mali = deaths["monthly"]["MLI"]
    assert mali.index.min() >= pd.Timestamp(FIRST_COUP).to_period("M").start_time
    assert mali["best"].sum() > 0 and "NER" not in deaths["monthly"]


def test_a_topics_view_of_nothing_has_no_sentences(tables):
    view = views.topics_view(tables, "cooperation", "economic", "NER", FIRST_COUP, [], "en")
    assert view["matrix"]["summary"] is None and view["quarters"]["summary"] is None
    assert view["cooperation"] is None and view["areas"] is None and view["area_items"] == {}
    assert view["items"]["csv"].empty and view["items"]["shown"].num_rows == 0


def test_the_topics_register_is_the_one_of_its_day_with_the_chosen_grades(tables):
    def items(day, evidence):
        return views.topics_view(tables, "cooperation", "", "", day, evidence, "en")["items"]["csv"]

    moscow, latest = items(date(2025, 4, 4), []), items(DATA_END, [])
    assert moscow["date"].max() <= pd.Timestamp(2025, 4, 4) < latest["date"].max()
    history = tables["cooperation_status"].set_index(["coop_id", "date"])["status"]
    for row in moscow.itertuples():  # each item with the status its last change before that day gave it
        assert history[(row.coop_id, row.date)] == row.status
    graded = items(DATA_END, ["both_parties"])
    assert 0 < len(graded) < len(latest) and set(graded["evidence"]) == {"both_parties"}
    texts = views.topics_view(tables, "cooperation", "", "", DATA_END, ["both_parties"], "en")["area_items"][
        "energy_nuclear"
    ]
    assert texts and all(t("evidence.both_parties", "en") in text for text in texts)


def test_a_view_is_computed_once_per_data_version_and_arguments(data_copy):
    calls = []

    def compute(loaded, day):
        calls.append(day)
        return len(loaded["events"]), day

    assert cached_view("test", compute, ("events",), "2024-01-01") == (
        len(load_tables("events")["events"]),
        "2024-01-01",
    )
    cached_view("test", compute, ("events",), "2024-01-01")
    cached_view("test", compute, ("events",), "2024-01-02")
    assert calls == ["2024-01-01", "2024-01-02"]
    events = data_copy / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a new data version
    cached_view("test", compute, ("events",), "2024-01-01")
    assert calls == ["2024-01-01", "2024-01-02", "2024-01-01"]
    assert data.VIEW_ENTRIES >= 256
