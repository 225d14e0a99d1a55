"""Compressed delivery and the text-only edition, through the README's start command."""

import gzip
import re
import urllib.request
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import brotli
import pandas as pd
import pytest
import streamlit
from browser_kit import ROOT
from streamlit.testing.v1 import AppTest

from components.config import FIRST_COUP, MOSCOW_CONSULTATIONS
from components.data import data_stamp, load_tables
from components.delivery import _lite_html, negotiate
from components.formatting import escape_markdown
from components.i18n import t
from components.model import overview_figures

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
    assert body == same
    assert brotli.decompress(body) == (STATIC / name).read_bytes()


def test_the_index_page_names_the_text_only_edition_while_loading(server):
    headers, body = fetch(f"{server}/map", "br")
    assert headers["content-encoding"] == "br"
    page = decoded(headers, body).decode()
    assert page.count('href="./lite?lang=fr"') == 2  # in the loading text and in <noscript>
    assert "no-cache" in headers["cache-control"]


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
