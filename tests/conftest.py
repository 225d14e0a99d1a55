"""Shared fixtures: a clean Streamlit cache where a test changes its surroundings, a writable copy of data/,
the app served and a browser."""

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
def clear_cache(request):
    """A test that changes its surroundings (monkeypatch: a damaged copy of the data, another
    setting) starts and ends with an empty Streamlit cache. The others share what the app caches
    of the shipped data folder, as the app's sessions do: the loader keys every table and view by
    folder and data version, so a copy or a changed file is read afresh anyway, and reading and
    checking the tables again was half of a page test's time."""
    isolated = "monkeypatch" in request.fixturenames
    if isolated:
        st.cache_data.clear()
    yield
    if isolated:
        st.cache_data.clear()


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A copy of data/ that the app reads instead of the real one; damage it freely."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(target))
    return target


# One server and one browser per test process (each xdist worker), shared by every test file: a
# server's start and its first run of each page cost seconds. Tests that change the served data
# start a server of their own (tests/test_browser.py's planted_server).
@pytest.fixture(scope="session")
def server():
    """The real app (`streamlit run app.py`) on a free localhost port."""
    with serve() as (url, _):
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium."""
    with chromium() as launched:
        yield launched
