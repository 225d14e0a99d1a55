"""A reader's own conflict export (UCDP or ACLED, CSV or zipped CSV): checked, parsed and aggregated with
DuckDB in memory. Pure: takes bytes, returns monthly counts and the problems found; never writes a file."""

import codecs
import csv
import io
import os
import threading
import zipfile
from dataclasses import dataclass
from datetime import date
from functools import cache

import duckdb

from components.security import Conflict, acled_side, aggregate, ucdp_side
from components.security_codes import (
    ACLED_KINDS,
    COUNTRIES,
    FIRST_EVENT_DAY,
    MAX_UNCOMPRESSED_BYTES,
    MAX_UPLOAD_ROWS,
    UCDP_KINDS,
)

# Required columns of each layout, detected from the header; the first whose columns are all there wins.
LAYOUTS = {
    "acled_old": ("event_id_no_cnty", "event_date", "event_type", "actor1", "inter1", "actor2", "inter2",
                  "country", "latitude", "longitude", "fatalities"),
    "acled": ("event_id_cnty", "event_date", "event_type", "actor1", "inter1", "actor2", "inter2", "country",
              "latitude", "longitude", "fatalities"),
    "ucdp_country": ("id", "type_of_violence", "side_a", "side_b", "country", "latitude", "longitude",
                     "date_start", "best_est", "low_est", "high_est"),
    "ucdp_ged": ("id", "type_of_violence", "side_a", "side_b", "country", "latitude", "longitude",
                 "date_start", "best", "low", "high"),
}  # fmt: skip
# Date formats each layout may use (UCDP bulk files may add a time; ACLED wrote three styles over the years).
DATE_FORMATS = {
    "ucdp_ged": ["%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%g"],
    "ucdp_country": ["%m/%d/%Y %H:%M:%S", "%Y-%m-%d"],
    "acled": ["%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%B-%Y"],
    "acled_old": ["%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%B-%Y"],
}
DELIMITERS = (",", ";", "\t", "|")
FIRST_ROWS = 5  # bad rows named in a message
HEAD = 1 << 16
SMALL_FILE = 8 << 20  # bytes


@dataclass(frozen=True)
class Issue:
    """One kind of problem: `code` (i18n key upload.<code>), the column, how many rows, the first rows
    (numbered as in the file, header = 1)."""

    code: str
    column: str
    count: int
    rows: tuple[int, ...]


@dataclass(frozen=True)
class Upload:
    """What came of a reader's file: monthly counts (None when nothing could be used), its layout, rows
    read and used, the problems by column, and `fatal`, the code of why nothing could be used."""

    conflict: Conflict | None
    layout: str | None
    rows: int
    kept: int
    issues: tuple[Issue, ...]
    fatal: str | None = None
    detail: str = ""


def failed(code: str, detail: str = "", layout: str | None = None) -> Upload:
    """An upload of which nothing could be used."""
    return Upload(None, layout, 0, 0, (), code, detail)


