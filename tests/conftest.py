"""Shared fixtures: a clean Streamlit cache for every test, a writable copy of data/, the app served and a browser."""

import functools
import shutil
from pathlib import Path

import pytest
import streamlit as st
from browser_kit import chromium, serve
from streamlit.components.v2 import manifest_scanner

from components.data import DATA_DIR_VARIABLE, DEFAULT_DATA_DIR

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def components_scanned_once():
    """Every new AppTest scans the metadata of every installed package for Streamlit components
    (about a second, 40 % of a page test); the installed packages do not change during a run, so
    the scan is made once per test process. Fails loudly if Streamlit renames the scanner."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            manifest_scanner,
            "scan_component_manifests",
            functools.cache(manifest_scanner.scan_component_manifests),
        )
        yield


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test reads the data afresh: cached tables would hide a damaged copy."""
    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A copy of data/ that the app reads instead of the real one; damage it freely."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(target))
    return target


@pytest.fixture(scope="module")
def server():
    """The real app (`streamlit run app.py`) on a free localhost port, for one test module."""
    with serve() as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium, for one test module."""
    with chromium() as launched:
        yield launched
