"""Pure pandas queries over the tables: no Streamlit, no file access."""

import bisect
import collections
import hashlib
import itertools
import json
import math
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa

from components.compat import RawJSON, raw_json
from components.config import (
    AES_STATES,
    LANGUAGES,
    MAP_VIEW,
    NO_TOPIC,
    RUSSIAN_FORCES,
    TOPIC_COLUMNS,
    WESTERN_ACTORS,
)
from components.display import arrow_rows, arrow_table, header, reader_shown
from components.i18n import column, state_names, t

MARKER_SPACING = 1.2  # degrees of longitude between markers sharing a place: 15 px at the map's zoom
BAR_COLUMNS = ["lane", "kind", "key", "iso3", "start", "end", "bar_id", "rows"]  # what duration_bars returns
BAR_TABLES = {
    "presence": "presence",
    "suspension": "memberships",
    "sanctions": "sanctions",
    "leader": "leaders",
}


def _day(day: date | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day).normalize()


def in_force_on(frame: pd.DataFrame, day: date, start: str = "start", end: str = "end"):
    """Boolean mask: rows whose period [start, end) covers `day` (an empty end is open)."""
    return _covers(frame, _day(day), start, end)


def _covers(frame: pd.DataFrame, day, start: str, end: str) -> pd.Series:
    return (frame[start] <= day) & (frame[end].isna() | (frame[end] > day))


def in_force_by_day(frame: pd.DataFrame, days, start: str = "start", end: str = "end") -> pd.DataFrame:
    """The rows of `frame` in force on each of `days` (as in_force_on), each with that `day`: a
    frame's rows for every day at once, in the frame's order, then by day."""
    grid = frame.merge(pd.DataFrame({"day": [_day(day) for day in days]}), how="cross")
    return grid[_covers(grid, grid["day"], start, end)]


def on_day(by_day: pd.DataFrame, day) -> pd.DataFrame:
    """The rows of a frame of every day (a `day` column) for `day`, without that column."""
    return by_day[by_day["day"] == _day(day)].drop(columns="day").reset_index(drop=True)


def memberships_on(memberships: pd.DataFrame, day: date) -> pd.DataFrame:
    """One row per (organisation, state) in force on `day`, with its status."""
    return memberships[in_force_on(memberships, day)]


def presence_on(presence: pd.DataFrame, day: date) -> pd.DataFrame:
    """Foreign presences active on `day`."""
    return presence[in_force_on(presence, day)]


def bloc_status_on(memberships: pd.DataFrame, states: pd.DataFrame, day: date) -> pd.DataFrame:
    """Per state on `day`: its ECOWAS status ('other' when never a member) and AES membership."""
    return on_day(bloc_status_by_day(memberships, states, [day]), day)


def bloc_status_by_day(memberships: pd.DataFrame, states: pd.DataFrame, days) -> pd.DataFrame:
    """bloc_status_on for each of `days`: per day (`day`), then per state in the states' order."""
    current = in_force_by_day(memberships, days)
    ecowas = current[current["org_id"] == "ECOWAS"][["day", "iso3", "status"]]
    aes = current[(current["org_id"] == "AES") & (current["status"] == "member")][["day", "iso3"]]
    result = pd.DataFrame({"day": [_day(day) for day in days]}).merge(states[["iso3"]], how="cross")
    result = result.merge(ecowas.rename(columns={"status": "ecowas_status"}), on=["day", "iso3"], how="left")
    result["ecowas_status"] = result["ecowas_status"].fillna("other").astype(str)
    members = result.merge(aes.assign(aes_member=True), on=["day", "iso3"], how="left")["aes_member"]
    result["aes_member"] = members.notna().to_numpy()
    return result


