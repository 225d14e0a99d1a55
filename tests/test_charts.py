"""plotly builders on small hand-made tables: the figure's structure, not its pixels."""

import inspect
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest
from fixtures import CATEGORIES, STATE_NAMES, cooperation, timeline_tables

from components import model, security_charts
from components.charts import counts, timeline
from components.config import FIRST_COUP, LANES, PERIOD_END
from components.i18n import labels_of, t


@pytest.fixture
def tables():
    return timeline_tables()


def build(tables, lang="en", period=(FIRST_COUP, PERIOD_END), deaths=None, **filters):
    events = model.with_lanes(model.filter_events(tables["events"], *period, **filters))
    bars = model.duration_bars(tables, *period, filters.get("states"))
    phases = model.phase_periods(tables["phases"], tables["events"], PERIOD_END)
    labels = {"states": STATE_NAMES, "forces": labels_of(tables["forces"], "force_id", lang)}
    figure = timeline.timeline_chart(
        events, bars, phases, model.publishers(tables["sources"]), labels, CATEGORIES, period, lang, deaths
    )
    return figure, events


def test_one_marker_trace_per_category_with_event_ids(tables):
    figure, events = build(tables)
    markers = [
        trace
        for trace in figure.data
        if trace.type == "scatter" and trace.mode == "markers" and trace.customdata is not None
    ]
    present = [c for c in CATEGORIES if c in set(events["category"])]
    assert [trace.name for trace in markers] == [t(f"category.{c}", "en") for c in present]
    assert sorted(i for trace in markers for i in trace.customdata) == sorted(events["event_id"])


def marker_traces(figure) -> list:
    return [trace for trace in figure.data if trace.type == "scatter" and trace.mode == "markers"]


def test_month_precise_dates_do_not_look_day_precise(tables):
    figure, events = build(tables)
    symbols = {}
    for trace in marker_traces(figure):
        symbols.update(zip(trace.customdata, trace.marker.symbol, strict=True))
    precision = events.set_index("event_id")["date_precision"]
    for event_id, symbol in symbols.items():
        assert (
            symbol == {"day": "circle", "month": "diamond-open", "year": "square-open"}[precision[event_id]]
        )
    assert "diamond-open" in symbols.values()


def annotation_texts(figure) -> list[str]:
    return [a.text for a in figure.layout.annotations]


def test_phases_milestones_lanes_and_axis(tables):
    figure, _ = build(tables, lang="fr")
    assert len([s for s in figure.layout.shapes if s.type == "rect"]) == len(tables["phases"])
    texts = annotation_texts(figure)
    for short in tables["events"].loc[tables["events"]["milestone"], "short_fr"]:
        assert short in texts
    assert any("Du pacte" in text for text in texts)
    lanes = [t(f"lane.{lane}", "fr") for lane in LANES if lane != "BFA"]  # no Burkina in the fixture
    assert [text for text in texts if text in lanes] == lanes  # each lane named once, in order
    assert t("lane.BFA", "fr") not in texts
    first, last = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    assert first < pd.Timestamp(FIRST_COUP) and pd.Timestamp(PERIOD_END) < last  # markers not cut


def test_bars_cover_forces_suspensions_and_leaders_and_carry_their_ids(tables):
    figure, _ = build(tables)
    bar = next(trace for trace in figure.data if trace.type == "bar")
    hover = " ".join(bar.hovertext)
    assert "French forces · Mali" in hover and "Wagner group · Mali" in hover
    assert "ECOWAS suspension · Niger" in hover and "Assimi Goïta" in hover
    assert "ECOWAS sanctions · Niger" in hover
    assert list(bar.customdata) == list(model.duration_bars(tables, FIRST_COUP, PERIOD_END)["bar_id"])
    texts = annotation_texts(figure)
    assert "Assimi Goïta" in texts or "Goïta" in texts  # a leader's name inside the bar when it fits


def test_a_narrow_period_narrows_the_axis(tables):
    figure, events = build(tables, period=(date(2023, 7, 1), date(2023, 8, 31)))
    assert list(events["event_id"]) == ["niger-coup"]
    first, last = (pd.Timestamp(x) for x in figure.layout.xaxis.range)
    assert pd.Timestamp("2023-06-28") < first < pd.Timestamp("2023-07-01")
    assert pd.Timestamp("2023-08-31") < last < pd.Timestamp("2023-09-03")


def test_lanes_without_an_event_or_a_bar_are_not_drawn(tables):
    figure, events = build(tables, states=["NER"])
    texts = annotation_texts(figure)
    assert t("lane.NER", "en") in texts
    assert t("lane.MLI", "en") not in texts and t("lane.BFA", "en") not in texts
    assert len(figure.layout.yaxis.tickvals) == len(set(events["lane"]) | {"ECOWAS"})  # its suspension


def test_deaths_band_under_a_state_lane_and_hatched_where_the_data_has_none(tables):
    monthly = pd.DataFrame(
        {"best": [10, 40], "low": [8, 30], "high": [12, 60]},
        index=pd.to_datetime(["2021-01-01", "2021-02-01"]),
    )
    gap = (pd.Timestamp(FIRST_COUP), pd.Timestamp(PERIOD_END), "Niger: not in the loaded conflict data")
    deaths = {"monthly": {"MLI": monthly}, "gaps": {"NER": [gap], "MLI": []}}
    figure, _ = build(tables, deaths=deaths)
    line = next(trace for trace in figure.data if trace.name == "Mali" and trace.mode == "lines")
    assert [row[0] for row in line.customdata] == [10, 40]  # hover gives the real numbers
    hatched = next(trace for trace in figure.data if trace.name == t("timeline.deaths_gap", "en"))
    assert list(hatched.hovertext) == [gap[2]] and hatched.marker.pattern.shape == "/"


