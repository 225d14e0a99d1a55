"""Benchmark of a reader's own export: a 1,000,000-row ACLED-layout file, made by resampling real-shaped
rows (tests/conflict_samples.py), hashed, read, validated and aggregated as the Security page does.

    python tests/benchmark_security.py            # prints seconds and peak memory; exit 1 over target
    python tests/benchmark_security.py --profile  # the same, and where the time goes (pyinstrument)
    python tests/benchmark_security.py --reruns   # the page's reruns with and without that file loaded
    python tests/benchmark_security.py --reruns-server [--rows N]  # the same on the real server
    python tests/benchmark_security.py --reruns-in-browser [--rows N]  # the same in Chromium

The file is made in one child process and written to a temporary file (test data, not a reader's
upload); a second child reads it into memory and runs the pipeline, so that its peak memory is the
pipeline's own plus the file's bytes. Targets: ≤ 5 s and ≤ 1.5 GiB. The CPU seconds and the load
average are printed too: on two cores shared with other work, the wall time says more about the load.

`--reruns` runs the page in AppTest; `--reruns-server` serves app.py and speaks Streamlit's websocket
protocol as a browser does (tests/load.py's client): one session uploads the file through the upload
route, another on the same server has none, and each changes the measure in turn, beside the empty
page's plain rerun on a server of its own (subtracted, as tests/benchmark.py does: target ≤ 25 ms).
`--reruns-in-browser` uploads the file in headless Chromium through the page's own uploader and then
changes the measure from the keyboard, in turn with the floor page's select box, as tests/benchmark.py's
browser reruns do (target: ≤ 50 ms over the floor).
"""

import contextlib
import csv
import hashlib
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROWS = 1_000_000
SECONDS, GIB = 5.0, 1.5
NOTE = (
    "On {day}, militants attacked a military post near the village; the army responded with air support. "
    "Sources report fatalities on both sides and the displacement of residents towards the district town. "
)


def make(path: Path, rows: int = ROWS, seed: int = 16) -> None:
    """Write `rows` ACLED rows resampled from 2,000 real-shaped templates (unique ids, real notes length)."""
    from conflict_samples import ACLED_COLUMNS, acled_row, ucdp_rows

    rng = random.Random(seed)
    templates = []
    for number, row in enumerate(rng.choices(ucdp_rows(), k=2000)):
        acled = acled_row(row, number)
        acled["notes"] = NOTE.format(day=row["date_start"])
        acled["event_id_cnty"] = "{id}"
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(acled[c] for c in ACLED_COLUMNS)
        templates.append(line.getvalue().replace("{", "{{").replace("}", "}}").replace("{{id}}", "{id}"))
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(ACLED_COLUMNS) + "\n")
        for start in range(0, rows, 10_000):
            ids = range(start, min(start + 10_000, rows))
            out.write("".join(rng.choice(templates).format(id=f"X{i}") for i in ids))


def measure(path: Path, profile: bool = False) -> dict:
    """Hash, read, validate and aggregate the file in this process; seconds and peak memory."""
    from components.conflict_files import read_export

    data = path.read_bytes()
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.01)
        profiler.start()
    started, cpu = time.perf_counter(), time.process_time()
    hashlib.sha256(data).hexdigest()  # data.read_upload's cache key
    upload = read_export(data, path.name, date.today())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profiler:
        profiler.stop()
        print(profiler.output_text(color=False), file=sys.stderr)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {
        "rows": upload.rows,
        "kept": upload.kept,
        "issues": [i.code for i in upload.issues],
        "fatal": upload.fatal,
        "file_mib": round(len(data) / 2**20),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "load_average": round(os.getloadavg()[0], 1),
        "peak_mib": round(peak / 2**20),
    }


RERUNS = 10


