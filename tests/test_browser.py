"""What a person sees: every page and view in real headless Chromium, offline, at desktop and phone
width, in both languages, checked in one sweep per view: no traceback, a heading, no sideways
scroll, no axe violation (WCAG 2.1 A and AA) or chart contrast failure in either theme that
Streamlit's empty page lacks, no internal id, no English in French, no chart toolbar over a plot on
a phone, nothing loaded from outside; the README's pictures and every view's screenshots are taken
on the way. Then the map's tooltip, a timeline marker's details, the language switch, planted markup,
a country carried from the map to the timeline and the CSV download."""

import csv
import io
import json
import re
import warnings

import pytest
from browser_kit import ROOT, SIZES, Visit, serve
from page_checks import (
    EMPTY_PAGE,
    EXTRA_VIEWS,
    add_axe,
    audit,
    audit_themes,
    chart_overflows,
    close_expanders,
    english_in,
    internal_ids,
    keys,
    map_drawn,
    open_expanders,
    path_of,
    set_scheme,
)

from components.config import LANGUAGES, PAGES

SCREENSHOTS = ROOT / "tests" / "screenshots"  # every page, language and width; not committed
PICTURES = ROOT / "tests" / "pictures"  # the README's pictures, committed

pytestmark = pytest.mark.browser


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def make(size: str = "desktop") -> Visit:
        opened.append(Visit(browser, size))
        return opened[-1]

    yield make
    for item in opened:
        item.close()


@pytest.fixture(scope="module")
def streamlits_own(browser, tmp_path_factory) -> set[tuple[str, str]]:
    """The axe violations of Streamlit's own one-line page, served the same way (so in the same
    theme) and audited the same way, as (rule, where); once per test process."""
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


VIEWS = [(page, path_of(page)) for page, _ in PAGES] + list(EXTRA_VIEWS.items())  # (name, address)


def problems_at(visit: Visit, name: str, lang: str, size: str, streamlits_own: set) -> dict[str, list[str]]:
    """Every check of the open view at the width it has now, in this order: pictures and
    screenshots in the light theme with the expanders folded; axe in the light and the dark theme;
    then, with every expander open, internal ids, English in French and, at phone width, the charts'
    toolbars and labels. What fails, by check; the page is left in the dark theme, expanders open."""
    page = visit.page
    found: dict[str, list[str]] = {
        "tracebacks": page.locator('[data-testid="stException"]').all_inner_texts(),
        "a heading (h1)": [] if any(t.strip() for t in page.locator("h1").all_inner_texts()) else ["none"],
    }
    width = page.evaluate("document.documentElement.scrollWidth")
    found["sideways scroll"] = [f"{width} px wide"] if width > SIZES[size][0] else []
    if lang == "en" and name in dict(PAGES) and (size == "desktop" or name == "map"):  # the README's
        # Before the full-page shot: that one resizes the window, and charts and the map redraw.
        found["a drawn map"] = [] if name != "map" or map_drawn(visit) else ["blank"]  # slow when busy
        PICTURES.mkdir(exist_ok=True)
        page.screenshot(path=PICTURES / f"{name}-{size}.png")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{lang}-{size}.png", full_page=True)
    visit.resize(size, pause_ms=300)  # laid out again at the window's own size
    found["axe violations Streamlit's empty page lacks"] = [
        f"{item['scheme']} theme: {item['rule']} ({item['impact']}) in {item['where']}: {item['html']}"
        for item in audit_themes(visit)
        if (item["rule"], item["where"]) not in streamlits_own
    ]
    open_expanders(visit)
    found["internal ids"] = internal_ids(visit)
    if lang == "fr":
        found["English months or stop words"] = english_in(visit)
    if size == "phone":
        found["charts"] = [f"{count} with {what}" for what, count in chart_overflows(visit).items()]
    return {check: items for check, items in found.items() if items}


# One test per view and language, so that the workers share them: loaded once at desktop width and
# checked, then narrowed to phone width (Streamlit lays a narrowed page out as one opened narrow:
# tests/test_accessibility.py::test_a_narrowed_page_is_laid_out_as_one_opened_narrow; a load costs
# ten times a resize) and checked again.
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("name", "view"), VIEWS, ids=[name for name, _ in VIEWS])
def test_every_view_renders_offline_readable_and_accessible_at_both_widths(
    server, browser, streamlits_own, name, view, lang
):
    visit = Visit(browser)
    try:
        visit.page.emulate_media(color_scheme="light")
        visit.open(f"{server}/{view}{'&' if '?' in view else '?'}lang={lang}")
        add_axe(visit)
        found = {}
        for size in SIZES:
            if size != next(iter(SIZES)):  # back to the first width's state, then narrowed
                close_expanders(visit)
                set_scheme(visit, "light")
                visit.resize(size)
            found[size] = problems_at(visit, name, lang, size, streamlits_own)
        failures = [
            f"{size}: {check}: {item!r}"
            for size, checks in found.items()
            for check, items in checks.items()
            for item in items
        ]
        assert not failures, "\n".join(failures)
        assert visit.page.evaluate("document.documentElement.lang") == lang  # read aloud in its language
        assert visit.errors == []
        assert visit.failed == []
        assert visit.outside == []
    finally:
        visit.close()


def test_the_language_switch_rewrites_the_page_and_the_url(server, visit):
    view = visit()
    view.open(server)
    assert view.page.get_by_text("Combined population of the three AES states").count() == 1
    view.page.get_by_text("Français", exact=True).click()
    view.page.wait_for_function("window.location.search.includes('lang=fr')", timeout=30_000)
    view.page.wait_for_selector('[data-test-script-state="notRunning"]')
    assert view.page.get_by_text("Population cumulée des trois États de l'AES").count() == 1
    assert view.outside == []


