"""Shared fixtures: a clean Streamlit cache for every test and a writable copy of data/."""

import shutil
from pathlib import Path

import pytest
import streamlit as st

from components.data import DATA_DIR_VARIABLE, DEFAULT_DATA_DIR

ROOT = Path(__file__).resolve().parent.parent


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
