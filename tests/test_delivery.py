"""Compressed delivery and the text-only edition, through the README's start command."""

import asyncio
import gzip
import io
import json
import re
import threading
import tomllib
import urllib.request
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import brotli
import pandas as pd
import pytest
import streamlit
from browser_kit import ROOT, run_coroutine
from fontTools.ttLib import TTFont
from streamlit.testing.v1 import AppTest

from components import data, delivery, icon_font
from components.config import FIRST_COUP, FIRST_SCREEN_CHUNKS, MOSCOW_CONSULTATIONS, PAGES
from components.data import data_stamp, load_shapes, load_tables
from components.delivery import BEST_QUALITY, QUICK_QUALITY, CompressedDelivery, _lite_html, negotiate
from components.formatting import escape_markdown
from components.i18n import t
from components.model import border_segments, overview_figures, shapes_version

STATIC = Path(streamlit.__file__).parent / "static"
PLANTED = "<img src=x onerror=alert(1)>"


def fetch(url: str, accept: str | None) -> tuple[dict, bytes]:
    """Headers (lower-cased names) and raw body, as sent over the wire."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


def decoded(headers: dict, body: bytes) -> bytes:
    coding = headers.get("content-encoding")
    return brotli.decompress(body) if coding == "br" else gzip.decompress(body) if coding == "gzip" else body


class Page(HTMLParser):
    """Tags and text of an HTML page; fails on nothing, records what it saw."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data):
        self.text.append(data)


