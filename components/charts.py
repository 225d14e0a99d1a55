"""plotly builders: return a Figure, never render. Colours come from config, text from i18n."""

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.config import (
    CATEGORY_COLOURS,
    FORCE_COLOURS,
    LANES,
    NO_TOPIC,
    PALETTE,
    PRECISION_SYMBOLS,
    TOPIC_COLOURS,
)
from components.formatting import format_date
from components.i18n import column, t

EVENT_ROW, BAR_ROW = 2.0, 1.0  # vertical room of a lane's event row and of each bar under it
LEGEND_ROOM = 130  # pixels under the plot for the axis and the legend rows
BAR_COLOURS = {"suspension": PALETTE["orange"], "sanctions": PALETTE["vermillion"], "leader": "#BBBBBB"}


def pack_rows(bars: pd.DataFrame) -> pd.Series:
    """Row number of each bar within its lane: bars that do not overlap in time share a row."""
    ends: dict[str, list] = {}  # per lane, the last end in each row so far
    rows = {}
    order = bars.sort_values("start", kind="stable")
    for index, lane, start, end in zip(order.index, order["lane"], order["start"], order["end"], strict=True):
        lane_ends = ends.setdefault(lane, [])
        free = next((row for row, last in enumerate(lane_ends) if last <= start), len(lane_ends))
        lane_ends[free : free + 1] = [end]
        rows[index] = free
    return pd.Series(rows, index=bars.index, dtype=int)


def lane_layout(bars: pd.DataFrame) -> tuple[dict[str, float], pd.Series, list[tuple[str, float, float]]]:
    """Vertical positions, top lane first: the event row of each lane, each bar's row, and each
    lane's band (lane, top, bottom). A lane's bars sit in packed rows under its events."""
    rows = pack_rows(bars)
    rows_used: dict[str, int] = {}
    for lane, row in zip(bars["lane"], rows, strict=True):
        rows_used[lane] = max(rows_used.get(lane, 0), row + 1)
    event_y, first_bar_y, bands, y = {}, {}, [], 0.0
    for lane in LANES:
        top = y
        event_y[lane] = y - EVENT_ROW / 2
        first_bar_y[lane] = y - EVENT_ROW - BAR_ROW / 2
        y -= EVENT_ROW + rows_used.get(lane, 0) * BAR_ROW
        bands.append((lane, top, y))
    bar_y = [first_bar_y[lane] - row * BAR_ROW for lane, row in zip(bars["lane"], rows, strict=True)]
    return event_y, pd.Series(bar_y, index=bars.index, dtype=float), bands


def bar_label(bar: dict, names: dict[str, str], force_labels: dict[str, str], lang: str) -> str:
    """'French forces · Mali', 'ECOWAS suspension · Niger' or a leader's name."""
    if bar["kind"] == "leader":
        return bar["key"]
    what = force_labels.get(bar["key"]) if bar["kind"] == "presence" else t(f"timeline.{bar['kind']}", lang)
    return f"{what} · {names.get(bar['iso3'], bar['iso3'])}"


