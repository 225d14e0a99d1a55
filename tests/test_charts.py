"""plotly builders: the figure's structure, not its pixels."""

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from components import charts, model
from components.config import CATEGORY_COLOURS, FIRST_COUP, LANES, PERIOD_END
from components.data import load_tables
from components.i18n import state_names


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def build(tables, lang="en", period=(FIRST_COUP, PERIOD_END), **filters):
    events = model.with_lanes(model.filter_events(tables["events"], *period, **filters))
    bars = model.duration_bars(tables, *period)
    phases = model.phase_periods(tables["phases"], tables["events"], PERIOD_END)
    forces = dict(zip(tables["forces"]["force_id"], tables["forces"]["label_en"], strict=True))
    names = state_names(tables["states"], lang)
    return charts.timeline_chart(events, bars, phases, tables["sources"], names, forces, period, lang), events


def test_one_marker_trace_per_category_with_event_ids(tables):
    figure, events = build(tables)
    markers = [
        trace
        for trace in figure.data
        if trace.type == "scatter" and trace.mode == "markers" and trace.customdata is not None
    ]
    assert [trace.name for trace in markers] == [charts.t(f"category.{c}", "en") for c in CATEGORY_COLOURS]
    assert sorted(i for trace in markers for i in trace.customdata) == sorted(events["event_id"])


def test_month_precise_dates_do_not_look_day_precise(tables):
    figure, events = build(tables)
    symbols = {}
    for trace in figure.data:
        if trace.customdata is not None:
            symbols.update(zip(trace.customdata, trace.marker.symbol, strict=True))
    precision = events.set_index("event_id")["date_precision"]
    for event_id, symbol in symbols.items():
        assert (
            symbol == {"day": "circle", "month": "diamond-open", "year": "square-open"}[precision[event_id]]
        )
    assert "diamond-open" in symbols.values()


def test_phases_milestones_lanes_and_axis(tables):
    figure, _ = build(tables, lang="fr")
    assert len([s for s in figure.layout.shapes if s.type == "rect"]) == len(tables["phases"])
    texts = [a.text for a in figure.layout.annotations]
    for short in tables["events"].loc[tables["events"]["milestone"], "short_fr"]:
        assert short in texts
    assert any("Du pacte" in text for text in texts)
    assert list(figure.layout.yaxis.ticktext) == [charts.t(f"lane.{lane}", "fr") for lane in LANES]
    assert [pd.Timestamp(x) for x in figure.layout.xaxis.range] == [
        pd.Timestamp(FIRST_COUP),
        pd.Timestamp(PERIOD_END),
    ]


def test_bars_cover_forces_suspensions_and_leaders(tables):
    figure, _ = build(tables)
    bar = next(trace for trace in figure.data if trace.type == "bar")
    labels = next(trace for trace in figure.data if trace.type == "scatter" and trace.mode == "text").text
    assert "French forces · Mali" in labels and "Wagner group · Mali" in labels
    assert "ECOWAS suspension · Niger" in labels and "Ibrahim Traoré" in labels
    assert "ECOWAS sanctions · Niger" in labels and labels.count("ECOWAS sanctions · Mali") == 2
    assert len(bar.base) == len(labels)


def test_hover_names_date_precision_and_publishers(tables):
    figure, _ = build(tables)
    coups = next(trace for trace in figure.data if trace.name == "Coup")
    first = coups.hovertext[0]
    assert "18 August 2020 (day)" in first and "Reuters" in first


def test_a_narrow_period_narrows_the_axis(tables):
    figure, events = build(tables, period=(date(2023, 7, 1), date(2023, 8, 31)))
    assert events["date"].between("2023-07-01", "2023-08-31").all()
    assert [pd.Timestamp(x) for x in figure.layout.xaxis.range] == [
        pd.Timestamp("2023-07-01"),
        pd.Timestamp("2023-08-31"),
    ]


def test_pack_rows_reuses_a_row_once_a_bar_has_ended():
    bars = pd.DataFrame(
        {
            "lane": ["MLI", "MLI", "MLI", "RUS"],
            "start": pd.to_datetime(["2020-01-01", "2020-06-01", "2021-01-01", "2020-01-01"]),
            "end": pd.to_datetime(["2021-01-01", "2022-01-01", "2023-01-01", "2021-01-01"]),
        }
    )
    assert charts.pack_rows(bars).tolist() == [0, 1, 0, 0]


