"""The only reader of data/: load_<table>() returns a validated, typed, cached DataFrame."""

import json
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from components.schema import Problem, check_keys, parse_table, read_csv_text

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Tests point the app at a damaged copy of the data through this variable.
DATA_DIR_VARIABLE = "SAHEL_PIVOT_DATA_DIR"


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
def _load_all(folder: str, stamp: tuple) -> dict[str, pd.DataFrame]:
    """Every table of the package, checked row by row and key by key.

    `stamp` (file sizes and modification times) is only part of the cache key, so that an
    edited file is read again.
    """
    package = _read_json(folder, "datapackage.json")
    tables, problems = {}, []
    for resource in package["resources"]:
        if not resource["path"].endswith(".csv"):
            continue
        table, found = _read_table(Path(folder), resource)
        problems += found
        if table is not None:
            tables[resource["name"]] = table
    if not problems:
        problems = check_keys(tables, package["resources"])
    if problems:
        raise DataError(problems)
    return tables


def _stamp(folder: Path) -> tuple:
    """Size and modification time of every file in the data folder."""
    files = sorted(p for p in folder.glob("*") if p.is_file())
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def load_tables() -> dict[str, pd.DataFrame]:
    """All tables by name; raises DataError naming file, row and column when any is damaged."""
    folder = data_dir()
    return _load_all(str(folder), _stamp(folder))


def load_states() -> pd.DataFrame:
    """States: names, capitals, population, area."""
    return load_tables()["states"]


def load_organisations() -> pd.DataFrame:
    """Organisations with founding and end dates."""
    return load_tables()["organisations"]


def load_memberships() -> pd.DataFrame:
    """Membership periods (member, suspended, withdrawing, withdrawn)."""
    return load_tables()["memberships"]


def load_events() -> pd.DataFrame:
    """Dated events with their category, topic, states and sources."""
    return load_tables()["events"]


def load_cooperation() -> pd.DataFrame:
    """The cooperation register."""
    return load_tables()["cooperation"]


def load_presence() -> pd.DataFrame:
    """Foreign presence periods with their places."""
    return load_tables()["presence"]


def load_forces() -> pd.DataFrame:
    """Foreign forces with their labels."""
    return load_tables()["forces"]


def load_topics() -> pd.DataFrame:
    """The five topics with labels and descriptions."""
    return load_tables()["topics"]


def load_sources() -> pd.DataFrame:
    """Every cited source with its type."""
    return load_tables()["sources"]


@st.cache_data(show_spinner=False)
def _read_json(folder: str, name: str) -> dict:
    """A JSON file of the data folder; DataError when it is missing or unreadable."""
    try:
        return json.loads((Path(folder) / name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError([Problem(name, f"cannot be read ({error})")]) from error


def load_package_info() -> dict:
    """The package descriptor: version, last update, licences, column descriptions."""
    return _read_json(str(data_dir()), "datapackage.json")


def load_shapes() -> dict:
    """Country shapes of the region as a GeoJSON FeatureCollection."""
    return _read_json(str(data_dir()), "shapes/sahel.geojson")
