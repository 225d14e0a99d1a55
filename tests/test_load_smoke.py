"""The load client, briefly: two readers for ten seconds, against one process and against two
behind HAProxy, so that neither the client nor the proxy set-up can rot. Not a measurement."""

import pytest
from browser_kit import run_coroutine
from load import NEW_LINKS, measure, setup

from components.cluster import COOKIE, haproxy_config


# One link per reader on one process (the scenario); the historical mix on two.
@pytest.mark.parametrize(("processes", "new_links"), [(1, 0.0), (2, NEW_LINKS)])
def test_two_readers_are_served_without_an_error(processes, new_links):
    with setup(processes) as (url, pids):
        assert len(pids) == processes
        row = run_coroutine(measure(url, pids, sessions=2, seconds=10, think=0.5, new_links=new_links))
    assert row["errors"] == []
    assert row["new_links"] == new_links
    assert (row["links"] == 2) if new_links == 0 else (row["links"] >= 2)  # no error: no reader reopens
    assert row["reruns"] >= row["links"] + 2  # each reader opened a link and acted at least once
    assert row["median_s"] > 0 and min(row["memory_mib"]) > 50
    assert row["memory_at_s"] == sorted(row["memory_at_s"]) and row["memory_at_s"][-1] >= 10


def test_the_proxy_pins_each_browser_to_one_process_and_keeps_websockets_open():
    config = haproxy_config(8501, [9001, 9002])
    assert "bind 127.0.0.1:8501" in config
    assert f"cookie {COOKIE} insert indirect nocache" in config
    assert "server app1 127.0.0.1:9001 check cookie app1" in config
    assert "server app2 127.0.0.1:9002 check cookie app2" in config
    assert "timeout tunnel" in config and "option httpchk GET /_stcore/health" in config
