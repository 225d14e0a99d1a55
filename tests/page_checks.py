"""What the browser tests look for on an open page: axe-core's WCAG audit and the charts' contrast in
each theme, internal ids and English words in what a reader can read, plotly's toolbar over a plot,
and a map that has drawn. Shared by tests/test_browser.py's sweep of every view and the other
browser tests; each function reads or sets the open page of a browser_kit.Visit."""

import functools
import io
import re

from browser_kit import MAP_SIZED, ROOT, SIZES, Visit
from PIL import Image

from components.config import PAGES
from components.data import load_package_info, load_tables
from components.formatting import ID_PATTERN

# Installed by .ci/run (npm install --prefix tests/.axe axe-core@<pinned>), not fetched from a CDN.
AXE = ROOT / "tests" / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],  # passes and incomplete results are not needed, and cost time
}
SCHEMES = ("light", "dark")  # the app follows the reader's system theme
# Views beyond the plain pages, by the name of their screenshots, swept in both languages and
# widths: add new pages or states here.
EXTRA_VIEWS = {
    "map-country": "map?map.country=NER",  # the country panel
    "timeline-event": "timeline?timeline.event=c-2023-07-26-niger-coup",  # an event's details and sources
    "topics-area": "topics?topics.area=energy_nuclear",  # an area's items
}
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

# What a reader can read: the page's text, the cells the data grids have drawn (their canvas keeps
# a text copy for screen readers) and the text of the SVG charts (axis ticks, legends).
READABLE = """() => ({
  page: document.body.innerText,
  grids: [...document.querySelectorAll('[data-testid=stDataFrame]')].map(grid => grid.textContent).join('\\n'),
  charts: [...document.querySelectorAll('.main-svg text')].map(node => node.textContent).join('\\n'),
})"""
# Opens every closed expander a reader can reach (not those in the folded sidebar's inert tree)
# and marks it, so that close_expanders folds exactly these again.
OPEN_EXPANDERS = """() => document.querySelectorAll('[data-testid=stExpander] details:not([open])').forEach(details => {
  if (!details.closest('[inert]')) { details.dataset.sweepOpened = ''; details.querySelector('summary').click(); } })"""
CLOSE_EXPANDERS = """() => document.querySelectorAll('details[data-sweep-opened]').forEach(details => {
  delete details.dataset.sweepOpened; if (details.open) details.querySelector('summary').click(); })"""
# Per chart: is plotly's toolbar drawn, and do its box and the plot area's box overlap?
TOOLBAR_OVER_PLOT = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].map(chart => {
  const bar = chart.querySelector('.modebar'), plot = chart.querySelector('.nsewdrag');
  if (!bar || !plot || getComputedStyle(chart.querySelector('.modebar-container')).display === 'none') return false;
  const a = bar.getBoundingClientRect(), b = plot.getBoundingClientRect();
  return a.width > 0 && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
})"""
# Per chart: the leftmost and rightmost edge of its axis labels against the chart's own box.
LABELS_INSIDE = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].map(chart => {
  const box = chart.getBoundingClientRect();
  return [...chart.querySelectorAll('.xtick text, .ytick text')].every(label => {
    const r = label.getBoundingClientRect();
    return r.width === 0 || (r.left >= box.left - 1 && r.right <= box.right + 1);
  });
})"""
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
ENGLISH_WORDS = re.compile(r" (the|and|of|since|with) ", re.IGNORECASE)


def path_of(page: str) -> str:
    """A page's URL path: the first page is the site's root."""
    return "" if page == PAGES[0][0] else page


def set_scheme(visit: Visit, scheme: str) -> None:
    """The open page in the system colour scheme `scheme`: the theme follows it without a reload."""
    visit.page.emulate_media(color_scheme=scheme)
    visit.page.wait_for_function(
        "dark => (getComputedStyle(document.querySelector('.stApp')).backgroundColor"
        " !== 'rgb(255, 255, 255)') === dark",
        arg=scheme == "dark",
        timeout=30_000,
    )


def audit_themes(visit: Visit) -> list[dict]:
    """Axe's violations and the charts' contrast failures on the open page, in each theme (it is
    left in the last); axe-core must have been added to the page (add_axe)."""
    found = []
    for scheme in SCHEMES:
        set_scheme(visit, scheme)
        found += [{**item, "scheme": scheme} for item in visit.page.evaluate(AUDIT, AXE_OPTIONS)]
        found += [{**item, "scheme": scheme} for item in visit.page.evaluate(CHART_CONTRAST)]
    return found


