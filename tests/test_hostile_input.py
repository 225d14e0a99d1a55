"""Random and hostile query strings and damaged data files: a notice, never an exception."""

import random
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.config import FIRST_COUP, PAGES, PERIOD_END
from components.params import parse_choice, parse_choices, parse_day, parse_period

APP = str(Path(__file__).resolve().parent.parent / "app.py")
SEED = 20250403
NOTICE_PHRASES = ("were not understood", "n'ont pas été compris")
HOSTILE = [
    "",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR 1=1 --",
    "../../etc/passwd",
    "9" * 5000,
    "2030-01-01",
    "1899-12-31",
    "2024-02-30",
    "2025-04-05",
    "2025-01-01,2020-01-01",
    "2021-01-01,2021-01-01,2021-01-01",
    "NaN",
    "null",
    "[]",
    "{}",
    "MLI,XXX",
    "ZZZ",
    "mli",
    "%00",
    "\u202eevil",
    "🇲🇱",
    "MLI," * 500,
    "ECOWAS",
    "fr;en",
]
# Values each parameter accepts, so a mixed query knows when a notice is owed.
VALID = {
    "lang": ["fr", "en"],
    "map.date": ["2023-07-26", "2020-08-18", "2025-04-04"],
    "map.country": ["NER", "SEN", "MLI"],
    "map.layers": ["status,presence", "arcs"],
    "timeline.period": ["2023-07-01,2024-12-31"],
    "timeline.states": ["NER", "MLI,AES"],
    "timeline.categories": ["coup,russia"],
    "timeline.topics": ["political"],
    "timeline.event": ["c-2023-07-26-niger-coup"],
    "topics.measure": ["events"],
    "topics.topic": ["military"],
    "topics.state": ["BFA"],
    "data.table": ["events", "sources"],
    "security.states": ["MLI,BFA", "BFA"],
    "security.measure": ["events"],
    "security.state": ["BFA"],
    "security.by": ["side"],
    "security.milestone": ["w-2023-06-30-unsc-ends-minusma"],
    "security.file": ["own"],
}
PARSERS = {
    "lang": lambda raw: parse_choice(raw, ["en", "fr"]),
    "map.date": lambda raw: parse_day(raw, FIRST_COUP, PERIOD_END),
    "timeline.period": lambda raw: parse_period(raw, FIRST_COUP, PERIOD_END),
    "timeline.states": lambda raw: parse_choices(raw, ["MLI", "BFA", "NER", "AES"]),
    "topics.state": lambda raw: parse_choice(raw, ["MLI", "BFA", "NER", "AES"]),
    "topics.measure": lambda raw: parse_choice(raw, ["cooperation", "events"]),
    "security.measure": lambda raw: parse_choice(raw, ["best", "events"]),
    "security.by": lambda raw: parse_choice(raw, ["kind", "side"]),
}


def random_queries(count: int) -> list[tuple[str, dict[str, str], bool]]:
    """(page, query, owes_a_notice): a fixed-seed mix of valid, hostile and unknown parameters."""
    rng = random.Random(SEED)
    pages = [name for name, _ in PAGES]
    queries = []
    for _ in range(count):
        page = rng.choice(pages)
        query, owes = {}, False
        for key in rng.sample(sorted(VALID), rng.randint(1, 4)):
            if rng.random() < 0.5:
                query[key] = rng.choice(VALID[key])
            else:
                value = rng.choice(HOSTILE)
                query[key] = value
                parser = PARSERS.get(key)
                # Only parameters the page reads are checked; a hostile value there must be noticed.
                owes |= (
                    bool(value)
                    and parser is not None
                    and parser([value]) is None
                    and key.split(".")[0] in (page, "lang")
                )
        if rng.random() < 0.3:
            query[rng.choice(["utm_source", "<b>x</b>", "timeline.nope", "a" * 300])] = (
                rng.choice(HOSTILE) or "x"
            )
            owes = True
        queries.append((page, query, owes))
    return queries


def test_the_parsers_survive_many_hostile_values():
    rng = random.Random(SEED)
    alphabet = "MLIBFANERAES,-0123456789<>\"'/%;: é🇲\u202e\x00"
    values = HOSTILE + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for value in values:
        assert parse_choice([value], ["MLI", "NER"]) in (None, "MLI", "NER")
        choices = parse_choices([value], ["MLI", "NER"])
        assert choices is None or set(choices) <= {"MLI", "NER"}
        day = parse_day([value], FIRST_COUP, PERIOD_END)
        assert day is None or FIRST_COUP <= day <= PERIOD_END
        period = parse_period([value], FIRST_COUP, PERIOD_END)
        assert period is None or FIRST_COUP <= period[0] <= period[1] <= PERIOD_END


@pytest.mark.parametrize("chunk", range(20))
def test_random_and_hostile_query_strings_never_raise(chunk):
    """1,000 query strings in twenty chunks of fifty, each in a fresh session."""
    for page, query, owes in random_queries(1000)[chunk * 50 : (chunk + 1) * 50]:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        if page != PAGES[0][0]:
            at.switch_page(f"components/pages/{page}.py")
        at.run()
        assert not at.exception, (page, query, at.exception)
        noticed = any(phrase in info.value for info in at.info for phrase in NOTICE_PHRASES)
        assert noticed or not owes, (page, query)


def test_the_random_queries_do_owe_notices():
    owed = [owes for _, _, owes in random_queries(1000)]
    assert 300 < sum(owed) < 900  # the mix really tests both kinds


def test_a_known_good_link_gets_no_notice():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": "fr", "map.date": "2024-01-01", "map.country": "NER"})
    at.switch_page("components/pages/map.py").run()
    assert not any("were not understood" in info.value for info in at.info)
    assert at.slider(key="map.date").value == date(2024, 1, 1)
