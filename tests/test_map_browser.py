"""The map's day in real headless Chromium, offline, at 390 px and 1366 px: one tap selects a country,
a typed day moves the map, and a past day's panel knows nothing later."""

import pytest
from browser_kit import SIZES, Visit
from test_browser import map_drawn

from components.config import MAP_VIEW
from components.model import screen_xy

pytestmark = pytest.mark.browser


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def make(size: str = "desktop", touch: bool = False) -> Visit:
        opened.append(Visit(browser, size, touch=touch))
        return opened[-1]

    yield make
    for item in opened:
        item.close()


def point_on_map(deck, lat: float, lon: float) -> tuple[float, float]:
    """Where (lat, lon) is drawn on the page: the deck is centred on MAP_VIEW at its zoom."""
    box = deck.bounding_box()
    x, y = screen_xy(lat, lon)
    cx, cy = screen_xy(MAP_VIEW["latitude"], MAP_VIEW["longitude"])
    return box["x"] + box["width"] / 2 + x - cx, box["y"] + box["height"] / 2 + y - cy


def panel_text(view: Visit) -> str:
    column = view.page.locator('[data-testid="stColumn"]').filter(
        has=view.page.get_by_text("Membership history")
    )
    return column.last.inner_text()


@pytest.mark.parametrize("size", list(SIZES))
def test_a_past_day_panel_shows_nothing_later(server, visit, size):
    view = visit(size)
    view.open(f"{server}/map?map.date=2024-06-01&map.country=NER")
    text = panel_text(view)
    assert "Abdourahamane Tiani, Head of the junta (CNSP)" in text
    assert "2025" not in text and "President (since" not in text
    assert view.errors == [] and view.outside == []


@pytest.mark.parametrize("size", list(SIZES))
def test_a_typed_day_changes_the_map_day(server, visit, size):
    view = visit(size)
    view.open(f"{server}/map?map.date=2024-06-01")
    # The box is a row of year, month and day fields; typed digits run on from one to the next, and
    # the day is taken when the box loses focus.
    year = view.page.locator('[data-testid="stDateInputField"] [role="spinbutton"]').first
    year.wait_for(timeout=90_000)  # the page's widgets can draw late on a busy machine
    year.focus()
    view.page.keyboard.type("20230801")
    view.page.locator("h1").first.click()
    view.page.wait_for_url("**map.date=2023-08-01**", timeout=30_000)
    view.page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
    thumb = view.page.locator('[data-testid="stSliderThumbValue"]').first
    assert thumb.inner_text() == "1 August 2023"  # the slider writes the day in words
    assert view.errors == [] and view.outside == []


# Until the countries lost their stroke (a GeoJsonLayer's PathLayer, see maps.borders_layer), the
# tooltip showed and the country lit up, but a click or a tap never reached on_select.
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_one_tap_or_click_selects_a_country(server, visit, size):
    phone = size == "phone"
    view = visit(size, touch=phone)
    view.open(f"{server}/map?map.date=2024-06-01&map.layers=status")
    deck = view.page.locator('[data-testid="stDeckGlJsonChart"]')
    deck.scroll_into_view_if_needed()
    assert map_drawn(view)
    # No run in flight: one would redraw the deck under the click. The first pick also builds its
    # shaders in software WebGL, which on a busy machine takes many seconds.
    view.page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
    point = point_on_map(deck, 17.0, 9.0)  # central Niger
    view.page.touchscreen.tap(*point) if phone else view.page.mouse.click(*point)
    view.page.wait_for_url("**map.country=NER**", timeout=90_000)
    view.page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
    assert "Abdourahamane Tiani" in panel_text(view)
    assert view.errors == [] and view.outside == []


def test_two_quick_steps_on_a_slow_link_both_count(server, visit):
    """On a slow link a second step leaves before the first one's page comes back: the date box
    beside the slider still shows the old day then, and must not pull the slider back to it."""
    view = visit()
    held: list | None = None  # while a list, what the server sends waits in it, as on a slow link

    def relay(ws) -> None:
        upstream = ws.connect_to_server()
        upstream.on_message(lambda message: ws.send(message) if held is None else held.append(message))
        relay.ws = ws

    view.page.route_web_socket("**/_stcore/stream", relay)
    view.open(f"{server}/map?map.date=2024-06-01", pause_ms=0)
    view.page.locator('[data-testid="stSlider"] input').first.focus()
    held = []
    for _ in range(2):
        view.page.keyboard.press("ArrowRight")
        view.page.wait_for_timeout(1000)  # past the slider's debounce: each step is its own rerun
    late, held = held, None
    for message in late:
        relay.ws.send(message)
    view.page.wait_for_timeout(3000)
    view.settle(pause_ms=0)
    assert "map.date=2024-06-03" in view.page.url
    thumb = view.page.locator('[data-testid="stSliderThumbValue"]').first
    assert thumb.inner_text() == "3 June 2024"
