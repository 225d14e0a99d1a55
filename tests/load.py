"""Load test, run on demand: python tests/load.py [--sessions 20,50] [--processes 1,2] [--seconds 300] [--new-links 0]

Each session is a client that speaks Streamlit's own websocket protocol to a local server, as a
browser tab does: it opens pages by link, switches pages, changes the language, moves the map date,
clicks "Previous event", sets the timeline and topics filters and the Security page's measure, with a
reader's pause between actions, until time is up, and checks after each rerun that the app took the new value (it shows in
the URL the server sends back). Counts
completed reruns and their latency, errors (exception or error boxes, values not applied, reruns not
finished within 30 s, lost connections) and samples the server's memory. Exits 1 on any error.
Traffic goes to 127.0.0.1 only, in a bounded loop.

The mix: before each action, a reader opens a new link instead with the probability `--new-links`
(a new Streamlit session, whose first run is mostly the framework's own). The default, 1/7, is one
chance in seven, the mix this script always ran (before the Security page's action there were six); `--new-links 0` is the issue's scenario of readers
who each open one link and then act on it (after an error a reader always opens a new link). The
report says which mix ran and how many links were opened.

With `--processes 2` (or more) the same readers go to that many Streamlit processes behind HAProxy
(components/cluster.py); 1 is the README's plain `streamlit run app.py`. Each combination of
processes and sessions is one row: throughput, client-side latency, server memory over time, and
the share of a core the load client itself used (it runs on the same machine). Writes
tests/load-latest.json.
"""

import argparse
import asyncio
import contextlib
import csv
import http.client
import json
import random
import statistics
import sys
import time
import urllib.request
from collections import Counter
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlsplit
from uuid import uuid4

import pandas as pd
import websockets
from browser_kit import ROOT, rss_kib, serve

from components.cluster import cluster
from components.compat import streamlit_protocol
from components.config import (
    FIRST_COUP,
    LANGUAGES,
    PERIOD_END,
)
from components.config import MOSCOW_CONSULTATIONS as MAP_DEFAULT_DAY
from components.formatting import format_date
from components.params import PARAMS
from components.schema import enum_codes

NEW_LINKS = 1 / 7  # the historical mix: a new link as likely as each of the six actions there were
MEMORY_EVERY_S = 3  # memory samples; the table shows one every 30 s
PROTOCOL = streamlit_protocol()  # Streamlit's private message classes, named in components/compat.py
TIMEOUT = 30  # seconds a rerun may take before it counts as an error
with open(ROOT / "data" / "topics.csv", encoding="utf-8") as file:
    TOPICS = [row["topic_id"] for row in csv.DictReader(file)]
PACKAGE = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
CODE_LISTS = {"topics.topic_id": TOPICS, "events.category": enum_codes(PACKAGE, "events", "category")}


def codes_of(key: str) -> list[str]:
    """The codes behind a filter's options, in the order the app lists them (the wire carries labels)."""
    param = PARAMS[key]
    options = CODE_LISTS[param.options] if isinstance(param.options, str) else list(param.options)
    return ["", *options] if param.blank else options


CODES = {key: codes_of(key) for key in ["timeline.states", "timeline.categories", "timeline.topics"]}
CODES |= {key: codes_of(key) for key in ["topics.topic", "topics.state", "topics.measure"]}
CODES |= {key: codes_of(key) for key in ["security.measure"]}
LINKS = [
    "map?map.date={day}&lang={lang}",
    "timeline?timeline.categories={category}&lang={lang}",
    "timeline?timeline.period=2021-01-01,{day}&timeline.states=NER",
    "topics?topics.topic={topic}&topics.state=MLI&lang={lang}",
    "data?lang={lang}",
    "security?security.measure=events&lang={lang}",
    "?lang={lang}",
]


