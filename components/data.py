"""The only reader of data/: load_tables("events", …) returns validated, typed, cached DataFrames."""

import hashlib
import json
import os
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from components import display
from components.config import DATA_END, LANGUAGES
from components.conflict_files import Upload, read_export
from components.display import code_labels
from components.formatting import source_texts
from components.icon_font import FONT_NAME
from components.model import (
    BAR_SOURCE_TABLES,
    MAP_EPOCH_TABLES,
    every_bar,
    map_epoch_tables,
    map_epochs,
    map_outlines,
    map_shapes,
    map_sources,
    phase_periods,
    publishers,
    russian_registers,
    state_media_ids,
    topic_events,
    with_lanes,
)
from components.schema import Problem, check_keys, enum_codes, parse_table, read_csv_text
from components.security import Conflict, aggregate_frame, milestones, point_texts, ucdp_events
from components.security_codes import MILESTONES

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TEXT_DIR = Path(__file__).resolve().parent / "text"  # prose a translator edits: <name>.<lang>.md
SHAPES_FILE = "shapes/sahel.geojson"  # the country shapes, inside the data folder
# Tests point the app at a damaged copy of the data through this variable.
DATA_DIR_VARIABLE = "SAHEL_PIVOT_DATA_DIR"
STREAMLIT_DIR = Path(st.__file__).parent
FRONTEND_DIR = STREAMLIT_DIR / "static" / "static"
APP_DIR = Path(__file__).resolve().parent.parent


class DataError(Exception):
    """The data files cannot be used; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def data_dir() -> Path:
    """The folder the tables are read from."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, DEFAULT_DATA_DIR))


def _read_table(folder: Path, resource: dict) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One typed table and the problems found in it."""
    try:
        data = (folder / resource["path"]).read_bytes()
    except OSError:
        return None, [Problem(resource["path"], "is missing")]
    raw, problems = read_csv_text(data, resource["path"])
    if raw is None:
        return None, problems
    table, problems = parse_table(raw, resource)
    return (None if problems else table), problems


@st.cache_data(show_spinner=False)
def _load_all(folder: str, stamp: str) -> dict[str, pd.DataFrame]:
    """Every table of the package, checked row by row and key by key.

    `stamp` (a digest of file sizes and modification times) is only part of the cache key, so
    that an edited file is read again.
    """
    return read_package(Path(folder))[1]


def read_package(folder: Path) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The descriptor and every checked table, read afresh without Streamlit's cache (the
    text-only edition is served outside any script run); raises DataError naming file, row and
    column."""
    package = _read_json_file(folder / "datapackage.json", "datapackage.json")
    tables, problems = {}, []
    for resource in package["resources"]:
        if not resource["path"].endswith(".csv"):
            continue
        table, found = _read_table(folder, resource)
        problems += found
        if table is not None:
            tables[resource["name"]] = table
    if not problems:
        problems = check_keys(tables, package["resources"])
    if problems:
        raise DataError(problems)
    return package, tables


def data_stamp() -> tuple[Path, str]:
    """The data folder and the digest of its files' sizes and modification times."""
    folder = data_dir()
    return folder, _stamp(folder)


@st.cache_data(show_spinner=False)
def _load_table(folder: str, stamp: str, name: str) -> pd.DataFrame:
    """One checked table. A cache entry of its own: every cache hit unpickles a copy, and a page
    should pay only for the tables it reads."""
    return _load_all(folder, stamp)[name]


def _stamp(folder: Path) -> str:
    """A digest of the size and modification time of every file in the data folder and in its
    subfolders (conflict/, shapes/), one level down."""
    # os.scandir, not Path.glob: this runs several times on every rerun, and glob is ten times slower.
    files = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_file():
                    files.append((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns))
                elif entry.is_dir():
                    with os.scandir(entry.path) as inner:
                        files += [(f"{entry.name}/{e.name}", e.stat().st_size, e.stat().st_mtime_ns)
                                  for e in inner if e.is_file()]  # fmt: skip
    except OSError:  # no folder: reading the descriptor then names what is missing
        files = []
    files.sort()
    # One short string: Streamlit hashes cache arguments value by value, and a tuple of tuples is slow.
    return hashlib.sha256(repr(files).encode()).hexdigest()


