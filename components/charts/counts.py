"""plotly builders of counts: topic × state, quarters, composition, stages, source types.

Each returns a Figure, already its spec (compat.spec_figure), and never renders; colours come from
config, text from i18n.
"""

import pandas as pd
import plotly.graph_objects as go

from components.compat import spec_figure
from components.config import NO_TOPIC, PALETTE, STAGE_COLOURS, TOPIC_COLOURS
from components.formatting import format_quarter
from components.i18n import t

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
    layout = {
        "height": 360,
        "margin": MARGIN,
        "xaxis": {"automargin": True},
        "yaxis": {"autorange": "reversed", "automargin": True},  # topic names widen the margin, never cut
    }
    return spec_figure([heatmap], layout)


def quarterly_chart(counts: pd.DataFrame, topic_labels: dict[str, str], lang: str) -> go.Figure:
    """Items per quarter, stacked by topic, in the topics' colours."""
    quarters = [format_quarter(q, lang) for q in counts.index]
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
        "xaxis": {"automargin": True},
        "yaxis": {"title": {"text": t("topics.count", lang)}, "automargin": True},
    }
    return spec_figure(bars, layout)


def composition_chart(composition: pd.DataFrame, lang: str) -> go.Figure:
    """Area → instrument → status of the cooperation items, as a sunburst.

    `composition` has one row per (area, instrument, status) and its `items` (model.composition_counts).
    """
    ids, labels, parents, values = [], [], [], []
    rows = composition.to_dict("records")
    for depth, columns in enumerate([["area"], ["area", "instrument"], ["area", "instrument", "status"]]):
        # Summed in plain Python, in a group-by's order: a few dozen rows, where pandas took 5 ms.
        sums: dict[tuple[str, ...], int] = {}
        for row in rows:
            path = tuple(row[c] for c in columns)
            sums[path] = sums.get(path, 0) + int(row["items"])
        for path in sorted(sums):
            ids.append("/".join(path))
            labels.append(t(f"{LABEL_PREFIX[columns[-1]]}.{path[-1]}", lang))
            parents.append("/".join(path[:-1]) if depth else "")
            values.append(sums[path])
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
    return spec_figure([sunburst], layout)


def pipeline_chart(stages: pd.Series, lang: str) -> go.Figure:
    """How far the agreements went: one bar per stage, in the order of `stages` (announced first)."""
    colours = [STAGE_COLOURS[stage] for stage in stages.index]
    return count_bars(stages, _axis_labels(stages.index, "stage", lang), colours)


def area_chart(counts: pd.Series, lang: str) -> go.Figure:
    """Cooperation items per area as bars, each carrying its area code so that a click can choose it."""
    return count_bars(
        counts, _axis_labels(counts.index, "area", lang), PALETTE["blue"], codes=list(counts.index)
    )


def count_bars(
    counts: pd.Series, labels: list[str], colours: list[str] | str, codes: list[str] | None = None
) -> go.Figure:
    """Horizontal bars of counts in the order given, first at the top, each count written beside it;
    with `codes`, each bar carries its code as customdata (what a click selects)."""
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
    if codes is not None:
        bars["customdata"] = codes
    layout = {
        "height": 60 + 40 * len(counts),
        "margin": {"l": 10, "r": 40, "t": 10, "b": 10},
        "yaxis": {"autorange": "reversed", "automargin": True},  # long labels widen the margin, never cut
    }
    return spec_figure([bars], layout)