# Kinds of the app's widgets that hold a value; buttons send a trigger only when clicked, and charts
# a selection only when one is made, so this client holds nothing for them.
VALUED = ("slider", "button_group", "multiselect", "selectbox", "text_input")
# A file uploader's value is the files the browser sent it; the server never sets one.
UPLOADERS = ("file_uploader",)
XSRF_COOKIE = "_streamlit_xsrf"
SPECS = {
    "plotly_chart": lambda p: p.spec,
    "deck_gl_json_chart": lambda p: p.json,
}  # what the benchmark weighs


class NotApplied(Exception):
    """The rerun finished but the app did not show what was asked of it."""


def written(client, day: date) -> str:
    """A day as the day sliders send it: written out in the page's language (widgets.date_slider)."""
    return format_date(pd.Timestamp(day), "day", client.param("lang") or "en")


def random_day(rng: random.Random) -> date:
    return date(2021, 1, 1) + timedelta(days=rng.randrange(4 * 365))  # never the map's default day


def shown_value(kind: str, proto) -> PROTOCOL.WidgetState:
    """What a browser holds for a widget it has just received: the value the script set, else the
    default."""
    state = PROTOCOL.WidgetState(id=proto.id)
    if kind == "slider" and proto.options:  # a select slider (the day sliders): options by index
        indices = proto.value if proto.set_value else proto.default
        state.string_array_value.data[:] = [proto.options[int(i)] for i in indices]
    elif kind == "slider":
        state.double_array_value.data[:] = proto.value if proto.set_value else proto.default
    elif kind == "button_group":
        default = [proto.options[i].content for i in proto.default]
        state.string_array_value.data[:] = proto.raw_values if proto.set_value else default
    elif kind == "multiselect":
        default = [proto.options[i] for i in proto.default]
        state.string_array_value.data[:] = proto.raw_values if proto.set_value else default
    elif kind == "selectbox":
        if proto.set_value and proto.HasField("raw_value"):
            state.string_value = proto.raw_value
        elif not proto.set_value and proto.HasField("default"):
            state.string_value = proto.options[proto.default]
    else:
        state.string_value = proto.value if proto.set_value else proto.default
    return state


def problem(msg: PROTOCOL.ForwardMsg) -> str | None:
    """What in this message a reader would see as broken, if anything."""
    kind = msg.WhichOneof("type")
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        what = element.WhichOneof("type")
        if what == "exception":  # with the last frame, to find the line
            return f"exception {element.exception.message} at {element.exception.stack_trace[-1:]}"
        if what == "alert" and element.alert.format == PROTOCOL.Alert.ERROR:
            return f"error box {element.alert.body}"
    if kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
        return "compile error"
    if kind == "script_finished" and msg.script_finished == PROTOCOL.ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
        return "script finished with a compile error"
    if kind in ("ref_hash", "page_not_found"):  # no references: this client lists no cached messages
        return f"unexpected {kind}"
    return None


def page_cookie(url: str, cookie: str = "") -> str:
    """The cookies the response to a GET of `url` (sent with `cookie`) sets, as a Cookie header ('' when
    none)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return "; ".join(cookie.split(";", 1)[0] for cookie in cookies)


def put_file(url: str, cookie: str, name: str, data: bytes) -> None:
    """PUT `data` to Streamlit's upload route as its frontend does: a multipart form whose one field
    is the file, under its name, with the XSRF cookie echoed in the X-Xsrftoken header. The body is
    sent in parts, so the file's bytes are not copied."""
    boundary = uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{name}"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    cookies = dict(part.split("=", 1) for part in cookie.split("; ") if "=" in part)
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT * 10)
    try:
        connection.putrequest("PUT", parts.path)
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": cookie}
        headers |= {"Content-Length": str(len(head) + len(data) + len(tail))}
        headers |= {"X-Xsrftoken": cookies[XSRF_COOKIE]} if XSRF_COOKIE in cookies else {}
        for header, value in headers.items():
            connection.putheader(header, value)
        connection.endheaders()
        for part in (head, data, tail):
            connection.send(part)
        response = connection.getresponse()
        if response.status != 204:
            raise RuntimeError(f"upload of {name}: HTTP {response.status} {response.read()[:200]!r}")
    finally:
        connection.close()


