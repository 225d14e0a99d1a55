"""A reader's upload through the real server, sent the way a browser sends it (tests/load.py's
client): the upload route, then reruns that keep the file. Not a measurement."""

import random
import tomllib

from browser_kit import ROOT, run_coroutine, serve
from conflict_samples import acled_file
from load import Client, choose

from components.config import UPLOAD_LIMIT_MB


async def upload_then_change(url: str, data: bytes) -> list[str | None]:
    """?security.file after the upload's run and after two changes of measure, then in a second
    session of the same server that uploaded nothing."""
    own, other = Client(url, []), Client(url, [])
    await own.open("security")
    await own.upload("security_upload", "acled.csv", data)
    marks = [own.param("security.file")]
    for seed in range(2):
        await choose(own, random.Random(seed), "security.measure")
        marks.append(own.param("security.file"))
    await other.open("security")
    marks.append(other.param("security.file"))
    for client in (own, other):
        await client.close()
    return marks


def test_an_upload_is_used_and_kept_over_reruns_in_its_own_session_only():
    with serve() as (url, _):
        marks = run_coroutine(upload_then_change(url, acled_file(40)))
    assert marks == ["own", "own", "own", None]


def test_the_server_accepts_an_upload_as_large_as_the_uploader_offers():
    """The upload route enforces server.maxUploadSize whatever the widget's own limit says."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == UPLOAD_LIMIT_MB
