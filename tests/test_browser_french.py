"""French as a French reader's browser shows it: the sliders' days in words, the timeline axis's
months and the language a French browser opens; that no French page or view shows an English month
or stop word is one of the checks of tests/test_browser.py's sweep."""

import re

import pytest
from browser_kit import Visit
from page_checks import ENGLISH_MONTHS

pytestmark = pytest.mark.browser

ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def make(size: str = "desktop", locale: str | None = None) -> Visit:
        opened.append(Visit(browser, size, locale=locale))
        return opened[-1]

    yield make
    for item in opened:
        item.close()


@pytest.mark.parametrize(
    ("lang", "day", "period"),
    [
        ("en", "3 April 2025", ["18 August 2020", "4 April 2025"]),
        ("fr", "3 avril 2025", ["18 août 2020", "4 avril 2025"]),
    ],
)
def test_the_date_sliders_write_days_in_words_never_iso(server, visit, lang, day, period):
    view = visit()
    view.open(f"{server}/map?lang={lang}")
    view.page.wait_for_selector('[data-testid="stSliderThumbValue"]')
    assert view.page.locator('[data-testid="stSliderThumbValue"]').all_inner_texts() == [day]
    view.open(f"{server}/timeline?lang={lang}")
    view.page.wait_for_function("document.querySelectorAll('[data-testid=stSliderThumbValue]').length == 2")
    thumbs = view.page.locator('[data-testid="stSliderThumbValue"]').all_inner_texts()
    assert thumbs == period
    assert ISO_DAY.findall(" ".join(thumbs)) == []


def test_the_french_timeline_axis_reads_french_months(server, visit):
    view = visit()
    view.open(f"{server}/timeline?lang=fr&timeline.period=2021-01-01,2021-12-31")
    view.page.wait_for_selector('[data-testid="stPlotlyChart"] .xtick text', timeout=60_000)
    ticks = view.page.locator('[data-testid="stPlotlyChart"] .xtick text').all_text_contents()
    assert ticks, "no axis ticks drawn"
    assert not any(ENGLISH_MONTHS.search(tick) for tick in ticks), ticks
    french = re.compile(
        r"^(janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.)( \d{4})?$|^\d{4}$"
    )
    assert all(french.match(tick.strip()) for tick in ticks), ticks
    assert any(tick.startswith(("janv.", "avr.", "juil.", "oct.")) for tick in ticks), ticks


def test_a_french_browser_opens_the_french_dashboard_and_the_link_says_so(server, visit):
    view = visit(locale="fr-FR")
    view.open(server)
    view.page.wait_for_function("window.location.search.includes('lang=fr')", timeout=30_000)
    assert view.page.get_by_text("Population cumulée des trois États de l'AES").count() == 1
    view.open(f"{server}/?lang=en")  # the same French browser, on a link that names English
    assert view.page.get_by_text("Combined population of the three AES states").count() == 1
    assert "lang=en" in view.page.url