def test_pack_rows_reuses_a_row_once_a_bar_has_ended():
    bars = pd.DataFrame(
        {
            "lane": ["MLI", "MLI", "MLI", "RUS"],
            "start": pd.to_datetime(["2020-01-01", "2020-06-01", "2021-01-01", "2020-01-01"]),
            "end": pd.to_datetime(["2021-01-01", "2022-01-01", "2023-01-01", "2021-01-01"]),
        }
    )
    assert timeline.pack_rows(bars).tolist() == [0, 1, 0, 0]


def test_topic_heatmap_writes_every_count_including_zeros():
    matrix = pd.DataFrame([[1, 0], [0, 0]], index=["military", "none"], columns=["MLI", "AES"])
    figure = counts.topic_heatmap(matrix, {"military": "Military cooperation"}, "en")
    heatmap = figure.data[0]
    assert list(heatmap.y) == ["Military cooperation", "No topic"]
    assert list(heatmap.x) == ["Mali", "AES (bloc)"]
    assert heatmap.texttemplate == "%{text}" and [list(row) for row in heatmap.z] == [[1, 0], [0, 0]]


def test_quarterly_chart_stacks_only_topics_with_items():
    quarters = pd.DataFrame(
        {"military": [1, 2], "economic": [0, 0]}, index=pd.period_range("2024Q1", periods=2, freq="Q")
    )
    figure = counts.quarterly_chart(quarters, {"military": "Military", "economic": "Economic"}, "fr")
    assert [trace.name for trace in figure.data] == ["Military"]
    assert list(figure.data[0].x) == ["T1 2024", "T2 2024"] and figure.layout.barmode == "stack"


def test_composition_is_a_three_level_sunburst():
    items = cooperation()
    figure = counts.composition_chart(model.composition_counts(items), "en")
    sunburst = figure.data[0]
    roots = [i for i, parent in zip(sunburst.ids, sunburst.parents, strict=True) if parent == ""]
    assert set(roots) == set(items["area"])
    assert max(i.count("/") for i in sunburst.ids) == 2
    assert sum(v for i, v in zip(sunburst.ids, sunburst.values, strict=True) if "/" not in i) == len(items)
    assert dict(zip(sunburst.ids, sunburst.values, strict=True))["mining/mou"] == 2


def test_pipeline_chart_runs_from_announced_to_ended():
    stages = pd.Series(
        {"announced": 2, "signed": 3, "ratified": 0, "in_force": 0, "implemented": 4, "ended": 1}
    )
    figure = counts.pipeline_chart(stages, "fr")
    assert list(figure.data[0].y) == ["Annoncé", "Signé", "Ratifié", "En vigueur", "Concrétisé", "Terminé"]
    assert list(figure.data[0].x) == [2, 3, 0, 0, 4, 1]


MONTHLY = pd.DataFrame(
    {"best": [3, 5], "low": [2, 5], "high": [4, 9], "events": [1, 2]},
    index=pd.to_datetime(["2023-01-01", "2023-02-01"]).rename("month"),
)
MARKS = pd.DataFrame(
    {"event_id": ["m"], "date": [pd.Timestamp("2023-01-15")], "short_en": ["Pact"], "short_fr": ["Pacte"]}
).assign(title_en="AES pact", title_fr="Pacte de l'AES")


def every_figure(tables) -> dict:
    """Each public builder's figure from the small tables, in French (longer labels)."""
    items = cooperation()
    labels = {"military": "Coopération militaire"}
    quarters = pd.DataFrame({"military": [1, 2]}, index=pd.period_range("2024Q1", periods=2, freq="Q"))
    stages = pd.Series({"announced": 1, "signed": 2, "implemented": 1})
    return {
        timeline.timeline_chart: build(tables, lang="fr")[0],
        counts.topic_heatmap: counts.topic_heatmap(
            pd.DataFrame([[1, 0]], index=["military"], columns=["MLI", "AES"]), labels, "fr"
        ),
        counts.quarterly_chart: counts.quarterly_chart(quarters, labels, "fr"),
        counts.composition_chart: counts.composition_chart(model.composition_counts(items), "fr"),
        counts.pipeline_chart: counts.pipeline_chart(stages, "fr"),
        counts.count_bars: counts.count_bars(pd.Series({"a": 1}), ["A"], "#000000"),
        counts.area_chart: counts.area_chart(pd.Series({"mining": 2}), "en"),
        security_charts.monthly_chart: security_charts.monthly_chart(
            {"Mali": MONTHLY}, "best", MARKS, {"Mali": "#D55E00"}, "fr", band=True
        ),
        security_charts.breakdown_chart: security_charts.breakdown_chart(
            pd.DataFrame({"state_based": [3, 1], "one_sided": [0, 2]}, index=MONTHLY.index),
            "kind",
            "best",
            "fr",
        ),
    }


def public_builders() -> set:
    """Every public function of the chart modules that returns a Figure."""
    return {
        function
        for module in (counts, timeline, security_charts)
        for _, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        and not function.__name__.startswith("_")
        and inspect.signature(function).return_annotation in (go.Figure, "go.Figure")
    }


def test_every_builder_is_validated():
    assert public_builders() == set(every_figure(timeline_tables()))


def test_every_figure_passes_plotly_validation(tables):
    """Built without plotly's validation for speed: each is checked here in full."""
    for builder, figure in every_figure(tables).items():
        try:
            go.Figure(figure.to_dict())
        except ValueError as error:
            raise AssertionError(f"{builder.__name__}: {error}") from error