def parsed(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def assets() -> list[str]:
    """The entry script and style sheet named by Streamlit's index page."""
    index = (STATIC / "index.html").read_text(encoding="utf-8")
    return re.findall(
        r'(?:src|href)="\./(static/(?:js/index\.[^./"]+|css/index\.[^./"]+)\.(?:js|css))"', index
    )


@pytest.mark.parametrize(
    ("accept", "coding"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        (None, None),
        ("identity", None),
    ],
)
def test_negotiate(accept, coding):
    assert negotiate(accept or "") == coding


@pytest.mark.parametrize(("accept", "coding"), [("br, gzip", "br"), ("gzip", "gzip"), (None, None)])
def test_scripts_and_styles_go_out_compressed_and_decompress_to_the_files(server, accept, coding):
    names = assets()
    assert len(names) == 2
    for name in names:
        headers, body = fetch(f"{server}/{name}", accept)
        assert headers.get("content-encoding") == coding
        assert int(headers["content-length"]) == len(body)
        plain = (STATIC / name).read_bytes()
        assert decoded(headers, body) == plain
        if coding:
            assert len(body) < len(plain) / 3
        assert "immutable" in headers["cache-control"]


def test_the_biggest_chunk_is_compressed_once_and_then_served_from_memory(server):
    name = "static/js/" + max((STATIC / "static" / "js").iterdir(), key=lambda p: p.stat().st_size).name
    first, body = fetch(f"{server}/{name}", "br")
    again, same = fetch(f"{server}/{name}", "br")
    assert first["content-encoding"] == again["content-encoding"] == "br"
    assert body == same  # its best-quality pass takes 16 s of CPU: both are the quick answer
    assert brotli.decompress(body) == (STATIC / name).read_bytes()


def test_the_maps_borders_are_served_once_for_good_and_match_the_shapes(server):
    shapes = load_shapes()
    headers, body = fetch(f"{server}/map-borders.json?v={shapes_version(shapes)}", "br")
    assert headers["content-encoding"] == "br" and headers["content-type"] == "application/json"
    assert "immutable" in headers["cache-control"]
    assert json.loads(decoded(headers, body)) == border_segments(shapes["features"])
    stale, _ = fetch(f"{server}/map-borders.json?v=older", None)  # another version of the shapes
    assert stale["cache-control"] == "no-cache"


ASSET_PATH = "/static/js/chunk.js"
IMMUTABLE = b"public, immutable, max-age=31536000"


def asset_app(body: bytes):
    """An inner ASGI app that serves `body` the way Streamlit serves a hashed script."""

    async def app(scope, receive, send):
        headers = [
            (b"content-type", b"application/javascript"),
            (b"content-length", str(len(body)).encode()),
            (b"etag", b'"1700000000-%d"' % len(body)),
            (b"cache-control", IMMUTABLE),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app


async def get(middleware: CompressedDelivery, accept: str) -> tuple[dict, bytes]:
    sent = []

    async def send(message):
        sent.append(message)

    headers = [(b"accept-encoding", accept.encode())]
    await middleware({"type": "http", "method": "GET", "path": ASSET_PATH, "headers": headers}, None, send)
    return dict(sent[0]["headers"]), sent[1]["body"]


@pytest.fixture
def script():
    """A real Streamlit script of 100–300 KB: a best-quality pass of it takes well under a second."""
    scripts = [p for p in (STATIC / "static" / "js").glob("*.js") if 100_000 < p.stat().st_size < 300_000]
    return max(scripts, key=lambda p: p.stat().st_size).read_bytes()


@pytest.fixture
def compressions(monkeypatch):
    """Every compression the middleware makes, as (coding, Brotli quality); a best-quality pass
    waits until the test sets `release`."""
    made, release, compress = [], threading.Event(), delivery._compress

    def counted(body, coding, brotli_quality=QUICK_QUALITY):
        made.append((coding, brotli_quality if coding == "br" else None))
        if brotli_quality == BEST_QUALITY:
            assert release.wait(timeout=60)
        return compress(body, coding, brotli_quality)

    monkeypatch.setattr(delivery, "_compress", counted)
    return made, release


def test_an_asset_goes_out_quick_at_once_then_at_the_best_quality_compressed_once_each(script, compressions):
    made, release = compressions

    async def visits():
        middleware = CompressedDelivery(asset_app(script))
        first = [await get(middleware, "gzip, br") for _ in range(3)]  # the best pass is held back
        release.set()
        await asyncio.wait_for(asyncio.gather(*middleware.improving), timeout=60)
        assert not middleware.improving
        return first, [await get(middleware, "br") for _ in range(3)]

    first, later = run_coroutine(visits())
    quick, best = (
        brotli.compress(script, quality=QUICK_QUALITY),
        brotli.compress(script, quality=BEST_QUALITY),
    )
    assert len(best) < len(quick)
    assert [body for _, body in first] == [quick] * 3
    assert [body for _, body in later] == [best] * 3
    assert made == [("br", QUICK_QUALITY), ("br", BEST_QUALITY)]  # never per request
    for headers, body in first + later:
        assert headers[b"content-encoding"] == b"br"
        assert headers[b"content-length"] == str(len(body)).encode()
        assert headers[b"cache-control"] == IMMUTABLE
        assert headers[b"etag"].startswith(b'"1700000000-')
        assert brotli.decompress(body) == script


def test_gzip_answers_are_compressed_once_and_not_recompressed(script, compressions):
    made, _ = compressions

    async def visits():
        middleware = CompressedDelivery(asset_app(script))
        answers = [await get(middleware, "gzip") for _ in range(3)]
        return answers, middleware.improving

    answers, improving = run_coroutine(visits())
    assert made == [("gzip", None)] and not improving
    assert all(gzip.decompress(body) == script for _, body in answers)


def test_the_theme_uses_system_fonts_so_the_index_page_fetches_none_of_streamlits_text_fonts(server):
    theme = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
    assert theme["font"].endswith("sans-serif") and theme["codeFont"].endswith("monospace")
    assert not {"base", "font"} & set(theme["light"]) and not {"base", "font"} & set(theme["dark"])
    shipped = (STATIC / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'rel="preload"[^>]*as="font"', shipped)) == 1  # Streamlit's, for Source Sans
    headers, body = fetch(f"{server}/timeline", "br")
    page = decoded(headers, body).decode()
    assert 'as="font"' not in page and "SourceSans" not in page
    # Source Sans, which Streamlit's first frame asks for, is declared again as the reader's own fonts.
    assert page.index(delivery.LOCAL_SOURCE_SANS.decode()) > page.index('rel="stylesheet"')
    # The rest kept, and the timeline's chart code asked for at once (FIRST_SCREEN_CHUNKS).
    assert page.count('rel="modulepreload"') == shipped.count('rel="modulepreload"') + 1


@pytest.mark.parametrize(
    ("font", "kept"),
    [(None, True), ('"Source Sans", sans-serif', True), ("system-ui, Roboto, Arial, sans-serif", False)],
)
def test_streamlits_font_preload_is_kept_only_where_the_theme_uses_source_sans(font, kept):
    assert delivery.theme_uses_source_sans(font) is kept


def test_the_index_page_names_the_text_only_edition_while_loading(server):
    headers, body = fetch(f"{server}/map", "br")
    assert headers["content-encoding"] == "br"
    page = decoded(headers, body).decode()
    assert page.count('href="./lite?lang=fr"') == 2  # in the loading text and in <noscript>
    assert "no-cache" in headers["cache-control"]


@pytest.mark.parametrize("page", ["", "map", "timeline", "topics", "data"])
def test_each_page_asks_at_once_for_the_chunk_its_first_screen_waits_for_and_no_other(server, page):
    headers, body = fetch(f"{server}/{page}", "br")
    html = decoded(headers, body).decode()
    wanted = FIRST_SCREEN_CHUNKS.get(page)
    preloaded = [name for name in ("PlotlyChart", "DeckGlJsonChart") if f"/static/js/{name}." in html]
    assert preloaded == ([wanted] if wanted else [])
    if wanted:  # the file it names is the one the framework loads
        href = html.split(f'href="./static/js/{wanted}.', 1)[1].split('"', 1)[0]
        response_headers, script = fetch(f"{server}/static/js/{wanted}.{href}", None)
        assert len(script) > 500_000 and "javascript" in response_headers["content-type"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_text_only_edition_is_light_has_no_script_and_follows_the_language(server, lang):
    headers, body = fetch(f"{server}/lite?lang={lang}", "br")
    assert headers["content-encoding"] == "br"
    assert len(body) <= 100 * 1024
    text = decoded(headers, body).decode()
    page = parsed(text)
    assert "script" not in page.tags
    assert not any(name.startswith("on") for name, _ in page.attributes)
    assert f'<html lang="{lang}">' in text
    assert ("Chronologie" in text) == (lang == "fr")


def test_the_text_only_edition_shows_the_dashboards_counts(server):
    _, body = fetch(f"{server}/lite?lang=en", None)
    text = body.decode()
    tables = load_tables("states", "events", "cooperation", "sources")
    figures = overview_figures(*tables.values(), FIRST_COUP, MOSCOW_CONSULTATIONS)
    chronology = text[text.index('id="chronology"') :]
    assert chronology.count("<li>") == figures["events"] == len(tables["events"])
    cooperation = text[text.index('id="cooperation"') : text.index('id="chronology"')]
    assert cooperation.count("<li>") == figures["agreements"]
    assert f"({figures['agreements']} items)" in cooperation


def test_the_text_only_edition_escapes_planted_markup(data_copy):
    path = data_copy / "events.csv"
    events = pd.read_csv(path, dtype=str, keep_default_na=False)
    events.loc[0, "title_fr"] = PLANTED
    events.loc[1, "summary_fr"] = '"><script>alert(2)</script>'
    events.to_csv(path, index=False)
    page, status = _lite_html(*data_stamp(), "fr", date(2025, 1, 1))
    assert status == 200
    assert PLANTED not in page and "<script>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    seen = parsed(page)
    assert "img" not in seen.tags and "script" not in seen.tags


def test_the_text_only_edition_names_a_damaged_file_instead_of_failing(data_copy):
    (data_copy / "events.csv").write_text("event_id\n<b>broken</b>\n", encoding="utf-8")
    page, status = _lite_html(*data_stamp(), "en", date(2025, 1, 1))
    assert status == 503
    assert "events.csv" in page and "<b>" not in page


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_sidebar_links_to_the_text_only_edition_in_the_readers_language(lang):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    links = [m.value for m in at.sidebar.markdown if "lite?lang=" in m.value]
    assert links == [f":material/article: [{escape_markdown(t('lite.link', lang))}](lite?lang={lang})"]


def test_the_icon_font_goes_out_as_the_subset_of_the_icons_the_pages_can_show(server):
    shipped = data.icon_font_file()
    headers, body = fetch(f"{server}/static/media/{shipped.name}", "br")
    assert headers["content-type"] == "font/woff2" and int(headers["content-length"]) == len(body)
    assert "immutable" in headers["cache-control"]
    assert len(body) < shipped.stat().st_size / 4
    served, whole = TTFont(io.BytesIO(body)), TTFont(shipped)
    names, every = icon_font.ligatures(served), icon_font.ligatures(whole)
    assert served.flavor == "woff2" and len(names) < len(every) / 4
    used = ["expand_more", "keyboard_double_arrow_left", "keyboard_arrow_down", "more_vert", "check_circle"]
    used += [icon.removeprefix(":material/").removesuffix(":") for _, icon in PAGES]
    used += ["download", "restart_alt", "article", "format_quote", "share", "upload_file"]  # the app's own
    for name in used:  # each still a ligature of its letters, to a glyph with an outline
        assert name in names, name
        assert served["glyf"][names[name]].numberOfContours != 0, name
    assert "sports_cricket" in every and "sports_cricket" not in names  # an icon nothing shows
    assert served.getBestCmap()[0xE89E] == names["open_in_new"]  # the data grid's link icon
