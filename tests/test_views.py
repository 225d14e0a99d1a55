"""Page views: what a page shows for its controls, and the loader's cache of them."""

import itertools
import json
import random
from datetime import date, timedelta

import pandas as pd
import plotly.io
import pyarrow as pa
import pytest
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from components import data, display, formatting, maps, model, security, security_map, views
from components.charts.timeline import timeline_chart
from components.config import (
    DATA_END,
    FIRST_COUP,
    LANGUAGES,
    MAP_WINDOWS,
    MOSCOW_CONSULTATIONS,
    PERIOD_END,
    TOPIC_COLUMNS,
)
from components.data import cached_view, load_tables
from components.formatting import reader_table
from components.i18n import state_names, t
from components.maps import LAYERS


@pytest.fixture(scope="module")
def tables():
    """Every table, and every input the loader derives from them, as views are handed them."""
    return {**load_tables(), **data.view_inputs(("shapes", "package", *data.DERIVED))}


def test_the_epoch_of_a_day_is_the_last_change_before_it():
    changes = [pd.Timestamp("2021-01-01"), pd.Timestamp("2022-06-15")]
    assert model.map_epoch(changes, date(2020, 12, 31)) == date(2020, 12, 31)
    assert model.map_epoch(changes, date(2021, 1, 1)) == date(2021, 1, 1)
    assert model.map_epoch(changes, date(2022, 6, 14)) == date(2021, 1, 1)
    assert model.map_epoch(changes, date(2025, 4, 4)) == date(2022, 6, 15)


def test_every_day_looks_like_its_epoch_on_the_map(tables):
    # The map of a day is drawn from its epoch's frames, made for every epoch at once: they are what
    # the day's own queries give.
    changes, epochs = model.map_changes(tables), tables["map_epochs"]
    rng = random.Random(4)
    span = (PERIOD_END - FIRST_COUP).days
    days = [FIRST_COUP + timedelta(days=rng.randrange(span + 1)) for _ in range(25)]
    days += [
        change.date() - timedelta(days=1) for change in changes if FIRST_COUP < change.date() <= PERIOD_END
    ][:25]
    days += [date(1960, 1, 1), changes[0].date(), changes[-1].date()]  # before every change, the ends
    for day in days:
        parts = model.epoch_parts(epochs, day)
        status = model.bloc_status_on(tables["memberships"], tables["states"], day)
        pd.testing.assert_frame_equal(parts["status"], status)
        markers = model.presence_markers(tables["presence"], tables["forces"], day)
        pd.testing.assert_frame_equal(parts["markers"], markers, check_dtype=not markers.empty)
        register = model.cooperation_on(tables["cooperation"], tables["cooperation_status"], day)
        assert parts["signed"].to_dict() == model.cooperation_signed_by(register).to_dict(), day
        assert parts["sanctioned"] == model.sanctioned_on(tables["sanctions"], tables["events"], day), day


def test_a_map_view_is_the_map_of_its_epoch(tables):
    changes = model.map_changes(tables)
    for day in (date(2022, 3, 1), date(2023, 8, 1), date(2025, 4, 3)):
        epoch = model.map_epoch(changes, day)
        mine, theirs = (views.map_view(tables, d, "fr", ("status", "presence", "arcs")) for d in (day, epoch))
        assert json.loads(mine["deck"]["spec"]) == json.loads(theirs["deck"]["spec"]), day
        for name in ("states", "forces"):
            pd.testing.assert_frame_equal(mine["tables"][name]["csv"], theirs["tables"][name]["csv"])
            assert mine["tables"][name]["shown"].equals(theirs["tables"][name]["shown"])


def straightforward_deck(tables: dict, day: date, lang: str, layers, window=0, coverage=None) -> dict:
    """The map's deck as the day's own queries make it, every part serialised on the spot."""
    states, shapes = tables["states"], tables["shapes"]
    names = state_names(states, lang)
    status = model.bloc_status_on(tables["memberships"], states, day)
    register = model.cooperation_on(tables["cooperation"], tables["cooperation_status"], day)
    conflict = None
    if "conflict" in layers and security.covers(coverage["start"], coverage["end"], day, window):
        rows = tables["conflict_rows"]
        events = rows[
            (rows["day"] > pd.Timestamp(day) - pd.Timedelta(days=window)) & (rows["day"] <= pd.Timestamp(day))
        ]
        conflict = security_map.security_layer(security.event_points(events, lang))
    deck = maps.sahel_map(
        shapes,
        status,
        model.presence_markers(tables["presence"], tables["forces"], day),
        maps.arc_rows(model.cooperation_signed_by(register), states, names, lang),
        names,
        lang,
        list(layers),
        versions=model.map_sources(tables)[lang],
        outline=model.aes_outline(shapes, set(status.loc[status["aes_member"], "iso3"])),
        sanctioned=model.sanctioned_on(tables["sanctions"], tables["events"], day),
        conflict=conflict,
    )
    return {"spec": json.loads(deck.to_json()), "tooltip": deck._tooltip}


