"""Topics and sharing in Chromium at phone width: no internal id in visible text, thumb-sized
copy buttons and links, no chart toolbar over a plot, and an area chosen by a click on its bar."""

import re

import pandas as pd
import pytest
from browser_kit import Visit

from components.config import PAGES
from components.data import DEFAULT_DATA_DIR
from components.formatting import ID_PATTERN

THUMB = 44  # px, WCAG 2.5.5
# Everything a reader can read: the page's text and the cells the data grids have drawn (their
# canvas keeps a text copy for screen readers). Addresses are links' targets, not text to read.
VISIBLE_TEXT = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[data-testid=stDataFrame]')].map(grid => grid.textContent)].join('\\n')"""
OPEN_EXPANDERS = """() => document.querySelectorAll('[data-testid=stExpander] summary').forEach(summary => {
  if (!summary.closest('[inert]')) summary.click(); })"""
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


@pytest.fixture
def phone(browser):
    opened = Visit(browser, "phone")
    yield opened
    opened.close()


def test_the_id_pattern_matches_every_real_id():
    for table, key in [("sources", "source_id"), ("events", "event_id"), ("cooperation", "coop_id")]:
        ids = pd.read_csv(DEFAULT_DATA_DIR / f"{table}.csv")[key]
        assert ids.map(lambda i: ID_PATTERN.fullmatch(i) is not None).all(), table


def without_addresses(text: str) -> str:
    return re.sub(r"(https?://|\?)\S+", " ", text)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("page", [name for name, _ in PAGES])
def test_no_page_shows_an_internal_id_at_phone_width(server, phone, page, lang):
    chosen = "topics.area=energy_nuclear&map.country=MLI&timeline.event=c-2023-07-26-niger-coup"
    phone.open(f"{server}/{'' if page == PAGES[0][0] else page}?lang={lang}&{chosen}")
    phone.page.evaluate(OPEN_EXPANDERS)  # what is folded away is text too
    phone.page.wait_for_timeout(500)
    seen = ID_PATTERN.findall(without_addresses(phone.page.evaluate(VISIBLE_TEXT)))
    assert phone.page.locator('[data-testid="stException"]').count() == 0
    assert seen == []
    assert phone.errors == [] and phone.outside == []


def test_cite_share_and_report_are_on_the_page_and_thumb_sized_on_a_phone(server, phone):
    phone.open(f"{server}/timeline?lang=fr")
    page = phone.page
    targets = [
        page.locator(".st-key-cite-share summary", has_text=name) for name in ("Citer cette vue", "Partager")
    ]
    for summary in targets:
        summary.click()
    page.wait_for_timeout(500)
    labels = [page.locator(f'label[for="copy-{key}"]').inner_text() for key in ("cite.en", "cite.fr")]
    assert labels == ["Citation en anglais", "Citation en français"]
    assert "Vue « Chronologie »" in page.locator("#copy-cite\\.fr").input_value()
    targets += [
        *page.locator("button[data-copy]").all(),
        page.get_by_role("link", name="Signaler une erreur"),
    ]
    assert len(targets) == 6
    for target in targets:
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box["width"] >= THUMB and box["height"] >= THUMB, target
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # on screen, not in the closed sidebar
    assert phone.errors == [] and phone.outside == []


@pytest.mark.parametrize("page", ["topics", "security", "timeline", "overview"])
def test_no_chart_toolbar_covers_a_plot_and_nothing_runs_off_a_phone(server, phone, page):
    phone.open(f"{server}/{'' if page == PAGES[0][0] else page}")
    charts = phone.page.locator('[data-testid="stPlotlyChart"]')
    for index in range(charts.count()):  # a pointer over a chart is what shows plotly's toolbar
        charts.nth(index).evaluate("chart => chart.scrollIntoView({block: 'center'})")
        charts.nth(index).hover()
    phone.page.wait_for_timeout(500)
    assert not any(phone.page.evaluate(TOOLBAR_OVER_PLOT))
    assert all(phone.page.evaluate(LABELS_INSIDE))
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390  # tables scroll inside
    assert phone.errors == [] and phone.outside == []


def test_a_click_on_an_area_bar_lists_its_items_and_keeps_the_area_in_the_link(server, browser):
    view = Visit(browser, "desktop")
    try:
        view.open(f"{server}/topics")
        chart = view.page.locator(
            '[data-testid="stPlotlyChart"]', has=view.page.locator(".ytick", has_text="Mining")
        )
        chart.scroll_into_view_if_needed()
        tick = chart.locator(".ytick text", has_text="Mining").bounding_box()
        row = tick["y"] + tick["height"] / 2
        # The bar on the tick's row, clicked where a reader would: plotly's drag layer lies on top.
        boxes = [bar.bounding_box() for bar in chart.locator(".point path").all()]
        bar = min(boxes, key=lambda box: abs(box["y"] + box["height"] / 2 - row))
        view.page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)
        view.page.wait_for_url("**topics.area=mining**", timeout=30_000)
        view.settle(pause_ms=500)
        box = view.page.locator("[data-testid=stSelectbox]").filter(has_text="Area of cooperation")
        shown = box.inner_text() + " ".join(field.input_value() for field in box.locator("input").all())
        assert "Mining" in shown  # the list box follows the chart
        assert view.page.get_by_text(re.compile(r"^\d+ items in “Mining”$")).count() == 1
    finally:
        view.close()
    assert view.errors == [] and view.outside == []
