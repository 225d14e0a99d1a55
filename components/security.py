"""Pure model of conflict events: one event layout, monthly counts by kind and side, before/after windows.

No Streamlit and no file access. The shipped UCDP table and a reader's file (components/conflict_files.py)
both become rows of EVENT_COLUMNS, then the same DuckDB aggregation.
"""

import math
from dataclasses import dataclass
from functools import cached_property

import duckdb
import numpy as np
import pandas as pd

from components.compat import RawJSON, compact_json
from components.config import LANGUAGES, PALETTE, rgb
from components.i18n import t
from components.security_codes import (
    ACLED_ACTOR_PATTERNS,
    ACLED_ACTOR_TYPES,
    CIVILIANS,
    COUNTRIES,
    KIND_COLOURS,
    SIDES,
    UCDP_KINDS,
    UCDP_SIDES,
    WINDOWS,
)

EVENT_COLUMNS = (
    "event_id",
    "iso3",
    "day",
    "kind",
    "side_a",
    "side_b",
    "best",
    "low",
    "high",
    "latitude",
    "longitude",
)
MEASURES = ("events", "best", "low", "high")


@dataclass(frozen=True)
class Conflict:
    """Monthly counts of one source and what they cover.

    `kinds` and `sides` hold iso3, month, kind or side, events, best, low, high; `first`/`last` bound the
    days the data covers; `source` is "ucdp" or "acled" (ACLED gives one fatality count: low = high = best).
    """

    source: str
    kinds: pd.DataFrame
    sides: pd.DataFrame
    first: pd.Timestamp
    last: pd.Timestamp

    @cached_property  # asked for once per state on a run: a group-by each time
    def states(self) -> list[str]:
        """States with at least one event, the most deaths first."""
        totals = self.kinds.groupby("iso3")["best"].sum().sort_values(ascending=False, kind="stable")
        return list(totals.index)

    def months(self) -> pd.DatetimeIndex:
        """Every month the data covers, whether or not it holds events."""
        return pd.date_range(self.first.to_period("M").start_time, self.last, freq="MS")


def ucdp_side(name: str) -> str:
    """The side code of a UCDP side name; '' for civilians, who are targets, not a side."""
    if name == CIVILIANS:
        return ""
    if name.startswith("Government of "):
        return "government"
    return UCDP_SIDES.get(name, "other")


def acled_side(actor: str, actor_type: str) -> str:
    """The side code of an ACLED actor from its name and type (text or pre-2023 number); '' for none."""
    lowered = (actor or "").lower()
    if not lowered.strip():
        return ""
    for pattern, side in ACLED_ACTOR_PATTERNS:
        if pattern in lowered:
            return side
    return ACLED_ACTOR_TYPES.get((actor_type or "").strip().lower(), "other")


def ucdp_events(conflict: pd.DataFrame) -> pd.DataFrame:
    """The shipped UCDP table as rows of EVENT_COLUMNS (dated by date_start)."""
    return pd.DataFrame(
        {
            "event_id": conflict["id"].astype(str),
            "iso3": conflict["country"].map(COUNTRIES),
            "day": conflict["date_start"],
            "kind": conflict["type_of_violence"].astype(int).map(UCDP_KINDS),
            "side_a": conflict["side_a"].map(ucdp_side),
            "side_b": conflict["side_b"].map(ucdp_side),
            "best": conflict["best_est"].astype("int64"),
            "low": conflict["low_est"].astype("int64"),
            "high": conflict["high_est"].astype("int64"),
            "latitude": conflict["latitude"],
            "longitude": conflict["longitude"],
        }
    )


_SUMS = "count(*) AS events, sum(best) AS best, sum(low) AS low, sum(high) AS high"


def aggregate(con: duckdb.DuckDBPyConnection, events: str, source: str, first, last) -> Conflict:
    """Monthly counts from the table or view `events` (EVENT_COLUMNS) of connection `con`."""
    kinds = con.sql(
        f"SELECT iso3, date_trunc('month', day)::TIMESTAMP AS month, kind, {_SUMS} "
        f"FROM {events} GROUP BY ALL ORDER BY ALL"
    ).df()
    # An event counts once under each side it involves (twice only when its sides differ).
    sides = con.sql(
        f"SELECT iso3, month, side, {_SUMS} FROM ("
        f"  SELECT iso3, date_trunc('month', day)::TIMESTAMP AS month, side_a AS side, best, low, high"
        f"  FROM {events} WHERE side_a <> ''"
        f"  UNION ALL"
        f"  SELECT iso3, date_trunc('month', day)::TIMESTAMP, side_b, best, low, high"
        f"  FROM {events} WHERE side_b <> '' AND side_b <> side_a"
        f") GROUP BY ALL ORDER BY ALL"
    ).df()
    for frame in (kinds, sides):
        frame[list(MEASURES)] = frame[list(MEASURES)].astype("int64")
    return Conflict(source, kinds, sides, pd.Timestamp(first), pd.Timestamp(last))


def aggregate_frame(events: pd.DataFrame, source: str, first, last) -> Conflict:
    """Monthly counts of an in-memory frame of EVENT_COLUMNS."""
    con = duckdb.connect()
    con.register("events", events)
    return aggregate(con, "events", source, first, last)


def state_monthly(conflict: Conflict, iso3: str) -> pd.DataFrame:
    """Per covered month of one state: events and deaths (best, low, high); zero where nothing happened."""
    rows = conflict.kinds[conflict.kinds["iso3"] == iso3]
    monthly = rows.groupby("month")[list(MEASURES)].sum()
    return monthly.reindex(conflict.months(), fill_value=0).rename_axis("month")


