"""The timeline as drawn in headless Chromium: no label overlaps another or leaves the chart, at
desktop and phone width, in both languages; a click on a duration bar opens its details."""

import itertools
import re

import pytest
from browser_kit import SIZES, Visit

pytestmark = pytest.mark.browser

# Boxes of what the timeline's SVG draws as text, and of its plot area and markers, in page pixels.
MEASURE = """() => {
  const chart = document.querySelector('[data-testid="stPlotlyChart"]');
  const box = (el, kind) => {
    const r = el.getBoundingClientRect();
    return {kind, text: el.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom};
  };
  const all = (selector, kind) => [...chart.querySelectorAll(selector)].map(el => box(el, kind));
  const labels = [
    ...all('.annotation-text', 'annotation'),
    ...all('.textpoint text', 'text'),
    ...all('text.bartext', 'bar'),
    ...all('.ytick text', 'lane'),
    ...all('.xtick text', 'axis'),
    ...all('.legendtext', 'legend'),
  ].filter(l => l.x1 - l.x0 > 0 && l.text.trim());
  return {
    figure: box(chart.querySelector('.svg-container'), 'figure'),
    plot: box(chart.querySelector('.draglayer .nsewdrag'), 'plot'),
    labels,
    markers: all('.scatterlayer .points path.point', 'marker'),
  };
}"""
SLACK = 0.5  # pixels: anti-aliased edges of boxes that only touch
VIEWS = {
    "default": "",
    "state": "&timeline.states=NER",
    "period": "&timeline.period=2023-01-01,2024-12-31",
}


def overlaps(a: dict, b: dict) -> bool:
    return min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > SLACK and (
        min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]) > SLACK
    )


def outside(inner: dict, outer: dict) -> bool:
    return (
        inner["x0"] < outer["x0"] - SLACK
        or inner["x1"] > outer["x1"] + SLACK
        or inner["y0"] < outer["y0"] - SLACK
        or inner["y1"] > outer["y1"] + SLACK
    )


def label_problems(drawn: dict) -> list[str]:
    """Every pair of labels that overlap, every label outside the figure or (the chart's own labels:
    annotations and texts) past the plot's left or right edge, and every marker cut by that edge."""
    problems = [
        f"overlap: {a['text']!r} / {b['text']!r}"
        for a, b in itertools.combinations(drawn["labels"], 2)
        if overlaps(a, b)
    ]
    plot, figure = drawn["plot"], drawn["figure"]
    for label in drawn["labels"]:
        area = figure
        if label["kind"] in ("annotation", "text", "bar"):
            area = {**figure, "x0": plot["x0"], "x1": plot["x1"]}
        if outside(label, area):
            problems.append(f"clipped: {label['text']!r}")
    problems += [f"marker cut at x={m['x0']:.0f}" for m in drawn["markers"] if outside(m, drawn["plot"])]
    return problems


def measure(view: Visit) -> dict:
    """Wait for the open timeline's chart to be drawn and measure it."""
    view.page.locator('[data-testid="stPlotlyChart"] .draglayer .nsewdrag').first.wait_for(
        state="attached", timeout=60_000
    )
    view.page.wait_for_timeout(500)  # plotly lays annotations out after the plot
    return view.page.evaluate(MEASURE)


@pytest.fixture(scope="module")
def desk(browser):
    opened = Visit(browser, "desktop")
    yield opened
    opened.close()


@pytest.mark.parametrize("view_name", list(VIEWS))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_label_overlaps_another_or_leaves_the_chart(server, desk, lang, view_name):
    """At each width: opened at the desk's and then narrowed to the phone's, laid out as when
    opened there (tests/test_accessibility.py checks it on the timeline)."""
    first, *others = SIZES
    desk.page.set_viewport_size(dict(zip(("width", "height"), SIZES[first], strict=True)))
    desk.open(f"{server}/timeline?lang={lang}{VIEWS[view_name]}", pause_ms=0)
    drawn = {first: measure(desk)}
    for size in others:
        desk.resize(size, pause_ms=0)
        drawn[size] = measure(desk)
    for size in SIZES:  # the lanes, the axis and the chart's own labels were measured
        assert len(drawn[size]["labels"]) > 10, size
    assert {size: label_problems(found) for size, found in drawn.items()} == {size: [] for size in SIZES}
    assert desk.errors == [] and desk.outside == []


def test_clicking_a_duration_bar_opens_its_details_and_sources(server, desk):
    view = desk
    view.page.set_viewport_size(dict(zip(("width", "height"), SIZES["desktop"], strict=True)))
    view.open(f"{server}/timeline?timeline.states=NER", pause_ms=500)
    assert view.page.get_by_text("Click a marker, or choose an event here.").count() == 1
    bar = view.page.locator('[data-testid="stPlotlyChart"] .barlayer .point path').first
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    view.page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
    view.page.mouse.down()
    view.page.mouse.up()
    view.page.wait_for_url(
        re.compile(r"timeline\.event=(presence|leader|sanctions|suspension)\."), timeout=30_000
    )
    view.settle(pause_ms=0)
    headings = view.page.locator('[data-testid="stHeading"] h3').all_inner_texts()
    assert any("Niger" in heading or "Bazoum" in heading or "Tiani" in heading for heading in headings)
    assert view.page.locator('[data-testid="stMarkdown"] a[href^="https://"]').count() > 0  # its sources
    assert view.errors == [] and view.outside == []
