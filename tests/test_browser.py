"""What a person sees: every page in real headless Chromium, offline, at desktop and phone width."""

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright

from components.config import PAGES

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """The real app served on a free localhost port for the module's tests."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    command += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("the Streamlit server did not start")
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    assert os.path.exists(CHROMIUM), "Debian's chromium is needed: apt-get install -y chromium"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


class Visit:
    """One page opened offline: outside requests blocked and recorded, console errors collected."""

    def __init__(self, browser, size: str):
        width, height = SIZES[size]
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.page.route("**/*", self._route)
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

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, url: str) -> None:
        """Load `url` and wait until the script has finished and the page has settled."""
        self.page.goto(url)
        self.page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
        self.page.wait_for_selector('[data-testid="stMain"]', timeout=30_000)
        # Charts and maps load their code lazily: wait until each has drawn something.
        for container, drawn in [("stDeckGlJsonChart", "canvas"), ("stPlotlyChart", ".main-svg")]:
            for index in range(self.page.locator(f'[data-testid="{container}"]').count()):
                chart = self.page.locator(f'[data-testid="{container}"]').nth(index)
                chart.locator(drawn).first.wait_for(timeout=30_000)
        self.page.wait_for_timeout(1000)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def make(size: str = "desktop") -> Visit:
        opened.append(Visit(browser, size))
        return opened[-1]

    yield make
    for item in opened:
        item.close()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("page", [name for name, _ in PAGES])
def test_every_page_renders_offline(server, visit, page, lang, size):
    view = visit(size)
    view.open(f"{server}/{'' if page == PAGES[0][0] else page}?lang={lang}")
    assert view.page.locator('[data-testid="stException"]').count() == 0
    assert view.page.locator("h1").first.inner_text().strip()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    view.page.screenshot(path=SCREENSHOTS / f"{page}-{lang}-{size}.png", full_page=True)
    body_width = view.page.evaluate("document.documentElement.scrollWidth")
    assert body_width <= SIZES[size][0], "the page scrolls sideways"
    assert view.errors == []
    assert view.failed == []
    assert view.outside == []


def test_the_language_switch_rewrites_the_page_and_the_url(server, visit):
    view = visit()
    view.open(server)
    assert view.page.get_by_text("Combined population of the three AES states").count() == 1
    view.page.get_by_text("Français", exact=True).click()
    view.page.wait_for_function("window.location.search.includes('lang=fr')", timeout=30_000)
    view.page.wait_for_selector('[data-test-script-state="notRunning"]')
    assert view.page.get_by_text("Population cumulée des trois États de l'AES").count() == 1
    assert view.outside == []


def distinct_colours(png: bytes) -> int:
    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1_000_000) or [])


def test_the_map_draws_the_region_offline(server, visit):
    view = visit()
    view.open(f"{server}/map?map.date=2024-01-01&map.country=MLI")
    deck = view.page.locator('[data-testid="stDeckGlJsonChart"]')
    assert deck.locator("canvas").first.bounding_box()["height"] > 300
    assert distinct_colours(deck.screenshot()) > 20  # shapes, fills, markers: not a blank box
    view.page.mouse.move(*centre_of(deck, 0.39, 0.41))  # over central Mali (4°W, 18°N) at the default view
    tooltip = view.page.locator(".deck-tooltip")
    tooltip.wait_for(timeout=10_000)
    assert "Mali" in tooltip.inner_text()
    assert view.errors == [] and view.outside == []


def centre_of(locator, x: float, y: float) -> tuple[float, float]:
    box = locator.bounding_box()
    return box["x"] + box["width"] * x, box["y"] + box["height"] * y


def test_clicking_a_timeline_marker_opens_its_details(server, visit):
    view = visit()
    view.open(f"{server}/timeline?timeline.categories=coup")
    assert view.page.get_by_text("Click a marker, or choose an event here.").count() == 1
    point = view.page.locator('[data-testid="stPlotlyChart"] .scatterlayer .trace .points path.point').first
    point.scroll_into_view_if_needed()
    view.page.mouse.move(*centre_of(point, 0.5, 0.5))  # plotly picks points under the pointer
    view.page.mouse.down()
    view.page.mouse.up()
    view.page.get_by_text("Click a marker, or choose an event here.").wait_for(
        state="detached", timeout=30_000
    )
    view.page.wait_for_selector('[data-test-script-state="notRunning"]')
    headings = view.page.locator('[data-testid="stHeading"] h3').all_inner_texts()
    assert any("coup" in heading.lower() for heading in headings)
    assert "timeline.event=" in view.page.url
    assert view.errors == [] and view.outside == []
