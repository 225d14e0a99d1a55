"""WCAG 2.1 A and AA as axe-core checks them, in the light and the dark theme, on every page; and one
path through the dashboard with the keyboard alone."""

import json
import warnings
from datetime import date

import pytest
from browser_kit import ROOT, SIZES, Visit, serve

from components.config import LANGUAGES, PAGES
from components.i18n import t

pytestmark = pytest.mark.browser

# Installed by .ci/run (npm install --prefix tests/.axe axe-core@<pinned>), not fetched from a CDN.
AXE = ROOT / "tests" / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],  # passes and incomplete results are not needed, and cost time
}
SCHEMES = ("light", "dark")  # the app follows the reader's system theme
# Views beyond the plain pages, opened in both languages and widths: add new pages or states here.
EXTRA_VIEWS = (
    "map?map.country=NER",  # the country panel
    "timeline?timeline.event=c-2023-07-26-niger-coup",  # an event's details and sources
)
EMPTY_PAGE = 'import streamlit as st\n\nst.write("Hello")\n'

# Each violating element as (rule, the two nearest data-testids around it): comparable across pages,
# unlike axe's selectors, which carry Streamlit's generated class names.
AUDIT = """async options => {
    const result = await axe.run(document, options);
    return result.violations.flatMap(rule => rule.nodes.map(node => {
        const around = [];
        for (let e = document.querySelector(node.target[0]); e && around.length < 2; e = e.parentElement) {
            if (e.dataset.testid) around.push(e.dataset.testid);
        }
        return {
            rule: rule.id,
            impact: rule.impact,
            where: around.join(" < "),
            html: node.html.slice(0, 160),
            summary: node.failureSummary,
        };
    }));
}"""


# What axe does not check inside the SVG of plotly charts: text 4.5:1 and markers, bars and legend
# swatches 3:1 against the chart's background (the page's own, in Streamlit's chart theme), with
# the element's opacity blended in.
CHART_CONTRAST = """() => {
    const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map(v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const over = (c, alpha, bg) => c.slice(0, 3).map((v, i) => alpha * v + (1 - alpha) * bg[i]);
    const bg = rgba(getComputedStyle(document.querySelector('.stApp')).backgroundColor);
    const ratio = c => { const [a, b] = [lum(c), lum(bg)]; return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
    const found = [];
    const check = (e, colour, alpha, least, rule) => {
        const r = ratio(over(rgba(colour), alpha, bg));
        if (r < least) found.push({rule, impact: "serious", where: "stPlotlyChart",
            html: e.outerHTML.slice(0, 160), summary: `${colour} at ${alpha.toFixed(2)} is ${r.toFixed(2)}:1`});
    };
    const alphaOf = (e, part) => {
        let alpha = Number(getComputedStyle(e)[part + "Opacity"] ?? 1);
        for (let p = e; p && p.tagName !== "svg"; p = p.parentElement) alpha *= Number(getComputedStyle(p).opacity);
        const own = rgba(getComputedStyle(e)[part]);
        return alpha * (own.length > 3 ? own[3] : 1);
    };
    for (const chart of document.querySelectorAll('.stPlotlyChart')) {
        for (const e of chart.querySelectorAll('.xtick text, .ytick text, .xtitle, .ytitle, .legendtext, .gtitle')) {
            if (e.textContent.trim()) check(e, getComputedStyle(e).fill, alphaOf(e, "fill"), 4.5, "chart-text-contrast");
        }
        for (const e of chart.querySelectorAll('.legendpoints path, .scatterlayer .point, .barlayer .point path')) {
            // A see-through fill passes when its outline does (1 px or more).
            const style = getComputedStyle(e);
            const outlined = style.stroke !== "none" && parseFloat(style.strokeWidth) >= 1;
            const part = outlined || style.fill === "none" ? "stroke" : "fill";
            if (style[part] !== "none") check(e, style[part], alphaOf(e, part), 3, "chart-mark-contrast");
        }
    }
    return found;
}"""


def path(page: str) -> str:
    return "" if page == PAGES[0][0] else page