def unpack(
    data: bytes, name: str, limit: int = MAX_UNCOMPRESSED_BYTES
) -> tuple[bytes | None, str | None, str]:
    """The CSV bytes of a plain or zipped file, or (None, problem code, detail)."""
    if not data.startswith(b"PK\x03\x04") and not name.lower().endswith(".zip"):
        return (data, None, "") if len(data) <= limit else (None, "too_big", f"{limit:,}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX/")]
        if len(members) != 1:
            return None, "zip_members", str(len(members))
        # Read at most `limit` + 1 bytes: a member's declared size may lie (a zip bomb).
        with archive.open(members[0]) as member:
            content = member.read(limit + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as error:
        return None, "bad_zip", type(error).__name__
    if len(content) > limit:
        return None, "too_big", f"{limit:,}"
    return content, None, ""


def first_bad_byte_line(data: bytes) -> int | None:
    """The line holding the first byte that is not UTF-8, read chunk by chunk; None when all is UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    step = 1 << 20
    for start in range(0, len(data), step):
        chunk = data[start : start + step]
        try:
            decoder.decode(chunk, final=start + step >= len(data))
        except UnicodeDecodeError as error:
            return data[: start + error.start].count(b"\n") + 1
    return None


def read_header(data: bytes) -> tuple[list[str], str]:
    """Column names (trimmed, lower case) and delimiter, from the first line."""
    head = data[:HEAD].decode("utf-8-sig", errors="replace").splitlines()
    line = head[0] if head else ""
    delimiter = max(DELIMITERS, key=line.count)
    names = next(csv.reader([line], delimiter=delimiter), [])
    return [n.strip().lower() for n in names], delimiter


def detect_layout(columns: list[str]) -> tuple[str | None, list[str]]:
    """The layout whose required columns are all in the header, or None and the nearest layout's
    missing columns."""
    present = set(columns)
    for layout, required in LAYOUTS.items():
        if present >= set(required):
            return layout, []
    nearest = max(LAYOUTS.values(), key=lambda req: len(present & set(req)))
    return None, [c for c in nearest if c not in present]


def _column_names(layout: str) -> dict[str, str]:
    """Which column of the layout holds each part of an event."""
    if layout.startswith("acled"):
        return {"id": "event_id_no_cnty" if layout == "acled_old" else "event_id_cnty", "day": "event_date",
                "kind": "event_type", "best": "fatalities", "low": "fatalities", "high": "fatalities"}  # fmt: skip
    suffix = "_est" if layout == "ucdp_country" else ""
    return {"id": "id", "day": "date_start", "kind": "type_of_violence",
            "best": f"best{suffix}", "low": f"low{suffix}", "high": f"high{suffix}"}  # fmt: skip


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_export(data: bytes, name: str, today: date, *, limit: int = MAX_UNCOMPRESSED_BYTES) -> Upload:
    """Monthly counts of a reader's UCDP or ACLED export and every problem found; never raises on bad input."""
    content, problem, detail = unpack(data, name, limit)
    if content is None:
        return failed(problem, detail)
    if content.isspace() or not content:  # isspace stops at the first other byte; strip would copy
        return failed("empty")
    if b"\x00" in content[:HEAD]:
        return failed("binary")
    bad_line = first_bad_byte_line(content)
    if bad_line is not None:
        return failed("encoding", str(bad_line))
    columns, delimiter = read_header(content)
    layout, missing = detect_layout(columns)
    if layout is None:
        return failed("missing_columns", ", ".join(missing))
    # DuckDB reads the bytes through a filesystem it registers on the database for the read: one read at
    # a time, each in a connection of its own (its temp tables are seen by no other read).
    with _LOCK:
        con = _database().cursor()
        # Threads only pay off on big files: on small ones their start and sync cost more than the work.
        con.execute(f"SET threads = {1 if len(content) < SMALL_FILE else os.cpu_count() or 1}")
        try:
            return _parse(con, content, columns, delimiter, layout, today)
        except duckdb.Error as error:
            return failed("unreadable", str(error).splitlines()[0][:200], layout)
        finally:
            if "DUCKDB_INTERNAL_OBJECTSTORE" in con.list_filesystems():
                con.unregister_filesystem("DUCKDB_INTERNAL_OBJECTSTORE")
            con.close()


_LOCK = threading.Lock()


@cache
def _database() -> duckdb.DuckDBPyConnection:
    """One in-memory DuckDB, made on first use (a new one costs about 50 ms)."""
    return duckdb.connect(":memory:")


def _values(rows: list[tuple], alias: str) -> str:
    """A VALUES list of quoted text literals named `alias` (e.g. 'c(name, iso3)'), for small code tables."""
    quoted = ("(" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in row) + ")" for row in rows)
    return f"(VALUES {', '.join(quoted)}) AS {alias}"