def load_tables(*names: str) -> dict[str, pd.DataFrame]:
    """The named tables (every table when none is named); raises DataError naming file, row and
    column when any table of the package is damaged."""
    if not names:
        names = tuple(r["name"] for r in load_package_info()["resources"] if r["path"].endswith(".csv"))
    folder = data_dir()
    stamp = _stamp(folder)
    return {name: _load_table(str(folder), stamp, name) for name in names}


@st.cache_data(show_spinner=False)
def _read_json(folder: str, stamp: str, name: str) -> dict:
    """A JSON file of the data folder, once per data version; DataError when it is missing or
    unreadable."""
    return _read_json_file(Path(folder) / name, name)


def _read_json_file(path: Path, name: str) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError([Problem(name, f"cannot be read ({error})")]) from error


def load_package_info() -> dict:
    """The package descriptor (version, last update, licences, column descriptions), once every
    table has been checked; raises DataError naming file, row and column otherwise."""
    folder = data_dir()
    return _checked_package(str(folder), _stamp(folder))


def load_version() -> dict:
    """The data's version and last update ({'version': …, 'last_updated': …}), once every table has
    been checked; raises DataError as load_package_info does. A small copy for every run's sidebar
    and citation, not the whole descriptor."""
    folder = data_dir()
    return _version(str(folder), _stamp(folder))


@st.cache_data(show_spinner=False)
def _version(folder: str, stamp: str) -> dict:
    package = _checked_package(folder, stamp)
    return {key: package[key] for key in ("version", "last_updated")}


@st.cache_data(show_spinner=False)
def _checked_package(folder: str, stamp: str) -> dict:
    """The descriptor, cached apart from the tables so that the check on every run is cheap."""
    package = _read_json(folder, stamp, "datapackage.json")
    _load_all(folder, stamp)
    for resource in package["resources"]:
        if not resource["path"].endswith(".csv"):
            _read_json(folder, stamp, resource["path"])  # the shapes: there, and JSON
    return package


# A few hundred views per process cover every day and filter that readers commonly ask for; the
# bytes bound the memory (a map view takes about 300 KB, a timeline's 150 KB), the least recently
# used going first, so that a crowd trying every control levels memory off instead of raising it.
VIEW_ENTRIES, VIEW_BYTES = 512, "64MiB"


@st.cache_data(show_spinner=False, max_entries=VIEW_ENTRIES, max_size=VIEW_BYTES)
def _view(folder: str, stamp: str, name: str, _compute, tables: tuple[str, ...], args: tuple):
    """`_compute(inputs, *args)` for one data version; `name` stands for `_compute` in the key."""
    return _compute(_inputs(folder, stamp, tables), *args)


# What views read besides the tables, derived from them by pure functions once per data version: a
# view names each as it names a table, and only a view computed afresh reads them.
DERIVED = {
    "map_epochs": (map_epochs, MAP_EPOCH_TABLES),
    "map_sources": (map_sources, ("states", "shapes")),
    "map_tables": (map_epoch_tables, ("map_epochs", "states", "shapes", "labels")),
    "map_shapes": (map_shapes, ("shapes",)),
    "map_outlines": (map_outlines, ("map_epochs", "shapes")),
    # the topics page's: the register on every status-change day, events by state, state media
    "russian_registers": (
        lambda tables: russian_registers(tables["cooperation"], tables["cooperation_status"]),
        ("cooperation", "cooperation_status"),
    ),
    "topic_events": (lambda tables: topic_events(tables["events"]), ("events",)),
    "state_media": (lambda tables: state_media_ids(tables["sources"]), ("sources",)),
    "milestones": (lambda tables: milestones(tables["events"], MILESTONES), ("events",)),
    # the timeline's: every duration bar unclipped, the phases up to the data's end, events by lane
    "bars": (every_bar, BAR_SOURCE_TABLES),
    "phase_periods": (
        lambda tables: phase_periods(tables["phases"], tables["events"], DATA_END),
        ("phases", "events"),
    ),
    "lane_events": (lambda tables: with_lanes(tables["events"]), ("events",)),
    "publishers": (lambda tables: publishers(tables["sources"]), ("sources",)),
    # the shipped UCDP table as rows of security.EVENT_COLUMNS
    "conflict_rows": (lambda tables: ucdp_events(tables["conflict_events"]), ("conflict_events",)),
    "conflict_points": (point_texts, ("conflict_rows",)),
    # language → how it names each source, and → each code list's labels
    "source_texts": (
        lambda tables: {lang: source_texts(tables["sources"], lang) for lang in LANGUAGES},
        ("sources",),
    ),
    "labels": (
        lambda tables: {lang: code_labels(tables, lang) for lang in LANGUAGES},
        ("states", "topics", "forces", "package"),
    ),
}