def test_topic_heatmap_writes_every_count_including_zeros(tables):
    matrix = pd.DataFrame([[1, 0], [0, 0]], index=["military", "none"], columns=["MLI", "AES"])
    figure = charts.topic_heatmap(matrix, {"military": "Military cooperation"}, "en")
    heatmap = figure.data[0]
    assert list(heatmap.y) == ["Military cooperation", "No topic"]
    assert list(heatmap.x) == ["Mali", "AES (bloc)"]
    assert heatmap.texttemplate == "%{text}" and [list(row) for row in heatmap.z] == [[1, 0], [0, 0]]


def test_quarterly_chart_stacks_only_topics_with_items():
    counts = pd.DataFrame(
        {"military": [1, 2], "economic": [0, 0]}, index=pd.period_range("2024Q1", periods=2, freq="Q")
    )
    figure = charts.quarterly_chart(counts, {"military": "Military", "economic": "Economic"}, "fr")
    assert [trace.name for trace in figure.data] == ["Military"]
    assert list(figure.data[0].x) == ["2024Q1", "2024Q2"] and figure.layout.barmode == "stack"


def test_composition_is_a_three_level_sunburst(tables):
    cooperation = tables["cooperation"]
    figure = charts.composition_chart(cooperation, "en")
    sunburst = figure.data[0]
    roots = [i for i, parent in zip(sunburst.ids, sunburst.parents, strict=True) if parent == ""]
    assert set(roots) == set(cooperation["area"])
    assert max(i.count("/") for i in sunburst.ids) == 2
    assert sum(v for i, v in zip(sunburst.ids, sunburst.values, strict=True) if "/" not in i) == len(
        cooperation
    )


def test_pipeline_chart_runs_from_announced_to_ended():
    stages = pd.Series(
        {"announced": 2, "signed": 3, "ratified": 0, "in_force": 0, "implemented": 4, "ended": 1}
    )
    figure = charts.pipeline_chart(stages, "fr")
    assert list(figure.data[0].y) == ["Annoncé", "Signé", "Ratifié", "En vigueur", "Concrétisé", "Terminé"]
    assert list(figure.data[0].x) == [2, 3, 0, 0, 4, 1]


def test_source_type_chart_puts_the_largest_type_on_top_with_its_count(tables):
    counts = tables["sources"]["source_type"].value_counts()
    figure = charts.source_type_chart(counts, "en")
    bars = figure.data[0]
    assert list(bars.x) == sorted(bars.x, reverse=True) and sum(bars.x) == len(tables["sources"])
    assert bars.y[0] == charts.t(f"source_type.{counts.index[0]}", "en") and "_" not in "".join(bars.y)
    assert figure.layout.yaxis.autorange == "reversed"


def every_figure(tables) -> dict:
    """Each builder's figure from the real tables, in French (longer labels)."""
    cooperation = tables["cooperation"]
    labels = dict(zip(tables["topics"]["topic_id"], tables["topics"]["label_fr"], strict=True))
    quarters = pd.DataFrame({"military": [1, 2]}, index=pd.period_range("2024Q1", periods=2, freq="Q"))
    return {
        "timeline": build(tables, lang="fr")[0],
        "heatmap": charts.topic_heatmap(
            pd.DataFrame([[1, 0]], index=["military"], columns=["MLI", "AES"]), labels, "fr"
        ),
        "quarterly": charts.quarterly_chart(quarters, labels, "fr"),
        "composition": charts.composition_chart(cooperation, "fr"),
        "pipeline": charts.pipeline_chart(cooperation["status"].value_counts(), "fr"),
        "source types": charts.source_type_chart(tables["sources"]["source_type"].value_counts(), "fr"),
    }


def test_every_figure_passes_plotly_validation(tables):
    """Built without plotly's validation for speed: each is checked here in full."""
    for name, figure in every_figure(tables).items():
        try:
            go.Figure(figure.to_dict())
        except ValueError as error:
            raise AssertionError(f"{name}: {error}") from error