class Client:
    """One browser tab: a websocket session, its URL, its page and the widget values it holds."""

    def __init__(self, url: str, latencies: list[float]):
        self.url, self.latencies, self.ws = url, latencies, None
        self.query, self.path, self.page, self.main = "", "", "", ""
        self.cookie, self.session_id = "", ""
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.widgets: dict[str, tuple[str, object]] = {}  # user key -> (kind, proto) on screen
        self.states: dict[str, PROTOCOL.WidgetState] = {}  # widget id -> value held
        self.shared: set[str] = set()  # ids of widgets drawn by app.py, kept on page changes
        self.drawn: Counter[str] = Counter()  # elements of the last run, by kind
        self.spec_bytes = 0  # bytes of the figures' and decks' specs in the last run

    async def open(self, link: str) -> None:
        """Load `link` (path?query) in a new session, as a browser does on page load: the page
        first (a proxy in front pins the browser to a process with a cookie), then the server's health,
        whose response sets the XSRF cookie that uploads echo, then the websocket."""
        page = await asyncio.to_thread(page_cookie, f"{self.url}/{link}")
        health = await asyncio.to_thread(page_cookie, f"{self.url}/_stcore/health", page)
        self.cookie = "; ".join(cookie for cookie in (page, health) if cookie)
        ws_url = self.url.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await websockets.connect(
            ws_url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=TIMEOUT,
            additional_headers={"Cookie": self.cookie} if self.cookie else None,
        )
        self.path, _, self.query = link.partition("?")
        await self.rerun(page_name=self.path)
        wanted = {(k, v) for k, v in parse_qsl(self.query) if (k, v) != ("lang", "en")}
        if self.pages:  # a single-page app (the benchmark's baselines) sends no navigation
            self.expect(self.page == self.pages[self.path], f"opened {link} but got another page")
        self.expect(wanted <= set(parse_qsl(self.query)), f"opened {link} but the URL is ?{self.query}")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    def param(self, key: str) -> str | None:
        return dict(parse_qsl(self.query)).get(key)

    @staticmethod
    def expect(condition: bool, complaint: str) -> None:
        if not condition:
            raise NotApplied(complaint)

    async def rerun(self, *, page: str | None = None, page_name: str = "", widgets=None, query=None):
        """Send a rerun request as the browser does and wait until that run has finished."""
        back = PROTOCOL.BackMsg()
        request = back.rerun_script
        request.query_string = self.query if query is None else query
        request.page_script_hash = self.page if page is None else page
        request.page_name = page_name
        request.widget_states.widgets.extend(self.states.values() if widgets is None else widgets)
        request.context_info.CopyFrom(
            PROTOCOL.ContextInfo(timezone="UTC", locale="en-US", url=f"{self.url}/{self.path}")
        )
        start = time.monotonic()
        await self.ws.send(back.SerializeToString())
        try:
            async with asyncio.timeout(TIMEOUT):
                await self.receive()
        except TimeoutError:
            raise TimeoutError(f"rerun not finished within {TIMEOUT} s") from None
        self.latencies.append(time.monotonic() - start)

    async def receive(self) -> None:
        """Read this run's messages up to its successful end; keep the widgets it drew."""
        started, drawn, kinds, spec_bytes = False, {}, Counter(), 0
        while True:
            msg = PROTOCOL.ForwardMsg.FromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if broken := problem(msg):
                raise RuntimeError(f"on {self.path or 'overview'}: {broken}")
            if kind == "new_session":  # a run starts (again, after a rerun the script asked for)
                started, drawn, kinds, spec_bytes = True, {}, Counter(), 0
                self.main = msg.new_session.main_script_hash
                self.session_id = msg.new_session.initialize.session_id
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                self.page = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                what = msg.delta.new_element.WhichOneof("type")
                proto = getattr(msg.delta.new_element, what)
                kinds[what] += 1
                spec_bytes += len(SPECS[what](proto)) if what in SPECS else 0
                if what in (*VALUED, *UPLOADERS, "button"):
                    drawn[proto.id] = what, proto, msg.metadata.active_script_hash == self.main
            elif (
                started
                and kind == "script_finished"
                and msg.script_finished == PROTOCOL.ForwardMsg.FINISHED_SUCCESSFULLY
            ):
                break  # (FINISHED_EARLY_FOR_RERUN: another run follows)
        self.drawn, self.spec_bytes = kinds, spec_bytes
        # As the browser: a widget drawn again keeps the value it holds unless the script set one (an
        # uploader keeps its files).
        held = self.states
        self.widgets = {
            PROTOCOL.user_key_from_element_id(wid): (what, proto) for wid, (what, proto, _) in drawn.items()
        }
        self.shared = {wid for wid, (what, _, by_app) in drawn.items() if by_app and what in VALUED}
        self.states = {
            wid: held[wid] if wid in held and not proto.set_value else shown_value(what, proto)
            for wid, (what, proto, _) in drawn.items()
            if what in VALUED
        }
        self.states |= {
            wid: held[wid] for wid, (what, *_) in drawn.items() if what in UPLOADERS and wid in held
        }

    async def goto(self, path: str) -> None:
        """Follow a link of the sidebar menu: the URL is cleared, app.py's widgets keep their values."""
        if self.pages[path] == self.page:
            return
        lang, self.path = self.param("lang"), path
        shared = [self.states[wid] for wid in self.shared]
        await self.rerun(page=self.pages[path], widgets=shared, query="")
        self.expect(self.page == self.pages[path], f"asked for page {path!r}, got another")
        self.expect(self.param("lang") == lang, f"the language was lost on the way to {path!r}")

    async def change(self, key: str, expected: str | None, fill) -> None:
        """Give the widget `key` a new value (`fill` writes it into its state), rerun and check that
        the app shows `expected` in the URL (None: the parameter is gone, the value being the default)."""
        proto = self.widgets[key][1]
        state = PROTOCOL.WidgetState(id=proto.id)
        fill(state, proto)
        self.states[proto.id] = state
        await self.rerun()
        self.expect(self.param(key) == expected, f"{key}: wanted {expected}, URL is ?{self.query}")

    async def upload(self, key: str, name: str, data: bytes) -> None:
        """Give the file uploader `key` the file `name`, as a browser does: ask the session for an
        upload URL, PUT the file there, then rerun with the uploader holding it."""
        back = PROTOCOL.BackMsg()
        request = back.file_urls_request
        request.request_id, request.session_id = uuid4().hex, self.session_id
        request.file_names.append(name)
        await self.ws.send(back.SerializeToString())
        async with asyncio.timeout(TIMEOUT):
            while True:
                msg = PROTOCOL.ForwardMsg.FromString(await self.ws.recv())
                if broken := problem(msg):
                    raise RuntimeError(f"on {self.path or 'overview'}: {broken}")
                if msg.WhichOneof("type") == "file_urls_response":
                    response = msg.file_urls_response
                    if response.response_id == request.request_id:
                        break
        self.expect(not response.error_msg, f"no upload URL for {name}: {response.error_msg}")
        urls = response.file_urls[0]
        await asyncio.to_thread(put_file, self.url + urls.upload_url, self.cookie, name, data)
        state = PROTOCOL.WidgetState(id=self.widgets[key][1].id)
        info = state.file_uploader_state_value.uploaded_file_info.add()
        info.name, info.size, info.file_id = name, len(data), urls.file_id
        info.file_urls.CopyFrom(urls)
        self.states[state.id] = state
        await self.rerun()

    async def click(self, key: str) -> None:
        """Click the button `key`: a trigger sent once with the other widgets' values."""
        trigger = PROTOCOL.WidgetState(id=self.widgets[key][1].id, trigger_value=True)
        await self.rerun(widgets=[*self.states.values(), trigger])