def _inputs(folder: str, stamp: str, names: tuple[str, ...]) -> dict:
    """Name → a checked table, the country shapes ('shapes'), the descriptor ('package', as
    load_package_info) or what DERIVED makes."""
    return {name: _shared_input(folder, stamp, name) for name in names}


# Names a process reads views from, for two or three data versions at a time.
INPUT_ENTRIES = 3 * 48


@st.cache_resource(show_spinner=False, max_entries=INPUT_ENTRIES)
def _shared_input(folder: str, stamp: str, name: str):
    """_input's value, one object handed to every view computed afresh, in every session. Not a
    copy, as st.cache_data would unpickle on every call (a third of a map view's miss): views are
    pure and leave what they are handed as it was (tests/test_pages.py checks every page)."""
    return _input(folder, stamp, name)


def _input(folder: str, stamp: str, name: str):
    if name == "shapes":
        return _read_json(folder, stamp, SHAPES_FILE)
    if name == "package":
        return _checked_package(folder, stamp)
    if name in DERIVED:
        return _derived(folder, stamp, name)
    return _load_table(folder, stamp, name)


@st.cache_data(show_spinner=False)
def _derived(folder: str, stamp: str, name: str):
    """What DERIVED makes under `name`, for one data version."""
    compute, tables = DERIVED[name]
    return compute(_inputs(folder, stamp, tables))


def view_inputs(names: tuple[str, ...]) -> dict:
    """What cached_view hands a view for `names` (_inputs); raises DataError as load_tables does."""
    folder = data_dir()
    return _inputs(str(folder), _stamp(folder), tuple(names))


def cached_view(name: str, compute, tables: tuple[str, ...], *args):
    """What a page shows for its controls: `compute(inputs, *args)`, a pure function (components.views)
    of the named tables and derived inputs (_inputs) and the controls, computed once per data
    version and arguments. Raises DataError as load_tables does."""
    folder = data_dir()
    return _view(str(folder), _stamp(folder), name, compute, tuple(tables), args)


def load_codes(table: str, field: str) -> list[str]:
    """The codes of one code list (e.g. events.category), in order: the data package is their
    one source."""
    folder = data_dir()
    return _codes(str(folder), _stamp(folder), table, field)


@st.cache_data(show_spinner=False)
def _codes(folder: str, stamp: str, table: str, field: str) -> list[str]:
    # Cached apart from the descriptor: a hit then copies a short list, not the whole descriptor.
    return enum_codes(_checked_package(folder, stamp), table, field)


def load_labels(lang: str) -> dict[str, dict[str, str]]:
    """Code list → {code: label in `lang`} for the tables a page shows (display.code_labels)."""
    folder = data_dir()
    return _labels(str(folder), _stamp(folder), lang)


@st.cache_data(show_spinner=False)
def _labels(folder: str, stamp: str, lang: str) -> dict[str, dict[str, str]]:
    return _derived(folder, stamp, "labels")[lang]


def load_reader_table(name: str, lang: str) -> pd.DataFrame:
    """Table `name` as a reader sees it in `lang`, one row per row of the table: sources and events
    named and ids hidden (formatting.reader_table), codes, dates and headers in `lang` (display.shown).
    Computed once per data version and language: naming the events' sources takes 100 ms."""
    folder = data_dir()
    return _reader_table(str(folder), _stamp(folder), name, lang)


@st.cache_data(show_spinner=False)
def _reader_table(folder: str, stamp: str, name: str, lang: str) -> pd.DataFrame:
    sources, events = (_load_table(folder, stamp, table) for table in ("sources", "events"))
    return display.reader_shown(
        _load_table(folder, stamp, name), lang, _labels(folder, stamp, lang), name, sources, events
    )


def read_shapes(folder: Path) -> dict:
    """The country shapes, read afresh without Streamlit's cache (served outside any script run)."""
    return _read_json_file(folder / SHAPES_FILE, SHAPES_FILE)


def load_shapes() -> dict:
    """Country shapes of the region as a GeoJSON FeatureCollection."""
    folder = data_dir()
    return _read_json(str(folder), _stamp(folder), SHAPES_FILE)


