"""Every use of a library's private or undocumented parts, in one place, each with why.

| use | library | why |
|---|---|---|
| `go.Figure(_validate=False)` | plotly | per-property validation took most of a page's rerun; tests validate every builder's figure in full |
| `pydeck.bindings.json_tools.default_serialize` | pydeck | pydeck indents its JSON, which triples the bytes and forces Python's slow encoder |
| a figure that is only its `to_dict()` for `st.plotly_chart` | plotly, streamlit | a cached figure is handed out as its spec; Streamlit reads a figure only through `to_dict()` |
| a spec made as plotly's `to_dict()` makes it (keys in its order, its default template, numeric arrays by `_plotly_utils.utils.convert_to_base64`) | plotly | building a figure and copying it into a spec took 2 ms a chart, most of it copying the template, and a third of a timeline view |
| a deck's `_tooltip`; a prebuilt deck for `st.pydeck_chart` | pydeck, streamlit | a cached map is handed out as JSON; Streamlit asks a deck only for `to_json()` and `_tooltip` |
| a `pdk.Deck` made without its `__init__` (the attributes it sets) | pydeck | pydeck's own looks for Jupyter five times a deck by a failing import: 2 ms a map |
| the `"__MAP_STYLE__"` map style | streamlit | Streamlit's client fills an empty mapStyle with a basemap fetched from the network; this sentinel is what it leaves alone |
| `streamlit.proto.*`, `streamlit.runtime.state.common` | streamlit | the load test and benchmark speak Streamlit's own websocket protocol, as the browser does |
| `MultiPartParser.spool_max_size` | starlette | Streamlit's upload route parses the form with Starlette, which spools a file over 1 MiB to a temporary file on disk; a reader's upload must stay in memory |
| `H11Protocol.connection_made` (and `HttpToolsProtocol`'s) | uvicorn | Streamlit's server makes its listening socket with protocol 0, so asyncio, which disables Nagle's algorithm only on sockets that say IPPROTO_TCP, leaves it on: a rerun's small websocket messages then wait for the reader's delayed ACK (40 ms on Linux, a round trip on a phone link); each connection gets TCP_NODELAY as uvicorn takes it (the socket is bound before app.py is imported) |
| `UploadedFile.__deepcopy__`, `UploadedFileRec` | streamlit | Streamlit deep-copies a file uploader's value on every run (SessionState.register_widget), which copies the file's bytes: 1.7 s a rerun for a 470 MB upload; the copy shares them instead, as BytesIO does until written to |

tests/test_compat.py checks each against the installed versions and fails loudly when one moves;
pyproject.toml bounds the versions they were tested with.
"""

import contextlib
import functools
import json
import re
from types import SimpleNamespace

import plotly.graph_objects as go
import plotly.io as pio
import pydeck as pdk
from _plotly_utils.utils import convert_to_base64
from pydeck.bindings.json_tools import default_serialize
from starlette.formparsers import MultiPartParser

NO_BASEMAP = "__MAP_STYLE__"
# What pydeck.Deck.__init__ leaves None for a deck without a basemap (CompactDeck).
DECK_UNSET = (
    *("widgets", "description", "effects", "map_provider", "map_projection", "parameters"),
    *("mapbox_key", "google_maps_key", "carto_key", "maplibre_key"),
)


def unchecked_figure(traces: list[dict], layout: dict) -> go.Figure:
    """A figure from plain dicts, without plotly's per-property validation."""
    return go.Figure(data=traces, layout=layout, _validate=False)


class RawJSON:
    """A value already written as JSON text (compact_json), which compact_json puts in as it is: a
    part of the deck that every map shares is serialised once, not on every map."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other) -> bool:
        return isinstance(other, RawJSON) and other.text == self.text


# What compact_json writes first in place of the n-th RawJSON: a string no data holds (a NUL,
# which JSON escapes as \u0000), replaced by the text afterwards.
SPLICE_MARK = "\0raw:"
SPLICED = re.compile(r'"\\u0000raw:(\d+)"')


def compact_json(value) -> str:
    """A deck or layer as pydeck serialises it, without indentation, with the C JSON encoder; each
    RawJSON inside it as its text."""
    texts = []

    def default(item):
        if isinstance(item, RawJSON):
            texts.append(item.text)
            return f"{SPLICE_MARK}{len(texts) - 1}"
        return default_serialize(item)

    text = json.dumps(value, default=default, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if not texts:
        return text
    parts = SPLICED.split(text)
    parts[1::2] = [texts[int(index)] for index in parts[1::2]]
    return "".join(parts)


def raw_json(value) -> RawJSON:
    """`value` written once as compact_json's text, to be put into a deck as it is."""
    return RawJSON(compact_json(value))


class CompactDeck(pdk.Deck):
    """A Deck without a basemap (NO_BASEMAP), serialised without indentation, with the C JSON encoder."""

    def __init__(self, layers: list, initial_view_state: pdk.ViewState, tooltip=True):
        # Not pydeck's own __init__, which looks for Jupyter five times, each by an import that fails
        # outside a notebook (2 ms a map), and reads basemap keys from the environment, which a deck
        # without a basemap never sends: the attributes it sets for no map provider, keys unset.
        self.layers, self.initial_view_state, self._tooltip = layers, initial_view_state, tooltip
        self.views = [pdk.View(type="MapView", controller=True)]
        self.map_style, self._show_error = NO_BASEMAP, False
        for name in DECK_UNSET:
            setattr(self, name, None)

    def to_json(self) -> str:
        return compact_json(self)