VIEWS = [f"{path(page)}?lang={lang}" for page, _ in PAGES for lang in LANGUAGES] + [
    f"{view}&lang={lang}" for view in EXTRA_VIEWS for lang in LANGUAGES
]
# What decides a page's layout, element by element: what is shown, folded or hidden from the
# accessibility tree, and where it is drawn, down to each text of the charts.
LAYOUT = """() => [...document.querySelectorAll('[data-testid], .main-svg text')].map(e => {
    const box = e.getBoundingClientRect();
    return [
        e.dataset.testid ?? e.textContent,
        e.checkVisibility(),
        e.getAttribute('aria-expanded'),
        e.closest('[inert], [aria-hidden=true]') !== null,
        ...[box.left, box.top, box.width, box.height].map(Math.round),
    ].join(' ');
})"""


def audit_themes(visit: Visit) -> list[dict]:
    """Axe's violations on the open page, in each theme: the theme follows the emulated system
    colour scheme, and the page redraws in it without a reload."""
    found = []
    for scheme in SCHEMES:
        visit.page.emulate_media(color_scheme=scheme)
        visit.page.wait_for_function(
            "dark => (getComputedStyle(document.querySelector('.stApp')).backgroundColor"
            " !== 'rgb(255, 255, 255)') === dark",
            arg=scheme == "dark",
            timeout=30_000,
        )
        found += [{**item, "scheme": scheme} for item in visit.page.evaluate(AUDIT, AXE_OPTIONS)]
        found += [{**item, "scheme": scheme} for item in visit.page.evaluate(CHART_CONTRAST)]
    return found


def audit(visit: Visit, url: str) -> dict[str, list[dict]]:
    """Axe's violations on `url` at each width, in each theme. The page is loaded once, at the
    first width, and then narrowed: Streamlit lays a narrowed page out as one opened at that width
    (test_a_narrowed_page_is_laid_out_as_one_opened_narrow), and a load costs ten times a resize."""
    first, *others = SIZES
    visit.page.set_viewport_size(dict(zip(("width", "height"), SIZES[first], strict=True)))
    visit.page.emulate_media(color_scheme=SCHEMES[0])
    visit.open(url, pause_ms=300)
    visit.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = {first: audit_themes(visit)}
    for size in others:
        visit.resize(size, pause_ms=300)
        found[size] = audit_themes(visit)
    return found


def keys(violations: list[dict]) -> set[tuple[str, str]]:
    return {(item["rule"], item["where"]) for item in violations}


def test_axe_core_is_installed():
    assert AXE.exists(), "run: npm install --no-save --prefix tests/.axe axe-core (see .ci/run)"


@pytest.fixture
def visit(browser):
    opened = Visit(browser)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def streamlits_own(browser, tmp_path_factory) -> set[tuple[str, str]]:
    """The violations of Streamlit's own one-line page, served the same way (so in the same
    theme) and audited the same way, as (rule, where)."""
    script = tmp_path_factory.mktemp("empty") / "empty.py"
    script.write_text(EMPTY_PAGE, encoding="utf-8")
    visit = Visit(browser)
    try:
        with serve(str(script)) as (url, _):
            own = [item for found in audit(visit, url).values() for item in found]
    finally:
        visit.close()
    if own:  # reported, so that a framework issue is seen, but not held against the dashboard
        warnings.warn(f"Streamlit's empty page has axe violations: {json.dumps(own)}", stacklevel=1)
    return keys(own)


# One test per view, so that the workers share them; each worker audits the empty page once.
@pytest.mark.parametrize("view", VIEWS)
def test_no_view_has_an_axe_violation_that_streamlits_empty_page_lacks(server, visit, streamlits_own, view):
    found = audit(visit, f"{server}/{view}")
    new = {
        size: [item for item in items if (item["rule"], item["where"]) not in streamlits_own]
        for size, items in found.items()
    }
    assert new == {size: [] for size in SIZES}
    assert visit.outside == []


@pytest.mark.parametrize("view", EXTRA_VIEWS)
def test_a_narrowed_page_is_laid_out_as_one_opened_narrow(server, browser, visit, view):
    """What lets the audit narrow a page instead of loading it again: every element shown, folded
    (the sidebar) and sized as when the page is opened at the phone's width."""
    narrow = Visit(browser, "phone")
    try:
        narrow.open(f"{server}/{view}", pause_ms=300)
        visit.open(f"{server}/{view}", pause_ms=300)
        visit.resize("phone", pause_ms=300)
        assert visit.page.evaluate(LAYOUT) == narrow.page.evaluate(LAYOUT)
    finally:
        narrow.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_text_only_edition_has_no_axe_violation(browser, server, lang):
    visit = Visit(browser, "phone")
    try:
        visit.page.goto(f"{server}/lite?lang={lang}")
        visit.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
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