async def switch_page(client: Client, rng: random.Random) -> None:
    await client.goto(rng.choice([path for path, page in client.pages.items() if page != client.page]))


async def language(client: Client, rng: random.Random) -> None:
    lang = "en" if client.param("lang") == "fr" else "fr"

    def fill(state, proto):
        state.string_array_value.data[:] = [proto.options[LANGUAGES.index(lang)].content]

    await client.change("lang", None if lang == "en" else lang, fill)


async def map_date(client: Client, rng: random.Random) -> None:
    await client.goto("map")
    day = random_day(rng)
    await client.change(
        "map.date", day.isoformat(), lambda s, p: s.string_array_value.data.append(written(client, day))
    )


async def previous_event(client: Client, rng: random.Random) -> None:
    await client.goto("map")
    before = client.param("map.date") or MAP_DEFAULT_DAY.isoformat()
    await client.click("map.date.previous")
    after = client.param("map.date")
    moved = (after is not None and after < before) or before == FIRST_COUP.isoformat()
    client.expect(moved, f"previous event of {before}: {after}")


async def choose(client: Client, rng: random.Random, key: str) -> None:
    """Pick options of the filter `key`: one for a select box (the first is its default, kept out of the
    URL), one to three for a multiselect."""
    kind, proto = client.widgets[key]
    codes = CODES[key]
    client.expect(len(codes) == len(proto.options), f"{key} no longer offers {codes}")
    if kind == "selectbox":
        index = rng.randrange(len(codes))
        await client.change(
            key, codes[index] if index else None, lambda s, p: setattr(s, "string_value", p.options[index])
        )
    else:
        chosen = sorted(rng.sample(range(len(codes)), rng.randint(1, 3)))
        expected = ",".join(codes[i] for i in chosen)
        await client.change(
            key, expected, lambda s, p: s.string_array_value.data.extend(p.options[i] for i in chosen)
        )


