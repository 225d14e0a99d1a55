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
import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

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
BLOCK = 1 << 20  # bytes of CSV Arrow parses at a time
TEXT = pa.dictionary(pa.int32(), pa.string())


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
        return {"day": "event_date", "kind": "event_type", "best": "fatalities", "low": "fatalities",
                "high": "fatalities"}  # fmt: skip
    suffix = "_est" if layout == "ucdp_country" else ""
    return {"day": "date_start", "kind": "type_of_violence", "best": f"best{suffix}", "low": f"low{suffix}",
            "high": f"high{suffix}"}  # fmt: skip


def _needed(layout: str) -> list[str]:
    """The columns the events are made of (the ids are not: only counts are kept)."""
    actors = ("actor1", "inter1", "actor2", "inter2") if layout.startswith("acled") else ("side_a", "side_b")
    return sorted({*_column_names(layout).values(), "country", "latitude", "longitude", *actors})


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
    if len(set(columns)) != len(columns):
        return failed("duplicate_columns", ", ".join(sorted({c for c in columns if columns.count(c) > 1})))
    try:
        table, rejected = read_columns(content, columns, delimiter, _needed(layout))
    except pa.ArrowException as error:
        return failed("unreadable", str(error).splitlines()[0][:200], layout)
    total = table.num_rows + len(rejected)
    if total > MAX_UPLOAD_ROWS:
        return failed("too_many_rows", f"{total:,}", layout)
    if not table.num_rows:
        return Upload(None, layout, total, 0, _malformed(rejected), "nothing_left")
    # One read at a time, each in a cursor of its own (its temp tables are seen by no other read).
    with _LOCK:
        con = _database().cursor()
        # Threads only pay off on big files: on small ones their start and sync cost more than the work.
        con.execute(f"SET threads = {1 if len(content) < SMALL_FILE else os.cpu_count() or 1}")
        try:
            return _parse(con, table, rejected, layout, today)
        except duckdb.Error as error:
            return failed("unreadable", str(error).splitlines()[0][:200], layout)
        finally:
            con.close()


_LOCK = threading.Lock()


@cache
def _database() -> duckdb.DuckDBPyConnection:
    """One in-memory DuckDB, made on first use (a new one costs about 50 ms)."""
    return duckdb.connect(":memory:")


def read_columns(
    content: bytes, columns: list[str], delimiter: str, needed: list[str]
) -> tuple[pa.Table, list[int]]:
    """The `needed` columns as dictionary-encoded text (Arrow's reader, with `columns` as the header;
    one dictionary per column) and the file lines (header = 1) of the rows whose number of cells is
    wrong, which are skipped. Raises pa.ArrowInvalid when the file is not CSV at all (e.g. a quote
    left open)."""
    if b"\n" not in content[:HEAD] and b"\r" not in content[:HEAD]:
        content += b"\n"  # a header alone, without a line end (small: a big file has line ends early)
    rejected: list[int] = []

    def reject(row) -> str:
        rejected.append(row.number)
        return "skip"

    table = pa_csv.read_csv(
        pa.py_buffer(content),
        # One thread, small blocks: measured on 1,000,000 rows, Arrow's threads cost 1.5 times the CPU and
        # 400 MB more for the same wall time on two busy cores, and only one thread knows each row's line.
        read_options=pa_csv.ReadOptions(
            column_names=columns, skip_rows=1, use_threads=False, block_size=BLOCK
        ),
        parse_options=pa_csv.ParseOptions(
            delimiter=delimiter, newlines_in_values=True, invalid_row_handler=reject
        ),
        # Text, no type sniffing: the checks type each distinct text and name what is bad.
        convert_options=pa_csv.ConvertOptions(
            include_columns=needed, column_types=dict.fromkeys(needed, TEXT)
        ),
    )
    return table.unify_dictionaries(), rejected


def _values(rows: list[tuple], alias: str) -> str:
    """A VALUES list of quoted text literals named `alias` (e.g. 'c(name, iso3)'), for small code tables."""
    quoted = ("(" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in row) + ")" for row in rows)
    return f"(VALUES {', '.join(quoted)}) AS {alias}"


def _indices(column: pa.ChunkedArray) -> np.ndarray:
    """Each row's position in its column's dictionary."""
    return np.concatenate([chunk.indices.to_numpy() for chunk in column.chunks])


def _spread(con, column: pa.ChunkedArray, expression: str, join: str = "") -> pa.Array:
    """`expression` (SQL of the text `v`, trimmed, and of tables in `join`) worked out once per distinct
    text of the column, then given to each of its rows."""
    dictionary = column.chunk(0).dictionary
    con.register("distinct_text", pa.table({"i": np.arange(len(dictionary)), "raw": dictionary}))
    typed = con.sql(
        f"SELECT {expression} FROM (SELECT i, trim(raw) AS v FROM distinct_text) {join} ORDER BY i"
    ).to_arrow_table()
    con.unregister("distinct_text")
    values = typed.column(0).combine_chunks()
    # Codes stay dictionary-encoded: DuckDB then groups by them without copying a string per row.
    return (values.dictionary_encode() if pa.types.is_string(values.type) else values).take(_indices(column))