def test_the_map_draws_the_region_offline(server, visit):
    view = visit()
    view.open(f"{server}/map?map.date=2024-01-01&map.country=MLI")
    deck = view.page.locator('[data-testid="stDeckGlJsonChart"]')
    assert map_drawn(view)
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


PLANTED = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


@pytest.fixture(scope="module")
def planted_server(tmp_path_factory):
    """The app serving a copy of the data with markup and script planted in text fields."""
    import csv
    import shutil

    folder = tmp_path_factory.mktemp("planted") / "data"
    shutil.copytree(ROOT / "data", folder)

    def plant(name: str, key: str, row_id: str, columns: list[str]) -> None:
        path = folder / name
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            if row[key] == row_id:
                for column in columns:
                    row[column] = PLANTED + row[column]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    plant("events.csv", "event_id", "c-2023-07-26-niger-coup", ["title_en", "summary_en", "note_en"])
    plant("presence.csv", "presence_id", "w-pres-us-ner-ab101", ["place_en"])
    plant("states.csv", "iso3", "NER", ["name_en"])
    with serve(env={"SAHEL_PIVOT_DATA_DIR": str(folder)}) as (url, _):
        yield url


@pytest.mark.parametrize(
    "path",
    [
        "timeline?timeline.event=c-2023-07-26-niger-coup&timeline.period=2023-07-01,2023-08-31",
        "map?map.date=2024-01-01&map.country=NER",
        "data?data.table=events&data.search=Niger",
    ],
)
def test_planted_markup_shows_as_text_and_never_runs(planted_server, visit, path):
    view = visit()
    view.open(f"{planted_server}/{path}")
    assert view.page.evaluate("window.__xss") is None
    assert view.page.locator("img[src=x]").count() == 0
    if not path.startswith("data"):  # the data page shows it inside the grid's canvas
        assert view.page.get_by_text("onerror=", exact=False).count() >= 1
    if path.startswith("map"):
        deck = view.page.locator('[data-testid="stDeckGlJsonChart"]')
        view.page.mouse.move(*centre_of(deck, 0.62, 0.45))  # over Niger at the default view
        view.page.wait_for_timeout(500)
        assert view.page.evaluate("window.__xss") is None
    assert view.errors == [] and view.outside == []


def test_a_country_chosen_on_the_map_filters_the_timeline_and_the_link_reopens_it(server, browser, visit):
    view = visit()
    view.open(f"{server}/map")
    # Chosen from the keyboard through the country box; a click on the map writes the same widget
    # (tests/test_pages.py), but deck.gl reads a slow press on a loaded CI machine as a drag.
    country = view.page.locator('[data-testid="stSelectbox"]', has_text="Country")
    country.click()
    view.page.keyboard.type("Niger")
    view.page.keyboard.press("Enter")
    view.page.wait_for_url("**map.country=NER**", timeout=30_000)
    view.settle(pause_ms=0)
    assert "map.country=NER" in view.page.url
    assert view.page.get_by_text("Click a country on the map, or choose one here.").count() == 0
    view.page.locator('[data-testid="stSidebarNavLink"]', has_text="Timeline").click()
    view.page.wait_for_url("**/timeline**", timeout=30_000)
    view.settle(pause_ms=0)
    states = '[data-testid="stMultiSelect"]:has-text("States")'  # the filter by label, not by position
    assert "Niger" in view.page.locator(states).inner_text()
    assert "timeline.states=NER" in view.page.url
    fresh = Visit(browser)  # a new context: no session, only the link
    try:
        fresh.open(view.page.url, pause_ms=0)
        assert "Niger" in fresh.page.locator(states).inner_text()
    finally:
        fresh.close()
    assert view.errors == [] and view.outside == []


def test_the_csv_download_holds_the_filtered_rows(server, visit):
    view = visit()
    view.open(f"{server}/data?data.table=events&data.search=Liptako")
    # The events' grid loads its code lazily; the plain source-types table below it does not.
    view.page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    shown = int(view.page.get_by_text(re.compile(r"^\d+ rows$")).first.inner_text().split()[0])
    with view.page.expect_download(timeout=30_000) as download:
        view.page.get_by_role("button", name="Download CSV").first.click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert download.value.suggested_filename == "sahel-pivot-events-filtered.csv"  # a search filtered them
    assert len(rows) == shown > 0  # made on click, from exactly the rows shown
    assert all("liptako" in " ".join(row.values()).lower() for row in rows)
    assert view.errors == [] and view.outside == []


def test_filters_chosen_before_a_language_switch_keep_working_after_it(server, visit):
    # The browser holds a multiselect's choice as its label; after the switch it would send the
    # English label back, and the page broke on the next change (found by tests/load.py).
    view = visit()
    view.open(f"{server}/timeline?timeline.topics=ecowas_tensions", pause_ms=0)
    view.page.get_by_text("Français", exact=True).click()
    view.page.wait_for_url("**lang=fr**", timeout=30_000)
    view.settle(pause_ms=0)
    kinds = view.page.locator('[data-testid="stMultiSelect"]:has-text("Natures")')
    kinds.click()
    view.page.keyboard.press("Enter")
    view.page.keyboard.press("Escape")
    view.page.wait_for_url("**timeline.categories=**", timeout=30_000)
    view.settle(pause_ms=0)
    assert view.page.locator('[data-testid="stException"]').count() == 0
    assert "timeline.topics=ecowas_tensions" in view.page.url
    themes = view.page.locator('[data-testid="stMultiSelect"]:has-text("Thèmes")')
    assert "Tensions AES–CEDEAO" in themes.inner_text()
    assert view.errors == [] and view.outside == []
