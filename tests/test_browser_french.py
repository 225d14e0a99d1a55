"""French, all of it, as a French reader's browser shows it: dates, axis ticks, sliders, words."""

import re

import pytest
from browser_kit import Visit

from components.config import PAGES
from components.data import load_package_info, load_tables

pytestmark = pytest.mark.browser

ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
ENGLISH_WORDS = re.compile(r" (the|and|of|since|with) ", re.IGNORECASE)
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# What a page shows of its SVG charts (axis ticks, legends) and of its HTML, visible text only.
VISIBLE_TEXT = """() => [
    document.body.innerText,
    ...[...document.querySelectorAll('.main-svg text')].map(node => node.textContent),
].join('\\n')"""


def exclusions() -> list[str]:
    """Text that stays in its own language in a French page: the sources' titles and publishers,
    people's names, and the citations of third-party data (quoted in their own language). Longest
    first, so that a title is removed before a name inside it."""
    tables = load_tables("sources", "leaders")
    kept = [*tables["sources"]["title"], *tables["sources"]["publisher"], *tables["leaders"]["name"]]
    for resource in load_package_info()["resources"]:
        kept += resource.get("x_citations", [])
    kept += ["Government of Mali"]  # UCDP's name of a side, quoted on the Security page
    return sorted({text for text in kept if text}, key=len, reverse=True)


def readable(text: str, kept: list[str]) -> str:
    """`text` with every excluded string taken out."""
    for item in kept:
        text = text.replace(item, " ")
    return text


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def make(size: str = "desktop", locale: str | None = None) -> Visit:
        opened.append(Visit(browser, size, locale=locale))
        return opened[-1]

    yield make
    for item in opened:
        item.close()


def path_of(page: str) -> str:
    return "" if page == PAGES[0][0] else page


def english_in(view: Visit, kept: list[str]) -> list[str]:
    """English month names and stop words in what the page shows, each with some text around it."""
    text = readable(view.page.evaluate(VISIBLE_TEXT), kept)
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in ENGLISH_MONTHS.finditer(text)] + [
        text[max(0, m.start() - 40) : m.end() + 40] for m in ENGLISH_WORDS.finditer(text)
    ]


# One test per page, so that the workers share them.
@pytest.mark.parametrize("page", [name for name, _ in PAGES])
def test_no_french_page_shows_an_english_month_or_stop_word_at_either_width(server, visit, page):
    """A page in French, opened once at the desk's width and then narrowed to the phone's."""
    view, kept, found = visit(), exclusions(), {}
    view.open(f"{server}/{path_of(page)}?lang=fr")
    # What a reader can open counts too: every expander of the main column.
    summaries = view.page.locator('[data-testid="stMain"] [data-testid="stExpander"] summary')
    for index in range(min(summaries.count(), 30)):
        summaries.nth(index).click()
    view.page.wait_for_timeout(1000)  # an expander opens in the browser, without a rerun
    found["desktop"] = english_in(view, kept)
    view.resize("phone")
    found["phone"] = english_in(view, kept)
    assert {where: words for where, words in found.items() if words} == {}
    assert view.page.evaluate("document.documentElement.lang") == "fr"  # a French page was read


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