def _sides(table: pa.Table, columns: tuple[str, ...], rule) -> pa.Array:
    """`rule(*texts)` (security.py's side codes) worked out once per distinct combination of the
    columns' texts, then given to each row."""
    dictionaries = [table[c].chunk(0).dictionary.to_pylist() for c in columns]
    key = np.zeros(table.num_rows, dtype=np.int64)
    for column, dictionary in zip(columns, dictionaries, strict=True):
        key = key * len(dictionary) + _indices(table[column])
    combinations, rows = np.unique(key, return_inverse=True)
    codes = []
    for combination in combinations.tolist():
        texts = []
        for dictionary in reversed(dictionaries):
            combination, index = divmod(combination, len(dictionary))
            texts.append(dictionary[index].strip())
        codes.append(rule(*reversed(texts)))
    return pa.array(codes, pa.string()).dictionary_encode().take(rows)


def _parse(con, table: pa.Table, rejected: list[int], layout: str, today: date) -> Upload:
    """The DuckDB part of read_export: type each distinct text, check every row, aggregate."""
    names = _column_names(layout)
    acled = layout.startswith("acled")
    kinds = ACLED_KINDS if acled else {str(k): v for k, v in UCDP_KINDS.items()}
    formats = ", ".join(f"'{f}'" for f in DATE_FORMATS[layout])
    deaths = ("best",) if acled else ("best", "low", "high")
    number = "try_cast(v AS DOUBLE)"
    # An export repeats few distinct texts per column (dates, countries, actors, counts): each is typed
    # once and the rows take its value, instead of every row's text being parsed.
    typed = {
        "record": pa.array(np.arange(1, table.num_rows + 1)),
        "iso3": _spread(
            con, table["country"], "c.iso3", f"LEFT JOIN {_values(list(COUNTRIES.items()), 'c(name, iso3)')} "
            "ON lower(v) = lower(c.name)"
        ),
        "kind_code": _spread(
            con, table[names["kind"]], "k.kind", f"LEFT JOIN {_values(list(kinds.items()), 'k(raw, kind)')} "
            "ON v = k.raw"
        ),
        "date": _spread(con, table[names["day"]], f"try_strptime(v, [{formats}])::DATE"),
        **{f"{p}_n": _spread(con, table[names[p]], number) for p in deaths},
        "lat": _spread(con, table["latitude"], number),
        "lon": _spread(con, table["longitude"], number),
        "side_a": _sides(table, ("actor1", "inter1"), acled_side) if acled else
                  _sides(table, ("side_a",), ucdp_side),
        "side_b": _sides(table, ("actor2", "inter2"), acled_side) if acled else
                  _sides(table, ("side_b",), ucdp_side),
    }  # fmt: skip
    con.register("typed", pa.table(typed))
    checks = [
        ("unknown_country", "country", "iso3 IS NULL"),
        ("bad_date", names["day"], "date IS NULL"),
        ("date_range", names["day"], f"date < DATE '{FIRST_EVENT_DAY}' OR date > DATE '{today}'"),
        ("bad_kind", names["kind"], "kind_code IS NULL"),
        ("coordinates", "latitude", "lat IS NULL OR lat < -90 OR lat > 90 OR isnan(lat)"),
        ("coordinates", "longitude", "lon IS NULL OR lon < -180 OR lon > 180 OR isnan(lon)"),
        *[("deaths", names[p], f"{p}_n IS NULL OR {p}_n < 0 OR {p}_n <> floor({p}_n) OR {p}_n > 1e7")
          for p in deaths],
    ]  # fmt: skip
    issues = _malformed(rejected)
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
    con.execute(
        "CREATE TEMP VIEW events AS SELECT iso3, date AS day, kind_code AS kind, side_a, side_b, "
        "best_n::BIGINT AS best, "
        + ("best_n::BIGINT AS low, best_n::BIGINT AS high" if acled else
           "low_n::BIGINT AS low, high_n::BIGINT AS high")
        + f" FROM typed WHERE {keep}"
    )  # fmt: skip
    kept, first, last = con.sql("SELECT count(*), min(day), max(day) FROM events").fetchone()
    total = table.num_rows + len(rejected)
    if not kept:
        return Upload(None, layout, total, 0, tuple(issues), "nothing_left")
    conflict = aggregate(con, "events", "acled" if acled else "ucdp", first, last)
    return Upload(conflict, layout, total, kept, tuple(issues))


def _malformed(rejected: list[int]) -> list[Issue]:
    """The issue of the rows skipped for their number of cells, if any."""
    return [Issue("malformed", "", len(rejected), tuple(rejected[:FIRST_ROWS]))] if rejected else []


def _line(record: int, rejected: list[int]) -> int:
    """The file row (header = 1) of the `record`-th row DuckDB accepted, counting the rejected rows."""
    line = record + 1
    for bad in rejected:
        if bad <= line:
            line += 1
    return line
