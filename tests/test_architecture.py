"""The layer contract, stated once and checked on every import edge of every module.

data loading → pure model → figure and deck builders → small UI pieces → thin pages → app.py.
"""

import ast
from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Layer: (its modules, as patterns, and the layers it may import from the app). A module in no
# layer fails the suite, and so does a layer pattern that no module matches.
CONTRACT = {
    "config": (["components", "components.config"], []),
    "pure": (
        [
            "components.schema",
            "components.formatting",
            "components.display",
            "components.i18n",
            "components.params",
            "components.model",
            "components.compat",
            "components.lite",
            "components.security",
            "components.security_codes",
            "components.conflict_files",
            "components.icon_font",
        ],
        ["config", "pure"],
    ),
    "builders": (
        ["components.charts", "components.charts.*", "components.maps", "components.security_*"],
        ["config", "pure", "builders"],
    ),
    "views": (
        ["components.views"],
        ["config", "pure", "builders"],
    ),  # what a page shows, cached by the loader
    "loader": (["components.data"], ["config", "pure"]),
    "ui": (
        ["components.url_state", "components.widgets", "components.panels"],
        ["config", "pure", "builders", "ui"],
    ),
    "pages": (["components.pages.*"], ["config", "pure", "builders", "views", "loader", "ui"]),
    "delivery": (["components.delivery"], ["config", "pure", "loader"]),  # the ASGI app's extras
    "app": (["app"], ["config", "pure", "loader", "ui", "delivery"]),
    "serving": (["components.cluster"], []),  # starts processes; the app never imports it
}
STREAMLIT_ALLOWED = {"loader", "ui", "pages", "app", "delivery"}
# compat.py names Streamlit's private protocol for the test clients, imported only on call.
PRIVATE_STREAMLIT = {"components.compat": ("streamlit.proto.", "streamlit.runtime.")}
READERS = {"components.data"}  # the only module that touches files
EXEMPT = {
    "components.schema": {"read_csv"},  # pandas parses the text data.py has read
    "components.cluster": {"write_text"},  # the proxy's configuration, in a temporary folder
    "components.conflict_files": {"open", "read_csv"},  # an upload's bytes, parsed in memory
}
FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "read_csv", "read_json"}
FILE_CALLS |= {"load", "scandir", "listdir", "glob", "rglob", "iterdir", "walk"}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def app_modules(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the app: app.py and everything under components/."""
    paths = [root / "app.py", *sorted((root / "components").rglob("*.py"))]
    return {module_name(path, root): path for path in paths}


def layer_of(module: str) -> str | None:
    for layer, (patterns, _) in CONTRACT.items():
        if any(fnmatch(module, pattern) for pattern in patterns):
            return layer
    return None


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth of its code; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            # `from components import model` imports components.model
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def violations(module: str, path: Path, known: set[str]) -> list[str]:
    """Why the imports of one module break the contract (empty when they do not)."""
    layer = layer_of(module)
    allowed = CONTRACT[layer][1]
    found = []
    for name in sorted(imports(path)):
        if name in known and name != module:
            target = layer_of(name)
            if target not in allowed and target != layer:
                found.append(f"{module} ({layer}) imports {name} ({target})")
        elif name == "streamlit" or name.startswith("streamlit."):
            private = PRIVATE_STREAMLIT.get(module, ())
            if layer not in STREAMLIT_ALLOWED and not name.startswith(private or ("\0",)):
                found.append(f"{module} ({layer}) imports {name}")
    return found


def file_calls(path: Path, exempt: frozenset[str] = frozenset()) -> list[str]:
    """The calls in a file that read, write or list files (but `exempt`), and any use of st.cache_data."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            if name in FILE_CALLS - exempt:
                found.append(f"line {node.lineno}: {name}()")
        if isinstance(node, ast.Attribute) and node.attr in {"cache_data", "cache_resource"}:
            found.append(f"line {node.lineno}: {node.attr}")
    return found


MODULES = app_modules()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_has_a_layer(module):
    assert layer_of(module), f"{module} is in no layer of the contract"


@pytest.mark.parametrize("layer", sorted(CONTRACT))
def test_every_layer_names_modules_that_exist(layer):
    for pattern in CONTRACT[layer][0]:
        assert any(fnmatch(module, pattern) for module in MODULES), f"{pattern} matches no module"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_only(module):
    assert violations(module, MODULES[module], set(MODULES)) == []


@pytest.mark.parametrize("module", sorted(set(MODULES) - READERS))
def test_only_the_loader_reads_files_and_caches(module):
    assert file_calls(MODULES[module], frozenset(EXEMPT.get(module, ()))) == []


def test_the_loader_does_read_files_and_cache():
    assert file_calls(MODULES["components.data"])


@pytest.mark.parametrize(
    ("module", "code", "expected"),
    [
        ("components.model", "import streamlit as st", "imports streamlit"),
        ("components.model", "from components import charts", "imports components.charts"),
        ("components.model", "from components.data import load_tables", "imports components.data"),
        ("components.charts.timeline", "from components.widgets import legend", "imports components.widgets"),
        ("components.panels", "from components.data import load_tables", "imports components.data"),
        ("components.widgets", "from components.pages import map", "imports components.pages"),
        ("components.compat", "import streamlit as st", "imports streamlit"),
        ("components.model", "def f():\n    from components import panels", "imports components.panels"),
    ],
)
def test_the_contract_catches_an_upward_import(tmp_path, module, code, expected):
    bad = tmp_path / "module.py"
    bad.write_text(code + "\n")
    known = set(MODULES) | {"components.pages.map", "components.pages"}
    assert any(expected in problem for problem in violations(module, bad, known))


@pytest.mark.parametrize(
    "code",
    [
        "open('x')",
        "Path('x').read_text()",
        "pd.read_csv('x')",
        "json.load(f)",
        "os.scandir('.')",
        "Path('.').glob('*')",
        "@st.cache_data\ndef f(): pass",
    ],
)
def test_the_file_rule_catches_every_way_of_reading(tmp_path, code):
    bad = tmp_path / "module.py"
    bad.write_text(code + "\n")
    assert file_calls(bad)


def test_a_new_module_outside_every_layer_is_caught(tmp_path):
    (tmp_path / "components").mkdir()
    (tmp_path / "app.py").write_text("")
    (tmp_path / "components" / "shiny.py").write_text("")
    assert [layer_of(module) for module in app_modules(tmp_path)] == ["app", None]