@st.cache_data(show_spinner=False)
def load_text(name: str, lang: str) -> str:
    """The Markdown text `name` in `lang` (components/text/<name>.<lang>.md)."""
    return (TEXT_DIR / f"{name}.{'fr' if lang == 'fr' else 'en'}.md").read_text(encoding="utf-8")


@st.cache_data(show_spinner=False)
def _shipped_conflict(folder: str, stamp: str) -> Conflict:
    """Monthly counts of the shipped UCDP table, over the period its descriptor says it covers."""
    package = _checked_package(folder, stamp)
    resource = next(r for r in package["resources"] if r["name"] == "conflict_events")
    coverage = resource["x_coverage"]
    events = _derived(folder, stamp, "conflict_rows")
    return aggregate_frame(events, "ucdp", coverage["start"], coverage["end"])


def load_conflict() -> Conflict:
    """Monthly conflict counts of the shipped UCDP table (see components/security.py)."""
    folder = data_dir()
    return _shipped_conflict(str(folder), _stamp(folder))


def read_upload(data: bytes | memoryview, name: str, token: str | None = None) -> Upload:
    """A reader's own conflict export read in memory (never written to disk), cached by content hash so
    that reruns do not read it again; only its aggregates are kept.

    `token` (the uploader's file id) lets a rerun skip hashing the same upload again: its digest is
    remembered in this session only.
    """
    digests = st.session_state.setdefault("_upload_digests", {})
    digest = digests.get(token) if token else None
    if digest is None:
        digest = hashlib.sha256(data).hexdigest()
        if token:
            digests.clear()  # one upload at a time
            digests[token] = digest
    return _read_upload(digest, name, _data=data)


@st.cache_data(show_spinner=False, max_entries=8)
def _read_upload(digest: str, name: str, _data: bytes | memoryview) -> Upload:
    """read_export of the bytes whose SHA-256 is `digest` (the bytes themselves are not hashed again)."""
    return read_export(bytes(_data), name, date.today())


def conflict_view(
    name: str, compute, tables: tuple[str, ...], upload_token: str | None, conflict: Conflict | None, *args
):
    """What the Security page shows for its controls: `compute(conflict, inputs, *args)`
    (components.views; `inputs`: view_inputs of `tables`), computed once per data version, conflict
    data and arguments. The conflict data is the reader's file's (`conflict`, known by the digest of
    the file given to read_upload with `upload_token`), or with both None the shipped table's, taken
    from the cache only when the view is computed."""
    folder = data_dir()
    source = "shipped" if upload_token is None else st.session_state["_upload_digests"][upload_token]
    return _conflict_view(str(folder), _stamp(folder), source, name, compute, tuple(tables), conflict, args)


@st.cache_data(show_spinner=False, max_entries=VIEW_ENTRIES, max_size=VIEW_BYTES)
def _conflict_view(
    folder: str, stamp: str, source: str, name: str, _compute, tables: tuple[str, ...], _conflict, args: tuple
):
    """`_compute(conflict, inputs, *args)`; `source` stands for the conflict data and `name` for
    `_compute` in the key."""
    conflict = _shipped_conflict(folder, stamp) if _conflict is None else _conflict
    return _compute(conflict, _inputs(folder, stamp, tables), *args)


def icon_font_file() -> Path:
    """Streamlit's Material Symbols file (its name carries a content hash)."""
    return next(path for path in (FRONTEND_DIR / "media").iterdir() if FONT_NAME.fullmatch(path.name))


def frontend_chunk(name: str) -> str | None:
    """The file name of Streamlit's frontend script `name` (e.g. PlotlyChart.D9Z0_fxz.js), None
    unless exactly one file has that name and a hash."""
    found = [path.name for path in FRONTEND_DIR.glob(f"js/{name}.*.js") if path.name.count(".") == 2]
    return found[0] if len(found) == 1 else None


def read_icon_font_inputs() -> tuple[bytes, str, str]:
    """What icon_font_subset needs: the icon font's bytes, the frontend's scripts and the Python of
    Streamlit and the app, each as one text."""
    scripts = [*FRONTEND_DIR.glob("js/*.js")]
    python = [*STREAMLIT_DIR.rglob("*.py"), APP_DIR / "app.py", *(APP_DIR / "components").rglob("*.py")]
    text = [
        "".join(path.read_text(encoding="utf-8", errors="replace") for path in group)
        for group in (scripts, python)
    ]
    return icon_font_file().read_bytes(), *text
