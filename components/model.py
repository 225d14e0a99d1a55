"""Pure pandas queries over the tables: no Streamlit, no file access."""

from datetime import date

import pandas as pd

from components.config import (
    AES_STATES,
    NO_TOPIC,
    RUSSIAN_FORCES,
    STATUS_PIPELINE,
    TOPIC_COLUMNS,
    WESTERN_ACTORS,
)

MARKER_SPACING = 1.0  # degrees of longitude between markers sharing a place
BAR_COLUMNS = ["lane", "kind", "key", "iso3", "start", "end"]  # what duration_bars returns
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


def leader_on(leaders: pd.DataFrame, iso3: str, day: date) -> pd.Series | None:
    """The leader of `iso3` on `day` (the last day in office counts), or None if none is recorded."""
    day = _day(day)
    rows = leaders[
        (leaders["iso3"] == iso3)
        & (leaders["start"] <= day)
        & (leaders["end"].isna() | (leaders["end"] >= day))
    ]
    return None if rows.empty else rows.sort_values("start").iloc[-1]


def latest_events(events: pd.DataFrame, iso3: str, day: date, count: int = 5) -> pd.DataFrame:
    """The `count` most recent events touching `iso3` on or before `day`, newest first."""
    rows = events[has_any(events["states"], [iso3]) & (events["date"] <= _day(day))]
    return rows.sort_values("date", ascending=False).head(count)


def presence_markers(presence: pd.DataFrame, forces: pd.DataFrame, day: date) -> pd.DataFrame:
    """Presences active on `day` with their force labels, nudged apart where several share a place."""
    rows = presence_on(presence, day).merge(forces, left_on="actor", right_on="force_id", how="left")
    rows = rows.sort_values(["lat", "lon", "actor"]).reset_index(drop=True)
    # Forces at one base would hide each other at the map's zoom: draw them side by side, one
    # marker width (about 1° of longitude) apart, centred on the base.
    order = rows.groupby(["lat", "lon"]).cumcount()
    crowd = rows.groupby(["lat", "lon"])["actor"].transform("size")
    rows["lon_shown"] = rows["lon"] + (order - (crowd - 1) / 2) * MARKER_SPACING
    return rows


def neighbour_day(days: pd.Series, day: date, step: int) -> date | None:
    """The nearest event day after (`step` > 0) or before (`step` < 0) `day`, or None."""
    day = _day(day)
    later = days[days > day] if step > 0 else days[days < day]
    if later.empty:
        return None
    return (later.min() if step > 0 else later.max()).date()


def event_lane(category: str, states: tuple, actors: tuple) -> str:
    """The timeline lane of one event: who acts, the outside actor first, then the bloc, then the state."""
    if category == "russia":
        return "RUS"
    if category == "withdrawal":
        return "WEST"
    if category == "sanctions":
        return "ECOWAS"
    if "AES" in states and category != "diplomacy":
        return "AES"
    if "ECOWAS" in actors:
        return "ECOWAS"
    if WESTERN_ACTORS.intersection(actors):
        return "WEST"
    if "RUS" in actors or RUSSIAN_FORCES.intersection(actors):
        return "RUS"
    own = [s for s in states if s in AES_STATES]
    return own[0] if len(own) == 1 and "AES" not in states else "AES"


def with_lanes(events: pd.DataFrame) -> pd.DataFrame:
    """The events with a `lane` column."""
    lanes = [
        event_lane(c, s, a)
        for c, s, a in zip(events["category"], events["states"], events["actors"], strict=True)
    ]
    return events.assign(lane=lanes)


def phase_periods(phases: pd.DataFrame, events: pd.DataFrame, last: date) -> pd.DataFrame:
    """Phases with start (the date of their opening event) and end (the next start, or `last`)."""
    starts = events.set_index("event_id")["date"]
    rows = phases.assign(start=phases["start_event_id"].map(starts)).sort_values("start")
    rows["end"] = rows["start"].shift(-1).fillna(_day(last))
    return rows.reset_index(drop=True)


