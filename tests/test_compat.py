"""Each private part of a library that components/compat.py names still works as relied on."""

import json
from pathlib import Path

import plotly.graph_objects as go
import pydeck as pdk
import pytest
import streamlit
from browser_kit import run_coroutine

from components import compat


def test_plotly_builds_an_unvalidated_figure_from_plain_dicts():
    # A misspelt property: a validating Figure refuses it, the unchecked one takes it as given.
    traces, layout = [{"type": "bar", "x": [1], "y": [2], "colour": "red"}], {"height": 100}
    with pytest.raises(ValueError):
        go.Figure(data=traces, layout=layout)
    figure = compat.unchecked_figure(traces, layout)
    assert figure.to_dict()["data"][0]["colour"] == "red"
    assert figure.layout.height == 100


def test_a_spec_figure_puts_arrays_in_binary_form_as_the_figure_does():
    import numpy as np
    import pandas as pd
    import plotly.io

    def traces() -> list[dict]:  # made afresh: spec_figure takes over what it is given
        days = pd.Series(pd.to_datetime(["2023-07-26", "2024-01-28"]))
        return [
            {"type": "scatter", "x": days.to_numpy(), "y": np.array([1.5, -2.0]), "customdata": ["a", "b"]},
            {"type": "bar", "base": ["2023-07-26", "2024-01-28"], "x": (days - days[0]).dt.total_seconds()},
        ]

    layout = {"height": 300, "xaxis": {"range": [pd.Timestamp("2023-01-01"), pd.Timestamp("2025-01-01")]}}
    spec = compat.spec_figure(traces(), dict(layout)).to_dict()
    assert spec["data"][0]["y"]["bdata"] and spec["data"][1]["x"]["bdata"]  # as to_dict() sends them
    figure = compat.unchecked_figure(traces(), dict(layout))
    assert plotly.io.to_json(spec, validate=False) == plotly.io.to_json(figure, validate=False)


def test_a_spec_figure_is_the_unchecked_figures_spec_to_the_byte():
    import plotly.io

    traces = [
        {"type": "bar", "y": ["b", "a"], "x": [1, 2], "marker": {"color": "red", "line": {"width": 1}}},
        {"z": [[1, 0]], "type": "heatmap", "texttemplate": "%{text}", "colorbar": {"title": {"text": "n"}}},
    ]
    layout = {"yaxis": {"autorange": "reversed", "automargin": True}, "height": 300, "barmode": "stack"}
    figure, spec = compat.unchecked_figure(traces, layout), compat.spec_figure(traces, layout)
    assert spec.to_dict() == figure.to_dict()
    assert plotly.io.to_json(spec.to_dict(), validate=False) == plotly.io.to_json(figure, validate=False)
    assert spec.layout.barmode == "stack" and list(spec.data[1].z[0]) == [1, 0]


def test_pydeck_serialises_a_deck_compactly_with_its_own_default():
    layer = pdk.Layer("ScatterplotLayer", [{"lon": 1, "lat": 2}], get_position=["lon", "lat"], id="dots")
    view = pdk.ViewState(latitude=14, longitude=1, zoom=3)
    deck = compat.CompactDeck([layer], view, tooltip={"text": "{name}"})
    text = deck.to_json()
    assert "\n" not in text and json.loads(text)["layers"][0]["id"] == "dots"
    assert json.loads(text) == json.loads(pdk.Deck.to_json(deck))
    # Made without pydeck's __init__, it is the deck pydeck makes without a basemap, attribute for attribute.
    theirs = pdk.Deck([layer], initial_view_state=view, map_provider=None, map_style=compat.NO_BASEMAP)
    theirs._tooltip = {"text": "{name}"}
    assert vars(deck).keys() == vars(theirs).keys()
    assert json.loads(text) == json.loads(theirs.to_json())