def reruns(path: Path) -> dict:
    """Median ms of the Security page's rerun after a change of measure (AppTest, in this process),
    without a file and with `path` uploaded: the upload is read once, then served from the cache."""
    from streamlit.testing.v1 import AppTest

    def timed_reruns(at: AppTest) -> list[float]:
        times = []
        for number in range(RERUNS):
            at.selectbox(key="security.measure").set_value(["events", "best"][number % 2])
            started = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
        return times

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=600)
    at.switch_page("components/pages/security.py")
    at.run()
    shipped = timed_reruns(at)
    at.get("file_uploader")[0].set_value((path.name, path.read_bytes(), "text/csv"))
    started = time.perf_counter()
    at.run()
    first = (time.perf_counter() - started) * 1000
    own = timed_reruns(at)
    assert "1,000,000 rows read" in " ".join(s.value for s in at.success), [s.value for s in at.success]
    return {
        "rerun_ms_shipped": round(statistics.median(shipped)),
        "first_run_with_file_ms": round(first),
        "rerun_ms_with_file": round(statistics.median(own)),
        "load_average": round(os.getloadavg()[0], 1),
    }


async def server_reruns(
    servers: dict[str, tuple[str, int]], empty_url: str, path: Path, reruns: int = RERUNS
) -> dict:
    """Per server (name: (url, pid)): median ms of the Security page's rerun after a change of
    measure in a session that uploaded `path` and in one that did not, each also net of the empty
    page's plain rerun (served at `empty_url`), the upload's first run, and the server's RSS (MiB)
    before the upload, after it and after the reruns. The changes take turns over every session and
    the empty page, so that the machine's drift weighs on all of them alike."""
    from browser_kit import rss_kib
    from load import CODES, Client

    data, codes = path.read_bytes(), CODES["security.measure"]
    clients, rows = {}, {}
    empty = Client(empty_url, [])
    await empty.open("")
    empty_times: list[float] = []
    for name, (url, pid) in servers.items():
        for own in (False, True):
            clients[name, own] = Client(url, [])
            await clients[name, own].open("security")
        before, started = rss_kib(pid), time.perf_counter()
        await clients[name, True].upload("security_upload", path.name, data)
        rows[name] = {
            "rows": data.count(b"\n") - 1,  # the header line and one a row
            "file_mib": round(len(data) / 2**20),
            "upload_and_first_run_ms": round((time.perf_counter() - started) * 1000),
            "first_run_with_file_ms": round(clients[name, True].latencies[-1] * 1000),
            "rss_before_upload_mib": round(before / 1024),
            "rss_after_upload_mib": round(rss_kib(pid) / 1024),
        }
        clients[name, True].expect(
            clients[name, True].param("security.file") == "own", "the file was not used"
        )
    times: dict[tuple[str, bool], list[float]] = {key: [] for key in clients}
    for number in range(reruns + 1):  # the first change of each session warms it up
        index = (number + 1) % 2  # "best" is the default: "events" first

        def fill(state, proto, index=index):
            state.string_value = proto.options[index]

        for key, client in clients.items():
            await client.change("security.measure", codes[index] if index else None, fill)
            if number:
                times[key].append(client.latencies[-1] * 1000)
        await empty.rerun()
        if number:
            empty_times.append(empty.latencies[-1] * 1000)
    await empty.close()
    floor = statistics.median(empty_times)
    for (name, own), client in clients.items():
        if own:
            client.expect(client.param("security.file") == "own", "the file was dropped on a rerun")
        which = "with_file" if own else "without_file"
        rows[name][f"rerun_ms_{which}"] = round(statistics.median(times[name, own]))
        rows[name][f"rerun_net_ms_{which}"] = round(statistics.median(times[name, own]) - floor)
        rows[name]["empty_page_rerun_ms"] = round(floor)
        await client.close()
    for name, (_, pid) in servers.items():
        rows[name]["rss_after_reruns_mib"] = round(rss_kib(pid) / 1024)
    return rows