def test_a_map_view_draws_the_deck_of_its_day_s_own_queries(tables):
    # The view splices the parts every map shares, written once (model.map_shapes, map_outlines),
    # into frames made for every epoch at once: the browser gets the same deck as from the day's own.
    coverage = next(r for r in tables["package"]["resources"] if r["name"] == "conflict_events")["x_coverage"]
    changes = model.map_changes(tables)
    rng = random.Random(12)
    span = (PERIOD_END - FIRST_COUP).days
    shown = set()
    for _ in range(120):
        day = FIRST_COUP + timedelta(days=rng.randrange(span + 1))
        if rng.random() < 0.3:
            day = rng.choice(changes).date() - timedelta(days=rng.randrange(2))
        lang = rng.choice(["en", "fr"])
        layers = tuple(layer for layer in LAYERS if rng.random() < 0.7)
        controls = (int(rng.choice(MAP_WINDOWS)), coverage) if "conflict" in layers else ()
        view = views.map_view(tables, day, lang, layers, *controls)
        mine = {"spec": json.loads(view["deck"]["spec"]), "tooltip": view["deck"]["tooltip"]}
        assert mine == straightforward_deck(tables, day, lang, layers, *controls), (
            day,
            lang,
            layers,
            controls,
        )
        shown |= {layer["id"] for layer in mine["spec"]["layers"]}
    assert {"countries", "aes-outline", "presence", "arcs", "sanctions", "conflict-events"} <= shown


def test_a_country_panel_is_the_panel_of_the_last_change_before_its_day(tables):
    changes = views.country_changes(tables)
    rng = random.Random(7)
    span = (PERIOD_END - FIRST_COUP).days
    days = [FIRST_COUP + timedelta(days=rng.randrange(span + 1)) for _ in range(12)]
    days += [change.date() - timedelta(days=1) for change in changes if change.date() > FIRST_COUP][::15]
    for day, iso3 in zip(days, itertools.cycle(["MLI", "NER", "BFA", "SEN", "TCD"])):
        mine = views.country_view(tables, iso3, day, "fr")
        theirs = views.country_view(tables, iso3, model.map_epoch(changes, day), "fr")
        history = mine.pop("history"), theirs.pop("history")
        assert mine == theirs, (day, iso3)
        assert history[0] is history[1] is None or history[0].equals(history[1]), (day, iso3)


def test_a_timeline_view_of_nothing_has_no_figure(tables):
    chosen = {"states": ["NER"], "categories": ["coup"], "topics": []}
    view = views.timeline_view(tables, (date(2020, 8, 19), date(2020, 8, 20)), chosen, ["coup"], "en")
    assert view["summary"] is None and view["figure"] is None and view["events"].empty


def sent(figure) -> dict:
    """A figure (or its spec) as st.plotly_chart sends it to the browser, decoded."""
    return json.loads(plotly.io.to_json(figure, validate=False))


def test_the_timeline_view_draws_what_the_model_gives_for_its_controls(tables):
    """The view reads what the loader derived once (every bar, the phases, the events' lanes): its
    events, bars and figure are those the model's own functions give for each of a fixed-seed sample
    of controls."""
    categories = data.load_codes("events", "category")
    events, rng = model.with_lanes(tables["events"]), random.Random(3)
    phases = model.phase_periods(tables["phases"], tables["events"], DATA_END)
    for _ in range(30):
        first = FIRST_COUP + timedelta(days=rng.randrange(1600))
        period = (first, min(first + timedelta(days=rng.randrange(1, 1700)), PERIOD_END))
        chosen = {"states": rng.sample(["MLI", "BFA", "NER"], rng.randint(0, 2)), "topics": []}
        chosen["categories"] = rng.sample(categories, rng.randint(0, 3))
        lang = rng.choice(["en", "fr"])
        view = views.timeline_view(tables, period, chosen, categories, lang)
        shown = model.filter_events(events, *period, **chosen)
        assert view["events"].equals(model.event_rows(shown, lang))
        if shown.empty:
            assert view["figure"] is None
            continue
        bars = model.duration_bars(tables, *period, chosen["states"])
        assert view["bars"] == list(bars["bar_id"])
        labels = views.bar_labels(tables, lang)
        cited = model.publishers(tables["sources"])
        figure = timeline_chart(shown, bars, phases, cited, labels, categories, period, lang)
        assert sent(view["figure"]) == sent(figure)


ALL = {"states": [], "categories": [], "topics": []}


