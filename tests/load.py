"""Load test, run on demand: python tests/load.py [--sessions 20] [--seconds 60]

Each session is a headless Chromium tab on the local app that keeps changing the date, the
language and the filters until time is up. Counts reruns, errors (exception boxes, console errors,
reruns that never finish) and samples the server's memory. Exits 1 on any error. Traffic goes to
127.0.0.1 only, in a bounded loop.
"""

import argparse
import random
import sys
import threading
import time

from browser_kit import Visit, chromium, rss_kib, serve

ACTIONS = [
    "map?map.date={day}&lang={lang}",
    "timeline?timeline.categories={category}&lang={lang}",
    "timeline?timeline.period=2022-01-01,{day}&timeline.states=NER",
    "topics?topics.topic={topic}&topics.state=MLI&lang={lang}",
    "?lang={lang}",
]


def session(url: str, seconds: float, seed: int, totals: dict, lock: threading.Lock) -> None:
    """One reader: opens pages with changing parameters, then clicks within the map page."""
    rng = random.Random(seed)
    reruns, errors = 0, []
    with chromium() as browser:
        view = Visit(browser)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            values = {
                "day": f"202{rng.randint(1, 4)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "lang": rng.choice(["en", "fr"]),
                "category": rng.choice(["coup", "russia", "sanctions"]),
                "topic": rng.choice(["military", "political", "russian_support"]),
            }
            try:
                view.open(f"{url}/{rng.choice(ACTIONS).format(**values)}", pause_ms=0)
                reruns += 1
                if view.page.get_by_text("Next event").count():
                    view.page.get_by_text("Next event").click()
                    view.settle(pause_ms=0)
                    reruns += 1
                if view.page.locator('[data-testid="stException"]').count():
                    errors.append("exception box")
            except Exception as error:  # a rerun that did not finish in time counts as an error
                errors.append(f"{type(error).__name__}: {str(error)[:80]}")
        errors += view.errors + [f"outside request {u}" for u in view.outside]
        view.close()
    with lock:
        totals["reruns"] += reruns
        totals["errors"] += errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    totals, lock, memory = {"reruns": 0, "errors": []}, threading.Lock(), []
    with serve() as (url, process):
        threads = [
            threading.Thread(target=session, args=(url, args.seconds, seed, totals, lock))
            for seed in range(args.sessions)
        ]
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            memory.append(rss_kib(process.pid) / 1024)
            time.sleep(5)
        for thread in threads:
            thread.join()
    print(
        f"{args.sessions} sessions × {args.seconds:.0f} s: {totals['reruns']} reruns, {len(totals['errors'])} errors"
    )
    print(f"server memory (MiB): first {memory[0]:.0f}, peak {max(memory):.0f}, last {memory[-1]:.0f}")
    for error in totals["errors"][:20]:
        print("  ", error)
    sys.exit(1 if totals["errors"] else 0)


if __name__ == "__main__":
    main()
