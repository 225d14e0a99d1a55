"""The timeline figure: lanes of events, duration bars under them, phases and milestones.

One builder per trace group or layout part; `timeline_chart` composes them. Returns a Figure and
never renders; colours come from config, text from i18n.
"""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts.labels import DESIGN_WIDTH, first_fit, free, text_width, wrap_in_two
from components.compat import spec_figure
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
from components.security_charts import lane_band_traces
from components.security_codes import STATE_COLOURS

PX = 20  # pixels of one vertical unit
LABEL_ROW, EVENT_ROW, BAR_ROW, LANE_GAP = 0.8, 1.4, 1.0, 0.3  # vertical units of a lane's parts
MAX_LABEL_ROWS = 3  # rows of milestone labels over a lane; a label that finds none is left to hover
PHASE_ROW = 30  # pixels of a row of phase labels (two lines)
EDGE = 9  # pixels kept free at either end of the axis: half a marker and its outline
LABEL_SIZE, LANE_SIZE, PHASE_SIZE = 10, 11, 11
AXIS_ROOM, LEGEND_ROW, LEGEND_SIZE = 34, 20, 12  # pixels under the plot: the axis, each legend row
LABEL_COLOUR = "#222222"  # dark on light bars and on the milestones' white boxes, in either theme
LANE_COLOUR = "#555555"


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


def padded_range(period: tuple) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x axis' range: the period with EDGE pixels more at either end of the narrowest plot."""
    start, end = pd.Timestamp(period[0]), pd.Timestamp(period[1])
    pad = max(end - start, pd.Timedelta(days=1)) * (EDGE / (DESIGN_WIDTH - 2 * EDGE))
    return start - pad, end + pad


def to_px(day, x_range: tuple[pd.Timestamp, pd.Timestamp]) -> float:
    """Where `day` falls on the narrowest plot, in pixels from its left edge."""
    first, last = x_range
    return (pd.Timestamp(day) - first) / (last - first) * DESIGN_WIDTH


def drawn_lanes(events: pd.DataFrame, bars: pd.DataFrame) -> list[str]:
    """The lanes that hold an event or a bar, in their order."""
    used = set(events["lane"]) | set(bars["lane"])
    return [lane for lane in LANES if lane in used]


def place_milestones(
    events: pd.DataFrame, lanes: list[str], x_range, lang: str
) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, str]]]:
    """Per lane, how many label rows it needs and the row of its name (at the left, in the first
    row with room); per milestone given a place, its row and anchor ('right': it ends at the
    marker, tried first so that the next marker finds room after it; 'left': it starts there)."""
    marks = events[events["milestone"]].sort_values("date", kind="stable")
    by_lane: dict[str, list[tuple]] = {}  # one pass: a filter per lane copied every column each time
    for event_id, lane, day, short in zip(
        marks["event_id"], marks["lane"], marks["date"], marks[column("short", lang)], strict=True
    ):
        if short:
            by_lane.setdefault(lane, []).append((event_id, day, short))
    rows_of, placed = {}, {}
    for lane in lanes:
        rows: list[list] = []
        for event_id, day, short in by_lane.get(lane, []):
            x, width = to_px(day, x_range), text_width(short, LABEL_SIZE) + 4  # the box's padding
            spot = first_fit(rows, [(x + 4 - width, x + 4), (x - 4, x - 4 + width)], MAX_LABEL_ROWS, x)
            if spot is not None:
                placed[event_id] = (spot[0], ("right", "left")[spot[1]])
        name = (0.0, text_width(t(f"lane.{lane}", lang), LANE_SIZE, bold=True))
        name_row, _ = first_fit(rows, [name], len(rows) + 1)
        rows_of[lane] = (len(rows), name_row)
    return rows_of, placed


