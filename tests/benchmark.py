"""Benchmark, run on demand: python tests/benchmark.py [--loads 7] [--reruns 20] [--page map]

Per page: browser load time (navigation → script finished and charts drawn, median of N loads)
with its ratio to an empty page and to a "floor" page drawing as many trivial charts, maps and
tables, the three loaded in turn; server-side time of a first run and of a rerun after a filter or date change, measured
against the real server over Streamlit's websocket protocol (tests/load.py's client) and net of an
empty page measured the same way; bytes of figures and decks sent; server memory with 1 and 10
sessions; for the map, the longest main-thread task after its canvas appears, on a first visit and
on a reload. Prints a table and writes tests/benchmark-latest.json (with --page, only that page and
no memory: tests/benchmark-<page>.json). Baselines run in the same run.
"""

import argparse
import asyncio
import json
import random
import statistics
import time

from browser_kit import ROOT, Visit, chromium, rss_kib, serve
from load import Client, choose, language, map_date

# A filter or date change per page, made the way a reader's browser makes it.
CHANGES = {
    "overview": language,
    "map": map_date,
    "timeline": lambda client, rng: choose(client, rng, "timeline.categories"),
    "topics": lambda client, rng: choose(client, rng, "topics.topic"),
    "data": language,
    "methodology": language,
}
TARGETS = {"floor_ratio": 1.25, "rerun_ms": 50, "payload_kb": 300, "memory_ratio": 2.0, "map_task_ms": 200}
MAP_SIZED = (
    "[...document.querySelectorAll('[data-testid=stDeckGlJsonChart] canvas')].some(c => c.height > 300)"
)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


async def server_side(url: str, page: str | None, repeats: int) -> dict:
    """Median ms of a new session's first run and of a rerun after a change (a plain rerun for the
    empty page), with what the page drew: counts of charts, maps and tables, bytes of their specs."""
    rng, first, rerun = random.Random(0), [], []
    for _ in range(repeats):
        latencies: list[float] = []
        client = Client(url, latencies)
        await client.open("" if page in (None, "overview") else page)
        drawn, spec_bytes = client.drawn, client.spec_bytes  # the page as a link opens it
        await asyncio.sleep(0.3)  # a reader's pause: the change does not queue behind the first run
        await (CHANGES[page](client, rng) if page else client.rerun())
        await client.close()
        first.append(latencies[0] * 1000)
        rerun.append(latencies[-1] * 1000)
    return {
        "first_ms": statistics.median(first),
        "rerun_ms": statistics.median(rerun),
        "payload_kb": spec_bytes / 1024,
        "plotly": drawn["plotly_chart"],
        "decks": drawn["deck_gl_json_chart"],
        "tables": drawn["dataframe"],
    }


def browser_loads(browser, urls: list[str], loads: int) -> list[float]:
    """Median ms from navigation to the script finished and every chart drawn, for each URL. The
    URLs take turns, load after load, so that the machine's drift weighs on all of them alike."""
    times: list[list[float]] = [[] for _ in urls]
    for _ in range(loads):
        for url, samples in zip(urls, times, strict=True):
            view = Visit(browser)
            samples.append(timed(lambda view=view, url=url: view.open(url, pause_ms=0)))
            view.close()
    return [statistics.median(samples) for samples in times]


def map_tasks(browser, url: str, loads: int) -> dict:
    """The longest main-thread task (ms) after the map appears: worst and median of `loads` first
    visits (a new browser context) and of a reload in the same context each time."""
    first, repeat = [], []
    for _ in range(loads):
        view = Visit(browser)
        view.open(url, pause_ms=0)
        first.append(view.longest_task_after_map())
        view.page.reload()
        view.settle(pause_ms=0)
        repeat.append(view.longest_task_after_map())
        view.close()
    return {
        "first_max_ms": max(first),
        "first_median_ms": statistics.median(first),
        "repeat_max_ms": max(repeat),
        "repeat_median_ms": statistics.median(repeat),
    }


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
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--page", choices=list(CHANGES), help="only this page (and its baselines)")
    args = parser.parse_args()
    pages = [args.page] if args.page else list(CHANGES)
    with serve() as (app_url, app_process), serve("tests/bench_baseline.py") as (base_url, _):
        # Before Chromium starts: Playwright's sync API holds the thread's event loop.
        empty = asyncio.run(server_side(base_url, None, args.reruns))
        results = {name: asyncio.run(server_side(app_url, name, args.reruns)) for name in pages}
        with chromium() as browser:
            for name, row in results.items():
                floor = f"?plotly={row['plotly']}&decks={row['decks']}&tables={row['tables']}"
                page = f"{app_url}/{'' if name == 'overview' else name}"
                row["load_ms"], row["floor_ms"], row["empty_ms"] = browser_loads(
                    browser, [page, f"{base_url}/{floor}", base_url], args.loads
                )
                row["empty_ratio"] = row["load_ms"] / row["empty_ms"]
                row["floor_ratio"] = row["load_ms"] / row["floor_ms"]
                row["first_net_ms"] = row["first_ms"] - empty["first_ms"]
                row["rerun_net_ms"] = row["rerun_ms"] - empty["rerun_ms"]
                if name == "map":
                    row["long_tasks"] = map_tasks(browser, page, args.loads)
            mem = None if args.page else memory(browser, app_url, app_process, pages)
    header = f"{'page':<12}{'load ms':>9}{'×empty':>8}{'×floor':>8}{'first ms':>10}{'rerun ms':>10}{'KB':>7}"
    header += "  charts/maps/tables"
    lines = [header]
    for name, row in results.items():
        lines.append(
            f"{name:<12}{row['load_ms']:>9.0f}{row['empty_ratio']:>8.2f}{row['floor_ratio']:>8.2f}"
            f"{row['first_net_ms']:>10.0f}{row['rerun_net_ms']:>10.0f}{row['payload_kb']:>7.0f}"
            f"  {row['plotly']}/{row['decks']}/{row['tables']}"
        )
    lines.append(
        f"empty page over the websocket {empty['first_ms']:.0f} ms "
        f"first run, {empty['rerun_ms']:.0f} ms rerun (subtracted)"
    )
    if "map" in results:
        tasks = results["map"]["long_tasks"]
        lines.append(
            f"map, longest task after the canvas appears: first visit {tasks['first_max_ms']:.0f} ms "
            f"(median {tasks['first_median_ms']:.0f}), reload {tasks['repeat_max_ms']:.0f} ms "
            f"(median {tasks['repeat_median_ms']:.0f})"
        )
    if mem:
        lines.append(
            f"server memory: 1 session {mem['one_mib']:.0f} MiB, 10 sessions {mem['ten_mib']:.0f} MiB "
            f"(×{mem['ratio']:.2f})"
        )
    print("\n".join(lines))
    output = {
        "pages": results,
        "empty_page_ms": [empty["first_ms"], empty["rerun_ms"]],
        "memory": mem,
        "targets": TARGETS,
    }
    name = f"benchmark-{args.page}.json" if args.page else "benchmark-latest.json"
    (ROOT / "tests" / name).write_text(json.dumps(output, indent=1))


if __name__ == "__main__":
    main()