async def security_filter(client: Client, rng: random.Random) -> None:
    await client.goto("security")
    await choose(client, rng, "security.measure")


async def timeline_filter(client: Client, rng: random.Random) -> None:
    await client.goto("timeline")
    key = rng.choice(["timeline.period", "timeline.states", "timeline.categories", "timeline.topics"])
    if key != "timeline.period":
        return await choose(client, rng, key)
    start = random_day(rng)
    end = min(start + timedelta(days=rng.randint(1, 365)), PERIOD_END)
    span = [written(client, start), written(client, end)]
    return await client.change(key, f"{start},{end}", lambda s, p: s.string_array_value.data.extend(span))


async def topics_filter(client: Client, rng: random.Random) -> None:
    await client.goto("topics")
    await choose(client, rng, rng.choice(["topics.topic", "topics.state", "topics.measure"]))


ACTIONS = [switch_page, language, map_date, previous_event, timeline_filter, topics_filter, security_filter]


async def session(url: str, seconds: float, think: float, new_links: float, seed: int, tally: dict) -> None:
    """One reader until time is up, pausing `think` seconds on average between actions and opening
    a new link instead of acting with the probability `new_links`; after an error it starts again
    in a new session. Adds to `tally`'s latencies, errors and count of links opened."""
    rng, client = random.Random(seed), None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if client is None or rng.random() < new_links:
                if client is not None:
                    await client.close()
                client = Client(url, tally["latencies"])
                tally["links"] += 1
                values = {
                    "day": random_day(rng),
                    "lang": rng.choice(LANGUAGES),
                    "category": rng.choice(CODES["timeline.categories"]),
                    "topic": rng.choice(TOPICS),
                }
                await client.open(rng.choice(LINKS).format(**values))
            else:
                await rng.choice(ACTIONS)(client, rng)
        except Exception as error:
            tally["errors"].append(f"session {seed}: {type(error).__name__}: {error}"[:400])
            with contextlib.suppress(Exception):
                await client.close()
            client = None
        await asyncio.sleep(rng.uniform(0, 2 * think))
    if client is not None:
        await client.close()