def membership_history(memberships: pd.DataFrame, iso3: str, day: date) -> pd.DataFrame:
    """The membership periods of one state begun by `day`, by organisation and oldest first, as
    known on that day: a period still running then has no end (its end came later)."""
    rows = memberships[(memberships["iso3"] == iso3) & (memberships["start"] <= _day(day))]
    running = rows["end"] > _day(day)
    rows = rows.assign(end=rows["end"].mask(running), end_precision=rows["end_precision"].where(~running, ""))
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
    evidence=None,
) -> pd.DataFrame:
    """Events within [start, end] (inclusive), touching any chosen state, category and topic, with
    any chosen grade of evidence.

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
    return graded(events[mask], evidence).sort_values("date")


def count_by(frame: pd.DataFrame, rows: str, columns: str, row_keys, column_keys) -> pd.DataFrame:
    """Counts of `frame` by two columns, every given key present (zero where nothing), the axes
    named after the two columns (unnamed for an empty frame, as a group-by's reindexed counts were)."""
    # Counted in plain Python: a group-by, an unstack and a reindex took 2 ms on a view's few rows.
    row_keys, column_keys = list(row_keys), list(column_keys)
    pairs = collections.Counter(zip(frame[rows].tolist(), frame[columns].tolist(), strict=True))
    counts = [[pairs[(row, col)] for col in column_keys] for row in row_keys]
    named = len(frame) > 0
    return pd.DataFrame(
        np.array(counts, dtype=np.int64).reshape(len(row_keys), len(column_keys)),
        index=pd.Index(row_keys, name=rows if named else None),
        columns=pd.Index(column_keys, name=columns if named else None),
    )


def graded(frame: pd.DataFrame, evidence=None) -> pd.DataFrame:
    """Rows whose evidence is any chosen grade; every row for an empty or None choice."""
    return frame[frame["evidence"].isin(evidence)] if evidence else frame


# What a status change of a cooperation item sets.
COOPERATION_STEPS = ["status", "date", "date_precision", "source_ids", "evidence"]


def cooperation_on(cooperation: pd.DataFrame, history: pd.DataFrame, day: date) -> pd.DataFrame:
    """The register as it stood on `day`: the items that had a status by then, each with that status
    and its date, precision, sources and evidence (from its last status change on or before `day`)."""
    latest = on_day(last_steps_by_day(history, [day]), day).set_index("coop_id")[COOPERATION_STEPS]
    items = cooperation[cooperation["coop_id"].isin(latest.index)].drop(columns=COOPERATION_STEPS)
    return items.join(latest, on="coop_id")[cooperation.columns]


def register_changes(history: pd.DataFrame) -> list[pd.Timestamp]:
    """The days on which the register (cooperation_on) can change: its items' status changes.
    Between two of them, every day's register is the same."""
    return sorted(set(history["date"].dropna()))


def russian_registers(cooperation: pd.DataFrame, history: pd.DataFrame) -> dict:
    """The register with Russia (russian_items of cooperation_on) on every day it changes
    (register_changes) and the day before the first, which stands for every earlier day: 'days';
    'rows', the registers one after another, and by day the 'spans' of its rows and the
    'ranges', the (start, stop, step) of a register whose index is a RangeIndex. register_on
    picks one day's."""
    changes = register_changes(history)
    days = [changes[0] - pd.Timedelta(days=1), *changes]
    registers = [russian_items(cooperation_on(cooperation, history, day)) for day in days]
    ends = list(itertools.accumulate(len(rows) for rows in registers))
    # The view's Arrow tables carry the index, and pandas leaves a RangeIndex where a mask keeps
    # evenly spaced rows: each day's register keeps the RangeIndex cooperation_on gave it.
    ranges = {
        day: (rows.index.start, rows.index.stop, rows.index.step)
        for day, rows in zip(days, registers, strict=True)
        if isinstance(rows.index, pd.RangeIndex)
    }
    return {
        "days": days,
        # One frame rather than one per day: the loader hands it out unpickled, and each frame costs.
        "rows": pd.concat(registers),
        "spans": {day: (end - len(rows), end) for day, rows, end in zip(days, registers, ends, strict=True)},
        "ranges": ranges,
    }


def register_on(registers: dict, day: date) -> pd.DataFrame:
    """From russian_registers, the register with Russia as it stood on `day`, as russian_items of
    cooperation_on gives it."""
    epoch = epoch_day(registers, day)
    first, last = registers["spans"][epoch]
    register = registers["rows"].iloc[first:last]
    if epoch in registers["ranges"]:
        register.index = pd.RangeIndex(*registers["ranges"][epoch])
    return register


def last_steps_by_day(history: pd.DataFrame, days) -> pd.DataFrame:
    """For each of `days` (`day`), each item's last status change on or before it (coop_id and
    COOPERATION_STEPS)."""
    grid = history.merge(pd.DataFrame({"day": [_day(day) for day in days]}), how="cross")
    known = grid[grid["date"] <= grid["day"]].sort_values(["day", "date"], kind="stable")
    return known.drop_duplicates(["day", "coop_id"], keep="last")[["day", "coop_id", *COOPERATION_STEPS]]


def _open_items(cooperation: pd.DataFrame, partner: str) -> pd.DataFrame:
    return cooperation[(cooperation["partner"] == partner) & (cooperation["status"] != "ended")]


def cooperation_signed_by(cooperation: pd.DataFrame, partner: str = "RUS") -> pd.Series:
    """Items with `partner` in `cooperation` (the register on `day`, from cooperation_on) that had
    not ended, counted by AES state."""
    return (
        _open_items(cooperation, partner)["iso3"].value_counts().reindex([*AES_STATES, "AES"], fill_value=0)
    )


def signed_by_day(
    cooperation: pd.DataFrame, history: pd.DataFrame, days, partner: str = "RUS"
) -> pd.DataFrame:
    """cooperation_signed_by of the register on each of `days`: a row per day, a column per AES
    state and 'AES'."""
    items = cooperation[["coop_id", "partner", "iso3"]]
    rows = _open_items(last_steps_by_day(history, days).merge(items, on="coop_id"), partner)
    return count_by(rows, "day", "iso3", [_day(day) for day in days], [*AES_STATES, "AES"])


def source_type_counts(sources: pd.DataFrame) -> pd.Series:
    """Number of sources of each type, largest first."""
    return sources["source_type"].value_counts()


def search_rows(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows with `query` in any cell, as text and ignoring case; every row for an empty query."""
    if not query:
        return table
    text = table.astype(str).apply(lambda col: col.str.contains(query, case=False, regex=False))
    return table[text.any(axis=1)]


def described(item: dict, lang: str) -> tuple[str, str]:
    """(title, description) of a data package resource or field in `lang`: French in the custom
    properties 'title_fr' and 'description_fr', English in the standard ones."""
    suffix = "_fr" if lang == "fr" else ""
    return item.get(f"title{suffix}", item.get("title", item.get("name", ""))), item.get(
        f"description{suffix}", ""
    )


def field_rows(
    resource: dict, lang: str, labels: dict[str, dict[str, str]]
) -> list[tuple[str, str, str, str]]:
    """(name, header shown, type, description) of each column of a data package resource, in `lang`."""
    return [
        (
            f["name"],
            header(f["name"], lang, labels) or f["name"],
            t(f"field_type.{f['type']}", lang),
            described(f, lang)[1],
        )
        for f in resource["schema"]["fields"]
    ]


def events_on(events: pd.DataFrame, day: date) -> pd.DataFrame:
    """The events dated `day`."""
    return events[events["date"] == _day(day)]


def aes_states(states: pd.DataFrame) -> pd.DataFrame:
    """The rows of the three AES states."""
    return states[states["iso3"].isin(AES_STATES)]


def overview_figures(
    states: pd.DataFrame,
    events: pd.DataFrame,
    cooperation: pd.DataFrame,
    sources: pd.DataFrame,
    first: date,
    last: date,
) -> dict:
    """Headline numbers: AES population and area, days covered, counts of rows and sources."""
    aes = aes_states(states)
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
    """Presences active on `day` with their force labels, drawn in a row at `lon_shown`, `lat_shown`
    where several are at one place or nearly (within MARKER_SPACING)."""
    return on_day(presence_markers_by_day(presence, forces, [day]), day)


def presence_markers_by_day(presence: pd.DataFrame, forces: pd.DataFrame, days) -> pd.DataFrame:
    """presence_markers for each of `days`, each row with its `day`."""
    rows = in_force_by_day(presence, days).merge(forces, left_on="actor", right_on="force_id", how="left")
    rows = rows.sort_values(["day", "lat", "lon", "actor"]).reset_index(drop=True)
    # Forces at one base (or at two points of one town, as EUCAP and the French air base at Niamey)
    # would hide each other at the map's zoom: draw them side by side, one marker width apart,
    # centred on the first of them.
    anchors: list[tuple[float, float]] = []
    place, centres, current = [], [], None
    for day, lat, lon in zip(rows["day"], rows["lat"], rows["lon"], strict=True):
        if day != current:  # each day places its own markers
            first, current = len(anchors), day
        near = [
            i
            for i in range(first, len(anchors))
            if max(abs(lat - anchors[i][0]), abs(lon - anchors[i][1])) < MARKER_SPACING
        ]
        if not near:
            anchors.append((lat, lon))
        place.append(near[0] if near else len(anchors) - 1)
        centres.append(anchors[place[-1]])
    rows["place"] = place
    order = rows.groupby("place").cumcount()
    crowd = rows.groupby("place")["actor"].transform("size")
    centre = pd.DataFrame(centres, columns=["lat", "lon"], dtype=float)
    rows["lat_shown"] = centre["lat"]
    rows["lon_shown"] = centre["lon"] + (order - (crowd - 1) / 2) * MARKER_SPACING
    return rows.drop(columns="place")


def drawn_states(shapes: dict, names: dict[str, str]) -> list[str]:
    """The codes of the states the shapes draw and the states table names, in code order."""
    return sorted(f["properties"]["iso3"] for f in shapes["features"] if f["properties"]["iso3"] in names)


def border_segments(features: list[dict]) -> list[dict]:
    """Each edge of the features' polygon rings once, as {"s": [lon, lat], "t": [lon, lat]}: a border
    two countries share is drawn once."""
    seen, segments = set(), []
    for feature in features:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for ring in (ring for polygon in polygons for ring in polygon):
            for start, end in itertools.pairwise(ring):
                edge = frozenset((tuple(start), tuple(end)))
                if edge not in seen:
                    seen.add(edge)
                    segments.append({"s": start, "t": end})
    return segments


def aes_members(status: pd.DataFrame) -> frozenset[str]:
    """The AES members of a day's bloc_status_on."""
    return frozenset(
        iso3 for iso3, member in zip(status["iso3"], status["aes_member"], strict=True) if member
    )


def aes_outline(shapes: dict, members) -> list[dict]:
    """The border_segments around the states `members` of the shapes, in the shapes' order."""
    return border_segments([f for f in shapes["features"] if f["properties"]["iso3"] in members])


def map_outlines(tables: dict) -> dict[frozenset, RawJSON]:
    """By set of AES members on an epoch of map_epochs (the empty set too), their aes_outline as
    JSON text: a few long lists of segments, the same on every map of those members, written once."""
    status = tables["map_epochs"]["status"]
    members = status[status["aes_member"]].groupby(level="day")["iso3"]
    sets = {frozenset(), *(frozenset(codes) for _, codes in members)}
    return {codes: raw_json(aes_outline(tables["shapes"], codes)) for codes in sets}


def map_shapes(tables: dict) -> dict:
    """The shapes with each feature's geometry as JSON text: the countries' outlines are most of the
    map's deck and the same on every map, so they are written once."""
    shapes = tables["shapes"]
    features = [feature | {"geometry": raw_json(feature["geometry"])} for feature in shapes["features"]]
    return shapes | {"features": features}


def short_digest(body: bytes) -> str:
    """A short digest of a file the map fetches from its own URL: it names the URL, so a browser
    may keep that file."""
    return hashlib.blake2b(body, digest_size=6).hexdigest()


def shapes_version(shapes: dict) -> str:
    """The short_digest of the shapes, which names their borders' URL."""
    return short_digest(json.dumps(shapes, sort_keys=True, separators=(",", ":")).encode())


def capital_points(states: pd.DataFrame, codes, label_column: str) -> pd.DataFrame:
    """lat, lon and label of the capitals of the states `codes`."""
    rows = states[states["iso3"].isin(codes)]
    return pd.DataFrame({"lat": rows["capital_lat"], "lon": rows["capital_lon"], "label": rows[label_column]})


def standing_by_day(status: pd.DataFrame, codes, names: dict[str, str], signed: pd.DataFrame) -> pd.DataFrame:
    """Per day of `status` (bloc_status_by_day) and drawn state: code, name, ECOWAS status, AES
    membership and items signed with Russia (`signed`, a row per day: signed_by_day), each row with
    its `day`; by day, then the AES states first, then by name."""
    rows = status[status["iso3"].isin(codes)]
    counts = signed.stack().reindex(pd.MultiIndex.from_arrays([rows["day"], rows["iso3"]]))
    rows = rows.assign(
        name=rows["iso3"].map(names),
        russia_items=counts.fillna(0).astype(int).to_numpy(),
        order=(~rows["iso3"].isin(AES_STATES)).astype(int),
    )
    return rows.sort_values(["day", "order", "name"])[
        ["day", "iso3", "name", "ecowas_status", "aes_member", "russia_items"]
    ]


# The forces table under the map: a marker's columns, the label and place in the reader's language.
MAP_FORCE_COLUMNS = (
    "actor",
    "label",
    "iso3",
    "place",
    "lat",
    "lon",
    "start",
    "start_precision",
    "size",
    "source_ids",
)


def map_epoch_tables(tables: dict) -> dict:
    """By language, the tables under the map for every epoch of map_epochs at once, in day order:
    'states' (standing_by_day of the drawn states) and 'forces' (the markers' MAP_FORCE_COLUMNS),
    each its rows indexed by their day ('csv') and those rows as a reader's table shows them
    ('shown', display.reader_shown, as an Arrow table: display.arrow_table, which st.dataframe sends
    as it is). epoch_table picks one day's."""
    epochs, result = tables["map_epochs"], {}
    status, markers = epochs["status"].reset_index(), epochs["markers"].reset_index()
    for lang in LANGUAGES:
        names = state_names(tables["states"], lang)
        listed = {
            "states": standing_by_day(status, drawn_states(tables["shapes"], names), names, epochs["signed"]),
            "forces": markers[
                ["day", *(column(c, lang) if c in ("label", "place") else c for c in MAP_FORCE_COLUMNS)]
            ],
        }
        result[lang] = {}
        for name, frame in listed.items():
            csv = frame.set_index("day")
            shown = reader_shown(frame.drop(columns="day"), lang, tables["labels"][lang])
            result[lang][name] = {"csv": csv, "shown": arrow_table(shown.reset_index(drop=True))}
    return result


def epoch_rows(by_day: pd.DataFrame, day) -> slice:
    """Where the rows of the epoch `day` (epoch_day) lie in a frame of every epoch indexed by day in
    day order. By position: comparing every row's day costs more than the rest of a map."""
    return slice(by_day.index.searchsorted(day, "left"), by_day.index.searchsorted(day, "right"))


def epoch_frame(by_day: pd.DataFrame, day) -> pd.DataFrame:
    """The rows of the epoch `day` of a frame of every epoch indexed by day (epoch_rows), without the day."""
    return by_day.iloc[epoch_rows(by_day, day)].reset_index(drop=True)


def epoch_table(table: dict, day) -> tuple[pd.DataFrame, pa.Table | pd.DataFrame]:
    """From one of map_epoch_tables' tables, the rows of the epoch `day` (epoch_day): as they are
    (without the day) and as shown (display.arrow_rows)."""
    rows = epoch_rows(table["csv"], day)
    return table["csv"].iloc[rows].reset_index(drop=True), arrow_rows(table["shown"], rows)


def forces_present(markers: pd.DataFrame, force_order) -> list[str]:
    """The forces with a marker on the map, in the order of `force_order`."""
    present = set(markers["actor"])
    return [force for force in force_order if force in present]


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


def publishers(sources: pd.DataFrame) -> dict[str, str]:
    """Each source's publisher, by source id."""
    return dict(zip(sources["source_id"], sources["publisher"], strict=True))


def with_lanes(events: pd.DataFrame) -> pd.DataFrame:
    """The events with a `lane` column."""
    lanes = [
        event_lane(c, s, a)
        for c, s, a in zip(events["category"], events["states"], events["actors"], strict=True)
    ]
    return events.assign(lane=lanes)


def phase_periods(phases: pd.DataFrame, events: pd.DataFrame, last: date) -> pd.DataFrame:
    """Phases with start (the date of their opening event) and end (the next start, or `last`)."""
    rows = phases.assign(start=_event_days(events, phases["start_event_id"])).sort_values("start")
    rows["end"] = rows["start"].shift(-1).fillna(_day(last))
    return rows.reset_index(drop=True)


def _event_days(events: pd.DataFrame, event_ids) -> pd.DatetimeIndex:
    """The dates of the events `event_ids`, NaT for an id not found."""
    # A dict: set_index copied every column of the events, and a map by Series costs more.
    dates = dict(zip(events["event_id"], events["date"], strict=True))
    return pd.DatetimeIndex([dates.get(e, pd.NaT) for e in event_ids], dtype="datetime64[ns]")


def sanction_periods(sanctions: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The sanctions with `start` and `end`: the dates of the events that imposed and lifted them
    (no end while in force)."""
    return sanctions.assign(
        start=_event_days(events, sanctions["imposed_event_id"]),
        end=_event_days(events, sanctions["lifted_event_id"]),
    )


def sanctioned_on(sanctions: pd.DataFrame, events: pd.DataFrame, day: date) -> list[str]:
    """The states under sanctions in force on `day` (lifted on their lifting day), in code order."""
    return sanctioned_by_day(sanctions, events, [day])[_day(day)]


def sanctioned_by_day(sanctions: pd.DataFrame, events: pd.DataFrame, days) -> dict[pd.Timestamp, list[str]]:
    """sanctioned_on for each of `days`, by day."""
    rows = in_force_by_day(sanction_periods(sanctions, events), days)
    found = {day: sorted(set(codes)) for day, codes in rows.groupby("day")["iso3"]}
    return {_day(day): found.get(_day(day), []) for day in days}


def map_changes(tables: dict[str, pd.DataFrame]) -> list[pd.Timestamp]:
    """The days on which what the map draws can change: a membership, a presence, a sanction or a
    cooperation item starts or ends. Between two of them, every day looks the same (conflict events
    aside: with them on, every day is its own map)."""
    sanctions = sanction_periods(tables["sanctions"], tables["events"])
    days = [tables["memberships"]["start"], tables["memberships"]["end"], tables["presence"]["start"]]
    days += [
        tables["presence"]["end"],
        tables["cooperation_status"]["date"],
        sanctions["start"],
        sanctions["end"],
    ]
    return sorted(set(pd.concat(days).dropna()))


def map_epoch(changes: list[pd.Timestamp], day: date) -> date:
    """The last change on or before `day` (`day` itself before the first): the map of `day` is the
    map of that day."""
    index = bisect.bisect_right(changes, pd.Timestamp(day))
    return changes[index - 1].date() if index else day


MAP_EPOCH_TABLES = (
    *("states", "memberships", "presence", "forces"),
    *("cooperation", "cooperation_status", "sanctions", "events"),
)


def map_epochs(tables: dict[str, pd.DataFrame]) -> dict:
    """What the map draws that changes with the day, for every epoch at once (map_changes, and the
    day before the first, which stands for every earlier day): 'days', the epochs; by day, 'status'
    (bloc_status_on) and 'markers' (presence_markers), both frames indexed by day in day order,
    'signed' (cooperation_signed_by of the register) and 'sanctioned' (sanctioned_on). epoch_parts
    picks one day's."""
    changes = map_changes(tables)
    days = [changes[0] - pd.Timedelta(days=1), *changes]
    return {
        "days": days,
        "status": bloc_status_by_day(tables["memberships"], tables["states"], days).set_index("day"),
        "markers": presence_markers_by_day(tables["presence"], tables["forces"], days).set_index("day"),
        "signed": signed_by_day(tables["cooperation"], tables["cooperation_status"], days),
        "sanctioned": sanctioned_by_day(tables["sanctions"], tables["events"], days),
    }


def epoch_day(epochs: dict, day: date) -> pd.Timestamp:
    """The epoch of map_epochs (or russian_registers) whose map (register) is the one of `day`."""
    return _day(map_epoch(epochs["days"], max(_day(day), epochs["days"][0])))


def epoch_parts(epochs: dict, day: date) -> dict:
    """From map_epochs, the map's frames of `day`: its epoch's 'status', 'markers', 'signed' and
    'sanctioned', as bloc_status_on, presence_markers, cooperation_signed_by and sanctioned_on give
    them for `day`, and the epoch's own 'day' (epoch_day)."""
    epoch = epoch_day(epochs, day)
    return {
        "day": epoch,
        "status": epoch_frame(epochs["status"], epoch),
        "markers": epoch_frame(epochs["markers"], epoch),
        "signed": epochs["signed"].loc[epoch],
        "sanctioned": epochs["sanctioned"][epoch],
    }


def duration_bars(tables: dict[str, pd.DataFrame], first: date, last: date, states=None) -> pd.DataFrame:
    """What lasted, clipped to [first, last]: foreign presences per force and state, ECOWAS
    suspensions and sanctions, and each AES state's leaders. Columns: lane, kind, key, iso3, start,
    end; bar_id, the same whatever the period or filters ('presence.WAGNER.MLI', 'leader.<id>',
    'sanctions.<id>', 'suspension.NER.2023-07-30'); rows, the index labels of the rows it was drawn
    from in its table (BAR_TABLES), earliest first.

    With `states`, only the bars of those states, and every bar of the bloc's lane."""
    return clipped_bars(every_bar(tables), first, last, states)


def clipped_bars(every: list[tuple], first: date, last: date, states=None) -> pd.DataFrame:
    """duration_bars from `every` bar (every_bar, computed once per data version)."""
    first, last = _day(first), _day(last)
    kept = []
    # Plain Python over a few dozen rows: with pandas' per-call overhead this took three times as long.
    for lane, kind, key, iso3, start, end, bar_id, rows in every:
        end = last if pd.isna(end) else end
        if not (end >= first and start <= last):  # NaT compares False: a bar without a start is left out
            continue
        start, end = max(start, first), min(end, last)
        if end > start and (not states or iso3 in states or lane == "AES"):
            kept.append((lane, kind, key, iso3, start, end, bar_id, rows))
    bars = pd.DataFrame(kept, columns=BAR_COLUMNS, dtype=object)
    for name in ("start", "end"):
        bars[name] = pd.DatetimeIndex(bars[name], dtype="datetime64[ns]")
    return bars


BAR_SOURCE_TABLES = ("presence", "memberships", "sanctions", "events", "leaders")  # what every_bar reads


def every_bar(tables: dict[str, pd.DataFrame]) -> list[tuple]:
    """Every duration bar unclipped, as a tuple of BAR_COLUMNS ('end' NaT while it lasts): forces by
    actor and state, then suspensions, sanctions and leaders in their tables' order."""
    presence = sorted(tables["presence"].itertuples(), key=lambda row: (row.actor, row.iso3, row.start))
    bars = []
    for (actor, iso3), group in itertools.groupby(presence, key=lambda row: (row.actor, row.iso3)):
        rows = list(group)
        ends = [row.end for row in rows]
        end = pd.NaT if any(pd.isna(day) for day in ends) else max(ends)
        lane = "RUS" if actor in RUSSIAN_FORCES else "WEST"
        bar_id = f"presence.{actor}.{iso3}"
        bars.append((lane, "presence", actor, iso3, rows[0].start, end, bar_id, tuple(r.Index for r in rows)))
    memberships = tables["memberships"]
    suspended = memberships[
        (memberships["org_id"] == "ECOWAS")
        & (memberships["status"] == "suspended")
        & memberships["iso3"].isin(AES_STATES)
    ]
    for row in suspended.itertuples():
        bar_id = f"suspension.{row.iso3}.{row.start:%Y-%m-%d}"
        bars.append(("ECOWAS", "suspension", "ECOWAS", row.iso3, row.start, row.end, bar_id, (row.Index,)))
    for row in sanction_periods(tables["sanctions"], tables["events"]).itertuples():
        bar_id = f"sanctions.{row.sanction_id}"
        bars.append(("ECOWAS", "sanctions", "ECOWAS", row.iso3, row.start, row.end, bar_id, (row.Index,)))
    for row in tables["leaders"][tables["leaders"]["iso3"].isin(AES_STATES)].itertuples():
        bar_id = f"leader.{row.leader_id}"
        bars.append((row.iso3, "leader", row.name, row.iso3, row.start, row.end, bar_id, (row.Index,)))
    return bars


def category_counts(events: pd.DataFrame, categories) -> pd.Series:
    """Events per category, largest first; equal counts in the order of `categories` (the code list).

    The one ranking of kinds of event: the timeline's caption and its period overview both read it.
    """
    counts = events["category"].value_counts().reindex(list(categories), fill_value=0)
    return counts[counts > 0].sort_values(ascending=False, kind="stable")


def period_summary(events: pd.DataFrame, categories) -> tuple[pd.Series, pd.DataFrame]:
    """Counts by category (model.category_counts) and the key events: milestones, or the first five."""
    key = events[events["milestone"]] if events["milestone"].any() else events.head(5)
    return category_counts(events, categories), key


def timeline_summary(events: pd.DataFrame, categories) -> dict | None:
    """Number of events, of lanes used and the most frequent category; None when there is no event."""
    if events.empty:
        return None
    return {
        "n": len(events),
        "lanes": events["lane"].nunique(),
        "top": category_counts(events, categories).index[0],
    }


EVENT_COLUMNS = (
    "event_id",
    "date",
    "date_precision",
    "title",
    "category",
    "topic",
    "states",
    "lane",
    "source_ids",
    "evidence",
)


BILINGUAL = frozenset({"title"})  # columns kept as a pair: title_en, title_fr


def listed(frame: pd.DataFrame, names, lang: str) -> pd.DataFrame:
    """The columns `names` of `frame`, each bilingual one in `lang`."""
    return frame[[column(name, lang) if name in BILINGUAL else name for name in names]]


def event_rows(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The events as the timeline lists them: ids, date, title in `lang`, codes, lane and sources."""
    return listed(events, EVENT_COLUMNS, lang)


def event_by_id(events: pd.DataFrame, event_id: str) -> pd.Series | None:
    """The event with `event_id` (its id in `name`), or None when there is none."""
    rows = events[events["event_id"] == event_id]
    return None if rows.empty else rows.iloc[0].rename(event_id)


def related_events(events: pd.DataFrame, event_id: str, count: int = 5) -> pd.DataFrame:
    """Events sharing a state and the category or topic with `event_id`, nearest in time first."""
    chosen = event_by_id(events, event_id)
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


def topic_events(events: pd.DataFrame) -> pd.DataFrame:
    """items_by_state of the events with only the columns the topics page reads: those of its
    table (ITEM_COLUMNS, the titles in both languages) and the state or bloc."""
    names = [
        n
        for name in ITEM_COLUMNS["events"]
        for n in ([f"{name}_en", f"{name}_fr"] if name in BILINGUAL else [name])
    ]
    return items_by_state(events, "events")[[*names, "iso3"]]


def topic_matrix(items: pd.DataFrame, topic_ids) -> pd.DataFrame:
    """Counts by topic (rows, 'none' last) and state or bloc (columns), zeros where nothing."""
    return count_by(items, "topic", "iso3", [*topic_ids, NO_TOPIC], TOPIC_COLUMNS)


def quarterly_counts(items: pd.DataFrame, topic_ids, first: date, last: date) -> pd.DataFrame:
    """Items per quarter (rows, every quarter of the period) and topic (columns)."""
    quarters = pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq="Q")
    dates = items["date"]
    inside = ((dates >= _day(first)) & (dates <= _day(last))).to_numpy()
    # Only the two columns counted: choosing the rows of every column cost more than the count.
    frame = pd.DataFrame({"quarter": dates[inside].dt.to_period("Q"), "topic": items["topic"][inside]})
    counts = count_by(frame, "quarter", "topic", quarters, [*topic_ids, NO_TOPIC])
    return counts.rename_axis(index="quarter", columns="topic")


def quarter_rows(quarters: pd.DataFrame) -> pd.DataFrame:
    """The quarterly counts as a table: one row per quarter, written '2024Q1', a column per topic."""
    return quarters.reset_index().assign(quarter=lambda frame: frame["quarter"].astype(str))


ITEM_COLUMNS = {
    "cooperation": (
        "coop_id",
        "date",
        "date_precision",
        "iso3",
        "topic",
        "area",
        "instrument",
        "status",
        "title",
        "source_ids",
        "evidence",
    ),
    "events": (
        "event_id",
        "date",
        "date_precision",
        "states",
        "topic",
        "category",
        "title",
        "source_ids",
        "evidence",
    ),
}


def topic_item_rows(items: pd.DataFrame, measure: str, lang: str) -> pd.DataFrame:
    """The items the topics page counts, each once and oldest first, as its table lists them."""
    # The columns first: finding the repeated items among a few columns is the cheaper.
    return unique_items(listed(items, ITEM_COLUMNS[measure], lang), measure).sort_values("date")


def code_counts(values: pd.Series, codes) -> pd.Series:
    """How often each of `codes` occurs among `values`, in their order, zeros kept: a value_counts
    reindexed to the codes, counted in plain Python (pandas took half a millisecond for a dozen)."""
    found, codes = collections.Counter(values.tolist()), list(codes)
    index = pd.Index(codes, name=values.name)
    return pd.Series([found[code] for code in codes], index=index, name="count", dtype="int64")


def area_counts(cooperation: pd.DataFrame, areas) -> pd.Series:
    """Cooperation items per area, in the order of the code list `areas`, areas without items left out."""
    counts = code_counts(cooperation["area"], areas)
    return counts[counts > 0]


def area_items(cooperation: pd.DataFrame, area: str) -> pd.DataFrame:
    """The cooperation items of one area, each once and oldest first; none when no area is given."""
    if not area:
        return cooperation.iloc[0:0]
    return unique_items(cooperation[cooperation["area"] == area], "cooperation").sort_values("date")


def status_pipeline(cooperation: pd.DataFrame, stages) -> pd.Series:
    """Cooperation items at each of `stages` (the code list, announced to ended), zeros kept."""
    return code_counts(cooperation["status"], stages)


def russian_items(cooperation: pd.DataFrame) -> pd.DataFrame:
    """The cooperation register's items with Russia."""
    return cooperation[cooperation["partner"] == "RUS"]


def unique_items(items: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Each item once: `items_by_state` repeats an event for every state it concerns."""
    return items.drop_duplicates(subset=["event_id" if measure == "events" else "coop_id"])


def largest_cell(matrix: pd.DataFrame) -> tuple[str, str, int] | None:
    """(row, column, count) of the largest count of a matrix, or None when every count is zero."""
    values = matrix.to_numpy()
    if not values.size or values.max() == 0:
        return None
    # The first largest, row by row: what stack().idxmax() finds, without making the stacked series.
    row, col = divmod(int(values.argmax()), values.shape[1])
    return matrix.index[row], matrix.columns[col], int(values[row, col])


def busiest_row(counts: pd.DataFrame) -> tuple[str, int] | None:
    """(row label, total) of the row with the most items, or None when there are none."""
    totals = counts.sum(axis=1)
    if totals.empty or totals.max() == 0:
        return None
    return str(totals.idxmax()), int(totals.max())


def composition_counts(cooperation: pd.DataFrame) -> pd.DataFrame:
    """Items per area, instrument and status: what the sunburst draws and its table lists."""
    # Counted in plain Python, in a group-by's order: a few dozen rows, where pandas took a millisecond.
    columns = ["area", "instrument", "status"]
    found = sorted(collections.Counter(zip(*(cooperation[c].tolist() for c in columns), strict=True)).items())
    rows = {name: [key[i] for key, _ in found] for i, name in enumerate(columns)}
    return pd.DataFrame({**rows, "items": np.array([n for _, n in found], dtype=np.int64)})


def largest_group(frame: pd.DataFrame, column: str) -> tuple[str, int] | None:
    """(value, count) of the most frequent value of `column`, or None for an empty frame."""
    counts = frame[column].value_counts()
    return None if counts.empty else (counts.index[0], int(counts.iloc[0]))


def state_media_ids(sources: pd.DataFrame) -> frozenset[str]:
    """The ids of the sources that are Russian state media or government."""
    return frozenset(sources.loc[sources["source_type"] == "russian_state_media", "source_id"])


def state_media_only(items: pd.DataFrame, state_media: frozenset[str]) -> pd.Series:
    """Boolean per item: every source it cites is among `state_media` (state_media_ids)."""
    return items["source_ids"].map(lambda ids: bool(ids) and all(i in state_media for i in ids))


def topic_cards(items: pd.DataFrame, state_media: frozenset[str], topics, count: int = 3) -> dict[str, dict]:
    """Per topic of `topics`: its number of items, the share resting only on Russian state
    sources (`state_media`: state_media_ids), and its latest items."""
    only = state_media_only(items, state_media).to_numpy()  # once, not once a topic
    cards = {}
    for topic in topics:
        chosen = (items["topic"] == topic).to_numpy()
        rows = items[chosen]
        cards[topic] = {
            "count": len(rows),
            "state_media_share": float(only[chosen].mean()) if len(rows) else 0.0,
            "latest": rows.sort_values("date", ascending=False).head(count),
        }
    return cards


def records(frame: pd.DataFrame, columns=None) -> list[dict]:
    """The rows as dicts of `columns` (all when None), as frame.to_dict("records") gives them, read
    column by column: pandas boxes every value alone, several times slower on a view's few rows."""
    columns = list(frame.columns if columns is None else columns)
    return [
        dict(zip(columns, row, strict=True))
        for row in zip(*(frame[c].tolist() for c in columns), strict=True)
    ]


def narrow(frame: pd.DataFrame, **wanted: str) -> pd.DataFrame:
    """Rows whose columns equal the wanted values; an empty value keeps every row on that column."""
    if not any(wanted.values()):
        return frame
    # On the column's array: a Series per condition costs more than the comparison on a few rows.
    mask = np.ones(len(frame), dtype=bool)
    for name, value in wanted.items():
        if value:
            mask &= frame[name].to_numpy() == value
    return frame[mask]


# The capitals' names beside their dots, placed in screen pixels at the map's zoom.
LABEL_SIZE = 12  # pixels
# A generous width per character of the sans-serif labels (most run at about 0.55 of the size), so
# that boxes estimated apart are apart once drawn; the height takes the white outline in.
CHAR_WIDTH, LABEL_HEIGHT, LABEL_GAP = 0.62 * LABEL_SIZE, LABEL_SIZE + 3, 6
# Where a capital's name may sit, in order of preference: pixel offset, text anchor, baseline.
LABEL_PLACES = (
    ((0, -LABEL_GAP), "middle", "bottom"),
    ((LABEL_GAP, 0), "start", "center"),
    ((-LABEL_GAP, 0), "end", "center"),
    ((0, LABEL_GAP), "middle", "top"),
)


def screen_xy(lat: float, lon: float, zoom: float = MAP_VIEW["zoom"]) -> tuple[float, float]:
    """Web Mercator pixels (deck.gl's 512-pixel world) of a point at `zoom`: distances between two
    points are those drawn on screen, whatever the map's width."""
    scale = 512 * 2**zoom / (2 * math.pi)
    phi = math.radians(lat)
    return scale * (math.radians(lon) + math.pi), scale * (
        math.pi - math.log(math.tan(math.pi / 4 + phi / 2))
    )


def label_box(x: float, y: float, text: str, place) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in pixels of `text` drawn at one of LABEL_PLACES from (x, y)."""
    (dx, dy), anchor, baseline = place
    width = CHAR_WIDTH * len(text)
    left = {"middle": x + dx - width / 2, "start": x + dx, "end": x + dx - width}[anchor]
    top = {"bottom": y + dy - LABEL_HEIGHT, "top": y + dy, "center": y + dy - LABEL_HEIGHT / 2}[baseline]
    return left, top, left + width, top + LABEL_HEIGHT


def overlaps(a, b) -> bool:
    """Whether two (left, top, right, bottom) boxes share any area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def placed_labels(capitals: pd.DataFrame) -> pd.DataFrame:
    """The capitals whose name fits beside its dot without touching another name or dot, each with
    its place (offset, anchor, baseline) and box; a name that fits nowhere is left out (its dot stays).
    Earlier rows are placed first: the page lists the AES capitals first."""
    points = [screen_xy(lat, lon) for lat, lon in zip(capitals["lat"], capitals["lon"], strict=True)]
    dots = [(x - 3, y - 3, x + 3, y + 3) for x, y in points]
    taken, rows = list(dots), []
    for (x, y), row in zip(points, capitals.to_dict("records"), strict=True):
        for place in LABEL_PLACES:
            box = label_box(x, y, row["label"], place)
            if not any(overlaps(box, other) for other in taken):
                taken.append(box)
                rows.append(
                    row | {"offset": list(place[0]), "anchor": place[1], "baseline": place[2], "box": box}
                )
                break
    return pd.DataFrame(rows, columns=[*capitals.columns, "offset", "anchor", "baseline", "box"])


def capital_rows(capitals: pd.DataFrame) -> list[dict]:
    """Every capital (lat, lon, label) with a dot, and `name`, its label where it fits beside the dot
    (placed_labels: offset, anchor, baseline) or empty where it fits nowhere: capitals_url's rows."""
    placed = {row["label"]: row for row in placed_labels(capitals).to_dict("records")}
    nowhere = {"offset": [0, 0], "anchor": "middle", "baseline": "center"}
    return [
        row
        | {"name": row["label"] if row["label"] in placed else ""}
        | {key: placed.get(row["label"], nowhere)[key] for key in nowhere}
        for row in capitals.to_dict("records")
    ]


def capitals_body(capitals: pd.DataFrame) -> bytes:
    """The JSON that the capitals' URL answers with (capital_rows)."""
    return json.dumps(capital_rows(capitals), separators=(",", ":"), ensure_ascii=False).encode()


def capitals_version(capitals: pd.DataFrame) -> str:
    """The short_digest of capitals_body, which names the capitals' URL."""
    return short_digest(capitals_body(capitals))


def drawn_capitals(states: pd.DataFrame, shapes: dict, lang: str) -> pd.DataFrame:
    """The capitals of the states the map draws, named in `lang` (capital_points)."""
    return capital_points(states, drawn_states(shapes, state_names(states, lang)), column("capital", lang))


def map_sources(tables: dict) -> dict[str, dict[str, str]]:
    """By language, the versions of what the map fetches from its own URLs: 'borders'
    (shapes_version) and 'capitals' (capitals_version of the drawn states' capitals). Digests of
    every epoch's same data, made once."""
    states, shapes = tables["states"], tables["shapes"]
    borders = shapes_version(shapes)
    versions = {}
    for lang in LANGUAGES:
        versions[lang] = {
            "borders": borders,
            "capitals": capitals_version(drawn_capitals(states, shapes, lang)),
        }
    return versions
