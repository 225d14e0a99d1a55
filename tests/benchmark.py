"""Benchmark, run on demand: python tests/benchmark.py [--loads 7] [--reruns 20] [--page map] [--first-visit] [--reruns-in-browser] [--changes 16]

The full run (no part named) runs the three parts below in turn. Per page: browser load time (navigation → script finished and charts drawn, median of N loads)
with its ratio to an empty page and to a "floor" page drawing as many trivial charts, maps and
tables, the three loaded in turn; server-side time of a first run and of a rerun after a filter or date change, measured
against the real server over Streamlit's websocket protocol (tests/load.py's client) and net of an
empty page measured the same way; bytes of figures and decks sent; server memory with 1 and 10
sessions; for the map, the longest main-thread task after its canvas appears, on a first visit and
on a reload. Prints a table and writes tests/benchmark-latest.json (with --page, only that page and
no memory: tests/benchmark-<page>.json). Baselines run in the same run.

First visit (`--first-visit` runs only this part): per page at phone width over an emulated
1.6 Mbit/s link with 150 ms latency, an empty browser cache, then a second visit in the same
browser context; bytes over the wire and time to drawn, beside Streamlit's empty page served the
plain way (no st.App) and the text-only edition. Prints a table, writes tests/first-visit-latest.json
(with --page, that page alone beside the empty page: tests/first-visit-<page>.json).

Reruns in the browser (`--reruns-in-browser` runs only this part, `--changes` times): in headless
Chromium, one control per row is changed from the keyboard, and the wait runs from that key's
keydown to the arrival of the server's script-finished message of the rerun (the last one that run
sends), both on the page's own clock; the message is told by decoding the websocket's frames
(CDP Network.webSocketFrameReceived) and its arrival is stamped by a listener the page adds to
Streamlit's websocket before Streamlit's own. The floor is the same kind of control on a page
with one slider, one select box and one trivial plotly chart (tests/bench_baseline.py
?controls=1), changed in turn with it. Median per row; writes tests/benchmark-reruns.json.
"""

import argparse
import asyncio
import base64
import json
import os
import random
import statistics
import time
import zlib
from pathlib import Path

from browser_kit import ROOT, SIZES, Visit, chromium, rss_kib, serve
from load import PROTOCOL, Client, choose, language, map_date

# A filter or date change per page, made the way a reader's browser makes it.
CHANGES = {
    "overview": language,
    "map": map_date,
    "timeline": lambda client, rng: choose(client, rng, "timeline.categories"),
    "topics": lambda client, rng: choose(client, rng, "topics.topic"),
    "data": language,
    "methodology": language,
    "security": lambda client, rng: choose(client, rng, "security.measure"),
}
TARGETS = {"floor_ratio": 1.25, "rerun_ms": 50, "payload_kb": 300, "memory_ratio": 2.0, "map_task_ms": 200}
MAP_SIZED = (
    "[...document.querySelectorAll('[data-testid=stDeckGlJsonChart] canvas')].some(c => c.height > 300)"
)
# Chrome DevTools' network conditions for a Sahel 3G phone link: 1.6 Mbit/s down, 150 ms latency.
LINK = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 96_000}
FIRST_VISIT_TARGETS = {"first_kb": 2500, "first_s": 15, "repeat_s": 4, "lite_kb": 100, "lite_s": 2}


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


class Wire:
    """Bytes received by one browser page over the link, by kind: HTTP (CDP Network.loadingFinished)
    and websocket messages. CDP gives a websocket message as its payload, after decompression, so
    its bytes on the wire are estimated the way permessage-deflate sends them when the handshake
    agreed on it (zlib at the default level, one context per socket, the 4-byte tail dropped)."""

    def __init__(self, visit: Visit):
        self.session = visit.context.new_cdp_session(visit.page)
        self.session.send("Network.enable")
        self.session.send("Network.emulateNetworkConditions", LINK)
        self.urls: dict[str, str] = {}
        self.deflaters: dict[str, object] = {}  # per websocket that agreed on compression
        self.reset()
        self.session.on("Network.requestWillBeSent", self._sent)
        self.session.on("Network.loadingFinished", self._finished)
        self.session.on("Network.webSocketHandshakeResponseReceived", self._handshake)
        self.session.on("Network.webSocketFrameReceived", self._frame)

    def _sent(self, event) -> None:
        self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event) -> None:
        # Streamlit's own code and fonts are the framework's; the page, its data and /lite the app's.
        kind = "framework" if "/static/" in self.urls.get(event["requestId"], "") else "app"
        self.kib[kind] += event["encodedDataLength"] / 1024

    def _handshake(self, event) -> None:
        headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
        if "permessage-deflate" in headers.get("sec-websocket-extensions", ""):
            self.deflaters[event["requestId"]] = zlib.compressobj(wbits=-15)

    def _frame(self, event) -> None:
        frame = event["response"]
        payload = (
            base64.b64decode(frame["payloadData"]) if frame["opcode"] == 2 else frame["payloadData"].encode()
        )
        self.kib["websocket_payload"] += len(payload) / 1024
        deflater = self.deflaters.get(event["requestId"])
        if deflater is None:
            self.kib["websocket"] += len(payload) / 1024
        else:
            self.kib["websocket"] += (
                len(deflater.compress(payload) + deflater.flush(zlib.Z_SYNC_FLUSH)) - 4
            ) / 1024

    def reset(self) -> None:
        self.kib = {"framework": 0.0, "app": 0.0, "websocket": 0.0, "websocket_payload": 0.0}