def timeline_chart(
    events: pd.DataFrame,
    bars: pd.DataFrame,
    phases: pd.DataFrame,
    sources: pd.DataFrame,
    names: dict[str, str],
    force_labels: dict[str, str],
    period: tuple,
    lang: str,
) -> go.Figure:
    """Lanes of events (colour: category, symbol: date precision), duration bars, phases, milestones.

    `events` carries a `lane` column (model.with_lanes); `bars` comes from model.duration_bars and
    `phases` from model.phase_periods.
    """
    event_y, bar_y, bands = lane_layout(bars)
    traces: list[dict] = []

    if not bars.empty:
        records = bars.to_dict("records")
        labels = [bar_label(bar, names, force_labels, lang) for bar in records]
        colours = [
            FORCE_COLOURS.get(bar["key"], PALETTE["grey"])
            if bar["kind"] == "presence"
            else BAR_COLOURS[bar["kind"]]
            for bar in records
        ]
        spans = [
            f"{label}<br>{format_date(start, 'day', lang)} – {format_date(end, 'day', lang)}"
            for label, start, end in zip(labels, bars["start"], bars["end"], strict=True)
        ]
        traces.append(
            dict(
                type="bar",
                y=bar_y.to_numpy(),
                base=bars["start"].dt.strftime("%Y-%m-%d"),
                x=(bars["end"] - bars["start"]).dt.total_seconds() * 1000,
                orientation="h",
                width=BAR_ROW * 0.75,
                marker={"color": colours, "opacity": 0.45},  # light enough for the dark labels on top
                hovertext=spans,
                hoverinfo="text",
                name=t("timeline.durations", lang),
                showlegend=False,
            )
        )
        # Labels as their own text trace: bar text would be shrunk to the bar's few pixels.
        traces.append(
            dict(
                type="scatter",
                x=bars["start"],
                y=bar_y.to_numpy(),
                mode="text",
                text=labels,
                textposition="middle right",
                # A light halo keeps the dark text readable over any bar and either theme's background.
                textfont={"size": 10, "color": "#222222", "shadow": "auto"},
                hoverinfo="skip",
                showlegend=False,
            )
        )

    publishers = sources.set_index("source_id")["publisher"]
    for category, colour in CATEGORY_COLOURS.items():
        rows = events[events["category"] == category]
        if rows.empty:
            continue
        hover = [
            f"{title}<br>{format_date(day, precision, lang)} ({t(f'common.precision.{precision}', lang)})"
            f"<br>{', '.join(dict.fromkeys(publishers.get(s, s) for s in ids))}"
            for title, day, precision, ids in zip(
                rows[column("title", lang)],
                rows["date"],
                rows["date_precision"],
                rows["source_ids"],
                strict=True,
            )
        ]
        traces.append(
            dict(
                type="scatter",
                x=rows["date"],
                y=rows["lane"].map(event_y),
                mode="markers",
                marker={
                    "color": colour,
                    "size": 12,
                    "symbol": rows["date_precision"].map(PRECISION_SYMBOLS).tolist(),
                    "line": {"width": 1.5, "color": colour},
                },
                customdata=rows["event_id"],
                hovertext=hover,
                hoverinfo="text",
                name=t(f"category.{category}", lang),
            )
        )
    for precision, symbol in PRECISION_SYMBOLS.items():
        traces.append(
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": symbol, "color": PALETTE["grey"], "size": 10},
                name=t(f"timeline.precise_to.{precision}", lang),
                hoverinfo="skip",
            )
        )

    shapes = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": phase["start"],
            "x1": phase["end"],
            "y0": 0,
            "y1": 1,
            "fillcolor": PALETTE["grey"] if index % 2 else PALETTE["sky"],
            "opacity": 0.08,
            "line": {"width": 0},
            "layer": "below",
        }
        for index, phase in enumerate(phases.to_dict("records"))
    ]
    shapes += [
        {
            "type": "line",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "y0": top,
            "y1": top,
            "line": {"color": "#DDDDDD", "width": 1},
        }
        for _, top, _ in bands[1:]
    ]
    annotations = [
        {
            "x": phase["start"],
            "y": 1.0,
            "yref": "paper",
            "text": "<br>".join(f"<b>{line}</b>" for line in textwrap.wrap(phase[column("label", lang)], 18)),
            "showarrow": False,
            "xanchor": "left",
            "yanchor": "bottom",
            "font": {"size": 11},
        }
        for phase in phases.to_dict("records")
    ]
    annotations += [
        {
            "x": event["date"],
            "y": event_y[event["lane"]],
            "text": event[column("short", lang)],
            "showarrow": True,
            "arrowhead": 0,
            "ax": 0,
            "ay": -28 if index % 2 else 28,
            "font": {"size": 10, "color": "#222222"},  # dark on its own white box, in either theme
            "bgcolor": "rgba(255,255,255,0.85)",
        }
        for index, event in enumerate(events[events["milestone"]].to_dict("records"))
    ]

    bottom = bands[-1][2]
    layout = dict(
        shapes=shapes,
        annotations=annotations,
        height=int(-bottom * 20) + 80 + LEGEND_ROOM,  # 20 px a row, plus phase labels, axis, legend
        margin={"l": 10, "r": 10, "t": 56, "b": LEGEND_ROOM},
        hovermode="closest",
        dragmode="pan",
        clickmode="event+select",
        barmode="overlay",
        legend={"orientation": "h", "x": 0, "y": 0, "yref": "container", "yanchor": "bottom"},
        xaxis={"type": "date", "range": [pd.Timestamp(period[0]), pd.Timestamp(period[1])], "showgrid": True},
        yaxis={
            "tickvals": [event_y[lane] for lane in LANES],
            "ticktext": [t(f"lane.{lane}", lang) for lane in LANES],
            "range": [bottom, 0.4],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
    )
    return unchecked_figure(traces, layout)


LABEL_PREFIX = {"area": "area", "instrument": "instrument", "status": "stage"}
MARGIN = {"l": 10, "r": 10, "t": 10, "b": 10}


def _axis_labels(keys, prefix: str, lang: str, labels: dict[str, str] | None = None) -> list[str]:
    """Translated labels of codes: from `labels` when given, else from the `prefix.` i18n keys."""
    return [labels.get(k, k) if labels else t(f"{prefix}.{k}", lang) for k in keys]


def topic_heatmap(matrix: pd.DataFrame, topic_labels: dict[str, str], lang: str) -> go.Figure:
    """Topic × state counts as a heatmap with the count written in each cell."""
    heatmap = {
        "type": "heatmap",
        "z": matrix.to_numpy().tolist(),
        "x": _axis_labels(matrix.columns, "lane", lang),
        "y": _axis_labels(matrix.index, "topic", lang, {**topic_labels, NO_TOPIC: t("topic.none", lang)}),
        "text": matrix.to_numpy().tolist(),
        "texttemplate": "%{text}",
        "colorscale": [[0, "#F7F7F7"], [1, PALETTE["blue"]]],
        "hovertemplate": "%{y} · %{x}: %{z}<extra></extra>",
        "colorbar": {"title": {"text": t("topics.count", lang)}},
    }
    layout = {"height": 360, "margin": MARGIN, "yaxis": {"autorange": "reversed"}}
    return unchecked_figure([heatmap], layout)


def quarterly_chart(counts: pd.DataFrame, topic_labels: dict[str, str], lang: str) -> go.Figure:
    """Items per quarter, stacked by topic, in the topics' colours."""
    quarters = [str(q) for q in counts.index]
    bars = [
        {
            "type": "bar",
            "x": quarters,
            "y": counts[topic].tolist(),
            "name": topic_labels.get(topic, t("topic.none", lang)),
            "marker": {"color": TOPIC_COLOURS.get(topic, PALETTE["grey"])},
            "hovertemplate": "%{x} · %{fullData.name}: %{y}<extra></extra>",
        }
        for topic in counts.columns
        if counts[topic].sum() > 0
    ]
    layout = {
        "barmode": "stack",
        "height": 340,
        "margin": MARGIN,
        "legend": {"orientation": "h", "y": -0.2},
        "yaxis": {"title": {"text": t("topics.count", lang)}},
    }
    return unchecked_figure(bars, layout)


def composition_chart(cooperation: pd.DataFrame, lang: str) -> go.Figure:
    """Area → instrument → status of the cooperation items, as a sunburst."""
    frame = cooperation.assign(n=1)
    ids, labels, parents, values = [], [], [], []
    for depth, columns in enumerate([["area"], ["area", "instrument"], ["area", "instrument", "status"]]):
        grouped = frame.groupby(columns, as_index=False)["n"].sum()
        for row in grouped.itertuples(index=False):
            path = [getattr(row, c) for c in columns]
            ids.append("/".join(path))
            labels.append(t(f"{LABEL_PREFIX[columns[-1]]}.{path[-1]}", lang))
            parents.append("/".join(path[:-1]) if depth else "")
            values.append(int(row.n))
    sunburst = {
        "type": "sunburst",
        "ids": ids,
        "labels": labels,
        "parents": parents,
        "values": values,
        "branchvalues": "total",
        "hovertemplate": "%{label}: %{value}<extra></extra>",
    }
    layout = {
        "height": 420,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "sunburstcolorway": list(PALETTE.values())[1:],
    }
    return unchecked_figure([sunburst], layout)


def pipeline_chart(stages: pd.Series, lang: str) -> go.Figure:
    """How far the agreements went: one bar per stage, announced first, ended last."""
    colours = [
        PALETTE["grey"],
        PALETTE["sky"],
        PALETTE["blue"],
        PALETTE["blue"],
        PALETTE["green"],
        PALETTE["vermillion"],
    ]
    return count_bars(stages, _axis_labels(stages.index, "stage", lang), colours[: len(stages)])


def source_type_chart(counts: pd.Series, lang: str) -> go.Figure:
    """Number of sources of each type, one bar per type, largest at the top."""
    return count_bars(counts, _axis_labels(counts.index, "source_type", lang), PALETTE["blue"])


def count_bars(counts: pd.Series, labels: list[str], colours: list[str] | str) -> go.Figure:
    """Horizontal bars of counts in the order given, first at the top, each count written beside it."""
    bars = {
        "type": "bar",
        "x": counts.tolist(),
        "y": labels,
        "orientation": "h",
        "marker": {"color": colours},
        "text": counts.tolist(),
        "textposition": "outside",
        "cliponaxis": False,  # the longest bar's count may sit in the right margin, not be cut off
        "hovertemplate": "%{y}: %{x}<extra></extra>",
    }
    layout = {
        "height": 60 + 40 * len(counts),
        "margin": {"l": 10, "r": 40, "t": 10, "b": 10},
        "yaxis": {"autorange": "reversed"},
    }
    return unchecked_figure([bars], layout)


def unchecked_figure(traces: list[dict], layout: dict) -> go.Figure:
    """A figure from plain dicts, without plotly's per-property validation: that took most of a
    page's rerun time. tests/test_charts.py validates every builder's figure in full."""
    return go.Figure(data=traces, layout=layout, _validate=False)
