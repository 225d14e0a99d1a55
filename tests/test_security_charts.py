"""Security builders: the monthly chart with its band and milestones, the breakdown, the lane band and
the map layer — structure, not pixels."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from components.data import load_conflict, load_conflict_events, load_tables
from components.security import breakdown, covers, events_in_window, milestones, state_monthly
from components.security_charts import breakdown_chart, lane_band_traces, monthly_chart
from components.security_codes import KIND_COLOURS, MILESTONES
from components.security_map import LAYER_ID, security_layer


@pytest.fixture(scope="module")
def conflict():
    return load_conflict()


@pytest.fixture(scope="module")
def marks():
    return milestones(load_tables("events")["events"], MILESTONES)


def test_the_monthly_chart_has_a_band_line_and_milestones(conflict, marks):
    mali = state_monthly(conflict, "MLI")
    figure = monthly_chart({"Mali": mali}, "best", marks, {"Mali": "#D55E00"}, "en", band=True)
    go.Figure(figure.to_dict())  # every property valid
    low, high, line, lines = figure.data
    assert high.fill == "tonexty" and low.showlegend is False
    assert list(line.y) == mali["best"].tolist() and len(line.x) == 48
    assert all(lo <= b <= hi for lo, b, hi in zip(low.y, line.y, high.y, strict=True))
    assert lines.name == "Milestones" and len([x for x in lines.x if x]) == 2 * len(MILESTONES)
    assert max(y for y in lines.y if y is not None) >= max(high.y)


def test_events_have_no_band(conflict, marks):
    figure = monthly_chart({"Mali": state_monthly(conflict, "MLI")}, "events", marks, {}, "fr", band=False)
    assert [trace.name for trace in figure.data] == ["Mali", "Jalons"]


def test_the_breakdown_stacks_kinds_and_draws_sides_as_lines(conflict):
    kinds = breakdown_chart(breakdown(conflict, "BFA", "kind", "best"), "kind", "best", "en")
    go.Figure(kinds.to_dict())
    assert {trace.type for trace in kinds.data} == {"bar"} and kinds.layout.barmode == "stack"
    assert kinds.data[0].marker.color == KIND_COLOURS["state_based"]
    sides = breakdown_chart(breakdown(conflict, "BFA", "side", "events"), "side", "events", "en")
    assert {trace.mode for trace in sides.data} == {"lines"}
    assert [trace.name for trace in sides.data][:3] == [
        "Government forces and allies",
        "JNIM",
        "Islamic State Sahel",
    ]


def test_the_lane_band_stays_inside_its_lane_and_hovers_real_numbers(conflict):
    mali = state_monthly(conflict, "MLI")
    traces = lane_band_traces(mali, top=-2.0, bottom=-4.0, name="Mali", colour="#D55E00")
    ys = [y for trace in traces for y in trace["y"]]
    assert min(ys) >= -4.0 and max(ys) <= -2.0 + 1e-9
    assert traces[-1]["customdata"][26][0] == mali["best"].iloc[26]


def test_the_map_layer_shows_the_window_before_the_day():
    events = load_conflict_events()
    window = events_in_window(events, "2022-03-31", 30)
    assert window["day"].between(pd.Timestamp("2022-03-02"), pd.Timestamp("2022-03-31")).all()
    layer = security_layer(window, "en")
    assert layer.type == "ScatterplotLayer" and layer.id == LAYER_ID
    assert len(layer.data) == len(window) > 0
    assert covers("2020-01-01", "2023-12-31", "2023-12-31", 365)
    assert not covers("2020-01-01", "2023-12-31", "2024-06-01", 30)  # the map hides the layer there
    assert not covers("2020-01-01", "2023-12-31", "2020-01-15", 30)
