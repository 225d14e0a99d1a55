"""plotly builders of the Security page: monthly deaths or events with the UCDP band, and milestones on the
same time axis. Return figures, never render."""

import pandas as pd
import plotly.graph_objects as go

from components.compat import spec_figure
from components.config import PALETTE, rgb
from components.i18n import t
from components.security_codes import BAND_ALPHA, KIND_COLOURS, MILESTONE_COLOUR, SIDE_COLOURS

MARGIN = {"l": 10, "r": 10, "t": 30, "b": 10}


def _rgba(colour: str, alpha: float) -> str:
    r, g, b, _ = rgb(colour)
    return f"rgba({r},{g},{b},{alpha})"


def deaths_band_traces(monthly: pd.DataFrame, name: str, colour: str, *, band: bool) -> list[dict]:
    """The best estimate as a line and, when `band`, the low–high range as a shaded band behind it.

    `monthly` is indexed by month with best, low and high; low/high are drawn as UCDP gives them.
    """
    months = [m.strftime("%Y-%m-%d") for m in monthly.index]
    traces = []
    if band:
        low = monthly[["low", "best", "high"]].min(axis=1).tolist()  # a band never hides the line
        high = monthly[["low", "best", "high"]].max(axis=1).tolist()
        traces += [
            {"type": "scatter", "x": months, "y": low, "mode": "lines", "line": {"width": 0},
             "hoverinfo": "skip", "showlegend": False, "legendgroup": name},
            {"type": "scatter", "x": months, "y": high, "mode": "lines", "line": {"width": 0},
             "fill": "tonexty", "fillcolor": _rgba(colour, BAND_ALPHA), "hoverinfo": "skip",
             "name": f"{name} (low–high)", "legendgroup": name},
        ]  # fmt: skip
    traces.append(
        {
            "type": "scatter",
            "x": months,
            "y": monthly["best"].tolist(),
            "mode": "lines",
            "line": {"color": colour, "width": 2},
            "name": name,
            "legendgroup": name,
            "customdata": list(zip(monthly["low"].tolist(), monthly["high"].tolist(), strict=True)),
            "hovertemplate": (
                "%{x|%Y-%m} · %{fullData.name}: %{y}"
                + (" (%{customdata[0]}–%{customdata[1]})" if band else "")
                + "<extra></extra>"
            ),
        }
    )
    return traces


def milestone_traces(marks: pd.DataFrame, top: float, lang: str) -> list[dict]:
    """One trace of vertical lines at the milestones' dates, from 0 to `top`, named in hover."""
    label = "short_fr" if lang == "fr" else "short_en"
    title = "title_fr" if lang == "fr" else "title_en"
    x, y, text = [], [], []
    for row in marks.itertuples():
        day = row.date.strftime("%Y-%m-%d")
        name = getattr(row, label) or getattr(row, title)
        x += [day, day, None]
        y += [0, top, None]
        text += [name, name, None]
    return [
        {
            "type": "scatter",
            "x": x,
            "y": y,
            "mode": "lines",
            "line": {"color": MILESTONE_COLOUR, "width": 1, "dash": "dot"},
            "name": t("security.milestones", lang),
            "text": text,
            "hovertemplate": "%{x|%Y-%m-%d} · %{text}<extra></extra>",
        }
    ]


def monthly_chart(
    series: dict[str, pd.DataFrame], measure: str, marks: pd.DataFrame, colours: dict[str, str], lang: str,
    *, band: bool,
) -> go.Figure:  # fmt: skip
    """Per state (name → monthly frame), deaths (best, with the low–high band when `band`) or events by
    month, with the milestones on the same axis."""
    traces, top = [], 1
    for name, monthly in series.items():
        colour = colours.get(name, PALETTE["grey"])
        if measure == "best":
            traces += deaths_band_traces(monthly, name, colour, band=band)
            top = max(top, int(monthly[["best", "high"]].to_numpy().max(initial=0)))
        else:
            frame = monthly.assign(best=monthly[measure], low=monthly[measure], high=monthly[measure])
            traces += deaths_band_traces(frame, name, colour, band=False)
            top = max(top, int(monthly[measure].max()))
    traces += milestone_traces(marks, top, lang)
    layout = {
        "height": 380,
        "margin": MARGIN,
        "legend": {"orientation": "h", "y": -0.15},
        "hovermode": "closest",
        "yaxis": {"title": {"text": t(f"security.measure.{measure}", lang)}, "rangemode": "tozero"},
        "xaxis": {"type": "date"},
    }
    return spec_figure(traces, layout)


def breakdown_chart(wide: pd.DataFrame, by: str, measure: str, lang: str) -> go.Figure:
    """Monthly bars stacked by kind of violence or by side, in their colours."""
    colours = KIND_COLOURS if by == "kind" else SIDE_COLOURS
    months = [m.strftime("%Y-%m-%d") for m in wide.index]
    # Kinds add up to the total and stack; sides overlap (an event counts under both of its sides): lines.
    shape = {"type": "bar"} if by == "kind" else {"type": "scatter", "mode": "lines"}
    bars = [
        {
            **shape,
            "x": months,
            "y": wide[code].tolist(),
            "name": t(f"{by}.{code}", lang),
            "marker": {"color": colours.get(code, PALETTE["grey"])},
            "hovertemplate": "%{x|%Y-%m} · %{fullData.name}: %{y}<extra></extra>",
        }
        for code in wide.columns
    ]
    layout = {
        "barmode": "stack",
        "height": 340,
        "margin": MARGIN,
        "legend": {"orientation": "h", "y": -0.2},
        "yaxis": {"title": {"text": t(f"security.measure.{measure}", lang)}},
        "xaxis": {"type": "date"},
    }
    return spec_figure(bars, layout)


def lane_band_traces(monthly: pd.DataFrame, top: float, bottom: float, name: str, colour: str) -> list[dict]:
    """deaths_band_traces scaled into a timeline lane (y from `bottom` to `top`): the lane's busiest month
    fills 90% of its height; hover gives the real numbers."""
    peak = max(int(monthly[["best", "low", "high"]].to_numpy().max(initial=0)), 1)
    scale = 0.9 * (top - bottom) / peak
    scaled = monthly[["best", "low", "high"]].mul(scale).add(bottom)
    traces = deaths_band_traces(scaled, name, colour, band=True)
    traces[-1]["customdata"] = [
        (int(b), int(lo), int(hi)) for b, lo, hi in monthly[["best", "low", "high"]].itertuples(index=False)
    ]
    traces[-1]["hovertemplate"] = (
        "%{x|%Y-%m} · %{fullData.name}: %{customdata[0]} (%{customdata[1]}–%{customdata[2]})<extra></extra>"
    )
    return traces