def lane_layout(lanes: list[str], label_rows: dict[str, tuple[int, int]], bars: pd.DataFrame) -> dict:
    """Vertical positions, top lane first: per lane its label rows' y, its event row's y and its band
    (top, bottom); each bar's row within its lane and its y; the bottom of the plot."""
    rows = pack_rows(bars)
    rows_used: dict[str, int] = {}
    for lane, row in zip(bars["lane"], rows, strict=True):
        rows_used[lane] = max(rows_used.get(lane, 0), row + 1)
    labels, events, bands, first_bar, y = {}, {}, {}, {}, 0.0
    for lane in lanes:
        top = y
        y -= label_rows[lane][0] * LABEL_ROW
        labels[lane] = [y + (row + 0.5) * LABEL_ROW for row in range(label_rows[lane][0])]
        events[lane] = y - EVENT_ROW / 2
        first_bar[lane] = y - EVENT_ROW - BAR_ROW / 2
        y -= EVENT_ROW + rows_used.get(lane, 0) * BAR_ROW + LANE_GAP
        bands[lane] = (top, y)
    bar_y = [first_bar[lane] - row * BAR_ROW for lane, row in zip(bars["lane"], rows, strict=True)]
    return {
        "labels": labels,
        "events": events,
        "bands": bands,
        "bar_row": rows,
        "bar_y": pd.Series(bar_y, index=bars.index, dtype=float),
        "bottom": y,
    }


def bar_texts(bar: dict, names: dict[str, str], force_labels: dict[str, str], lang: str) -> list[str]:
    """A bar's label, longest first: 'Africa Corps / Russian instructors · Mali', 'Africa Corps ·
    Mali', …, 'Africa Corps'; a leader's full name, then the last word of it."""
    if bar["kind"] == "leader":
        return [bar["key"], bar["key"].split()[-1]]
    what = force_labels.get(bar["key"]) if bar["kind"] == "presence" else t(f"timeline.{bar['kind']}", lang)
    brief, state = what.split(" / ")[0], names.get(bar["iso3"], bar["iso3"])  # 'Africa Corps'
    return list(dict.fromkeys([f"{what} · {state}", f"{brief} · {state}", what, brief]))


def place_bar_labels(bars: pd.DataFrame, rows: pd.Series, texts: list[list[str]], x_range) -> list:
    """Per bar, its label and where it starts: inside the bar ('start') with the longest text that
    fits, else just after it over nothing ('end'); None when none fits (the bar's hover names it)."""
    spans: dict[tuple, list] = {}
    for lane, row, start, end in zip(bars["lane"], rows, bars["start"], bars["end"], strict=True):
        spans.setdefault((lane, row), []).append((to_px(start, x_range), to_px(end, x_range)))
    taken: dict[tuple, list] = {}
    placed = []
    for lane, row, start, end, options in zip(
        bars["lane"], rows, bars["start"], bars["end"], texts, strict=True
    ):
        left, right = to_px(start, x_range), to_px(end, x_range)
        others = [span for span in spans[(lane, row)] if span != (left, right)]
        labels = taken.setdefault((lane, row), [])
        choice = None
        for where, text in [("start", text) for text in options] + [("end", text) for text in options]:
            width = text_width(text, LABEL_SIZE)
            if where == "start":  # inside its own bar
                span = (left + 3, left + 3 + width)
                fits = span[1] <= right - 3 and free(labels, span)
            else:  # just after it, over no other bar
                span = (right + 3, right + 3 + width)
                fits = free(labels + others, span)
            if fits:
                choice = (text, where)
                labels.append(span)
                break
        placed.append(choice)
    return placed


def bar_traces(bars: pd.DataFrame, bar_y: pd.Series, texts: list[list[str]], lang: str) -> list[dict]:
    """The duration bars (a force's colour, or its kind's), their ids as customdata for clicks."""
    if bars.empty:
        return []
    records = bars.to_dict("records")
    colours = [
        FORCE_COLOURS[bar["key"]] if bar["kind"] == "presence" else BAR_COLOURS[bar["kind"]]
        for bar in records
    ]
    spans = [
        f"{options[0]}<br>{format_date(start, 'day', lang)} – {format_date(end, 'day', lang)}"
        for options, start, end in zip(texts, bars["start"], bars["end"], strict=True)
    ]
    bar = dict(
        type="bar",
        y=bar_y.to_numpy(),
        base=bars["start"].dt.strftime("%Y-%m-%d").tolist(),
        x=((bars["end"] - bars["start"]).dt.total_seconds() * 1000).to_numpy(),
        orientation="h",
        width=BAR_ROW * 0.75,
        # See-through, so that the dark labels on top stay readable; the full-colour outline keeps
        # each bar 3:1 against the background (WCAG 1.4.11).
        marker={
            "color": [tint(colour, 0.45) for colour in colours],
            "line": {"color": colours, "width": 1.5},
        },
        customdata=bars["bar_id"].tolist(),
        hovertext=spans,
        hoverinfo="text",
        name=t("timeline.durations", lang),
        showlegend=False,
    )
    return [bar]


