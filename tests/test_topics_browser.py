"""Topics and sharing in Chromium: the id pattern matches every real id, thumb-sized copy buttons
and links at phone width, and an area chosen by a click on its bar. That no view shows an internal id
and that no chart toolbar covers a plot on a phone are checks of tests/test_browser.py's sweep."""

import re

import pandas as pd
import pytest
from browser_kit import Visit

from components.data import DEFAULT_DATA_DIR
from components.formatting import ID_PATTERN

THUMB = 44  # px, WCAG 2.5.5


@pytest.fixture
def phone(browser):
    opened = Visit(browser, "phone")
    yield opened
    opened.close()


def test_the_id_pattern_matches_every_real_id():
    for table, key in [("sources", "source_id"), ("events", "event_id"), ("cooperation", "coop_id")]:
        ids = pd.read_csv(DEFAULT_DATA_DIR / f"{table}.csv")[key]
        assert ids.map(lambda i: ID_PATTERN.fullmatch(i) is not None).all(), table


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
