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
    rows = pd.Series(0, index=bars.index, dtype=int)
    for _, lane_bars in bars.sort_values("start").groupby("lane", sort=False):
        ends: list[pd.Timestamp] = []  # last end in each row so far
        for index, bar in lane_bars.iterrows():
            free = next((row for row, end in enumerate(ends) if end <= bar["start"]), len(ends))
            ends[free : free + 1] = [bar["end"]]
            rows[index] = free
    return rows


def lane_layout(bars: pd.DataFrame) -> tuple[dict[str, float], pd.Series, list[tuple[str, float, float]]]:
    """Vertical positions, top lane first: the event row of each lane, each bar's row, and each
    lane's band (lane, top, bottom). A lane's bars sit in packed rows under its events."""
    rows = pack_rows(bars)
    event_y, bar_y, bands, y = {}, pd.Series(index=bars.index, dtype=float), [], 0.0
    for lane in LANES:
        top = y
        event_y[lane] = y - EVENT_ROW / 2
        in_lane = bars["lane"] == lane
        bar_y[in_lane] = y - EVENT_ROW - (rows[in_lane] + 0.5) * BAR_ROW
        y -= EVENT_ROW + (rows[in_lane].max() + 1 if in_lane.any() else 0) * BAR_ROW
        bands.append((lane, top, y))
    return event_y, bar_y, bands


def bar_label(bar: pd.Series, names: dict[str, str], force_labels: dict[str, str], lang: str) -> str:
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
        labels = [bar_label(bar, names, force_labels, lang) for _, bar in bars.iterrows()]
        colours = [
            FORCE_COLOURS.get(bar["key"], PALETTE["grey"])
            if bar["kind"] == "presence"
            else BAR_COLOURS[bar["kind"]]
            for _, bar in bars.iterrows()
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
                textfont={"size": 10, "color": "#222222"},
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
    # Built from plain dicts without plotly's per-property validation, which took most of the
    # page's rerun time; tests/test_charts.py validates the same figure in full.
    return go.Figure(data=traces, layout=layout, _validate=False)


LABEL_PREFIX = {"area": "area", "instrument": "instrument", "status": "stage"}


def _axis_labels(keys, prefix: str, lang: str, labels: dict[str, str] | None = None) -> list[str]:
    """Translated labels of codes: from `labels` when given, else from the `prefix.` i18n keys."""
    return [labels.get(k, k) if labels else t(f"{prefix}.{k}", lang) for k in keys]


def topic_heatmap(matrix: pd.DataFrame, topic_labels: dict[str, str], lang: str) -> go.Figure:
    """Topic × state counts as a heatmap with the count written in each cell."""
    figure = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=_axis_labels(matrix.columns, "lane", lang),
            y=_axis_labels(matrix.index, "topic", lang, {**topic_labels, NO_TOPIC: t("topic.none", lang)}),
            text=matrix.to_numpy(),
            texttemplate="%{text}",
            colorscale=[[0, "#F7F7F7"], [1, PALETTE["blue"]]],
            hovertemplate="%{y} · %{x}: %{z}<extra></extra>",
            colorbar={"title": {"text": t("topics.count", lang)}},
        )
    )
    figure.update_layout(
        height=360, margin={"l": 10, "r": 10, "t": 10, "b": 10}, yaxis={"autorange": "reversed"}
    )
    return figure


def quarterly_chart(counts: pd.DataFrame, topic_labels: dict[str, str], lang: str) -> go.Figure:
    """Items per quarter, stacked by topic, in the topics' colours."""
    figure = go.Figure()
    quarters = [str(q) for q in counts.index]
    for topic in counts.columns:
        if counts[topic].sum() == 0:
            continue
        figure.add_trace(
            go.Bar(
                x=quarters,
                y=counts[topic],
                name=topic_labels.get(topic, t("topic.none", lang)),
                marker_color=TOPIC_COLOURS.get(topic, PALETTE["grey"]),
                hovertemplate="%{x} · %{fullData.name}: %{y}<extra></extra>",
            )
        )
    figure.update_layout(
        barmode="stack",
        height=340,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        yaxis={"title": {"text": t("topics.count", lang)}},
    )
    return figure


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
            values.append(row.n)
    figure = go.Figure(
        go.Sunburst(
            ids=ids,
            labels=labels,
            parents=parents,
            values=values,
            branchvalues="total",
            hovertemplate="%{label}: %{value}<extra></extra>",
        )
    )
    figure.update_layout(
        height=420, margin={"l": 0, "r": 0, "t": 0, "b": 0}, sunburstcolorway=list(PALETTE.values())[1:]
    )
    return figure


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
    figure = go.Figure(
        go.Bar(
            x=counts.to_numpy(),
            y=labels,
            orientation="h",
            marker_color=colours,
            text=counts.to_numpy(),
            textposition="outside",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.update_layout(
        height=60 + 40 * len(counts),
        margin={"l": 10, "r": 30, "t": 10, "b": 10},
        yaxis={"autorange": "reversed"},
    )
    return figure