def bar_labels(bars: pd.DataFrame, bar_y: pd.Series, placed: list) -> list[dict]:
    """The bars' labels that fit (place_bar_labels), as annotations that let clicks through."""
    labels = []
    for start, end, y, choice in zip(bars["start"], bars["end"], bar_y, placed, strict=True):
        if choice is None:
            continue
        text, where = choice
        labels.append(
            {
                "x": start if where == "start" else end,
                "y": y,
                "text": text,
                "showarrow": False,
                "xanchor": "left",
                "xshift": 3,
                # A light halo keeps the dark text readable over any bar and either theme's background.
                "font": {"size": LABEL_SIZE, "color": LABEL_COLOUR, "shadow": "auto"},
            }
        )
    return labels


def event_traces(
    events: pd.DataFrame, event_y: dict[str, float], categories, publishers: dict[str, str], lang: str
) -> list[dict]:
    """One marker trace per category present, in the order of `categories`: colour by category,
    symbol by date precision, the event id as customdata for clicks."""
    # Each category's rows by position in plain arrays: a filter per category copied every column,
    # and plotly looks longer at a Series than at an array or a list.
    at = events.groupby("category", sort=False).indices
    names = ("event_id", "date", "date_precision", "lane", "source_ids", column("title", lang))
    ids, days, precisions, lanes, cited, titles = (events[name].to_numpy() for name in names)
    stamps = events["date"].tolist()  # Timestamps, for the words; `days` is what plotly is given
    traces = []
    for category in categories:
        if category not in at:
            continue
        rows = at[category]
        colour = CATEGORY_COLOURS[category]
        hover = [
            f"{titles[i]}<br>{format_date(stamps[i], precisions[i], lang)} "
            f"({t(f'common.precision.{precisions[i]}', lang)})"
            f"<br>{', '.join(dict.fromkeys(publishers.get(s, s) for s in cited[i]))}"
            for i in rows
        ]
        traces.append(
            dict(
                type="scatter",
                x=days[rows],
                # An array, as plotly packs it in binary.
                y=np.array([event_y[lanes[i]] for i in rows]),
                mode="markers",
                marker={
                    "color": colour,
                    "size": 12,
                    "symbol": [PRECISION_SYMBOLS[precisions[i]] for i in rows],
                    "line": {"width": 1.5, "color": colour},
                },
                customdata=ids[rows].tolist(),
                hovertext=hover,
                hoverinfo="text",
                name=t(f"category.{category}", lang),
            )
        )
    return traces


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


def lane_separators(bands: dict[str, tuple[float, float]]) -> list[dict]:
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
        for top, _ in list(bands.values())[1:]
    ]


def lane_names(lanes: list[str], label_y: dict, label_rows: dict, lang: str) -> list[dict]:
    """Each lane's name at the left of its label row (place_milestones), inside the plot: a phone
    has no width to spare for a margin."""
    return [
        {
            "x": 0,
            "xref": "paper",
            "y": label_y[lane][label_rows[lane][1]],
            "text": t(f"lane.{lane}", lang),
            "showarrow": False,
            "xanchor": "left",
            "font": {"size": LANE_SIZE, "color": LANE_COLOUR, "weight": "bold"},
        }
        for lane in lanes
    ]


