"""Serving layer beside app.py, for Streamlit's ASGI app (st.App): every text response compressed
once (Brotli where the browser accepts it, gzip otherwise), the text-only edition at /lite and the
map's borders at /map-borders.json.

Streamlit 1.67 sends its JavaScript uncompressed (its gzip middleware skips static files); on a
1.6 Mbit/s link that is most of a first visit. The middleware below sits outside Streamlit's own
(user middleware runs first), asks the inner app for plain bytes, and answers from a cache keyed
by the file's ETag or the body's digest, so each asset is compressed once per server process: at
a quick Brotli quality for the request that first asks, then at the best one in the background.
"""

import asyncio
import concurrent.futures
import contextlib
import functools
import gzip
import hashlib
import json
import queue
import re
import threading
from collections import OrderedDict
from datetime import date
from html import escape
from pathlib import Path

import brotli
import streamlit as st
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from components.compat import keep_uploads_in_memory, no_delay_on_connections, share_uploaded_bytes
from components.config import BORDERS_PATH, CAPITALS_PATH, FIRST_SCREEN_CHUNKS, UPLOAD_LIMIT_MB
from components.data import (
    DataError,
    data_stamp,
    frontend_chunk,
    read_icon_font_inputs,
    read_package,
    read_shapes,
)
from components.i18n import t
from components.icon_font import FONT_NAME, icon_font_subset
from components.lite import lite_error, lite_page
from components.model import border_segments, capitals_body, drawn_capitals, shapes_version, short_digest

COMPRESSIBLE = (
    b"text/",
    b"application/javascript",
    b"application/json",
    b"application/manifest+json",
    b"image/svg+xml",
)
MINIMUM_SIZE = 500  # bytes: below this the headers weigh more than the saving
# Plotly's 4.6 MB chunk at quality 9: 1,155 KB in 1.9 s of CPU; at 11: 1,034 KB in 16 s (10 % less,
# and as much on deck.gl's chunk and the base bundle). A reader does not wait 16 s for the
# first answer: it gets quality 9, and quality 11 replaces it in the cache for everyone after.
QUICK_QUALITY = 9
BEST_QUALITY = 11
GZIP_LEVEL = 9
CACHE_ENTRIES = 600  # Streamlit ships about 330 text files; lite pages and index pages add a few
ROOT_MARKER = b'<div id="root"></div>'
# Streamlit's page preloads its Source Sans (170 KB) whatever the theme's font says, and draws its
# first frame, before the theme has come over the websocket, in Source Sans: that alone fetches the
# file. Declared again after Streamlit's style sheet (of two alike faces the browser tries the last
# first), Source Sans is a font the reader already has; where none of these is found, Streamlit's
# file is fetched as before.
FONT_PRELOAD = re.compile(rb'\s*<link\s+rel="preload"[^>]*\bas="font"[^>]*>')
SYSTEM_FACES = ("Roboto", "Roboto-Regular", "Segoe UI", "SegoeUI", "Helvetica Neue", "HelveticaNeue")
SYSTEM_FACES += ("Arial", "ArialMT", "Noto Sans", "NotoSans-Regular", "Liberation Sans", "DejaVu Sans")
LOCAL_SOURCE_SANS = "".join(
    f'@font-face{{font-family:"Source Sans";font-weight:100 900;font-style:{style};'
    f"src:{','.join(f'local({name!r})' for name in SYSTEM_FACES)}}}"
    for style in ("normal", "italic")
).encode()


def negotiate(accept_encoding: str) -> str | None:
    """'br', 'gzip' or None (plain), from an Accept-Encoding header; q=0 refuses a coding."""
    accepted = {}
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        accepted[name.strip()] = quality
    for coding in ("br", "gzip"):
        if accepted.get(coding, accepted.get("*", 0.0)) > 0:
            return coding
    return None


def _compress(body: bytes, coding: str, brotli_quality: int = QUICK_QUALITY) -> bytes:
    if coding == "br":
        return brotli.compress(body, quality=brotli_quality)
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def theme_uses_source_sans(theme_font: str | None) -> bool:
    """Whether the theme draws text in Streamlit's Source Sans: when its font is Streamlit's
    default or names it (the app's theme uses the reader's system fonts: .streamlit/config.toml)."""
    return theme_font is None or "source sans" in theme_font.lower()


def loading_note() -> bytes:
    """What Streamlit's page shows until its JavaScript has drawn (and without JavaScript): links
    to the text-only edition in both languages, since the language lives in the URL's query."""
    links = " · ".join(
        f'<a href="./lite?lang={lang}" lang="{lang}">{escape(t("lite.loading", lang))}</a>'
        for lang in ("en", "fr")
    )
    style = "font:1rem/1.5 system-ui,sans-serif;padding:1rem;max-width:40rem"
    return f'<p style="{style}">{links}</p>'.encode()