def browser_reruns(path: Path, changes: int = 16) -> dict:
    """Median ms of the wait after a change of measure in Chromium (keydown to the rerun's
    script-finished message, tests/benchmark.py's Stream) in a page that uploaded `path` through its
    uploader and in one without a file, of the floor page's wait for its select box, all three changed
    in turn, and each page's excess over the floor."""
    from benchmark import BROWSER_RERUN_TARGET_MS, BROWSER_RERUNS, CONTROLS, Stream, changes_in_turn
    from browser_kit import chromium, serve

    where, control, kind = BROWSER_RERUNS["security, measure select box"]
    with serve() as (app_url, _), serve("tests/bench_baseline.py") as (base_url, _), chromium() as browser:
        own = Stream(browser, f"{app_url}/{where}", control, kind)
        started = time.perf_counter()
        own.visit.page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(path))
        own.visit.page.get_by_text("rows read").wait_for(timeout=600_000)
        upload_s = time.perf_counter() - started
        streams = {
            "with_file": own,
            "without_file": Stream(browser, f"{app_url}/{where}", control, kind),
            "floor": Stream(browser, f"{base_url}/?controls=1&plotly=1", CONTROLS[kind][0], kind),
        }
        waits = dict(zip(streams, changes_in_turn(list(streams.values()), changes), strict=True))
        still_used = own.visit.page.get_by_text("rows read").count()
        errors = [error for stream in streams.values() for error in stream.visit.errors]
        for stream in streams.values():
            stream.visit.close()
    if not still_used or errors:
        raise RuntimeError(f"the file was dropped or a page failed: {errors}")
    medians = {name: statistics.median(times) for name, times in waits.items()}
    return {
        "upload_and_first_run_s": round(upload_s, 1),
        **{f"wait_ms_{name}": round(ms) for name, ms in medians.items()},
        **{
            f"excess_ms_{name}": round(medians[name] - medians["floor"])
            for name in ("with_file", "without_file")
        },
        "target_excess_ms": BROWSER_RERUN_TARGET_MS,
        "changes": changes,
    }


def main(profile: bool) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acled-1m.csv"
        subprocess.run([sys.executable, __file__, "--make", str(path)], check=True)
        command = [sys.executable, __file__, "--measure", str(path), *(["--profile"] if profile else [])]
        result = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    numbers = json.loads(result.stdout.strip().splitlines()[-1])
    print(json.dumps(numbers))
    ok = numbers["kept"] == ROWS and numbers["seconds"] <= SECONDS and numbers["peak_mib"] <= GIB * 1024
    print("within targets" if ok else f"OVER TARGET (≤ {SECONDS} s, ≤ {GIB} GiB)")
    return 0 if ok else 1


@contextlib.contextmanager
def made_export(rows: int = ROWS):
    """Yields the path of an ACLED-layout file of `rows` rows (make), in a folder removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"acled-{rows}.csv"
        make(path, rows)
        yield path


if __name__ == "__main__":
    rows = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else ROWS
    if sys.argv[1:2] == ["--make"]:
        make(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["--reruns"]:
        with made_export() as made:
            print(json.dumps(reruns(made)))
    elif sys.argv[1:2] == ["--reruns-server"]:
        import asyncio

        from browser_kit import serve

        with (
            made_export(rows) as made,
            serve() as (url, process),
            serve("tests/bench_baseline.py") as (empty_url, _),
        ):
            result = asyncio.run(server_reruns({"app": (url, process.pid)}, empty_url, made))["app"]
        print(json.dumps(result | {"reruns": RERUNS, "load_average": round(os.getloadavg()[0], 1)}))
    elif sys.argv[1:2] == ["--reruns-in-browser"]:
        with made_export(rows) as made:
            result = browser_reruns(made)
        print(json.dumps(result | {"rows": rows, "load_average": round(os.getloadavg()[0], 1)}))
    elif sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]), "--profile" in sys.argv)))
    else:
        sys.exit(main("--profile" in sys.argv))
