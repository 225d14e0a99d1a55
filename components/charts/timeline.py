"""The timeline figure: lanes of events, duration bars under them, phases and milestones.

One builder per trace group or layout part; `timeline_chart` composes them. Returns a Figure and
never renders; colours come from config, text from i18n.
"""

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.compat import unchecked_figure
from components.config import (
    BAR_COLOURS,
    CATEGORY_COLOURS,
    FORCE_COLOURS,
    LANES,
    PALETTE,
    PRECISION_SYMBOLS,
    tint,
)
from components.formatting import format_date
from components.i18n import column, t

EVENT_ROW, BAR_ROW = 2.0, 1.0  # vertical room of a lane's event row and of each bar under it
LEGEND_ROOM = 130  # pixels under the plot for the axis and the legend rows
LABEL_COLOUR = "#222222"  # dark on light bars and on the milestones' white boxes, in either theme


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


def bar_traces(
    bars: pd.DataFrame, bar_y: pd.Series, names: dict[str, str], force_labels: dict[str, str], lang: str
) -> list[dict]:
    """The duration bars (a force's colour, or its kind's) and their labels as a text trace."""
    if bars.empty:
        return []
    records = bars.to_dict("records")
    labels = [bar_label(bar, names, force_labels, lang) for bar in records]
    colours = [
        FORCE_COLOURS[bar["key"]] if bar["kind"] == "presence" else BAR_COLOURS[bar["kind"]]
        for bar in records
    ]
    spans = [
        f"{label}<br>{format_date(start, 'day', lang)} – {format_date(end, 'day', lang)}"
        for label, start, end in zip(labels, bars["start"], bars["end"], strict=True)
    ]
    bar = dict(
        type="bar",
        y=bar_y.to_numpy(),
        base=bars["start"].dt.strftime("%Y-%m-%d"),
        x=(bars["end"] - bars["start"]).dt.total_seconds() * 1000,
        orientation="h",
        width=BAR_ROW * 0.75,
        # See-through, so that the dark labels on top stay readable; the full-colour outline keeps
        # each bar 3:1 against the background (WCAG 1.4.11).
        marker={
            "color": [tint(colour, 0.45) for colour in colours],
            "line": {"color": colours, "width": 1.5},
        },
        hovertext=spans,
        hoverinfo="text",
        name=t("timeline.durations", lang),
        showlegend=False,
    )
    # Labels as their own text trace: bar text would be shrunk to the bar's few pixels.
    text = dict(
        type="scatter",
        x=bars["start"],
        y=bar_y.to_numpy(),
        mode="text",
        text=labels,
        textposition="middle right",
        # A light halo keeps the dark text readable over any bar and either theme's background.
        textfont={"size": 10, "color": LABEL_COLOUR, "shadow": "auto"},
        hoverinfo="skip",
        showlegend=False,
    )
    return [bar, text]


def event_traces(
    events: pd.DataFrame, event_y: dict[str, float], categories, sources: pd.DataFrame, lang: str
) -> list[dict]:
    """One marker trace per category present, in the order of `categories`: colour by category,
    symbol by date precision, the event id as customdata for clicks."""
    publishers = sources.set_index("source_id")["publisher"]
    traces = []
    for category in categories:
        rows = events[events["category"] == category]
        if rows.empty:
            continue
        colour = CATEGORY_COLOURS[category]
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
    return traces


def precision_legend(lang: str) -> list[dict]:
    """Empty traces that put each date precision's symbol in the legend."""
    return [
        dict(
            type="scatter",
            x=[None],
            y=[None],
            mode="markers",
            marker={"symbol": symbol, "color": PALETTE["grey"], "size": 10},
            name=t(f"timeline.precise_to.{precision}", lang),
            hoverinfo="skip",
        )
        for precision, symbol in PRECISION_SYMBOLS.items()
    ]


def phase_shapes(phases: pd.DataFrame) -> list[dict]:
    """A faint band behind each phase, alternating in colour."""
    return [
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


def lane_separators(bands: list[tuple[str, float, float]]) -> list[dict]:
    """A thin line above every lane but the first."""
    return [
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


def phase_labels(phases: pd.DataFrame, lang: str) -> list[dict]:
    """Each phase's name above the plot, at its start, wrapped to short lines."""
    return [
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


def milestone_labels(events: pd.DataFrame, event_y: dict[str, float], lang: str) -> list[dict]:
    """The milestones' short names on white boxes, above and below their markers in turn."""
    return [
        {
            "x": event["date"],
            "y": event_y[event["lane"]],
            "text": event[column("short", lang)],
            "showarrow": True,
            "arrowhead": 0,
            "ax": 0,
            "ay": -28 if index % 2 else 28,
            "font": {"size": 10, "color": LABEL_COLOUR},
            "bgcolor": "rgba(255,255,255,0.85)",
        }
        for index, event in enumerate(events[events["milestone"]].to_dict("records"))
    ]


def timeline_layout(bottom: float, event_y: dict[str, float], period: tuple, lang: str) -> dict:
    """Axes, lanes' names, height (20 px a row plus the phase labels, axis and legend), legend."""
    return dict(
        height=int(-bottom * 20) + 80 + LEGEND_ROOM,
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


def timeline_chart(
    events: pd.DataFrame,
    bars: pd.DataFrame,
    phases: pd.DataFrame,
    sources: pd.DataFrame,
    labels: dict[str, dict[str, str]],
    categories,
    period: tuple,
    lang: str,
) -> go.Figure:
    """Lanes of events (colour: category, symbol: date precision), duration bars, phases, milestones.

    `events` carries a `lane` column (model.with_lanes); `bars` comes from model.duration_bars,
    `phases` from model.phase_periods; `labels` holds the 'states' and 'forces' names by code and
    `categories` the category codes in order.
    """
    event_y, bar_y, bands = lane_layout(bars)
    traces = [
        *bar_traces(bars, bar_y, labels["states"], labels["forces"], lang),
        *event_traces(events, event_y, categories, sources, lang),
        *precision_legend(lang),
    ]
    layout = timeline_layout(bands[-1][2], event_y, period, lang)
    layout["shapes"] = phase_shapes(phases) + lane_separators(bands)
    layout["annotations"] = phase_labels(phases, lang) + milestone_labels(events, event_y, lang)
    return unchecked_figure(traces, layout)
