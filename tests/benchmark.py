"""Benchmark, run on demand: python tests/benchmark.py [--loads 5] [--reruns 20]

Per page: browser load time (navigation → script finished and charts drawn, median of N loads)
with its ratio to an empty page and to a "floor" page drawing as many trivial charts and maps;
server-side script time for a first run and a rerun after a filter change (AppTest, net of an
empty script measured the same way); bytes of figures and decks; server memory with 1 and 10
sessions. Prints a table and writes tests/benchmark-latest.json. Baselines run in the same run.
"""

import argparse
import json
import statistics
import time
from datetime import date

from browser_kit import ROOT, Visit, chromium, rss_kib, serve
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "app.py")
EMPTY = str(ROOT / "tests" / "bench_baseline.py")
# A filter change per page: the widget key and the value it is set to.
RERUNS = {
    "overview": ("lang", "fr"),
    "map": ("map.date", date(2024, 1, 1)),
    "timeline": ("timeline.categories", ["coup", "russia"]),
    "topics": ("topics.topic", "military"),
    "data": ("data.table", "events"),
    "methodology": ("lang", "fr"),
}
TARGETS = {"floor_ratio": 1.25, "rerun_ms": 50, "payload_kb": 300, "memory_ratio": 2.0}


def app_test(page: str | None) -> AppTest:
    if page is None:
        return AppTest.from_file(EMPTY, default_timeout=60)
    at = AppTest.from_file(APP, default_timeout=60)
    if page != "overview":
        at.switch_page(f"components/pages/{page}.py")
    return at


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def set_widget(at: AppTest, key: str, value) -> None:
    """Give the widget `key` a new value, whatever kind of widget it is."""
    for kind in ("selectbox", "multiselect", "slider", "button_group"):
        try:
            getattr(at, kind)(key=key).set_value(value)
            return
        except (KeyError, AttributeError):
            continue
    raise KeyError(key)


def server_side(page: str, repeats: int) -> dict:
    """First-run and rerun script times (ms, medians), and bytes of figures and decks."""
    first, rerun = [], []
    for _ in range(repeats):
        at = app_test(page)
        first.append(timed(at.run))
        key, value = RERUNS[page]
        set_widget(at, key, value)
        rerun.append(timed(at.run))
    payload = sum(len(e.proto.spec) for e in at.get("plotly_chart")) + sum(
        len(e.proto.json) for e in at.get("deck_gl_json_chart")
    )
    counts = {"plotly": len(at.get("plotly_chart")), "decks": len(at.get("deck_gl_json_chart"))}
    return {
        "first_ms": statistics.median(first),
        "rerun_ms": statistics.median(rerun),
        "payload_kb": payload / 1024,
        **counts,
    }


def empty_script(repeats: int) -> tuple[float, float]:
    """AppTest's own cost: median times of an empty script's first run and of its rerun."""
    first, rerun = [], []
    for _ in range(repeats):
        at = app_test(None)
        first.append(timed(at.run))
        rerun.append(timed(at.run))
    return statistics.median(first), statistics.median(rerun)


def browser_load(browser, url: str, loads: int) -> float:
    """Median ms from navigation to the script finished and every chart drawn."""
    times = []
    for _ in range(loads):
        view = Visit(browser)
        times.append(timed(lambda view=view: view.open(url, pause_ms=0)))
        view.close()
    return statistics.median(times)


def memory(browser, app_url: str, process, pages: list[str]) -> dict:
    """Server RSS (MiB) with one session that opened every page, then with ten at once."""
    views = [Visit(browser)]
    for page in pages:
        views[0].open(f"{app_url}/{'' if page == 'overview' else page}", pause_ms=0)
    one = rss_kib(process.pid)
    for index in range(9):
        view = Visit(browser)
        view.open(f"{app_url}/{pages[index % len(pages)]}", pause_ms=0)
        views.append(view)
    ten = rss_kib(process.pid)
    for view in views:
        view.close()
    return {"one_mib": one / 1024, "ten_mib": ten / 1024, "ratio": ten / one}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--reruns", type=int, default=20)
    args = parser.parse_args()
    pages = list(RERUNS)
    empty_first_ms, empty_rerun_ms = empty_script(args.reruns)
    results = {name: server_side(name, args.reruns) for name in pages}
    with (
        serve() as (app_url, app_process),
        serve("tests/bench_baseline.py") as (base_url, _),
        chromium() as browser,
    ):
        empty_load = browser_load(browser, base_url, args.loads)
        for name, row in results.items():
            path = "" if name == "overview" else name
            row["load_ms"] = browser_load(browser, f"{app_url}/{path}", args.loads)
            row["floor_ms"] = browser_load(
                browser, f"{base_url}/?plotly={row['plotly']}&decks={row['decks']}", args.loads
            )
            row["empty_ratio"] = row["load_ms"] / empty_load
            row["floor_ratio"] = row["load_ms"] / row["floor_ms"]
            row["first_net_ms"] = row["first_ms"] - empty_first_ms
            row["rerun_net_ms"] = row["rerun_ms"] - empty_rerun_ms
        mem = memory(browser, app_url, app_process, pages)
    header = f"{'page':<12}{'load ms':>9}{'×empty':>8}{'×floor':>8}{'first ms':>10}{'rerun ms':>10}{'KB':>7}"
    lines = [header]
    for name, row in results.items():
        lines.append(
            f"{name:<12}{row['load_ms']:>9.0f}{row['empty_ratio']:>8.2f}{row['floor_ratio']:>8.2f}"
            f"{row['first_net_ms']:>10.0f}{row['rerun_net_ms']:>10.0f}{row['payload_kb']:>7.0f}"
        )
    lines.append(
        f"empty page load {empty_load:.0f} ms; AppTest empty script {empty_first_ms:.0f} ms first run, "
        f"{empty_rerun_ms:.0f} ms rerun (subtracted)"
    )
    lines.append(
        f"server memory: 1 session {mem['one_mib']:.0f} MiB, 10 sessions {mem['ten_mib']:.0f} MiB (×{mem['ratio']:.2f})"
    )
    print("\n".join(lines))
    output = {
        "pages": results,
        "empty_load_ms": empty_load,
        "apptest_empty_ms": [empty_first_ms, empty_rerun_ms],
        "memory": mem,
        "targets": TARGETS,
    }
    (ROOT / "tests" / "benchmark-latest.json").write_text(json.dumps(output, indent=1))


if __name__ == "__main__":
    main()