# Charts and maps drawn: their containers appear only once their lazily loaded code has arrived.
DRAWN = (
    "() => [document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg').length,"
    " document.querySelectorAll('[data-testid=stDeckGlJsonChart] canvas').length]"
)


SKELETON = "[data-testid=stSkeleton]"


def visit_once(visit: Visit, wire: Wire, url: str, drawn: list[int] | None) -> dict:
    """Seconds from navigation to drawn (every expected chart and map; the load event for the
    text-only page, `drawn` None) and KiB received."""
    wire.reset()
    start = time.perf_counter()
    if drawn is None:
        visit.page.goto(url, wait_until="load")
    else:
        visit.open(url, pause_ms=0)
        visit.page.wait_for_function(
            f"() => {{ const [p, d] = ({DRAWN})(); return p >= {drawn[0]} && d >= {drawn[1]}; }}",
            timeout=120_000,
        )
    seconds = time.perf_counter() - start
    visit.page.wait_for_timeout(500)  # late responses (a chart's code) are counted too
    on_wire = wire.kib["framework"] + wire.kib["app"] + wire.kib["websocket"]
    return {"s": seconds, "kb": on_wire, **{f"{k}_kb": v for k, v in wire.kib.items()}}


def wait_until_idle(pid: int, quiet_s: float = 5.0, timeout_s: float = 900.0) -> float:
    """Seconds until the process `pid` has used under 2 % of a core for `quiet_s`: the server has
    finished its background compression at the best quality (components/delivery.py). At a load
    of 20 on two cores a busy thread still gets about 10 %, so 5 % let one pass through."""
    ticks = os.sysconf("SC_CLK_TCK")

    def cpu_s() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks  # utime and stime

    start = time.perf_counter()
    while time.perf_counter() - start < timeout_s:
        before = cpu_s()
        time.sleep(quiet_s)
        if cpu_s() - before < 0.02 * quiet_s:
            return time.perf_counter() - start
    raise TimeoutError(f"the server was still busy after {timeout_s:.0f} s")


def first_visits(browser, targets: dict[str, str], drawn: dict[str, list[int] | None]) -> dict:
    """Per page: a first visit with an empty cache, then a second one in the same context."""
    rows = {}
    for name, url in targets.items():
        visit = Visit(browser, "phone", intercept=False)
        visit.page.set_default_navigation_timeout(120_000)  # as long as drawn may take, on a busy machine
        wire = Wire(visit)
        cold = visit_once(visit, wire, url, drawn[name])
        warm = visit_once(visit, wire, url, drawn[name])
        rows[name] = {"cold": cold, "warm": warm, "drawn": drawn[name], "outside": list(visit.outside)}
        visit.close()
        print(
            f"  {name}: {cold['kb']:.0f} KB in {cold['s']:.1f} s, again {warm['s']:.1f} s {drawn[name]}",
            flush=True,
        )
    return rows