class CompressedDelivery:
    """ASGI middleware: compressible 200 responses of known length go out Brotli- or
    gzip-compressed, compressed once and kept in memory (a Brotli answer recompressed once more,
    at the best quality, in the background); Streamlit's index page also gets the loading note,
    a preload of the chunk the page's first screen waits for (FIRST_SCREEN_CHUNKS) and, unless
    the theme uses Source Sans, no way to fetch that font; its icon font goes out as the subset of
    the icons it can show (components/icon_font.py). Streaming responses, ranges, websockets and
    everything else pass untouched."""

    def __init__(self, app):
        self.app = app
        self.cache: OrderedDict[tuple, bytes] = OrderedDict()
        self.locks: dict[tuple, asyncio.Lock] = {}
        self.note = loading_note()
        self.source_sans_used = theme_uses_source_sans(st.get_option("theme.font"))
        self.preloads = {  # page → the chunk its first screen waits for, found in this Streamlit
            page: chunk for page, name in FIRST_SCREEN_CHUNKS.items() if (chunk := frontend_chunk(name))
        }
        # One worker: the best-quality passes take at most one of the server's cores, in turn. A
        # daemon thread: a server asked to stop does not wait for the passes still queued.
        self.passes: queue.SimpleQueue = queue.SimpleQueue()
        self.improving: set[asyncio.Future] = set()  # passes not yet stored (tests await them)
        threading.Thread(target=self._improve_forever, name="brotli-best", daemon=True).start()
        # The icon font's subset (2 s of CPU) is made at start-up, before a page asks for it.
        self.icon_font: concurrent.futures.Future = concurrent.futures.Future()
        threading.Thread(target=self._make_icon_font, name="icon-font", daemon=True).start()

    def _make_icon_font(self) -> None:
        try:
            self.icon_font.set_result(icon_font_subset(*read_icon_font_inputs()))
        except Exception as error:  # Streamlit's whole font is served instead
            self.icon_font.set_exception(error)

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers", ())) if scope["type"] == "http" else {}
        if scope["type"] != "http" or scope["method"] != "GET" or b"range" in headers:
            await self.app(scope, receive, send)
            return
        coding = negotiate(headers.get(b"accept-encoding", b"").decode("latin-1"))
        # The inner app answers in plain bytes; compressing is this layer's job.
        plain = [(k, v) for k, v in scope["headers"] if k != b"accept-encoding"]
        state: dict = {}

        async def capture(message):
            if message["type"] == "http.response.start":
                response_headers = dict(message.get("headers", ()))
                kind = response_headers.get(b"content-type", b"")
                if message["status"] == 200 and FONT_NAME.search(scope["path"]):
                    state["start"], state["body"], state["font"] = message, [], True
                    return
                if (
                    message["status"] == 200
                    and b"content-length" in response_headers
                    and b"content-encoding" not in response_headers
                    and kind.startswith(COMPRESSIBLE)
                ):
                    state["start"], state["body"] = message, []
                    return
                await send(message)
            elif "start" in state:
                state["body"].append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(state["body"])
                    if state.get("font"):
                        await self._icon_font(state["start"], body, send)
                        return
                    await self._answer(scope["path"], state["start"], body, coding, send)
            else:
                await send(message)

        await self.app({**scope, "headers": plain}, receive, capture)

    async def _answer(self, path: str, start: dict, body: bytes, coding: str | None, send) -> None:
        headers = [(k, v) for k, v in start.get("headers", ()) if k not in (b"content-length", b"vary")]
        etag = dict(headers).get(b"etag")
        # A file's ETag is its modification time and size: unique only together with its path.
        identity = (path, etag) if etag else (b"sha", hashlib.blake2b(body, digest_size=16).digest())
        if dict(headers).get(b"content-type", b"").startswith(b"text/html") and ROOT_MARKER in body:
            page = path.rstrip("/").rsplit("/", 1)[-1]
            body = await self._cached((*identity, "index", page), lambda: self._index_page(body, page))
            identity = (b"sha", hashlib.blake2b(body, digest_size=16).digest())  # one page's own
        if coding and len(body) >= MINIMUM_SIZE:
            plain = body
            best = (lambda: _compress(plain, coding, BEST_QUALITY)) if coding == "br" else None
            body = await self._cached((*identity, coding), lambda: _compress(plain, coding), best)
            headers.append((b"content-encoding", coding.encode()))
        headers += [(b"content-length", str(len(body)).encode()), (b"vary", b"Accept-Encoding")]
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _icon_font(self, start: dict, body: bytes, send) -> None:
        """Streamlit's icon font, as its subset once made (the whole font if that failed)."""
        with contextlib.suppress(Exception):
            body = await asyncio.wrap_future(self.icon_font)
        headers = [(k, v) for k, v in start.get("headers", ()) if k != b"content-length"]
        await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    def _index_page(self, body: bytes, page: str) -> bytes:
        if not self.source_sans_used:
            body = FONT_PRELOAD.sub(b"", body)
            body = body.replace(b"</head>", b"<style>" + LOCAL_SOURCE_SANS + b"</style></head>", 1)
        if page in self.preloads:
            # Fetched while the framework starts, not after the script's first run: on a slow link
            # the chart's code (plotly 1 MB, deck.gl 0.6 MB) arrives seconds sooner.
            link = f'<link rel="modulepreload" crossorigin href="./static/js/{self.preloads[page]}">'
            body = body.replace(b"</head>", link.encode() + b"</head>", 1)
        with_root = body.replace(ROOT_MARKER, b'<div id="root">' + self.note + b"</div>")
        return with_root.replace(b"<noscript>", b"<noscript>" + self.note, 1)

    async def _cached(self, key: tuple, make, better=None) -> bytes:
        """`make()`'s bytes, computed once per key (in a worker thread) and kept in memory; then,
        if given, `better()`'s bytes replace them once the background worker has made them."""
        if key in self.cache:
            self.cache.move_to_end(key)
            return self.cache[key]
        lock = self.locks.setdefault(key, asyncio.Lock())
        async with lock:  # a second request for the same asset waits for the first one's work
            if key not in self.cache:
                self.cache[key] = await run_in_threadpool(make)
                while len(self.cache) > CACHE_ENTRIES:
                    self.cache.popitem(last=False)
                if better is not None:
                    self._improve(key, better)
        self.locks.pop(key, None)
        return self.cache[key]

    def _improve(self, key: tuple, better) -> None:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.improving.add(future)
        future.add_done_callback(functools.partial(self._store, key))
        self.passes.put((loop, future, better))

    def _store(self, key: tuple, done: asyncio.Future) -> None:
        self.improving.discard(done)
        if key in self.cache and done.exception() is None:  # not evicted meanwhile
            self.cache[key] = done.result()  # keeps its place in the eviction order

    def _improve_forever(self) -> None:
        while True:
            loop, future, better = self.passes.get()
            try:
                outcome = (future.set_result, better())
            except Exception as error:  # the quick answer stays in the cache
                outcome = (future.set_exception, error)
            with contextlib.suppress(RuntimeError):  # the server stopped while this pass ran
                loop.call_soon_threadsafe(*outcome)


