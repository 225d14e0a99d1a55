"""Security builders: the monthly chart with its band and milestones, the breakdown, the lane band and
the map layer — structure, not pixels, on small hand-made events (tests/fixtures.py)."""

import json

import plotly.graph_objects as go
import pytest
from fixtures import CONFLICT_MILESTONES, CONFLICT_PERIOD, CONFLICT_SAMPLE

from components.compat import compact_json
from components.security import (
    aggregate_frame,
    breakdown,
    covers,
    event_points,
    in_window,
    point_texts,
    state_monthly,
    window_points,
)
from components.security_charts import breakdown_chart, lane_band_traces, monthly_chart
from components.security_codes import KIND_COLOURS
from components.security_map import LAYER_ID, security_layer


@pytest.fixture(scope="module")
def conflict():
    return aggregate_frame(CONFLICT_SAMPLE, "ucdp", *CONFLICT_PERIOD)


def test_the_monthly_chart_has_a_band_line_and_milestones(conflict):
    mali = state_monthly(conflict, "MLI")
    figure = monthly_chart({"Mali": mali}, "best", CONFLICT_MILESTONES, {"Mali": "#D55E00"}, "en", band=True)
    go.Figure(figure.to_dict())  # every property valid
    low, high, line, lines = figure.data
    assert high.fill == "tonexty" and low.showlegend is False
    assert list(line.y) == [13, 20, 5, 0, 0, 7] and len(line.x) == 6  # April: no event, still drawn
    assert list(low.y) == [11, 15, 5, 0, 0, 6] and list(high.y) == [16, 30, 5, 0, 2, 9]
    assert lines.name == "Milestones" and [x for x in lines.x if x] == ["2021-03-15"] * 2 + ["2021-05-01"] * 2
    assert [t for t in lines.text if t] == ["Wagner", "Wagner", "Barkhane leaves", "Barkhane leaves"]
    assert max(y for y in lines.y if y is not None) >= max(high.y)


def test_events_have_no_band(conflict):
    figure = monthly_chart(
        {"Mali": state_monthly(conflict, "MLI")}, "events", CONFLICT_MILESTONES, {}, "fr", band=False
    )
    assert [trace.name for trace in figure.data] == ["Mali", "Jalons"]
    assert list(figure.data[0].y) == [2, 1, 1, 0, 1, 1]


def test_the_breakdown_stacks_kinds_and_draws_sides_as_lines(conflict):
    kinds = breakdown_chart(breakdown(conflict, "BFA", "kind", "best"), "kind", "best", "en")
    go.Figure(kinds.to_dict())
    assert {trace.type for trace in kinds.data} == {"bar"} and kinds.layout.barmode == "stack"
    assert kinds.data[0].marker.color == KIND_COLOURS["state_based"]
    assert {trace.name: sum(trace.y) for trace in kinds.data} == {
        "State-based": 7, "Non-state": 4, "One-sided (against civilians)": 12,
    }  # fmt: skip
    sides = breakdown_chart(breakdown(conflict, "BFA", "side", "events"), "side", "events", "en")
    assert {trace.mode for trace in sides.data} == {"lines"}
    assert [trace.name for trace in sides.data] == [
        "Government forces and allies",
        "JNIM",
        "Islamic State Sahel",
    ]
    assert [sum(trace.y) for trace in sides.data] == [1, 2, 2]


def test_the_lane_band_stays_inside_its_lane_and_hovers_real_numbers(conflict):
    mali = state_monthly(conflict, "MLI")
    traces = lane_band_traces(mali, top=-2.0, bottom=-4.0, name="Mali", colour="#D55E00")
    ys = [y for trace in traces for y in trace["y"]]
    assert min(ys) >= -4.0 and max(ys) <= -2.0 + 1e-9
    assert [row[0] for row in traces[-1]["customdata"]] == [13, 20, 5, 0, 0, 7]


def test_the_map_layer_shows_the_window_before_the_day():
    window = CONFLICT_SAMPLE[in_window(CONFLICT_SAMPLE, "2021-03-02", 30)]
    assert window["day"].dt.strftime("%Y-%m-%d").tolist() == ["2021-02-14", "2021-03-02", "2021-02-10"]
    layer = security_layer(event_points(window, "en"))
    assert layer.type == "ScatterplotLayer" and layer.id == LAYER_ID
    assert len(layer.data) == 3
    radius = [point["radius"] for point in layer.data]
    assert radius[0] > radius[2] > radius[1]  # sized by deaths: 20, then 7, then 5
    assert covers(*CONFLICT_PERIOD, "2021-06-30", 180)
    assert not covers(*CONFLICT_PERIOD, "2021-07-01", 30)  # the map hides the layer there
    assert not covers(*CONFLICT_PERIOD, "2021-01-15", 30)


def test_the_map_layer_joins_its_window_s_points_written_once():
    texts = point_texts({"conflict_rows": CONFLICT_SAMPLE})
    window = in_window(CONFLICT_SAMPLE, "2021-03-02", 30)
    joined = json.loads(compact_json(security_layer(window_points(texts["fr"], window))))
    built = json.loads(compact_json(security_layer(event_points(CONFLICT_SAMPLE[window], "fr"))))
    assert joined == built and len(joined["data"]) == 3
    assert joined["data"][0]["tooltip"].startswith("2021-02-14 · ")