def first_visit_benchmark(page: str | None = None) -> None:
    """The first-visit table: the app's pages and text-only edition beside Streamlit's empty page
    (with `page`, that page alone beside the empty page)."""
    pages = [page] if page else list(CHANGES)
    with serve() as (app_url, app_process), serve("tests/bench_baseline.py") as (base_url, _):
        targets = {"empty page (plain)": base_url}
        targets |= {name: f"{app_url}/{'' if name == 'overview' else name}" for name in pages}
        if not page:
            targets |= {"lite (en)": f"{app_url}/lite?lang=en", "lite (fr)": f"{app_url}/lite?lang=fr"}
        with chromium() as browser:
            # One unthrottled visit of each: the server compresses each asset once, on its first
            # request (then once more at the best quality, in the background: waited for below),
            # and the visit counts the charts and maps the page draws.
            drawn = {}
            for name, url in targets.items():
                warmup = Visit(browser, "phone", intercept=False)
                if name.startswith("lite"):
                    warmup.page.goto(url, wait_until="load")
                    drawn[name] = None
                else:
                    warmup.open(url, pause_ms=5000)
                    # A chart whose code is still loading is a skeleton: on a busy machine, 5 s may not do.
                    warmup.page.wait_for_function(
                        f"() => !document.querySelector('{SKELETON}')", timeout=120_000
                    )
                    drawn[name] = warmup.page.evaluate(DRAWN)
                warmup.close()
            settled_s = wait_until_idle(app_process.pid)
            print(f"  the server's background compression took {settled_s:.0f} s more", flush=True)
            rows = first_visits(browser, targets, drawn)
    lines = [
        f"{'page':<20}{'first KB':>10}{'of which framework':>20}{'websocket':>11}{'first s':>9}"
        f"{'repeat KB':>11}{'repeat s':>10}"
    ]
    for name, row in rows.items():
        cold, warm = row["cold"], row["warm"]
        lines.append(
            f"{name:<20}{cold['kb']:>10.0f}{cold['framework_kb']:>20.0f}{cold['websocket_kb']:>11.0f}{cold['s']:>9.1f}"
            f"{warm['kb']:>11.0f}{warm['s']:>10.1f}"
        )
    outside = sorted({url for row in rows.values() for url in row["outside"]})
    lines.append(f"outside requests: {len(outside)}")
    print("\n".join(lines))
    output = {"link": LINK, "width": SIZES["phone"][0], "pages": rows, "targets": FIRST_VISIT_TARGETS}
    output["background_compression_s"] = settled_s
    name = f"first-visit-{page}.json" if page else "first-visit-latest.json"
    (ROOT / "tests" / name).write_text(json.dumps(output, indent=1))


# On the page's clock: the last keydown, and the arrival of every message of Streamlit's websocket,
# stamped by a listener added before Streamlit's own handler.
ARRIVALS = """
window.__keyAt = null;
window.__arrivals = [];
addEventListener("keydown", () => { window.__keyAt = performance.now(); }, true);
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    if (String(args[0]).includes("/_stcore/stream")) {
      this.addEventListener("message", () => window.__arrivals.push(performance.now()));
    }
  }
};
"""
# Per kind of control: its selector on the floor page, the keys that change it and the keys that
# change it back (each change a rerun).
CONTROLS = {
    "slider": ("[data-testid=stSlider] input", ["ArrowRight"], ["ArrowLeft"]),
    "select box": ("[data-testid=stSelectbox] input", ["ArrowDown", "Enter"], ["ArrowUp", "Enter"]),
}
# page, control: (path, the control's selector, its kind)
BROWSER_RERUNS = {
    "map, day slider": ("map", CONTROLS["slider"][0], "slider"),
    "timeline, period slider": ("timeline", CONTROLS["slider"][0], "slider"),  # the start thumb
    "topics, first select box": ("topics", CONTROLS["select box"][0], "select box"),
    "security, measure select box": (
        "security",
        '[data-testid=stSelectbox]:has-text("Measure") input',
        "select box",
    ),
}
BROWSER_RERUN_TARGET_MS = 50
FINISHED = PROTOCOL.ForwardMsg.FINISHED_SUCCESSFULLY


