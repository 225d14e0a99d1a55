"""Every page through the router with AppTest, in both languages, and the damaged-data message."""

import copy
import json
import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from conflict_samples import acled_file
from streamlit.testing.v1 import AppTest

from components.config import PAGES, SITE
from components.conflict_files import read_export
from components.data import load_codes, load_tables
from components.i18n import state_names, t

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_page(page: str, **query) -> AppTest:
    """The app opened on `page` with the given query parameters, run to the end."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if page != PAGES[0][0]:
        at.switch_page(f"components/pages/{page}.py")  # opened directly, as a shared link would
    at.run()
    assert not at.exception, [exception.message for exception in at.exception]  # no traceback, ever
    return at


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("page", [name for name, _ in PAGES])
def test_every_page_runs_in_both_languages(page, lang):
    at = run_page(page, lang=lang)
    assert not at.exception, at.exception
    assert not at.error
    assert at.session_state["lang"] == lang
    assert at.title[0].value


def test_the_overview_shows_figures_from_the_tables():
    at = run_page("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Days from the first coup to the Moscow consultations"] == "1,689"
    assert int(metrics["Events"]) >= 80
    assert int(metrics["Sources cited"]) > 50
    assert "Moscow" in " ".join(t.value for t in at.text)


def test_the_overview_speaks_french():
    at = run_page("overview", lang="fr")
    labels = [m.label for m in at.metric]
    assert "Jours entre le premier coup d'État et les consultations de Moscou" in labels
    assert "1\u202f689" in [m.value for m in at.metric]


def test_the_data_page_filters_a_table_from_the_url():
    at = run_page("data", **{"data.table": "events", "data.search": "Liptako"})
    assert at.selectbox(key="data.table").value == "events"
    frame = at.dataframe[0].value
    assert 1 <= len(frame) < 10
    assert frame["Title"].str.contains("Liptako").any()  # the English half of each pair, headed in English
    assert "title_fr" not in frame.columns and "title_en" not in frame.columns


def test_the_data_page_says_when_nothing_matches():
    at = run_page("data", **{"data.table": "sources", "data.search": "zzzz-no-such-text"})
    assert any("No rows match" in info.value for info in at.info)


def test_an_unknown_table_in_the_url_falls_back_to_the_first():
    at = run_page("data", **{"data.table": "<script>"})
    assert not at.exception
    assert at.selectbox(key="data.table").value == "sources"


def damage_events(folder, transform):
    path = folder / "events.csv"
    path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (
            lambda p: damage_events(p, lambda t: t.replace(",2020-08-18,", ",18/08/2020,", 1)),
            "events.csv, row 2, column 'date': '18/08/2020' is not a date written YYYY-MM-DD",
        ),
        (lambda p: (p / "states.csv").unlink(), "states.csv: is missing"),
        (
            lambda p: (p / "topics.csv").write_bytes(b"topic_id,label_en\n\xff\xfe\n"),
            "topics.csv, row 2: is not UTF-8",
        ),
        (
            lambda p: damage_events(p, lambda t: t.replace("event_id,", "id,", 1)),
            "column 'event_id': column is missing",
        ),
        (
            lambda p: damage_events(p, lambda t: t.replace(",MLI,", ",XYZ,", 1)),
            "column 'states': 'XYZ' is not a key of states or organisations",
        ),
        (
            lambda p: damage_events(
                p, lambda t: t.replace("c-2021-05-24-mali-second-coup,", "c-2020-08-18-mali-coup,", 1)
            ),
            "column 'event_id': duplicate key 'c-2020-08-18-mali-coup'",
        ),
        (lambda p: (p / "presence.csv").write_text(""), "presence.csv: is empty"),
        (lambda p: (p / "datapackage.json").unlink(), "datapackage.json: cannot be read"),
        (lambda p: shutil.rmtree(p), "datapackage.json: cannot be read"),
        (lambda p: (p / "shapes" / "sahel.geojson").write_text("{"), "shapes/sahel.geojson: cannot be read"),
    ],
)
def test_damaged_data_gives_a_clear_message(data_copy, damage, expected):
    damage(data_copy)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "data files are damaged" in at.error[0].value
    assert expected in at.code[0].value


def deck_spec(at: AppTest) -> dict:
    import json

    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def test_the_map_opens_on_the_day_of_the_consultations():
    at = run_page("map")
    assert at.select_slider(key="map.date").value == date(2025, 4, 3)
    spec = deck_spec(at)
    features = next(layer for layer in spec["layers"] if layer["id"] == "countries")["data"]["features"]
    mali = next(f for f in features if f["properties"]["iso3"] == "MLI")
    assert "Left" in mali["tooltip"] and "AES member" in mali["tooltip"]


def test_the_map_reopens_a_shared_view_in_french():
    at = run_page(
        "map", lang="fr", **{"map.date": "2024-01-01", "map.country": "NER", "map.layers": "status,presence"}
    )
    assert at.select_slider(key="map.date").value == date(2024, 1, 1)
    assert at.selectbox(key="map.country").value == "NER"
    # Niger was under ECOWAS sanctions that day: their badge comes with the status layer.
    expected = {"countries", "borders", "aes-outline", "sanctions", "presence"}
    assert {layer["id"] for layer in deck_spec(at)["layers"]} == expected
    texts = [line for text in at.text for line in text.value.split("\n")]
    assert "CEDEAO : Suspendu" in texts
    assert any(t.startswith("Abdourahamane Tiani") for t in texts)
    assert any(t.startswith("Forces américaines — Niamey") for t in texts)


def test_a_click_on_the_map_selects_the_country():
    at = run_page("map")
    selection = {
        "selection": {
            "indices": {"countries": [0]},
            "objects": {"countries": [{"properties": {"iso3": "BFA"}}]},
        }
    }
    at.session_state["map.deck"] = selection
    at.session_state["map.country"] = "BFA"  # what the on_select callback writes
    at.run()
    assert at.selectbox(key="map.country").value == "BFA"
    assert any(t.value.startswith("Ibrahim Traoré") for t in at.text)


def test_the_step_buttons_jump_between_event_days():
    at = run_page("map", **{"map.date": "2023-07-20"})
    at.button(key="map.date.next").click().run()
    assert at.select_slider(key="map.date").value == date(2023, 7, 26)
    at.button(key="map.date.previous").click().run()
    assert at.select_slider(key="map.date").value < date(2023, 7, 20)


@pytest.mark.parametrize(
    "bad", [{"map.date": "2030-01-01"}, {"map.date": "yesterday"}, {"map.country": "XXX"}]
)
def test_a_bad_map_parameter_is_ignored_with_a_notice(bad):
    at = run_page("map", **bad)
    assert not at.exception
    assert at.select_slider(key="map.date").value == date(2025, 4, 3)
    assert any("were not understood" in info.value for info in at.info)


def test_the_timeline_filters_come_from_the_url():
    query = {
        "timeline.period": "2023-07-01,2024-12-31",
        "timeline.states": "NER",
        "timeline.categories": "sanctions,russia",
    }
    at = run_page("timeline", **query)
    assert at.select_slider(key="timeline.period").value == (date(2023, 7, 1), date(2024, 12, 31))
    assert at.multiselect(key="timeline.states").value == ["NER"]
    assert at.multiselect(key="timeline.categories").value == ["sanctions", "russia"]
    shown = at.dataframe[-1].value
    assert len(shown) > 3
    assert shown["Kind of event"].isin(["Sanctions", "Russia"]).all()  # labels, not codes
    assert shown["States"].map(lambda s: "Niger" in s).all()


def test_a_selected_event_shows_its_details_and_sources():
    at = run_page("timeline", lang="fr", **{"timeline.event": "a-2023-09-16-liptako-gourma-charter"})
    assert "Charte du Liptako-Gourma" in at.subheader[0].value.replace("\\", "")  # shown escaped
    markdown = " ".join(m.value for m in at.markdown)
    assert "Sources" in markdown and "https://" in markdown


def test_a_chart_click_selects_the_event():
    at = run_page("timeline")
    at.session_state["timeline.chart"] = {
        "selection": {"points": [{"customdata": "c-2023-07-26-niger-coup"}]}
    }
    at.session_state["timeline.event"] = "c-2023-07-26-niger-coup"  # what the on_select callback writes
    at.run()
    assert at.selectbox(key="timeline.event").value == "c-2023-07-26-niger-coup"
    assert any("Niger" in s.value for s in at.subheader)


def test_a_chart_click_on_a_duration_bar_opens_its_period_and_sources():
    at = run_page("timeline")
    at.session_state["timeline.chart"] = {"selection": {"points": [{"customdata": "presence.WAGNER.MLI"}]}}
    at.session_state["timeline.event"] = "presence.WAGNER.MLI"  # what the on_select callback writes
    at.run()
    assert not at.exception
    assert any(s.value == "Wagner group · Mali" for s in at.subheader)
    assert any("Bamako" in text.value or "Mali" in text.value for text in at.text)
    assert "https://" in " ".join(m.value for m in at.markdown)


def test_the_deaths_band_is_off_by_default_and_toggled_from_the_link():
    assert '"tonexty"' not in run_page("timeline").get("plotly_chart")[0].proto.spec
    at = run_page("timeline", lang="fr", **{"timeline.deaths": "deaths"})
    assert not at.exception
    assert at.session_state["timeline.deaths"] == ["deaths"]
    traces = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    assert any(trace.get("fill") == "tonexty" for trace in traces)  # the band
    gaps = next(trace for trace in traces if "pattern" in trace.get("marker", {}))
    assert "Niger : absent des données de conflit chargées" in gaps["hovertext"]
    assert any("UCDP" in caption.value for caption in at.caption)


def test_the_timeline_says_when_nothing_matches_and_resets_in_one_click():
    at = run_page("timeline", **{"timeline.period": "2020-08-19,2020-08-20", "timeline.categories": "russia"})
    assert any("No rows match" in info.value for info in at.info)
    at.button(key="timeline.reset").click().run()
    assert not at.exception
    assert at.multiselect(key="timeline.categories").value == []
    assert at.select_slider(key="timeline.period").value == (date(2020, 8, 18), date(2025, 4, 4))


def test_the_topics_page_filters_by_topic_and_state_from_the_url():
    at = run_page("topics", lang="fr", **{"topics.topic": "russian_support", "topics.state": "MLI"})
    assert at.selectbox(key="topics.topic").value == "russian_support"
    assert at.selectbox(key="topics.state").value == "MLI"
    items = at.dataframe[-1].value
    assert len(items) > 5
    assert (items["Thème"] == "Soutien russe").all() and (items["État"] == "Mali").all()
    markdown = " ".join(m.value for m in at.markdown)
    assert "Soutien russe" in markdown and "Coopération militaire" not in markdown


def test_the_items_table_shows_the_charts_labels_and_named_sources_never_codes_or_ids():
    tables = load_tables("cooperation", "sources")
    codes = {
        c for name in ("area", "instrument", "status", "topic", "iso3") for c in tables["cooperation"][name]
    }
    at = run_page("topics", lang="fr")
    items = at.dataframe[-1].value
    assert list(items.columns) == [
        "Date",
        "État",
        "Thème",
        "Domaine",
        "Instrument",
        "Stade",
        "Titre",
        "Sources",
    ]
    cells = {cell for column in items.columns for cell in items[column]}
    assert not cells & codes and "Énergie et nucléaire" in set(items["Domaine"])
    assert "juin 2019" in set(items["Date"])  # a month-precise date is written as a month
    assert not any(source in " ".join(items["Sources"]) for source in tables["sources"]["source_id"])
    assert (
        "TASS: Russia to sign military cooperation deal with Niger (10 août 2017)" in items["Sources"].iloc[0]
    )


def test_an_area_from_the_url_lists_its_items_with_stage_date_and_sources():
    at = run_page("topics", **{"topics.area": "energy_nuclear"})
    assert at.selectbox(key="topics.area").value == "energy_nuclear"
    # The area's items, not the topic cards below them (a card's description is small text).
    items = [m.value for m in at.markdown if m.value.startswith("**") and " — " in m.value]
    listed = [text for text in items if ":small[" not in text]
    energy = load_tables("cooperation")["cooperation"].query("area == 'energy_nuclear' and partner == 'RUS'")
    assert len(listed) == len(energy) > 0
    stages = [t(f"stage.{code}", "en") for code in load_codes("cooperation", "status")]
    assert all(any(stage in text for stage in stages) for text in listed)
    assert all("\n- " in text for text in listed)  # each item names its sources below it
    assert any("items in “Energy and nuclear”" in m.value for m in at.markdown)


def test_without_an_area_the_page_says_how_to_choose_one():
    at = run_page("topics")
    assert at.selectbox(key="topics.area").value == ""
    assert any("click a bar of the chart" in c.value for c in at.caption)


def test_the_topics_page_counts_events_when_asked():
    at = run_page("topics", **{"topics.measure": "events", "topics.state": "AES"})
    items = at.dataframe[-1].value
    assert "Kind" in items.columns and "event_id" not in items.columns
    assert items["State"].map(lambda s: "AES (bloc)" in s).all()


def test_a_state_without_items_shows_the_empty_message():
    at = run_page("topics", **{"topics.topic": "economic", "topics.state": "BFA"})  # none recorded
    assert any("No rows match" in info.value for info in at.info)


def test_an_empty_topic_and_state_names_no_largest_cell_or_busiest_quarter():
    at = run_page("topics", **{"topics.topic": "economic", "topics.state": "NER"})
    captions = " ".join(c.value for c in at.caption)
    assert "0 items" not in captions and "Largest cell" not in captions and "Busiest quarter" not in captions
    assert captions.count("Nothing is counted for this choice") == 2


def test_the_timeline_caption_names_the_kind_its_table_ranks_first():
    at = run_page("timeline", **{"timeline.states": "AES", "timeline.period": "2025-01-01,2025-04-04"})
    counts = at.table[0].value  # the period overview's counts by kind, largest first
    caption = next(c.value for c in at.caption if "most frequent kind" in c.value)
    assert caption.rstrip(".").endswith(counts.index[0])


def test_a_country_chosen_on_the_map_filters_the_timeline_and_topics():
    at = run_page("map", **{"map.country": "NER"})
    at.switch_page("components/pages/timeline.py").run()
    assert at.multiselect(key="timeline.states").value == ["NER"]
    at.switch_page("components/pages/topics.py").run()
    assert at.selectbox(key="topics.state").value == "NER"


def test_an_event_chosen_on_the_timeline_sets_the_map_day():
    at = run_page("timeline", **{"timeline.event": "c-2023-07-26-niger-coup", "timeline.topics": "political"})
    at.switch_page("components/pages/map.py").run()
    assert at.select_slider(key="map.date").value == date(2023, 7, 26)
    at.switch_page("components/pages/topics.py").run()
    assert at.selectbox(key="topics.topic").value == "political"


def test_reset_all_clears_every_page_but_the_language():
    at = run_page("timeline", lang="fr", **{"timeline.categories": "coup", "timeline.states": "MLI"})
    at.button(key="app.reset").click().run()
    assert at.multiselect(key="timeline.categories").value == []
    assert at.multiselect(key="timeline.states").value == []
    at.switch_page("components/pages/map.py").run()
    assert at.selectbox(key="map.country").value == ""
    assert at.session_state["lang"] == "fr"


def test_unknown_parameters_are_dropped_with_a_notice():
    at = run_page("timeline", **{"utm_source": "x", "<script>": "1"})
    assert not at.exception
    notices = [info.value for info in at.info]
    assert any("utm_source" in n and "<script>" in n for n in notices)
    assert "utm_source" not in at.query_params


@pytest.mark.parametrize("page", [name for name, _ in PAGES])
def test_every_page_offers_a_citation(page):
    at = run_page(page, lang="fr")
    boxes = " ".join(h.value for h in at.get("html"))
    assert "Citation en anglais" in boxes and "Citation en français" in boxes  # a label for each language
    assert "Sahel Pivot project. Sahel Pivot: the Alliance" in boxes and "version 0.1.0" in boxes
    assert "Sahel Pivot project. Sahel Pivot : l&#x27;Alliance" in boxes and "Consulté le" in boxes
    assert "127.0.0.1" not in boxes and "Copie locale, sans adresse publique." in boxes


def test_the_citation_names_each_view_in_its_own_language():
    boxes = " ".join(h.value for h in run_page("timeline", lang="en").get("html"))
    assert "“Timeline” view" in boxes and "Vue « Chronologie »" in boxes and "Vue « Timeline »" not in boxes


def test_the_citation_and_the_link_use_the_canonical_address_when_one_is_configured(monkeypatch):
    monkeypatch.setitem(SITE, "canonical", "https://sahel.example.org/")
    at = run_page("topics", lang="fr", **{"topics.area": "mining"})
    boxes = " ".join(h.value for h in at.get("html"))
    link = "https://sahel.example.org/topics?lang=fr&amp;topics.area=mining"
    assert boxes.count(link) == 3  # the link to share and both citations
    assert "Copie locale" not in boxes and "ne peut pas être partagée" not in " ".join(
        c.value for c in at.caption
    )


@pytest.mark.parametrize(
    ("issues", "target"), [("", "methodology"), ("https://tracker.example.org/issues", None)]
)
def test_report_an_error_links_to_the_configured_issue_tracker_or_the_methodology_page(
    monkeypatch, issues, target
):
    monkeypatch.setitem(SITE, "issues", issues)
    boxes = " ".join(h.value for h in run_page("overview").get("html"))
    assert f'href="{target or issues}"' in boxes and "Report an error" in boxes


def test_the_security_page_states_its_source_and_coverage():
    at = run_page("security")
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "GED 24.1 (most likely:" in captions and "CC BY 4.0" in captions
    assert "Sundberg" in captions and "Davies" in captions
    assert "Niger: not in the loaded data." in [w.value for w in at.warning]
    assert any("31 December 2023" in i.value for i in at.info)
    french = " ".join(c.value for c in run_page("security", lang="fr").caption)
    assert "GED 24.1 (très probablement" in french and "most likely" not in french
    assert at.pills(key="security.states").value == ["MLI", "BFA"]
    assert len(at.get("plotly_chart")) == 2


def test_the_security_page_reads_its_controls_from_the_url_in_french():
    at = run_page(
        "security",
        lang="fr",
        **{"security.measure": "events", "security.state": "MLI", "security.by": "side",
           "security.milestone": "w-2022-08-15-last-french-troops-leave-mali"},
    )  # fmt: skip
    assert not at.exception
    assert "Niger : absent des données chargées." in [w.value for w in at.warning]
    assert at.selectbox(key="security.by").value == "side"
    table = at.dataframe[-1].value
    assert set(table["Période"]) == {"avant", "après"} and set(table["Mois"]) == {6, 12}
    mali = table[(table["État"] == "Mali") & (table["Mois"] == 6)].set_index("Période")
    assert mali.loc["après", "Premier mois"] == "septembre 2022"
    assert "mois" in " ".join(m.value for m in at.markdown)


def uploaded(data: bytes, name: str, **query) -> AppTest:
    """The security page after the reader uploaded `data` as `name`."""
    at = run_page("security", **query)
    at.get("file_uploader")[0].set_value((name, data, "text/csv"))
    return at.run()


def test_an_uploaded_acled_file_replaces_the_numbers_and_the_link_says_so():
    at = uploaded(acled_file(400), "my-acled.csv")
    assert not at.exception and not at.error
    assert "Your file: 400 rows read, 400 used, 0 left out." in [s.value for s in at.success]
    captions = " ".join(c.value for c in at.caption)
    assert "my\\-acled\\.csv" in captions and "ACLED export" in captions
    assert "The shaded band" not in captions  # ACLED has one fatality count: no band
    assert at.query_params["security.file"] in ("own", ["own"])
    table = at.dataframe[0].value
    headers = {"State", "Month", "Events", "Deaths (best estimate)", "Low estimate", "High estimate"}
    assert set(table.columns) == headers  # aggregates only


def test_a_bad_upload_names_its_problem_and_keeps_the_shipped_data():
    at = uploaded(b"a,b\n1,2\n", "odd.csv")
    assert not at.exception
    assert "missing or renamed columns" in at.error[0].value
    assert any("GED 24.1" in c.value for c in at.caption)


def test_a_link_made_from_an_upload_says_the_file_is_not_in_it():
    at = run_page("security", **{"security.file": "own"})
    assert any("reader's own file" in i.value for i in at.info)


def test_a_second_upload_is_shown_not_the_cached_view_of_the_first():
    def shown_and_expected(at: AppTest, data: bytes) -> tuple[int, int]:
        table = at.dataframe[0].value  # the monthly table of the chosen states, with its headers shown
        kinds = read_export(data, "x.csv", date.today()).conflict.kinds
        names = state_names(load_tables("states")["states"], "en")
        chosen = kinds["iso3"].map(names).isin(set(table["State"]))
        return table["Events"].sum(), kinds[chosen]["events"].sum()

    first, second = acled_file(400), acled_file(120)
    at = uploaded(first, "first.csv")
    shown_first, expected = shown_and_expected(at, first)
    assert shown_first == expected > 0
    at.get("file_uploader")[0].set_value(("second.csv", second, "text/csv"))
    at.run()
    assert not at.exception
    shown, expected = shown_and_expected(at, second)
    assert shown == expected and shown != shown_first
    at.get("file_uploader")[0].set_value(None)
    at.run()
    assert at.dataframe[0].value["Events"].sum() not in (shown_first, shown)  # the shipped table again


def unchanged(before, after) -> bool:
    """Whether `after` holds what its deep copy `before` held: frames, arrays and Arrow tables by
    value, containers item by item."""
    if isinstance(before, pd.DataFrame | pd.Series):
        kinds = (
            before.dtypes.equals(after.dtypes)
            if isinstance(before, pd.DataFrame)
            else before.dtype == after.dtype
        )
        return kinds and before.index.equals(after.index) and before.equals(after)
    if isinstance(before, dict):
        return before.keys() == after.keys() and all(unchanged(before[k], after[k]) for k in before)
    if isinstance(before, list | tuple):
        return len(before) == len(after) and all(unchanged(b, a) for b, a in zip(before, after, strict=True))
    if isinstance(before, np.ndarray):
        return np.array_equal(before, after, equal_nan=before.dtype.kind == "f")
    if isinstance(before, pa.Table):
        return before.equals(after, check_metadata=True)
    return before == after or (before != before and after != after)  # NaN, NaT


def test_no_page_changes_what_its_views_are_handed():
    """The loader hands every view computed afresh the same objects, not copies (data._shared_input):
    after every page ran with its heaviest options, each is as it was."""
    from components import data

    names = ("shapes", "package", *data.DERIVED, *load_tables())
    handed = data.view_inputs(names)
    before = copy.deepcopy(handed)
    runs = [
        ("overview", {}),
        ("map", {"map.layers": "status,presence,arcs,capitals,conflict", "map.country": "MLI"}),
        ("timeline", {"timeline.deaths": "deaths", "timeline.states": "NER", "lang": "fr"}),
        ("topics", {"topics.measure": "events", "topics.state": "BFA"}),
        ("security", {}),
        ("data", {"data.table": "events", "data.search": "Wagner"}),
        ("methodology", {}),
    ]
    for page, query in runs:
        assert not run_page(page, **query).exception, page
    after = data.view_inputs(names)
    assert all(after[name] is handed[name] for name in names)  # shared, not recomputed
    changed = [name for name in names if not unchanged(before[name], after[name])]
    assert changed == [], changed