def add_axe(visit: Visit) -> None:
    visit.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))


def audit(visit: Visit, url: str) -> dict[str, list[dict]]:
    """Axe's violations on `url` at each width, in each theme: loaded once at the first width, then
    narrowed, as the sweep does."""
    first, *others = SIZES
    visit.page.set_viewport_size(dict(zip(("width", "height"), SIZES[first], strict=True)))
    visit.page.emulate_media(color_scheme=SCHEMES[0])
    visit.open(url, pause_ms=300)
    add_axe(visit)
    found = {first: audit_themes(visit)}
    for size in others:
        visit.resize(size, pause_ms=300)
        found[size] = audit_themes(visit)
    return found


def keys(violations: list[dict]) -> set[tuple[str, str]]:
    """Violations as (rule, where), comparable across pages."""
    return {(item["rule"], item["where"]) for item in violations}


def distinct_colours(png: bytes) -> int:
    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1_000_000) or [])


def map_drawn(view: Visit) -> bool:
    """Wait until the map has drawn shapes, fills and markers (not a blank box); False if it never did."""
    deck = view.page.locator('[data-testid="stDeckGlJsonChart"]')
    view.page.wait_for_function(MAP_SIZED, timeout=30_000)
    for _ in range(20):
        if distinct_colours(deck.screenshot()) > 20:
            return True
        view.page.wait_for_timeout(500)
    return False


def open_expanders(visit: Visit) -> None:
    """What is folded away is text too: every expander a reader can open, opened."""
    visit.page.evaluate(OPEN_EXPANDERS)
    visit.page.wait_for_timeout(1000)  # an expander opens in the browser, without a rerun


def close_expanders(visit: Visit) -> None:
    """The expanders open_expanders opened, folded again."""
    visit.page.evaluate(CLOSE_EXPANDERS)
    visit.page.wait_for_timeout(500)


def without_addresses(text: str) -> str:
    return re.sub(r"(https?://|\?)\S+", " ", text)


def internal_ids(visit: Visit) -> list[str]:
    """The internal ids (formatting.ID_PATTERN) in the open page's text and grids; links'
    addresses are not text to read."""
    readable = visit.page.evaluate(READABLE)
    return ID_PATTERN.findall(without_addresses(f"{readable['page']}\n{readable['grids']}"))


@functools.cache
def exclusions() -> tuple[str, ...]:
    """Text that stays in its own language in a French page: the sources' titles and publishers,
    people's names, and the citations of third-party data (quoted in their own language). Longest
    first, so that a title is removed before a name inside it."""
    tables = load_tables("sources", "leaders")
    kept = [*tables["sources"]["title"], *tables["sources"]["publisher"], *tables["leaders"]["name"]]
    for resource in load_package_info()["resources"]:
        kept += resource.get("x_citations", [])
    kept += ["Government of Mali"]  # UCDP's name of a side, quoted on the Security page
    return tuple(sorted({text for text in kept if text}, key=len, reverse=True))


def english_in(visit: Visit) -> list[str]:
    """English month names and stop words in the open page's text and charts, the exclusions taken
    out, each with some text around it."""
    readable = visit.page.evaluate(READABLE)
    text = f"{readable['page']}\n{readable['charts']}"
    for item in exclusions():
        text = text.replace(item, " ")
    return [
        text[max(0, m.start() - 40) : m.end() + 40]
        for pattern in (ENGLISH_MONTHS, ENGLISH_WORDS)
        for m in pattern.finditer(text)
    ]


def chart_overflows(visit: Visit) -> dict[str, int]:
    """How many charts have plotly's toolbar over their plot, and how many have axis labels past
    their box, each shown as a pointer over it shows them."""
    charts = visit.page.locator('[data-testid="stPlotlyChart"]')
    for index in range(charts.count()):
        chart = charts.nth(index)
        if chart.is_visible():  # a chart in a tab not chosen is not drawn
            chart.evaluate("chart => chart.scrollIntoView({block: 'center'})")
            chart.hover()
    visit.page.wait_for_timeout(500)
    found = {
        "toolbar over the plot": sum(visit.page.evaluate(TOOLBAR_OVER_PLOT)),
        "axis labels outside the chart": sum(not inside for inside in visit.page.evaluate(LABELS_INSIDE)),
    }
    visit.page.mouse.move(0, 0)
    return {what: count for what, count in found.items() if count}
