"""Serving the app and driving Debian's Chromium offline: shared by the browser tests, the
benchmark and the load script."""

import asyncio
import concurrent.futures
import contextlib
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

from components.cluster import free_port, start_streamlit, stop, wait_until_healthy

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "data:", "blob:")
# deck.gl first inserts a default 300×150 canvas, then sizes it to the map, then draws.
MAP_SIZED = (
    "[...document.querySelectorAll('[data-testid=stDeckGlJsonChart] canvas')].some(c => c.height > 300)"
)
# Records every main-thread task over 50 ms (start, duration in ms since navigation) and when the
# first map canvas was inserted: the page's own clock, so the numbers survive a busy test process.
LONG_TASKS = """
window.__longTasks = [];
window.__mapCanvasAt = null;
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) window.__longTasks.push([task.startTime, task.duration]);
}).observe({type: "longtask", buffered: true});
new MutationObserver((changes, observer) => {
  if (document.querySelector("[data-testid=stDeckGlJsonChart] canvas")) {
    window.__mapCanvasAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


@contextlib.contextmanager
def serve(script: str = "app.py", env: dict[str, str] | None = None):
    """A Streamlit server for `script` on a free localhost port: yields (url, process)."""
    port = free_port()
    process = start_streamlit(port, script, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, f"the Streamlit server for {script}", process)
        yield url, process
    finally:
        stop([process])


def run_coroutine(coroutine):
    """`asyncio.run(coroutine)` in a thread of its own: Playwright's sync API keeps an event loop
    running in the test process's main thread while the shared browser is open."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@contextlib.contextmanager
def chromium():
    """Debian's headless Chromium, launched by Playwright."""
    if not os.path.exists(CHROMIUM):
        raise RuntimeError("Debian's chromium is needed: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def rss_kib(pid: int) -> int:
    """Resident memory of a process, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Visit:
    """One page opened offline: outside requests blocked and recorded, console errors collected."""

    def __init__(
        self,
        browser,
        size: str = "desktop",
        *,
        intercept: bool = True,
        touch: bool = False,
        locale: str | None = None,
    ):
        width, height = SIZES[size]
        # `locale` sets the browser's language (navigator.language and Accept-Language), e.g. 'fr-FR'.
        viewport = {"width": width, "height": height}
        self.context = browser.new_context(viewport=viewport, has_touch=touch, locale=locale)
        self.context.add_init_script(LONG_TASKS)
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        if intercept:  # blocks outside requests; Playwright's routing also turns the HTTP cache off
            self.page.route("**/*", self._route)
        else:  # the browser's cache kept (a repeat visit): outside requests are only recorded
            self.page.on("request", self._request)
        self.page.on("console", self._console)
        self.page.on("response", self._response)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _console(self, message) -> None:
        # A failed load is logged without its URL; _response and _route judge those by URL.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def _response(self, response) -> None:
        # Opened on /<page>, Streamlit's client first probes /<page>/_stcore/… for a base path.
        probe = response.url.endswith(("/_stcore/health", "/_stcore/host-config"))
        if response.status >= 400 and not probe:
            self.failed.append(f"{response.status} {response.url}")

    def _request(self, request) -> None:
        if not request.url.startswith(LOCAL):
            self.outside.append(request.url)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def settle(self, pause_ms: int = 1000) -> None:
        """Wait until the script has finished and every chart and map has drawn something."""
        self.page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
        self.page.wait_for_selector('[data-testid="stMain"]', timeout=30_000)
        # Charts and maps load their code lazily: a skeleton holds their place until it has come.
        self.page.wait_for_function(
            '!document.querySelector(\'[data-testid="stMain"] [data-testid="stSkeleton"]\')', timeout=60_000
        )
        for container, drawn in [("stDeckGlJsonChart", "canvas"), ("stPlotlyChart", ".main-svg")]:
            charts = self.page.locator(f'[data-testid="{container}"]')
            for index in range(charts.count()):
                charts.nth(index).locator(drawn).first.wait_for(timeout=30_000)
        if pause_ms:
            self.page.wait_for_timeout(pause_ms)

    def open(self, url: str, pause_ms: int = 1000) -> None:
        """Load `url` and wait until it has settled."""
        self.page.goto(url)
        self.settle(pause_ms)

    def resize(self, size: str, pause_ms: int = 1000) -> None:
        """The open page at `size`, once its charts have been laid out again at the new width."""
        width, height = SIZES[size]
        self.page.set_viewport_size({"width": width, "height": height})
        # Plotly redraws a chart a moment after the window's resize event; wait until every chart fits.
        self.page.wait_for_function(
            "[...document.querySelectorAll('[data-testid=stPlotlyChart] .main-svg')]"
            ".every(svg => svg.getBoundingClientRect().width <= window.innerWidth)",
            timeout=30_000,
        )
        self.settle(pause_ms)

    def longest_task_after_map(self, quiet_ms: int = 2000) -> float:
        """Ms of the longest main-thread task begun after the map's canvas was inserted (0 if none):
        deck.gl draws in animation frames after that. Waits until the map is sized, then until
        `quiet_ms` pass without a new long task (at most 30 rounds)."""
        self.page.wait_for_function(MAP_SIZED, timeout=60_000)
        for _ in range(30):
            # An evaluate waits for the main thread, so a long task under way ends first.
            seen = self.page.evaluate("window.__longTasks.length")
            self.page.wait_for_timeout(quiet_ms)
            if self.page.evaluate("window.__longTasks.length") == seen:
                break
        return self.page.evaluate(
            """() => Math.max(0, ...window.__longTasks
                .filter(([start]) => start >= window.__mapCanvasAt)
                .map(([, duration]) => duration))"""
        )

    def close(self) -> None:
        self.context.close()