class Stream:
    """One page's control of a rerun from the keyboard: the kinds of the messages of Streamlit's
    websocket in order (CDP), matched one for one with their arrival times on the page's clock."""

    def __init__(self, browser, url: str, control: str, kind: str):
        self.visit, self.control, self.keys = Visit(browser), control, CONTROLS[kind][1:]
        self.visit.page.add_init_script(ARRIVALS)
        self.finished: list[bool] = []  # per message: is it a successful script-finished
        self.streams: set[str] = set()
        session = self.visit.context.new_cdp_session(self.visit.page)
        session.on("Network.webSocketCreated", self._created)
        session.on("Network.webSocketFrameReceived", self._frame)
        session.send("Network.enable")
        self.visit.open(url, pause_ms=0)

    def _created(self, event) -> None:
        if "/_stcore/stream" in event["url"]:
            self.streams.add(event["requestId"])

    def _frame(self, event) -> None:
        if event["requestId"] in self.streams:
            msg = PROTOCOL.ForwardMsg.FromString(base64.b64decode(event["response"]["payloadData"]))
            self.finished.append(
                msg.WhichOneof("type") == "script_finished" and msg.script_finished == FINISHED
            )

    def change(self, back: bool) -> float:
        """Ms from the keydown that changes the control (or changes it `back`) to the arrival of the
        last rerun's script-finished message."""
        page, seen = self.visit.page, len(self.finished)
        page.locator(self.control).first.focus()
        for key in self.keys[back]:
            page.keyboard.press(key)
        for _ in range(3000):  # CDP events reach this thread while Playwright waits
            if any(self.finished[seen:]):
                break
            page.wait_for_timeout(10)
        else:
            raise TimeoutError(f"no rerun finished after a key on {self.control}")
        self.visit.settle(pause_ms=300)  # a rerun the script asks for would follow within this
        arrivals, key_at = page.evaluate("[window.__arrivals, window.__keyAt]")
        if len(arrivals) != len(self.finished):
            raise RuntimeError(f"{len(arrivals)} messages stamped, {len(self.finished)} seen over CDP")
        last = max(index for index, done in enumerate(self.finished) if done)
        return arrivals[last] - key_at


def changes_in_turn(streams: list[Stream], changes: int) -> list[list[float]]:
    """Per stream: the waits of `changes` changes (Stream.change, forth and back), the streams
    changed in turn so that the machine's drift weighs on all of them alike; the first change of
    each warms it up and is not kept."""
    waits: list[list[float]] = [[] for _ in streams]
    for index in range(changes + 1):
        for stream, kept in zip(streams, waits, strict=True):
            wait = stream.change(index % 2 == 1)
            if index:
                kept.append(wait)
    return waits


def browser_reruns(changes: int) -> dict:
    """Per row of BROWSER_RERUNS: median ms of the wait after a change, of the floor page's wait
    for the same kind of control (changed in turn with it) and the excess."""
    rows = {}
    with serve() as (app_url, _), serve("tests/bench_baseline.py") as (base_url, _), chromium() as browser:
        for name, (path, control, kind) in BROWSER_RERUNS.items():
            page = Stream(browser, f"{app_url}/{path}", control, kind)
            floor = Stream(browser, f"{base_url}/?controls=1&plotly=1", CONTROLS[kind][0], kind)
            waits, floors = changes_in_turn([page, floor], changes)
            errors = page.visit.errors + floor.visit.errors
            page.visit.close()
            floor.visit.close()
            row = {"wait_ms": statistics.median(waits), "floor_ms": statistics.median(floors)}
            row |= {"excess_ms": row["wait_ms"] - row["floor_ms"], "waits_ms": waits, "floors_ms": floors}
            rows[name] = row | {"errors": errors}
            print(
                f"  {name}: {row['wait_ms']:.0f} ms, floor {row['floor_ms']:.0f} ms {errors or ''}",
                flush=True,
            )
    lines = [f"{'page, control':<32}{'wait ms':>9}{'floor ms':>10}{'excess ms':>11}"]
    for name, row in rows.items():
        lines.append(f"{name:<32}{row['wait_ms']:>9.0f}{row['floor_ms']:>10.0f}{row['excess_ms']:>11.0f}")
    lines.append(f"median of {changes} changes by keyboard; target: excess ≤ {BROWSER_RERUN_TARGET_MS} ms")
    print("\n".join(lines))
    output = {"changes": changes, "rows": rows, "target_excess_ms": BROWSER_RERUN_TARGET_MS}
    (ROOT / "tests" / "benchmark-reruns.json").write_text(json.dumps(output, indent=1))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=7)
    parser.add_argument("--reruns", type=int, default=20)
    parser.add_argument("--page", choices=list(CHANGES), help="only this page (and its baselines)")
    parser.add_argument("--first-visit", action="store_true", help="run only the first-visit part")
    parser.add_argument("--reruns-in-browser", action="store_true", help="run only the browser-rerun part")
    parser.add_argument("--changes", type=int, default=16, help="changes per row of the browser-rerun part")
    args = parser.parse_args()
    if args.first_visit:
        first_visit_benchmark(args.page)
        return
    if args.reruns_in_browser:
        browser_reruns(args.changes)
        return
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
    if not args.page:
        first_visit_benchmark()
        browser_reruns(args.changes)


if __name__ == "__main__":
    main()