def test_json_text_is_spliced_into_a_deck_as_it_is():
    parts = {"type": "Polygon", "coordinates": [[[0, 0.5], [1, 0], [0, 0.5]]]}
    text = compat.raw_json(parts)
    value = {"a": [text, {"b": text}], "c": "\u0000raw:0 stays a string"}
    assert json.loads(compat.compact_json(value)) == {"a": [parts, {"b": parts}], "c": value["c"]}
    assert compat.compact_json(value) == compat.compact_json({"a": [parts, {"b": parts}], "c": value["c"]})


def test_streamlits_client_still_leaves_the_sentinel_map_style_alone():
    bundles = Path(streamlit.__file__).parent / "static" / "static" / "js"
    deck_client = list(bundles.glob("DeckGlJsonChart*.js"))
    assert deck_client, "Streamlit's deck component moved: check components/compat.NO_BASEMAP"
    assert any(f"`{compat.NO_BASEMAP}`" in p.read_text(encoding="utf-8") for p in deck_client)


def test_streamlits_websocket_protocol_has_what_the_test_clients_use():
    protocol = compat.streamlit_protocol()
    assert protocol.ForwardMsg.FINISHED_SUCCESSFULLY != protocol.ForwardMsg.FINISHED_WITH_COMPILE_ERROR
    back = protocol.BackMsg()
    back.rerun_script.widget_states.widgets.append(protocol.WidgetState(id="w", trigger_value=True))
    back.rerun_script.context_info.CopyFrom(protocol.ContextInfo(timezone="UTC", locale="en-US"))
    assert protocol.BackMsg.FromString(back.SerializeToString()) == back
    assert protocol.Alert.ERROR
    element_id = "$$ID-0123456789abcdef-map.date"
    assert protocol.user_key_from_element_id(element_id) == "map.date"


def test_streamlit_reads_a_cached_figure_and_a_prebuilt_deck_as_the_real_ones():
    import plotly.io
    import plotly.tools
    from streamlit.elements import deck_gl_json_chart

    figure = compat.unchecked_figure([{"type": "bar", "x": ["a"], "y": [1]}], {"height": 200})
    spec = figure.to_dict()
    served = plotly.tools.return_figure_from_figure_or_data(
        compat.figure_from_dict(spec), validate_figure=True
    )
    assert served is spec
    assert plotly.io.to_json(served, validate=False) == plotly.io.to_json(figure, validate=False)
    layer = pdk.Layer("ScatterplotLayer", [{"lon": 1, "lat": 2}], get_position=["lon", "lat"], pickable=True)
    deck = compat.CompactDeck(
        [layer], pdk.ViewState(latitude=0, longitude=0, zoom=1), tooltip={"text": "{name}"}
    )
    prebuilt = compat.PrebuiltDeck(compat.deck_spec(deck))
    assert prebuilt.to_json() == deck.to_json()
    assert deck_gl_json_chart._get_pydeck_tooltip(prebuilt) == {"text": "{name}"}


def test_a_readers_upload_is_parsed_in_memory_not_spooled_to_disk():
    """Streamlit's upload route parses the form with Starlette (request.form()); once the app's
    delivery is loaded, a file well over Starlette's 1 MiB spool limit stays in memory."""
    from starlette.requests import Request

    import components.delivery  # noqa: F401  (sets the limit, as `streamlit run app.py` does)

    content = b"date,deaths\n" + b"2024-01-01,1\n" * 250_000  # 3.25 MB
    body = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="own.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\n" + content + b"\r\n--b--\r\n"
    )

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def parse():
        scope = {
            "type": "http",
            "method": "PUT",
            "headers": [(b"content-type", b"multipart/form-data; boundary=b")],
        }
        form = await Request(scope, receive).form(max_part_size=1024)
        upload = form["file"]
        try:
            return upload.file._rolled, await upload.read()
        finally:
            upload.file.close()

    rolled, read = run_coroutine(parse())  # the shared browser may hold this thread's event loop
    assert read == content
    assert rolled is False  # a rolled-over SpooledTemporaryFile has been written to a file on disk