def states_monthly(conflict: Conflict, states) -> pd.DataFrame:
    """state_monthly of each of `states` the data holds, stacked: iso3, month, events, best, low, high."""
    held = [s for s in states if s in conflict.states]
    if not held:
        return pd.DataFrame(columns=["iso3", "month", *MEASURES])
    frames = {iso3: state_monthly(conflict, iso3) for iso3 in held}
    return pd.concat(frames, names=["iso3", "month"]).reset_index()


def breakdown(conflict: Conflict, iso3: str, by: str, measure: str) -> pd.DataFrame:
    """Months × kind or side codes (in display order) of one measure for one state, zero-filled."""
    frame = conflict.kinds if by == "kind" else conflict.sides
    rows = frame[frame["iso3"] == iso3]
    wide = rows.pivot_table(index="month", columns=by, values=measure, aggfunc="sum", fill_value=0)
    order = SIDES if by == "side" else list(dict.fromkeys(frame["kind"]))
    wide = wide.reindex(columns=[c for c in order if c in wide.columns])
    return wide.reindex(conflict.months(), fill_value=0).rename_axis("month").astype("int64")


def milestones(events: pd.DataFrame, ids) -> pd.DataFrame:
    """The chronology's events named by `ids`, in that order; ids not in the table are skipped."""
    table = events.set_index("event_id")
    found = [i for i in ids if i in table.index]
    return table.loc[found].reset_index()


def window_months(day, months: int) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp, pd.Timestamp]:
    """First and last month of the `months` whole months before, then after, the month of `day`."""
    month = pd.Timestamp(day).to_period("M")
    before, last_before, first_after, after = (month - months, month - 1, month + 1, month + months)
    return before.start_time, last_before.start_time, first_after.start_time, after.start_time


def before_after(conflict: Conflict, day, states, windows=WINDOWS) -> pd.DataFrame:
    """Per state and window: events and deaths in the months before and after `day`'s month, the months
    of each window the data covers, and monthly rates over the covered months (NaN when none is)."""
    covered = set(conflict.months())
    rows = []
    for iso3 in states:
        monthly = state_monthly(conflict, iso3)
        for months in windows:
            starts = window_months(day, months)
            for part, (start, end) in (("before", starts[:2]), ("after", starts[2:])):
                span = pd.date_range(start, end, freq="MS")
                inside = [m for m in span if m in covered]
                sums = monthly.reindex(inside, fill_value=0).sum()
                n = len(inside)
                rows.append(
                    {
                        "iso3": iso3,
                        "window": months,
                        "part": part,
                        "first_month": start.strftime("%Y-%m"),
                        "last_month": end.strftime("%Y-%m"),
                        "months_covered": n,
                        **{m: int(sums[m]) for m in MEASURES},
                        "events_per_month": round(sums["events"] / n, 1) if n else float("nan"),
                        "deaths_per_month": round(sums["best"] / n, 1) if n else float("nan"),
                    }
                )
    return pd.DataFrame(rows)


def in_window(events: pd.DataFrame, day, days: int) -> np.ndarray:
    """Boolean mask: events (EVENT_COLUMNS) dated in the `days` days up to and including `day`."""
    end = pd.Timestamp(day)
    start = end - pd.Timedelta(days=days - 1)
    dates = events["day"].to_numpy()
    return (dates >= start.to_datetime64()) & (dates <= end.to_datetime64())


def event_points(events: pd.DataFrame, lang: str) -> list[dict]:
    """What the map's conflict layer draws of each of `events` (EVENT_COLUMNS): where, a radius by
    which the area is proportional to deaths (best estimate; an event without deaths still shows),
    a colour by kind and a tooltip line."""
    kinds = {kind: t(f"kind.{kind}", lang) for kind in set(events["kind"])}
    colours = {kind: rgb(KIND_COLOURS.get(kind, PALETTE["grey"]), 170) for kind in kinds}
    best = t("security.measure.best", lang)
    # As lists, the days written all at once: the columns' own iteration and a Timestamp's strftime
    # cost more than the rest of a point.
    columns = [events[name].tolist() for name in ("longitude", "latitude", "best", "kind")]
    columns.append(events["day"].dt.strftime("%Y-%m-%d").tolist())
    return [
        {
            "lon": float(lon),
            "lat": float(lat),
            # Radius in metres grows with the square root of deaths, so that area is proportional to them.
            "radius": 3000 + 2500 * math.sqrt(max(float(deaths), 0)),
            "colour": colours[kind],
            "tooltip": f"{day} · {kinds[kind]} · {best}: {deaths}",
        }
        for lon, lat, deaths, kind, day in zip(*columns, strict=True)
    ]


def point_texts(tables: dict) -> dict[str, list[str]]:
    """By language, the event_points of every event of `tables['conflict_rows']` (EVENT_COLUMNS) as
    JSON text, in their order: written once per data version, the map joins its window's
    (window_points)."""
    return {
        lang: [compact_json(p) for p in event_points(tables["conflict_rows"], lang)] for lang in LANGUAGES
    }


def window_points(texts: list[str], window: np.ndarray) -> RawJSON:
    """The JSON list of the point_texts `texts` of the events in `window` (in_window's mask)."""
    return RawJSON(f"[{','.join(texts[i] for i in np.flatnonzero(window))}]")


def covers(first, last, day, days: int) -> bool:
    """Whether the window of `days` days up to `day` lies wholly inside the data's period."""
    end = pd.Timestamp(day)
    return pd.Timestamp(first) <= end - pd.Timedelta(days=days - 1) and end <= pd.Timestamp(last)