def duration_bars(tables: dict[str, pd.DataFrame], first: date, last: date) -> pd.DataFrame:
    """What lasted, clipped to [first, last]: foreign presences per force and state, ECOWAS
    suspensions and sanctions, and each AES state's leaders. Columns: lane, kind, key, iso3, start, end."""
    presence = tables["presence"].assign(end=tables["presence"]["end"].fillna(_day(last)))
    forces = presence.groupby(["actor", "iso3"], as_index=False).agg(
        start=("start", "min"), end=("end", "max")
    )
    forces["lane"] = forces["actor"].map(lambda a: "RUS" if a in RUSSIAN_FORCES else "WEST")
    forces = forces.rename(columns={"actor": "key"}).assign(kind="presence")
    memberships = tables["memberships"]
    suspended = memberships[
        (memberships["org_id"] == "ECOWAS")
        & (memberships["status"] == "suspended")
        & memberships["iso3"].isin(AES_STATES)
    ]
    suspensions = suspended.assign(lane="ECOWAS", kind="suspension", key="ECOWAS")[BAR_COLUMNS]
    dates = tables["events"].set_index("event_id")["date"]
    sanctions = tables["sanctions"].assign(
        start=tables["sanctions"]["imposed_event_id"].map(dates),
        end=tables["sanctions"]["lifted_event_id"].map(dates),
        lane="ECOWAS",
        kind="sanctions",
        key="ECOWAS",
    )[BAR_COLUMNS]
    leaders = tables["leaders"][tables["leaders"]["iso3"].isin(AES_STATES)]
    rulers = leaders.assign(lane=leaders["iso3"], kind="leader", key=leaders["name"])[BAR_COLUMNS]
    bars = pd.concat(
        [forces[BAR_COLUMNS], suspensions, sanctions, rulers],
        ignore_index=True,
    )
    bars["end"] = bars["end"].fillna(_day(last))
    bars = bars[(bars["end"] >= _day(first)) & (bars["start"] <= _day(last))]
    bars["start"] = bars["start"].clip(lower=_day(first))
    bars["end"] = bars["end"].clip(upper=_day(last))
    return bars[bars["end"] > bars["start"]].reset_index(drop=True)


def period_summary(events: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Counts by category (largest first) and the key events: milestones, or the first five."""
    counts = events["category"].value_counts()
    key = events[events["milestone"]] if events["milestone"].any() else events.head(5)
    return counts, key


def related_events(events: pd.DataFrame, event_id: str, count: int = 5) -> pd.DataFrame:
    """Events sharing a state and the category or topic with `event_id`, nearest in time first."""
    chosen = events.set_index("event_id").loc[event_id]
    others = events[events["event_id"] != event_id]
    same_state = has_any(others["states"], [s for s in chosen["states"] if s != "AES"] or chosen["states"])
    same_theme = (others["category"] == chosen["category"]) | (
        (others["topic"] == chosen["topic"]) & (chosen["topic"] != "")
    )
    rows = others[same_state & same_theme]
    distance = (rows["date"] - chosen["date"]).abs()
    return rows.assign(distance=distance).sort_values("distance").head(count).drop(columns="distance")


def items_by_state(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """One row per (item, AES state or bloc) it concerns: events list their states, cooperation one."""
    rows = frame.assign(iso3=frame["states"]).explode("iso3") if kind == "events" else frame
    rows = rows[rows["iso3"].isin(TOPIC_COLUMNS)]
    return rows.assign(topic=rows["topic"].replace("", NO_TOPIC))


def topic_matrix(items: pd.DataFrame, topic_ids) -> pd.DataFrame:
    """Counts by topic (rows, 'none' last) and state or bloc (columns), zeros where nothing."""
    return count_by(items, "topic", "iso3", [*topic_ids, NO_TOPIC], TOPIC_COLUMNS)


def quarterly_counts(items: pd.DataFrame, topic_ids, first: date, last: date) -> pd.DataFrame:
    """Items per quarter (rows, every quarter of the period) and topic (columns)."""
    quarters = pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq="Q")
    in_period = items[(items["date"] >= _day(first)) & (items["date"] <= _day(last))]
    frame = in_period.assign(quarter=in_period["date"].dt.to_period("Q"))
    counts = count_by(frame, "quarter", "topic", quarters, [*topic_ids, NO_TOPIC])
    return counts.rename_axis(index="quarter", columns="topic")


def status_pipeline(cooperation: pd.DataFrame) -> pd.Series:
    """Cooperation items at each stage, from announced to ended, zeros kept."""
    return cooperation["status"].value_counts().reindex(list(STATUS_PIPELINE), fill_value=0)


def state_media_only(items: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Boolean per item: every source it cites is Russian state media or government."""
    kinds = sources.set_index("source_id")["source_type"]
    return items["source_ids"].map(
        lambda ids: bool(ids) and all(kinds.get(i) == "russian_state_media" for i in ids)
    )


def topic_card(items: pd.DataFrame, sources: pd.DataFrame, topic: str, count: int = 3) -> dict:
    """A topic's number of items, share resting only on Russian state sources, and latest items."""
    rows = items[items["topic"] == topic]
    share = float(state_media_only(rows, sources).mean()) if len(rows) else 0.0
    return {
        "count": len(rows),
        "state_media_share": share,
        "latest": rows.sort_values("date", ascending=False).head(count),
    }


def narrow(frame: pd.DataFrame, **wanted: str) -> pd.DataFrame:
    """Rows whose columns equal the wanted values; an empty value keeps every row on that column."""
    mask = pd.Series(True, index=frame.index)
    for name, value in wanted.items():
        if value:
            mask &= frame[name] == value
    return frame[mask]