def accepted_without_delay(serve) -> bool:
    """Whether a connection accepted by `serve` (a coroutine function given a listening socket and
    a future for the accepted socket, returning a coroutine function that stops it) has TCP_NODELAY
    set; the socket is made with protocol 0, as Streamlit's server makes it. Within 30 s, or fails."""
    import asyncio
    import socket

    async def check() -> bool:
        listener = socket.socket(socket.AF_INET)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        accepted = asyncio.get_running_loop().create_future()
        stop = await serve(listener, accepted)
        try:
            _, writer = await asyncio.open_connection(*listener.getsockname())
            writer.write(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
            sock = await accepted
            writer.close()
            return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        finally:
            await stop()

    return run_coroutine(asyncio.wait_for(check(), 30))


async def plain_asyncio(listener, accepted):
    import asyncio

    class Protocol(asyncio.Protocol):
        def connection_made(self, transport):
            accepted.set_result(transport.get_extra_info("socket"))

    server = await asyncio.get_running_loop().create_server(Protocol, sock=listener)

    async def stop():
        server.close()

    return stop


async def answer_nothing(scope, receive, send):  # an ASGI app
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


def uvicorn_server(http: str):
    """`serve` for accepted_without_delay: uvicorn with the HTTP protocol `http`, as Streamlit runs
    it (on a socket it bound itself); the accepted socket read off uvicorn's connections."""
    import asyncio

    import uvicorn

    async def serve(listener, accepted):
        config = uvicorn.Config(answer_nothing, http=http, lifespan="off", log_level="error")
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve(sockets=[listener]))
        while not server.started:
            if task.done():  # it failed to start: say why
                await task
            await asyncio.sleep(0.01)

        async def watch():
            while not server.server_state.connections:
                await asyncio.sleep(0.01)
            (connection,) = server.server_state.connections
            accepted.set_result(connection.transport.get_extra_info("socket"))

        watcher = asyncio.create_task(watch())

        async def stop():
            watcher.cancel()
            server.should_exit = True
            await asyncio.wait_for(task, 10)

        return stop

    return serve


@pytest.mark.parametrize("http", ["h11", "httptools"])
def test_the_server_sends_each_message_at_once_not_after_the_readers_ack(http):
    """asyncio disables Nagle's algorithm only on sockets made with IPPROTO_TCP, and Streamlit's
    server makes its socket with 0 (the first check: should it ever fail, asyncio or Streamlit has
    changed and compat.no_delay_on_connections can go); with the app's delivery loaded, as
    `streamlit run app.py` loads it, uvicorn's connections have TCP_NODELAY, with either of its
    HTTP parsers (httptools where it is installed, as with streamlit[performance])."""
    if http == "httptools":
        pytest.importorskip("httptools")
    import components.delivery  # noqa: F401  (applies the fix, as `streamlit run app.py` does)

    assert not accepted_without_delay(plain_asyncio)
    assert accepted_without_delay(uvicorn_server(http))


def test_a_deep_copy_of_an_uploaded_file_shares_its_bytes_and_stays_independent():
    """Streamlit deep-copies a file uploader's value on every run (SessionState.register_widget);
    once the app's delivery is loaded, the copy does not copy the file."""
    import copy

    from streamlit.proto.Common_pb2 import FileURLs
    from streamlit.runtime.state import session_state
    from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

    import components.delivery  # noqa: F401  (patches UploadedFile, as `streamlit run app.py` does)

    assert session_state.deepcopy is copy.deepcopy  # the copy made on every run
    data = b"date,deaths\n" + b"2024-01-01,1\n" * 1000
    file = UploadedFile(UploadedFileRec("id", "own.csv", "text/csv", data), FileURLs(file_id="id"))
    file.seek(5)
    copied = copy.deepcopy(file)
    assert copied.getvalue() is file.getvalue() is data  # shared, not copied
    assert (copied.file_id, copied.name, copied.type, copied.size, copied.tell()) == (
        "id",
        "own.csv",
        "text/csv",
        len(data),
        5,
    )
    assert copied._file_urls == file._file_urls and copied == file
    copied.read()
    copied.seek(0)
    copied.write(b"x")
    assert file.tell() == 5 and file.getvalue() == data and copied.getvalue() != data
