"""Several Streamlit processes behind HAProxy, with sticky sessions: `python -m components.cluster`.

One Streamlit process runs every reader's script on one core; on a machine with N cores, N
processes serve N times as many reruns. A reader's session lives in one process (its websocket,
its uploads, its reconnects), so HAProxy pins each browser to a process with a cookie it sets on
the first response. Needs Debian's haproxy (`apt-get install -y haproxy`).

    python -m components.cluster --processes 2 --port 8501
"""

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COOKIE = "sahel_pivot_backend"


def free_port() -> int:
    """A TCP port nobody listens on at the moment."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def haproxy_config(port: int, backends: list[int], host: str = "127.0.0.1") -> str:
    """HAProxy's configuration: one front door on `port`, a sticky cookie per backend process."""
    servers = "\n".join(
        f"    server app{index} 127.0.0.1:{backend} check cookie app{index}"
        for index, backend in enumerate(backends, start=1)
    )
    return f"""global
    maxconn 4096

defaults
    mode http
    option forwardfor
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    # A websocket is one long tunnel: a reader may leave a tab open for hours.
    timeout tunnel 24h

frontend dashboard
    bind {host}:{port}
    default_backend streamlit

backend streamlit
    # A new browser goes to the least busy process, then stays with it: its session lives there.
    balance leastconn
    cookie {COOKIE} insert indirect nocache httponly
    option httpchk GET /_stcore/health
{servers}
"""


def wait_until_healthy(url: str, what: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Return once `url`/_stcore/health answers 200; RuntimeError if `process` ends or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped (exit code {process.returncode})")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer,
        ):
            if answer.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not answer within {seconds:.0f} s")


def start_streamlit(port: int, script: str = "app.py", env: dict[str, str] | None = None) -> subprocess.Popen:
    """`streamlit run <script>` on a localhost port, headless, output discarded."""
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--browser.gatherUsageStats", "false"]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@contextlib.contextmanager
def cluster(processes: int, port: int | None = None, env: dict[str, str] | None = None) -> Iterator[tuple]:
    """`processes` Streamlit servers behind HAProxy: yields (front url, the Streamlit processes)."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        raise RuntimeError("Debian's haproxy is needed: apt-get install -y haproxy")
    port = port or free_port()
    backends = [free_port() for _ in range(processes)]
    started = [start_streamlit(backend, env=env) for backend in backends]
    with tempfile.TemporaryDirectory() as folder:
        try:
            for backend, process in zip(backends, started, strict=True):
                wait_until_healthy(f"http://127.0.0.1:{backend}", f"Streamlit on port {backend}", process)
            config = Path(folder) / "haproxy.cfg"
            config.write_text(haproxy_config(port, backends), encoding="utf-8")
            # -db: stay in the foreground, so that stopping this process stops the proxy.
            proxy = subprocess.Popen([haproxy, "-db", "-f", str(config)], stdout=subprocess.DEVNULL)
            started.append(proxy)
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, "HAProxy", proxy)
            yield url, started[:-1]
        finally:
            stop(started)


def main() -> None:
    parser = argparse.ArgumentParser(description="Several Streamlit processes behind HAProxy.")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2, help="default: one per core")
    parser.add_argument("--port", type=int, default=8501)
    args = parser.parse_args()
    with cluster(args.processes, args.port) as (url, _):
        print(f"Sahel Pivot on {url} ({args.processes} Streamlit processes behind HAProxy); Ctrl-C stops it")
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