def _parse(con, content: bytes, columns: list[str], delimiter: str, layout: str, today: date) -> Upload:
    """The DuckDB part of read_export: read, type, check, map codes, aggregate."""
    if len(set(columns)) != len(columns):
        return failed("duplicate_columns", ", ".join(sorted({c for c in columns if columns.count(c) > 1})))
    # The header is ours: every column as text, no sniffing; malformed rows go to reject_errors.
    relation = con.read_csv(
        io.BytesIO(content), header=True, sep=delimiter, quotechar='"', escapechar='"', auto_detect=False,
        columns={c: "VARCHAR" for c in columns}, store_rejects=True,
    )  # fmt: skip
    con.register("upload", relation)
    names = _column_names(layout)
    actors = ("actor1", "inter1", "actor2", "inter2") if layout.startswith("acled") else ("side_a", "side_b")
    con.execute(
        "CREATE TEMP TABLE raw AS SELECT row_number() OVER () AS record, "
        + ", ".join(f"trim({_quote(c)}) AS {p}" for p, c in names.items())
        + ", trim(country) AS country, trim(latitude) AS latitude, trim(longitude) AS longitude, "
        + ", ".join(f"coalesce({a}, '') AS {a}" for a in actors)
        + " FROM upload"
    )
    rejected = sorted(r[0] for r in con.sql("SELECT DISTINCT line FROM reject_errors").fetchall())
    total = con.sql("SELECT count(*) FROM raw").fetchone()[0] + len(rejected)
    if total > MAX_UPLOAD_ROWS:
        return failed("too_many_rows", f"{total:,}", layout)
    kinds = ACLED_KINDS if layout.startswith("acled") else {str(k): v for k, v in UCDP_KINDS.items()}
    formats = ", ".join(f"'{f}'" for f in DATE_FORMATS[layout])
    con.execute(
        f"CREATE TEMP VIEW typed AS SELECT raw.*, c.iso3, k.kind AS kind_code, "
        f"try_strptime(raw.day, [{formats}])::DATE AS date, "
        f"try_cast(raw.best AS DOUBLE) AS best_n, try_cast(raw.low AS DOUBLE) AS low_n, "
        f"try_cast(raw.high AS DOUBLE) AS high_n, "
        f"try_cast(raw.latitude AS DOUBLE) AS lat, try_cast(raw.longitude AS DOUBLE) AS lon "
        f"FROM raw LEFT JOIN {_values(list(COUNTRIES.items()), 'c(name, iso3)')} ON lower(raw.country) = lower(c.name) "
        f"LEFT JOIN {_values(list(kinds.items()), 'k(raw, kind)')} ON raw.kind = k.raw"
    )
    deaths = [("best", names["best"])] if layout.startswith("acled") else [
        (p, names[p]) for p in ("best", "low", "high")
    ]  # fmt: skip
    checks = [
        ("unknown_country", "country", "iso3 IS NULL"),
        ("bad_date", names["day"], "date IS NULL"),
        ("date_range", names["day"], f"date < DATE '{FIRST_EVENT_DAY}' OR date > DATE '{today}'"),
        ("bad_kind", names["kind"], "kind_code IS NULL"),
        ("coordinates", "latitude", "lat IS NULL OR lat < -90 OR lat > 90 OR isnan(lat)"),
        ("coordinates", "longitude", "lon IS NULL OR lon < -180 OR lon > 180 OR isnan(lon)"),
        *[("deaths", column, f"{p}_n IS NULL OR {p}_n < 0 OR {p}_n <> floor({p}_n) OR {p}_n > 1e7")
          for p, column in deaths],
    ]  # fmt: skip
    issues = [Issue("malformed", "", len(rejected), tuple(rejected[:FIRST_ROWS]))] if rejected else []
    bad_any = []
    # Every check in one scan: a count and the first rows of each.
    found = con.sql(
        "SELECT "
        + ", ".join(
            f"count(*) FILTER (WHERE {condition}), list(record ORDER BY record) FILTER (WHERE {condition})[1:{FIRST_ROWS}]"
            for _, _, condition in checks
        )
        + " FROM typed"
    ).fetchone()
    for index, (code, column, condition) in enumerate(checks):
        count, first = found[2 * index], found[2 * index + 1]
        if count:
            issues.append(Issue(code, column, count, tuple(_line(r, rejected) for r in first)))
            bad_any.append(f"({condition})")
    keep = " AND ".join(f"NOT coalesce({c}, TRUE)" for c in bad_any) or "TRUE"
    # Only the columns the events need are kept; the raw text goes as soon as they are.
    actor_columns = ", ".join(actors)
    con.execute(
        f"CREATE TEMP TABLE good AS SELECT id, iso3, date, kind_code, {actor_columns}, best_n, low_n, high_n, "
        f"lat, lon FROM typed WHERE {keep}"
    )
    con.execute("DROP VIEW typed")
    con.execute("DROP TABLE raw")
    kept = con.sql("SELECT count(*) FROM good").fetchone()[0]
    if not kept:
        return Upload(None, layout, total, 0, tuple(issues), "nothing_left")
    _side_table(con, layout)
    con.execute(
        "CREATE TEMP VIEW events AS SELECT g.id AS event_id, g.iso3, g.date AS day, g.kind_code AS kind, "
        "sa.side AS side_a, sb.side AS side_b, g.best_n::BIGINT AS best, "
        + ("g.best_n::BIGINT AS low, g.best_n::BIGINT AS high, " if layout.startswith("acled") else
           "g.low_n::BIGINT AS low, g.high_n::BIGINT AS high, ")
        + "g.lat AS latitude, g.lon AS longitude FROM good g "
        + _side_join(layout)
    )  # fmt: skip
    first, last = con.sql("SELECT min(day), max(day) FROM events").fetchone()
    conflict = aggregate(con, "events", "acled" if layout.startswith("acled") else "ucdp", first, last)
    return Upload(conflict, layout, total, kept, tuple(issues))


def _line(record: int, rejected: list[int]) -> int:
    """The file row (header = 1) of the `record`-th row DuckDB accepted, counting the rejected rows."""
    line = record + 1
    for bad in rejected:
        if bad <= line:
            line += 1
    return line


def _side_table(con, layout: str) -> None:
    """Side codes of every distinct actor of the file, mapped once in Python (security.py's rules)."""
    if layout.startswith("acled"):
        pairs = con.sql(
            "SELECT DISTINCT actor1, inter1 FROM good UNION SELECT DISTINCT actor2, inter2 FROM good"
        ).fetchall()
        rows = [(a, i, acled_side(a, i)) for a, i in pairs]
    else:
        names = con.sql("SELECT DISTINCT side_a FROM good UNION SELECT DISTINCT side_b FROM good").fetchall()
        rows = [(n, "", ucdp_side(n)) for (n,) in names]
    con.execute(f"CREATE TEMP TABLE sides AS SELECT * FROM {_values(rows, 's(actor, actor_type, side)')}")


def _side_join(layout: str) -> str:
    if layout.startswith("acled"):
        return (
            "JOIN sides sa ON g.actor1 = sa.actor AND g.inter1 = sa.actor_type "
            "JOIN sides sb ON g.actor2 = sb.actor AND g.inter2 = sb.actor_type"
        )
    return "JOIN sides sa ON g.side_a = sa.actor JOIN sides sb ON g.side_b = sb.actor"
