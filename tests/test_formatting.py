"""Dates at their precision, safe markdown and URLs."""

import pandas as pd
import pytest

from components.data import load_text
from components.formatting import (
    chart_locale,
    death_toll,
    escape_markdown,
    format_date,
    format_number,
    format_percent,
    format_quarter,
    safe_url,
    since_words,
    small_text,
    source_lines,
    text_parts,
)


@pytest.mark.parametrize(
    ("precision", "lang", "expected"),
    [
        ("day", "en", "3 April 2025"),
        ("day", "fr", "3 avril 2025"),
        ("month", "en", "April 2025"),
        ("month", "fr", "avril 2025"),
        ("year", "en", "2025"),
    ],
)
def test_a_date_shows_only_its_precision(precision, lang, expected):
    assert format_date(pd.Timestamp("2025-04-03"), precision, lang) == expected


def test_french_first_of_the_month_and_missing_dates():
    assert format_date(pd.Timestamp("2024-07-01"), "day", "fr") == "1er juillet 2024"
    assert format_date(pd.NaT, "day", "en") == ""


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "[click](javascript:alert(1))", "**bold** _it_ `code`", ":red[x] $x$"],
)
def test_escaped_text_has_no_unescaped_markup(text):
    escaped = escape_markdown(text)
    for char in "<>[]()*_`:$":
        assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c == char and i > 0)
    assert escaped.replace("\\", "") == text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a_(b)", "https://example.org/a_%28b%29"),
        ("http://x.y/z", "http://x.y/z"),
        ("javascript:alert(1)", ""),
        ("https://x.y/a b", ""),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_numbers_group_thousands_per_language():
    assert format_number(69245688, "en") == "69,245,688"
    assert format_number(69245688, "fr") == "69\u202f245\u202f688"


def test_text_parts_split_at_comment_lines_and_drop_them():
    text = (
        "<!-- about this file -->\n\n### One\n\na\n\n<!-- insert here -->\n### Two\n\nb <!-- not alone -->\n"
    )
    assert text_parts(text) == ["### One\n\na", "### Two\n\nb <!-- not alone -->"]
    assert text_parts("### Only\n") == ["### Only"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_methodology_text_has_its_sections_and_the_place_of_the_phases(lang):
    parts = text_parts(load_text("methodology", lang))
    assert len(parts) == 2
    english = text_parts(load_text("methodology", "en"))
    assert [part.count("\n### ") for part in parts] == [part.count("\n### ") for part in english]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(86, 200, "86–200"), (44, 44, "44"), (None, None, ""), (5, None, "5"), (None, 7, "7"), (0, 3, "0–3")],
)
def test_a_death_toll_is_written_as_the_sources_range(low, high, expected):
    assert death_toll(pd.NA if low is None else low, pd.NA if high is None else high) == expected


@pytest.mark.parametrize(
    ("day", "precision", "lang", "expected"),
    [
        ("2025-04-03", "day", "fr", "depuis le 3 avril 2025"),
        ("2021-12-01", "month", "fr", "depuis décembre 2021"),
        ("2015-01-01", "year", "fr", "depuis 2015"),
        ("2021-12-01", "month", "en", "since December 2021"),
        ("2025-04-01", "day", "fr", "depuis le 1er avril 2025"),
    ],
)
def test_since_takes_the_right_french_preposition_at_each_precision(day, precision, lang, expected):
    assert since_words(pd.Timestamp(day), precision, lang) == expected


SOURCES = pd.DataFrame(
    {
        "source_id": ["s-1"],
        "publisher": ["AFP"],
        "title": ["Coup *in* Niger"],
        "url": ["https://example.org/a"],
        "published": [pd.Timestamp("2023-07-27")],
        "published_precision": ["day"],
        "source_type": ["international_press"],
    }
)


@pytest.mark.parametrize(
    ("evidence", "lang", "first"),
    [
        ("one_party", "en", "*Evidence: One party's word.*"),
        ("both_parties", "fr", "*Solidité : Confirmé par les deux parties.*"),
        (
            "",
            "en",
            "- AFP: [Coup \\*in\\* Niger](https://example.org/a), 27 July 2023 · *International press*",
        ),
    ],
)
def test_source_lines_say_how_strong_the_evidence_is_before_the_sources(evidence, lang, first):
    lines = source_lines(["s-1", "unknown"], SOURCES, lang, evidence)
    assert lines[0] == first
    assert len(lines) == (2 if evidence else 1)  # an unknown id is left out


@pytest.mark.parametrize(
    ("quarter", "lang", "expected"),
    [
        ("2024Q1", "fr", "T1 2024"),
        ("2024Q1", "en", "Q1 2024"),
        (pd.Period("2021Q4", freq="Q"), "fr", "T4 2021"),
    ],
)
def test_quarters_are_written_as_each_language_writes_them(quarter, lang, expected):
    assert format_quarter(quarter, lang) == expected


def test_percentages_take_a_narrow_space_in_french():
    assert format_percent(0.4242, "fr") == "42\u202f%"
    assert format_percent(0.4242, "en") == "42%"


def test_french_charts_get_plotlys_french_locale_from_their_config():
    config = chart_locale("fr")
    assert config["locale"] == "fr"
    french = config["locales"]["fr"]["format"]
    assert french["shortMonths"][0] == "janv." and french["months"][11] == "décembre"
    assert french["decimal"] == "," and french["thousands"] == "\u202f"
    assert chart_locale("en") == {"locale": "en-US"}


@pytest.mark.parametrize(
    ("day", "precision", "expected"),
    [
        ("2021-12-01", "month", "depuis décembre 2021"),
        ("2015-01-01", "year", "depuis 2015"),
        ("2025-04-03", "day", "depuis le 3 avril 2025"),
    ],
)
def test_since_in_french_at_each_precision(day, precision, expected):
    assert since_words(pd.Timestamp(day), precision, "fr") == expected


@pytest.mark.parametrize(
    "text",
    ["Two paragraphs\n\nof a note", "a ] closing bracket", "*markup* [link](http://x) <b>html</b> :red[x]"],
)
def test_small_text_stays_one_escaped_line_inside_its_brackets(text):
    small = small_text(text)
    assert small.startswith(":small[") and small.endswith("]") and "\n" not in small
    inner = small.removeprefix(":small[").removesuffix("]")
    assert inner == escape_markdown(" ".join(text.split()))
    assert "<b>" not in inner and "[link]" not in inner  # every special character escaped