@functools.lru_cache(maxsize=4)
def _lite_html(folder: Path, stamp: str, lang: str, day: date) -> tuple[str, int]:
    """The text-only page in `lang` and its status, built once per data version, language and day."""
    try:
        package, tables = read_package(folder)
    except DataError as error:
        return lite_error(error.problems, lang), 503
    return lite_page(package, tables, lang, day), 200


async def lite(request: Request) -> HTMLResponse:
    """GET /lite?lang=fr: the text-only edition, no JavaScript."""
    lang = "fr" if request.query_params.get("lang") == "fr" else "en"
    page, status = await run_in_threadpool(_lite_html, *data_stamp(), lang, date.today())
    return HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-cache"})


@functools.lru_cache(maxsize=2)
def _borders(folder: Path, stamp: str) -> tuple[bytes, str]:
    """The countries' borders as a JSON list of segments, and the shapes' version, once per data version."""
    shapes = read_shapes(folder)
    segments = json.dumps(border_segments(shapes["features"]), separators=(",", ":"))
    return segments.encode(), shapes_version(shapes)


async def borders(request: Request) -> Response:
    """GET /map-borders.json?v=…: the map's white borders (maps.borders_layer), which the browser
    keeps for good when `v` names the shapes being served."""
    try:
        body, version = await run_in_threadpool(_borders, *data_stamp())
    except DataError:
        return Response(status_code=503, headers={"Cache-Control": "no-cache"})
    kept = request.query_params.get("v") == version
    headers = {"Cache-Control": "public, immutable, max-age=31536000" if kept else "no-cache"}
    return Response(body, media_type="application/json", headers=headers)


@functools.lru_cache(maxsize=4)
def _capitals(folder: Path, stamp: str, lang: str) -> bytes:
    """The capitals' rows in `lang` (maps.capitals_url), once per data version and language."""
    return capitals_body(drawn_capitals(read_package(folder)[1]["states"], read_shapes(folder), lang))


async def capitals(request: Request) -> Response:
    """GET /map-capitals.json?lang=fr&v=…: the map's capitals (maps.capitals_url), kept by the
    browser for good when `v` names the rows being served."""
    lang = "fr" if request.query_params.get("lang") == "fr" else "en"
    try:
        body = await run_in_threadpool(_capitals, *data_stamp(), lang)
    except DataError:
        return Response(status_code=503, headers={"Cache-Control": "no-cache"})
    kept = request.query_params.get("v") == short_digest(body)
    headers = {"Cache-Control": "public, immutable, max-age=31536000" if kept else "no-cache"}
    return Response(body, media_type="application/json", headers=headers)


ROUTES = [
    Route("/lite", lite, methods=["GET"]),
    Route(f"/{BORDERS_PATH}", borders, methods=["GET"]),
    Route(f"/{CAPITALS_PATH}", capitals, methods=["GET"]),
]
MIDDLEWARE = [Middleware(CompressedDelivery)]
# A reader's upload is never written to disk (the Security page's promise), not even by the form parser.
keep_uploads_in_memory(UPLOAD_LIMIT_MB * 1024 * 1024)
# Nor copied on every rerun of the page that holds it.
share_uploaded_bytes()
# And the server sends each message of a rerun as soon as it is made, not after the reader's ACK.
no_delay_on_connections()