def spec_figure(traces: list[dict], layout: dict) -> go.Figure:
    """unchecked_figure(traces, layout) made straight as its to_dict() form (a SpecFigure), with
    the top-level keys in plotly's order (sorted, a trace's type last, the template last) and the
    traces' numeric arrays in plotly's binary form, so that its JSON is the same bytes. The default
    template is one dict shared by every such figure: st.plotly_chart only serialises it. (A
    layout's arrays are left as they are: it seldom has any, and looking through its many labels
    costs more than the rest.) Takes over `traces`."""
    convert_to_base64(traces)
    data = [
        {**{key: trace[key] for key in sorted(trace) if key != "type"}, "type": trace["type"]}
        for trace in traces
    ]
    ordered = {key: layout[key] for key in sorted(layout)}
    template = pio.templates.default
    return SpecFigure(
        {"data": data, "layout": ordered | ({"template": _template(template)} if template else {})}
    )


@functools.cache
def _template(name: str) -> dict:
    return pio.templates[name].to_plotly_json()


class SpecFigure(go.Figure):
    """A figure handed out from the cache as its to_dict() form. st.plotly_chart reads a figure
    only through to_dict() (plotly.tools.return_figure_from_figure_or_data), so this one skips
    rebuilding and copying the traces (about 25 ms a rerun for the timeline) and even setting up an
    empty figure."""

    def __init__(self, spec: dict):
        # Not go.Figure's own __init__: an empty figure's layout and template cost a millisecond a
        # chart on every run, and nothing reads them.
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec

    # Read as a validated figure's, for code that inspects a figure rather than draws it.
    @property
    def data(self):
        return go.Figure(self._spec).data

    @property
    def layout(self):
        return go.Figure(self._spec).layout


def figure_from_dict(spec: dict) -> go.Figure:
    """A figure again from its to_dict() form (a cached figure), for st.plotly_chart."""
    return SpecFigure(spec)


def deck_spec(deck: pdk.Deck) -> dict:
    """What st.pydeck_chart reads of a deck: its JSON and its tooltip."""
    return {"spec": deck.to_json(), "tooltip": deck._tooltip}


class PrebuiltDeck:
    """A deck already serialised (deck_spec), drawn by st.pydeck_chart as the deck itself."""

    def __init__(self, spec: dict):
        self._spec, self._tooltip = spec["spec"], spec["tooltip"]

    def to_json(self) -> str:
        return self._spec


def streamlit_protocol() -> SimpleNamespace:
    """Streamlit's websocket message classes and its widget-id → key helper, for test clients.

    Imported on call: the app itself never needs them.
    """
    from streamlit.proto.Alert_pb2 import Alert
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ClientState_pb2 import ContextInfo
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState
    from streamlit.runtime.state.common import user_key_from_element_id

    return SimpleNamespace(
        Alert=Alert,
        BackMsg=BackMsg,
        ContextInfo=ContextInfo,
        ForwardMsg=ForwardMsg,
        WidgetState=WidgetState,
        user_key_from_element_id=user_key_from_element_id,
    )


def keep_uploads_in_memory(limit_bytes: int) -> None:
    """Starlette keeps an uploaded file of up to `limit_bytes` in memory instead of spooling it to a
    temporary file on disk past 1 MiB (Streamlit reads the whole file into memory right after)."""
    MultiPartParser.spool_max_size = limit_bytes


def no_delay_on_connections() -> None:
    """Every connection to the server sends each small message at once (TCP_NODELAY) instead of
    holding it until the reader acknowledges the last one (Nagle's algorithm). Imported on call, as
    streamlit_protocol."""
    import socket

    from uvicorn.protocols.http.h11_impl import H11Protocol

    protocols = [H11Protocol]  # uvicorn's HTTP protocols; a websocket starts as an HTTP connection
    with contextlib.suppress(ImportError):  # uvicorn takes httptools' parser where it is installed
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        protocols.append(HttpToolsProtocol)
    for protocol in protocols:
        made = protocol.connection_made
        if getattr(made, "no_delay", False):
            continue

        @functools.wraps(made)
        def connection_made(self, transport, made=made) -> None:
            sock = transport.get_extra_info("socket")
            if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
                with contextlib.suppress(OSError):  # a reader already gone: uvicorn sees to it
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            made(self, transport)

        connection_made.no_delay = True
        protocol.connection_made = connection_made


def share_uploaded_bytes() -> None:
    """Streamlit's deep copy of a file uploader's value, made on every run, shares the file's bytes
    instead of copying them. Imported on call, as streamlit_protocol."""
    from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

    def shared_copy(file: UploadedFile, memo: dict) -> UploadedFile:
        # A BytesIO made from bytes shares them and copies only when written to: this copy is as
        # independent of the original as a deep one.
        record = UploadedFileRec(file.file_id, file.name, file.type, file.getvalue())
        copy = UploadedFile(record, file._file_urls)
        copy.seek(file.tell())
        return copy

    UploadedFile.__deepcopy__ = shared_copy
