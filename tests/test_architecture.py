"""Imports point down only: data → model → figures → widgets → pages → app."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE = [
    "components/config.py",
    "components/schema.py",
    "components/model.py",
    "components/formatting.py",
    "components/i18n.py",
    "components/security.py",
    "components/security_codes.py",
    "components/conflict_files.py",
]
BUILDERS = ["components/charts.py", "components/maps.py", "components/security_charts.py"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def existing(paths: list[str]) -> list[str]:
    return [p for p in paths if (ROOT / p).exists()]


@pytest.mark.parametrize("path", existing(PURE + BUILDERS))
def test_pure_layers_never_import_streamlit_or_the_loader(path):
    modules = imported_modules(ROOT / path)
    assert not any(m == "streamlit" or m.startswith("streamlit.") for m in modules)
    assert "components.data" not in modules
    assert not {"components.widgets"} & modules


@pytest.mark.parametrize("path", existing(BUILDERS))
def test_builders_do_not_import_pages_or_widgets(path):
    modules = imported_modules(ROOT / path)
    assert not any(m.startswith("components.pages") for m in modules)


def test_only_the_loader_reads_files_and_caches():
    for path in (ROOT / "components").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name == "data.py":
            continue
        assert "cache_data" not in text, path
        # schema.py and conflict_files.py parse bytes that data.py has read
        assert "read_csv(" not in text or path.name in ("schema.py", "conflict_files.py"), path
        # conflict_files.py opens the member of a zip held in memory, not a file
        assert "open(" not in text or path.name == "conflict_files.py", path


def test_widgets_do_not_import_pages():
    modules = imported_modules(ROOT / "components" / "widgets.py")
    assert not any(m.startswith("components.pages") for m in modules)
    assert "components.data" not in modules


def test_the_rule_detects_a_violation(tmp_path):
    bad = tmp_path / "model.py"
    bad.write_text("import streamlit as st\nfrom components.data import load_events\n")
    assert {"streamlit", "components.data"} <= imported_modules(bad)
