"""Random and hostile query strings and damaged data files: a notice, never an exception."""

import random
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.config import FIRST_COUP, PAGES, PERIOD_END
from components.data import load_codes, load_conflict, load_package_info, load_tables
from components.params import PARAMS, parse_choice, parse_choices, parse_day, parse_param, parse_period
from components.security_codes import MILESTONES

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


def code_lists() -> dict[str, list[str]]:
    """The codes behind each code list a parameter of components.params.PARAMS names."""
    tables = load_tables("states", "events", "topics")
    return {
        "states.iso3": list(tables["states"]["iso3"]),
        "events.category": load_codes("events", "category"),
        "events.evidence": load_codes("events", "evidence"),
        "cooperation.area": load_codes("cooperation", "area"),
        "cooperation.evidence": load_codes("cooperation", "evidence"),
        "events.event_id": list(tables["events"]["event_id"]),
        "topics.topic_id": list(tables["topics"]["topic_id"]),
        "conflict.states": load_conflict().states,
        "security.milestones": list(MILESTONES),
        "datapackage.resources": [
            r["name"] for r in load_package_info()["resources"] if r["path"].endswith(".csv")
        ],
    }


def options_of(key: str, lists: dict[str, list[str]]):
    """The options of a parameter: its own, or those of the code list it names."""
    options = PARAMS[key].options
    return lists[options] if isinstance(options, str) else options


def valid_values(key: str, lists: dict[str, list[str]]) -> list[str]:
    """A few values of ?key=… that the app accepts, as a link would write them."""
    param, options = PARAMS[key], options_of(key, lists)
    if param.kind == "day":
        return ["2023-07-26", options[0].isoformat(), options[1].isoformat()]
    if param.kind == "period":
        return ["2023-07-01,2024-12-31", f"{options[0]},{options[1]}"]
    if param.kind == "text":
        return ["Bamako", "wagner"]
    picked = list(options[:2]) + list(options[-1:])
    return picked + ([",".join(options[:2])] if param.kind != "choice" and len(options) > 1 else [])


LISTS = code_lists()
VALID = {key: valid_values(key, LISTS) for key in PARAMS}


def test_every_parameter_has_valid_values_the_parser_accepts():
    for key, values in VALID.items():
        for value in values:
            assert parse_param(key, [value], options_of(key, LISTS)) is not None, (key, value)


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
                # Only parameters the page reads are checked; a hostile value there must be noticed.
                owes |= (
                    bool(value)
                    and parse_param(key, [value], options_of(key, LISTS)) is None
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


# Each page run costs a fresh session (about a second); the parsers behind them are tested on
# thousands of values above, so the pages get a fixed-seed sample.
PAGE_QUERIES = 200


@pytest.mark.parametrize("chunk", range(PAGE_QUERIES // 50))
def test_random_and_hostile_query_strings_never_raise(chunk):
    """200 query strings in four chunks of fifty, each in a fresh session."""
    for page, query, owes in random_queries(PAGE_QUERIES)[chunk * 50 : (chunk + 1) * 50]:
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
    owed = [owes for _, _, owes in random_queries(PAGE_QUERIES)]
    assert 0.3 * PAGE_QUERIES < sum(owed) < 0.9 * PAGE_QUERIES  # the mix really tests both kinds
    assert len({page for page, _, _ in random_queries(PAGE_QUERIES)}) == len(PAGES)  # every page


def test_a_known_good_link_gets_no_notice():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": "fr", "map.date": "2024-01-01", "map.country": "NER"})
    at.switch_page("components/pages/map.py").run()
    assert not any("were not understood" in info.value for info in at.info)
    assert at.select_slider(key="map.date").value == date(2024, 1, 1)