def test_a_duration_bar_keeps_its_id_whatever_the_period_and_names_its_rows_and_sources(tables):
    categories = data.load_codes("events", "category")
    whole = views.timeline_view(tables, (FIRST_COUP, PERIOD_END), ALL, categories, "fr")
    narrow = views.timeline_view(tables, (date(2022, 6, 1), date(2022, 12, 31)), ALL, categories, "fr")
    assert set(narrow["bars"]) < set(whole["bars"])  # the same ids, fewer bars
    bar = next(trace for trace in whole["figure"]["data"] if trace["type"] == "bar")
    assert list(bar["customdata"]) == whole["bars"]  # what a click on a bar hands back
    catalogue = views.timeline_catalogue(tables, "fr")["bars"]
    wagner = catalogue["presence.WAGNER.MLI"]
    assert wagner["title"] == "Groupe Wagner · Mali" and wagner["items"]
    assert all(item["source_ids"] for item in wagner["items"])
    sanctions = catalogue["sanctions.mli-2022"]
    assert [item["line"][:10] for item in sanctions["items"]] == ["9 janvier ", "3 juillet "]
    assert "Goïta" in catalogue["leader.mli-goita"]["items"][0]["line"]


def test_every_bar_of_any_period_has_its_own_id_and_its_details_in_the_catalogue(tables):
    categories = data.load_codes("events", "category")
    catalogue = views.timeline_catalogue(tables, "en")["bars"]
    rng = random.Random(7)
    span = (DATA_END - FIRST_COUP).days
    for _ in range(20):
        first = FIRST_COUP + timedelta(days=rng.randrange(span))
        period = (first, min(first + timedelta(days=rng.randint(1, 1500)), DATA_END))
        chosen = {**ALL, "states": rng.choice([[], ["MLI"], ["NER", "BFA"]])}
        bars = views.timeline_view(tables, period, chosen, categories, "en")["bars"]
        assert len(set(bars)) == len(bars) and set(bars) <= set(catalogue), period
    # A leader's second term is a bar of its own, with its own term's details.
    assert "President ·" in catalogue["leader.ner-tiani-2025"]["items"][0]["line"]
    assert "junta" in catalogue["leader.ner-tiani"]["items"][0]["line"]


@pytest.mark.parametrize(
    "controls",
    [
        ((date(2022, 1, 1), DATA_END), {"categories": ["sanctions", "russia"]}),
        ((FIRST_COUP, PERIOD_END), {"states": ["NER", "ECOWAS"], "evidence": ["both_parties"]}),
        ((date(2023, 7, 1), date(2023, 8, 31)), {}),
    ],
)
def test_the_timeline_table_picked_from_the_catalogue_is_the_one_made_for_its_rows(tables, controls):
    period, chosen = controls
    categories = data.load_codes("events", "category")
    view = views.timeline_view(tables, period, {**ALL, **chosen}, categories, "fr")
    picked = display.arrow_rows(views.timeline_catalogue(tables, "fr")["rows"], view["rows"])
    named = reader_table(view["events"], tables["sources"], "fr")  # the view's events are model.event_rows
    made = display.shown(named, "fr", data.load_labels("fr"))
    assert len(made) > 1
    assert convert_anything_to_arrow_bytes(picked) == convert_anything_to_arrow_bytes(made)
    # The period overview's table keeps its kinds as the index, which panels.period_overview shows.
    kinds = view["overview"]["table"].to_pandas().index
    assert not isinstance(kinds, pd.RangeIndex) and kinds.name == t("timeline.categories", "fr")


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


def assert_same_view(mine, theirs, where: str = "") -> None:
    """Two views alike to the last value: frames with their index's very type (an Arrow table
    carries it), Arrow tables with their metadata, everything else equal."""
    if isinstance(theirs, pd.DataFrame):
        pd.testing.assert_frame_equal(mine, theirs, check_index_type=True, obj=where)
    elif isinstance(theirs, pa.Table):
        assert isinstance(mine, pa.Table) and mine.equals(theirs, check_metadata=True), where
    elif isinstance(theirs, dict | list):
        assert type(mine) is type(theirs) and len(mine) == len(theirs), where
        for key in theirs if isinstance(theirs, dict) else range(len(theirs)):
            assert_same_view(mine[key], theirs[key], f"{where}/{key}")
    else:
        assert mine == theirs, where


def sample_days(changes: list[pd.Timestamp], rng: random.Random, count: int) -> list[date]:
    """`count` days of the period at random, then each change day and the day before it."""
    span = (DATA_END - FIRST_COUP).days
    days = [FIRST_COUP + timedelta(days=rng.randrange(span + 1)) for _ in range(count)]
    return days + [d for change in changes for d in (change.date() - timedelta(days=1), change.date())]