def place_phases(phases: pd.DataFrame, x_range, lang: str) -> list[tuple[int, str, str] | None]:
    """Per phase, its label's row above the plot, anchor and text (on one line or two): at the
    phase's start if it fits there, else ending at the phase's end; None when it starts after the
    axis or finds no row."""
    rows: list[list] = []
    placed = []
    for label, start, end in zip(phases[column("label", lang)], phases["start"], phases["end"], strict=True):
        left, right = max(to_px(start, x_range), 0.0), min(to_px(end, x_range), DESIGN_WIDTH)
        if left >= right:
            placed.append(None)
            continue
        texts = [label, wrap_in_two(label)]
        widths = [text_width(text, PHASE_SIZE, bold=True) for text in texts]
        candidates = [(left + 2, left + 2 + w) for w in widths] + [(right - 2 - w, right - 2) for w in widths]
        spot = first_fit(rows, candidates, len(phases))
        placed.append(
            None if spot is None else (spot[0], ("left", "right")[spot[1] // 2], texts[spot[1] % 2])
        )
    return placed


def phase_labels(phases: pd.DataFrame, placed: list, x_range) -> list[dict]:
    """The phases' names above the plot, in the rows place_phases gave them."""
    labels = []
    for start, end, spot in zip(phases["start"], phases["end"], placed, strict=True):
        if spot is None:
            continue
        row, anchor, text = spot
        labels.append(
            {
                "x": max(pd.Timestamp(start), x_range[0])
                if anchor == "left"
                else min(pd.Timestamp(end), x_range[1]),
                "y": 1.0,
                "yref": "paper",
                "yshift": row * PHASE_ROW,
                "text": text,
                "showarrow": False,
                "xanchor": anchor,
                "xshift": 2 if anchor == "left" else -2,
                "yanchor": "bottom",
                "font": {"size": PHASE_SIZE, "weight": "bold"},
            }
        )
    return labels


def milestone_labels(events: pd.DataFrame, placed: dict, layout: dict, lang: str) -> tuple[list, list]:
    """The milestones' short names on white boxes in their rows above the markers, and a line from
    each marker up to its label."""
    labels, stems = [], []
    for event in events[events["event_id"].isin(placed)].to_dict("records"):
        row, anchor = placed[event["event_id"]]
        y = layout["labels"][event["lane"]][row]
        labels.append(
            {
                "x": event["date"],
                "y": y,
                "text": event[column("short", lang)],
                "showarrow": False,
                "xanchor": anchor,
                "xshift": -4 if anchor == "left" else 4,
                "font": {"size": LABEL_SIZE, "color": LABEL_COLOUR},
                "bgcolor": "rgba(255,255,255,0.85)",
            }
        )
        stems.append(
            {
                "type": "line",
                "x0": event["date"],
                "x1": event["date"],
                "y0": layout["events"][event["lane"]] + 0.3,
                "y1": y - LABEL_ROW / 2,
                "line": {"color": "#888888", "width": 1},
            }
        )
    return labels, stems


def band_traces(deaths: dict, bands: dict[str, tuple[float, float]], lang: str) -> list[dict]:
    """Per state lane drawn, its monthly deaths as a band under its events (`deaths['monthly']`:
    iso3 → frame of best, low, high by month) and, hatched, the spans the data does not cover
    (`deaths['gaps']`: iso3 → [(start, end, why)])."""
    traces = []
    for iso3, monthly in deaths["monthly"].items():
        if iso3 in bands and not monthly.empty:
            top, bottom = bands[iso3]
            name = t(f"lane.{iso3}", lang)
            band = lane_band_traces(monthly, top - LABEL_ROW, bottom, name, STATE_COLOURS[iso3])
            traces += [{**trace, "showlegend": False} for trace in band]  # hover names them
    gaps = [(iso3, *gap) for iso3, spans in deaths["gaps"].items() if iso3 in bands for gap in spans]
    if gaps:
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "y": [(bands[iso3][0] + bands[iso3][1]) / 2 for iso3, *_ in gaps],
                "base": [pd.Timestamp(start).strftime("%Y-%m-%d") for _, start, _, _ in gaps],
                "x": [
                    (pd.Timestamp(end) - pd.Timestamp(start)).total_seconds() * 1000
                    for _, start, end, _ in gaps
                ],
                "width": [bands[iso3][0] - bands[iso3][1] for iso3, *_ in gaps],
                "marker": {
                    "color": "rgba(0,0,0,0)",
                    "pattern": {"shape": "/", "fgcolor": "#BBBBBB", "size": 8},
                },
                "hovertext": [why for *_, why in gaps],
                "hoverinfo": "text",
                "name": t("timeline.deaths_gap", lang),
            }
        )
    return traces


