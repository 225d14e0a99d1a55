"""Pure pandas queries over the tables: no Streamlit, no file access."""

from datetime import date

import pandas as pd

from components.config import AES_STATES

ECOWAS_FILL_ORDER = ("member", "suspended", "withdrawing", "withdrawn", "other")


def _day(day: date | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day).normalize()


def in_force_on(frame: pd.DataFrame, day: date, start: str = "start", end: str = "end"):
    """Boolean mask: rows whose period [start, end) covers `day` (an empty end is open)."""
    day = _day(day)
    return (frame[start] <= day) & (frame[end].isna() | (frame[end] > day))


def memberships_on(memberships: pd.DataFrame, day: date) -> pd.DataFrame:
    """One row per (organisation, state) in force on `day`, with its status."""
    return memberships[in_force_on(memberships, day)]


def presence_on(presence: pd.DataFrame, day: date) -> pd.DataFrame:
    """Foreign presences active on `day`."""
    return presence[in_force_on(presence, day)]


def bloc_status_on(memberships: pd.DataFrame, states: pd.DataFrame, day: date) -> pd.DataFrame:
    """Per state on `day`: its ECOWAS status ('other' when never a member) and AES membership."""
    current = memberships_on(memberships, day)
    ecowas = current[current["org_id"] == "ECOWAS"].set_index("iso3")["status"]
    aes = current[(current["org_id"] == "AES") & (current["status"] == "member")]["iso3"]
    result = states[["iso3"]].copy()
    result["ecowas_status"] = result["iso3"].map(ecowas).fillna("other").astype(str)
    result["aes_member"] = result["iso3"].isin(aes)
    return result.reset_index(drop=True)


def membership_history(memberships: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """Every membership period of one state, oldest first."""
    rows = memberships[memberships["iso3"] == iso3]
    return rows.sort_values(["org_id", "start"]).reset_index(drop=True)


def has_any(cells: pd.Series, wanted) -> pd.Series:
    """Boolean mask: list cells sharing at least one item with `wanted`."""
    wanted = set(wanted)
    return cells.map(lambda items: bool(wanted.intersection(items)))


def filter_events(
    events: pd.DataFrame,
    start: date | None = None,
    end: date | None = None,
    states=None,
    categories=None,
    topics=None,
) -> pd.DataFrame:
    """Events within [start, end] (inclusive), touching any chosen state, category and topic.

    An empty or None filter keeps everything on that axis.
    """
    mask = pd.Series(True, index=events.index)
    if start is not None:
        mask &= events["date"] >= _day(start)
    if end is not None:
        mask &= events["date"] <= _day(end)
    if states:
        mask &= has_any(events["states"], states)
    if categories:
        mask &= events["category"].isin(categories)
    if topics:
        mask &= events["topic"].isin(topics)
    return events[mask].sort_values("date")


def count_by(frame: pd.DataFrame, rows: str, columns: str, row_keys, column_keys) -> pd.DataFrame:
    """Counts of `frame` by two columns, every given key present (zero where nothing)."""
    counts = pd.crosstab(frame[rows], frame[columns]) if len(frame) else pd.DataFrame()
    return counts.reindex(index=list(row_keys), columns=list(column_keys), fill_value=0)


def cooperation_signed_by(cooperation: pd.DataFrame, day: date, partner: str = "RUS") -> pd.Series:
    """Items with `partner` dated on or before `day` and not ended, counted by AES state."""
    rows = cooperation[
        (cooperation["partner"] == partner)
        & (cooperation["date"] <= _day(day))
        & (cooperation["status"] != "ended")
    ]
    return rows["iso3"].value_counts().reindex([*AES_STATES, "AES"], fill_value=0)


def source_type_counts(sources: pd.DataFrame) -> pd.Series:
    """Number of sources of each type, largest first."""
    return sources["source_type"].value_counts()


def overview_figures(
    states: pd.DataFrame,
    events: pd.DataFrame,
    cooperation: pd.DataFrame,
    sources: pd.DataFrame,
    first: date,
    last: date,
) -> dict:
    """Headline numbers: AES population and area, days covered, counts of rows and sources."""
    aes = states[states["iso3"].isin(AES_STATES)]
    return {
        "aes_population": int(aes["population"].sum()),
        "aes_population_years": sorted(set(aes["population_year"].dropna().astype(int))),
        "aes_area_km2": float(aes["area_km2"].sum()),
        "days": (_day(last) - _day(first)).days,
        "events": len(events),
        "agreements": int((cooperation["partner"] == "RUS").sum()),
        "sources": len(sources),
    }