def test_the_register_of_a_day_is_the_one_its_last_status_change_made(tables):
    registers, history = tables["russian_registers"], tables["cooperation_status"]
    for day in [date(1960, 1, 1), *sample_days(model.register_changes(history), random.Random(5), 40)]:
        register = model.cooperation_on(tables["cooperation"], history, day)
        pd.testing.assert_frame_equal(
            model.register_on(registers, day),
            model.russian_items(register),
            check_index_type=True,
            obj=str(day),
        )


def test_a_topics_view_of_any_day_is_the_view_of_its_epoch(tables):
    # The page asks for the view of the day's epoch: every day between two status changes must
    # look the same, whatever the other controls.
    days = views.register_days(tables)
    grades = views.topics_options(tables, "en")["evidence"]
    rng = random.Random(12)
    controls = [
        (
            rng.choice(["cooperation", "events"]),
            rng.choice(["", *tables["topics"]["topic_id"]]),
            rng.choice(["", *TOPIC_COLUMNS]),
            day,
            rng.sample(grades, rng.choice([0, 0, 1, 2])),
            rng.choice(["en", "fr"]),
        )
        for day in sample_days(days[1:], rng, 60)
    ]
    assert len(controls) >= 100
    for measure, topic, state, day, evidence, lang in controls:
        epoch = model.map_epoch(days, day)
        assert_same_view(
            views.topics_view(tables, measure, topic, state, day, evidence, lang),
            views.topics_view(tables, measure, topic, state, epoch, evidence, lang),
            f"{measure} {topic} {state} {day} {evidence} {lang}",
        )


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


def test_views_past_the_cache_s_bytes_push_out_the_least_recently_used():
    calls = []

    def compute(loaded, n):
        calls.append(n)
        return bytes(20 * 2**20)  # 20 MiB: four are more than the cache keeps

    for n in (1, 2, 3, 1, 4):  # 1 read again: 2 is now the least recently used
        cached_view("test-bytes", compute, (), n)
    cached_view("test-bytes", compute, (), 1)
    cached_view("test-bytes", compute, (), 2)
    assert calls == [1, 2, 3, 4, 2]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_overview_view_writes_its_headline_and_states_in_the_language(tables, lang):
    view = views.overview_view(tables, lang, FIRST_COUP, MOSCOW_CONSULTATIONS)
    assert view["figures"]["days"] == 1689
    [event] = view["headline"]
    assert event["date"] == ("3 avril 2025" if lang == "fr" else "3 April 2025")
    assert event["sources"].splitlines()[0].startswith("*") and "\n- " in event["sources"]
    assert view["states"].column_names[0] == t("overview.column.state", lang)
    assert view["states"].num_rows == 3


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_methodology_view_dates_its_phases_and_hides_the_corrections_ids(tables, lang):
    view = views.methodology_view(tables, lang, DATA_END)
    assert len(view["phases"]) == len(tables["phases"])
    assert view["phases"][0]["heading"].startswith("**") and " – " in view["phases"][0]["heading"]
    assert "row_ids" in view["corrections"].columns
    assert view["corrections_shown"].num_rows == len(view["corrections"])
    assert "row_ids" not in view["corrections_shown"].column_names


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_data_view_holds_the_table_as_read_and_described_and_the_sources_by_type(tables, lang):
    package = data.load_package_info()
    view = views.data_view({**tables, "package": package}, "events", lang)
    events = next(r for r in package["resources"] if r["name"] == "events")
    assert view["fields"].num_rows == len(events["schema"]["fields"])
    assert view["fields"].column_names[0] == t("data.column", lang)
    assert view["by_type"]["sources"].sum() == len(tables["sources"])
    assert str(len(tables["sources"])) in view["by_type_summary"].replace("\u202f", "").replace(",", "")
    assert view["by_type_shown"].column_names != list(view["by_type"].columns)
    assert view["table"].equals(tables["events"])
    reader = data.load_reader_table("events", lang)
    assert view["shown"].num_rows == len(reader) and view["shown"].column_names == list(reader.columns)


def test_no_table_of_the_data_page_shows_an_internal_id(tables):
    """Rows that refer to an event by id show its title and date; ids alone are left out (the CSV
    keeps them)."""
    ids = {
        value
        for name in data.load_tables()
        for column_name in formatting.ID_COLUMNS
        if column_name in tables[name].columns and column_name != "row_ids"
        for value in tables[name][column_name].dropna()
    }
    assert len(ids) > 1000  # events, cooperation items, sources, presences, leaders, sanctions
    for resource in tables["package"]["resources"]:
        if not resource["path"].endswith(".csv"):
            continue
        for lang in LANGUAGES:
            shown = views.data_view(tables, resource["name"], lang)["shown"].to_pandas()
            cells = {str(cell) for column_name in shown.columns for cell in shown[column_name].dropna()}
            seen = {found for cell in cells for found in formatting.ID_PATTERN.findall(cell) if found in ids}
            assert seen == set(), (resource["name"], lang)
