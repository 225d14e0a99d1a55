"""Benchmark of a reader's own export: a 1,000,000-row ACLED-layout file, made by resampling real-shaped
rows (tests/conflict_samples.py), hashed, read, validated and aggregated as the Security page does.

    python tests/benchmark_security.py            # prints seconds and peak memory; exit 1 over target
    python tests/benchmark_security.py --profile  # the same, and where the time goes (pyinstrument)
    python tests/benchmark_security.py --reruns   # the page's reruns with and without that file loaded

The file is made in one child process and written to a temporary file (test data, not a reader's
upload); a second child reads it into memory and runs the pipeline, so that its peak memory is the
pipeline's own plus the file's bytes. Targets: ≤ 5 s and ≤ 1.5 GiB. The CPU seconds and the load
average are printed too: on two cores shared with other work, the wall time says more about the load.
"""

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
            out.write("".join(rng.choice(templates).format(id=f"X{i}") for i in range(start, start + 10_000)))


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


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make"]:
        make(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["--reruns"]:
        with tempfile.TemporaryDirectory() as folder:
            made = Path(folder) / "acled-1m.csv"
            make(made)
            print(json.dumps(reruns(made)))
    elif sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]), "--profile" in sys.argv)))
    else:
        sys.exit(main("--profile" in sys.argv))
