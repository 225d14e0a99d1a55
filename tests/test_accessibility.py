"""WCAG 2.1 A and AA as axe-core checks them: the text-only edition, and one path through the
dashboard with the keyboard alone; and that a narrowed page is laid out as one opened narrow, which
lets tests/test_browser.py's sweep audit every view (in the light and the dark theme, at both
widths, page_checks.audit_themes) from a single load."""

from datetime import date

import pytest
from browser_kit import Visit
from page_checks import AUDIT, AXE, AXE_OPTIONS, EXTRA_VIEWS, add_axe, open_expanders

from components.config import LANGUAGES
from components.i18n import t

pytestmark = pytest.mark.browser

# What decides a page's layout, element by element: what is shown, folded or hidden from the
# accessibility tree, and where it is drawn, down to each text of the charts. A hidden element is
# drawn nowhere, so its box does not count: a grid in a closed expander keeps the width it had
# until it is shown, and is laid out afresh then.
LAYOUT = """() => [...document.querySelectorAll('[data-testid], .main-svg text')].map(e => {
    const box = e.getBoundingClientRect(), shown = e.checkVisibility();
    return [
        e.dataset.testid ?? e.textContent,
        shown,
        e.getAttribute('aria-expanded'),
        e.closest('[inert], [aria-hidden=true]') !== null,
        ...(shown ? [box.left, box.top, box.width, box.height].map(Math.round) : []),
    ].join(' ');
})"""


def test_axe_core_is_installed():
    assert AXE.exists(), "run: npm install --no-save --prefix tests/.axe axe-core (see .ci/run)"


@pytest.fixture
def visit(browser):
    opened = Visit(browser)
    yield opened
    opened.close()


@pytest.mark.parametrize("view", EXTRA_VIEWS.values())
def test_a_narrowed_page_is_laid_out_as_one_opened_narrow(server, browser, visit, view):
    """What lets tests/test_browser.py's sweep narrow a view instead of loading it again: every
    element shown, folded (the sidebar) and sized as when the view is opened at the phone's width,
    and so again once every expander is open, as the sweep opens them."""
    narrow = Visit(browser, "phone")
    try:
        narrow.open(f"{server}/{view}", pause_ms=300)
        visit.open(f"{server}/{view}", pause_ms=300)
        visit.resize("phone", pause_ms=300)
        assert visit.page.evaluate(LAYOUT) == narrow.page.evaluate(LAYOUT)
        for opened in (visit, narrow):
            open_expanders(opened)
        assert visit.page.evaluate(LAYOUT) == narrow.page.evaluate(LAYOUT), "with the expanders open"
    finally:
        narrow.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_text_only_edition_has_no_axe_violation(browser, server, lang):
    visit = Visit(browser, "phone")
    try:
        visit.page.goto(f"{server}/lite?lang={lang}")
        add_axe(visit)
        assert visit.page.evaluate(AUDIT, AXE_OPTIONS) == []
        assert visit.page.evaluate("document.documentElement.lang") == lang
    finally:
        visit.close()


def tab_to(visit: Visit, selector: str, limit: int = 80) -> None:
    """Press Tab until the focus is inside what `selector` finds (the page is only read, never clicked)."""
    target = visit.page.locator(selector)
    for _ in range(limit):
        visit.page.keyboard.press("Tab")
        if target.evaluate_all("found => found.some(e => e.contains(document.activeElement))"):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def wait_for(visit: Visit, fragment: str) -> None:
    visit.page.wait_for_url(f"**{fragment}**", timeout=30_000)
    visit.settle(pause_ms=0)


def test_the_keyboard_alone_switches_language_picks_a_day_a_country_and_an_event(server, browser):
    visit = Visit(browser)
    try:
        visit.open(server, pause_ms=0)
        tab_to(visit, '[data-testid="stSidebar"] [data-testid="stButtonGroup"]')
        visit.page.keyboard.press("ArrowRight")  # a radio group: the arrows move between its options
        assert visit.page.evaluate("document.activeElement.innerText") == "Français"
        visit.page.keyboard.press("Enter")
        wait_for(visit, "lang=fr")
        assert visit.page.evaluate("document.documentElement.lang") == "fr"  # read aloud as French

        tab_to(visit, f'[data-testid="stSidebarNavLink"]:has-text("{t("page.map", "fr")}")')
        visit.page.keyboard.press("Enter")
        wait_for(visit, "/map")
        tab_to(visit, '[data-testid="stSlider"] input')
        visit.page.keyboard.press("Home")  # the first day of the period
        for _ in range(3):
            visit.page.keyboard.press("ArrowRight")
        wait_for(visit, f"map.date={date(2020, 8, 21)}")

        tab_to(visit, f'[data-testid="stSelectbox"]:has-text("{t("map.country", "fr")}")')
        visit.page.keyboard.type("Niger")
        visit.page.keyboard.press("Enter")
        wait_for(visit, "map.country=NER")
        assert visit.page.get_by_role("heading", name="Niger", exact=True).count() == 1
        tab_to(visit, '[data-testid="stDataFrame"]')  # the map's text equivalent, a table

        tab_to(visit, f'[data-testid="stSidebarNavLink"]:has-text("{t("page.timeline", "fr")}")')
        visit.page.keyboard.press("Enter")
        wait_for(visit, "/timeline")
        tab_to(visit, f'[data-testid="stSelectbox"]:has-text("{t("timeline.event", "fr")}")')
        visit.page.keyboard.type("Coup d'État au Niger")
        visit.page.keyboard.press("Enter")
        wait_for(visit, "timeline.event=c-2023-07-26-niger-coup")
        assert visit.page.get_by_role("heading", name="Coup d'État au Niger", exact=False).count() >= 1
        tab_to(visit, '[data-testid="stDataFrame"]')  # the timeline's text equivalent, a table
        assert "lang=fr" in visit.page.url
        assert visit.errors == [] and visit.outside == []
    finally:
        visit.close()