def legend_rows(names: list[str]) -> int:
    """Rows the horizontal legend takes on the narrowest plot: plotly gives every column the width
    of the widest entry (its symbol and text)."""
    if not names:
        return 0
    widest = max(40 + text_width(name, LEGEND_SIZE) for name in names)
    columns = max(1, int(DESIGN_WIDTH // widest))
    return -(-len(names) // columns)


def timeline_layout(layout: dict, lanes: list[str], x_range, phase_rows: int, legend: list[str]) -> dict:
    """Axes, height (PX a unit, the phase labels' rows above, the axis and `legend`'s rows below),
    legend."""
    top, bottom = phase_rows * PHASE_ROW + 6, AXIS_ROOM + legend_rows(legend) * LEGEND_ROW
    height = int(-layout["bottom"] * PX) + top + bottom
    return dict(
        height=height,
        # Fixed margins: a legend pushing them would squeeze the rows the labels were laid out in.
        margin={"l": 10, "r": 10, "t": top, "b": bottom, "autoexpand": False},
        hovermode="closest",
        dragmode="pan",
        clickmode="event+select",
        barmode="overlay",
        # Under the axis, growing down: on a wide screen its spare rows stay empty at the bottom.
        legend={
            "orientation": "h",
            "x": 0,
            "y": (bottom - AXIS_ROOM) / height,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": LEGEND_SIZE},
        },
        xaxis={"type": "date", "range": list(x_range), "showgrid": True},
        yaxis={
            "tickvals": [layout["events"][lane] for lane in lanes],
            "showticklabels": False,  # the lanes' names are inside the plot: lane_names
            "range": [layout["bottom"], 0],
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
    )


def timeline_chart(
    events: pd.DataFrame,
    bars: pd.DataFrame,
    phases: pd.DataFrame,
    publishers: dict[str, str],
    labels: dict[str, dict[str, str]],
    categories,
    period: tuple,
    lang: str,
    deaths: dict | None = None,
) -> go.Figure:
    """The timeline figure, already its spec (compat.spec_figure): lanes of events (colour:
    category, symbol: date precision, the publishers cited on hover), duration bars, phases,
    milestones, and with `deaths` (see band_traces) each state's monthly deaths under its lane.

    `events` carries a `lane` column (model.with_lanes); `bars` comes from model.duration_bars with
    a `bar_id` column; `phases` from model.phase_periods; `publishers` names each source's
    publisher by id (model.publishers); `labels` holds the 'states' and 'forces' names by code and
    `categories` the category codes in order. Only lanes holding an event or a
    bar are drawn; labels are laid out for the narrowest plot (charts.labels) and never overlap.
    """
    # The columns drawn, taken once: each filter below copies every column it keeps.
    drawn = ["event_id", "date", "date_precision", "category", "lane", "milestone", "source_ids"]
    events = events[[*drawn, column("title", lang), column("short", lang)]]
    x_range = padded_range(period)
    lanes = drawn_lanes(events, bars)
    label_rows, milestones = place_milestones(events, lanes, x_range, lang)
    layout = lane_layout(lanes, label_rows, bars)
    texts = [bar_texts(bar, labels["states"], labels["forces"], lang) for bar in bars.to_dict("records")]
    placed_bars = place_bar_labels(bars, layout["bar_row"], texts, x_range)
    placed_phases = place_phases(phases, x_range, lang)
    marks, stems = milestone_labels(events, milestones, layout, lang)
    traces = [
        *(band_traces(deaths, layout["bands"], lang) if deaths else []),
        *bar_traces(bars, layout["bar_y"], texts, lang),
        *event_traces(events, layout["events"], categories, publishers, lang),
    ]
    phase_rows = 1 + max((spot[0] for spot in placed_phases if spot), default=0)
    legend = [trace["name"] for trace in traces if trace.get("showlegend", True)]
    figure = timeline_layout(layout, lanes, x_range, phase_rows, legend)
    figure["shapes"] = phase_shapes(phases) + lane_separators(layout["bands"]) + stems
    figure["annotations"] = [
        *phase_labels(phases, placed_phases, x_range),
        *lane_names(lanes, layout["labels"], label_rows, lang),
        *marks,
        *bar_labels(bars, layout["bar_y"], placed_bars),
    ]
    return spec_figure(traces, figure)