def server_mib(pids: list[int]) -> float:
    """Resident memory of the Streamlit processes together, in MiB."""
    return sum(rss_kib(pid) for pid in pids) / 1024


async def measure(
    url: str, pids: list[int], sessions: int, seconds: float, think: float, new_links: float = NEW_LINKS
) -> dict:
    """`sessions` readers for `seconds`: reruns, errors, links opened, throughput, latency, server
    memory every MEMORY_EVERY_S (seconds since the start, MiB) and the share of a core this client used."""
    tally = {"latencies": [], "errors": [], "links": 0}
    memory = []
    cpu, start = time.process_time(), time.monotonic()
    tasks = [
        asyncio.create_task(session(url, seconds, think, new_links, seed, tally)) for seed in range(sessions)
    ]
    while not all(task.done() for task in tasks):
        memory.append((time.monotonic() - start, server_mib(pids)))
        await asyncio.wait(tasks, timeout=MEMORY_EVERY_S)
    memory.append((time.monotonic() - start, server_mib(pids)))
    elapsed = time.monotonic() - start
    latencies = tally["latencies"]
    ordered = sorted(latencies) or [0.0]
    return {
        "sessions": sessions,
        "new_links": new_links,
        "links": tally["links"],
        "reruns": len(latencies),
        "errors": tally["errors"],
        "per_second": len(latencies) / elapsed,
        "median_s": statistics.median(ordered),
        "p95_s": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "max_s": ordered[-1],
        "memory_mib": [mib for _, mib in memory],
        "memory_at_s": [round(at, 1) for at, _ in memory],
        "client_core_share": (time.process_time() - cpu) / elapsed,
    }


@contextlib.contextmanager
def setup(processes: int):
    """The README's single server for 1, else that many processes behind HAProxy: (url, pids)."""
    if processes == 1:
        with serve() as (url, process):
            yield url, [process.pid]
    else:
        with cluster(processes) as (url, started):
            yield url, [process.pid for process in started]


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=numbers, default=[20], help="readers at once, e.g. 20,50")
    parser.add_argument("--processes", type=numbers, default=[1], help="Streamlit processes, e.g. 1,2")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between a reader's actions (s)")
    parser.add_argument(
        "--new-links",
        type=float,
        default=NEW_LINKS,
        help="probability that a reader opens a new link (a new session) instead of acting; 0: one link each",
    )
    args = parser.parse_args()
    rows, failed = [], False
    for processes in args.processes:
        with setup(processes) as (url, pids):
            for sessions in args.sessions:
                row = asyncio.run(measure(url, pids, sessions, args.seconds, args.think, args.new_links))
                rows.append({"processes": processes, **row})
                failed |= bool(row["errors"])
    print(
        f"{args.seconds:.0f} s per row, readers pausing 0–{2 * args.think:g} s between actions; "
        f"mix: a new link (new session) instead of an action with probability {args.new_links:.2f}"
    )
    print(
        "processes  readers  links  reruns  per s  median s  p95 s  max s  errors  client core"
        "  memory MiB (every 30 s)"
    )
    every = round(30 / MEMORY_EVERY_S)
    for row in rows:
        print(
            f"{row['processes']:>9}{row['sessions']:>9}{row['links']:>7}{row['reruns']:>8}{row['per_second']:>7.1f}"
            f"{row['median_s']:>10.2f}{row['p95_s']:>7.2f}{row['max_s']:>7.2f}{len(row['errors']):>8}"
            f"{row['client_core_share']:>12.0%}  {', '.join(f'{m:.0f}' for m in row['memory_mib'][::every])}"
        )
        for error in row["errors"][:10]:
            print("  ", error)
    (ROOT / "tests" / "load-latest.json").write_text(json.dumps(rows, indent=1, default=str))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
