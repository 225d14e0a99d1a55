"""Tables as a reader sees them: headers, codes and dates in the reader's language; CSVs keep codes."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_anything_to_arrow_bytes
from streamlit.testing.v1 import AppTest

import components.display as display
from components.config import LANGUAGES, PAGES
from components.data import _reader_table, _view, load_package_info, load_tables
from components.display import code_labels, missing_headers, shown
from components.params import browser_language
from components.widgets import csv_bytes

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def labels():
    tables = load_tables("states", "topics", "forces") | {"package": load_package_info()}
    return {lang: code_labels(tables, lang) for lang in LANGUAGES}


def test_codes_show_as_labels_in_the_readers_language_and_the_csv_keeps_them(labels):
    frame = pd.DataFrame(
        {
            "org_id": ["ECOWAS"],
            "iso3": ["MLI"],
            "status": ["suspended"],
            "start": [pd.Timestamp("2021-12-01")],
            "start_precision": ["month"],
            "name_en": ["Mali"],
            "name_fr": ["Mali (fr)"],
        }
    )
    french = shown(frame, "fr", labels["fr"])
    assert list(french.columns) == ["Organisation", "État", "Statut", "Début", "Nom"]
    assert french.iloc[0].tolist() == ["CEDEAO", "Mali", "Suspendu", "décembre 2021", "Mali (fr)"]
    english = shown(frame, "en", labels["en"])
    assert list(english.columns) == ["Organisation", "State", "Status", "Start", "Name"]
    assert english.iloc[0].tolist() == ["ECOWAS", "Mali", "Suspended", "December 2021", "Mali"]
    assert (
        csv_bytes(frame).decode().splitlines()[0]
        == "org_id,iso3,status,start,start_precision,name_en,name_fr"
    )
    assert "ECOWAS,MLI,suspended,2021-12-01" in csv_bytes(frame).decode()


def test_days_quarters_lists_and_yes_no_are_written_out(labels):
    frame = pd.DataFrame(
        {
            "date": [pd.Timestamp("2024-01-24")],
            "quarter": [pd.Period("2024Q1", freq="Q")],
            "states": [("MLI", "NER")],
            "aes_member": [True],
            "status": ["in_force"],
        }
    )
    row = shown(frame, "fr", labels["fr"], "cooperation").iloc[0].tolist()
    assert row == ["24 janvier 2024", "T1 2024", "Mali, Niger", "oui", "En vigueur"]
    row = shown(frame, "en", labels["en"], "cooperation").iloc[0].tolist()
    assert row == ["24 January 2024", "Q1 2024", "Mali, Niger", "yes", "In force"]
    assert "00:00:00" not in shown(frame, "en", labels["en"]).to_string()


def test_two_columns_with_one_header_are_both_kept(labels):
    frame = pd.DataFrame({"iso3": ["MLI"], "state": ["Mali"]})
    assert list(shown(frame, "en", labels["en"]).columns) == ["State", "State (state)"]


def test_wide_tables_named_by_code_get_the_codes_labels_as_headers(labels):
    frame = pd.DataFrame({"topic": ["military"], "MLI": [3], "AES": [1]})
    assert list(shown(frame, "fr", labels["fr"]).columns) == ["Thème", "Mali", "AES (bloc)"]


@pytest.mark.parametrize("table", ["events", "memberships", "presence", "cooperation", "sources", "states"])
def test_every_column_of_the_data_tables_has_a_header_in_both_languages(labels, table):
    names = load_tables(table)[table].columns
    for lang in LANGUAGES:
        assert missing_headers(names, lang, labels[lang]) == [], (table, lang)


def test_every_column_a_page_shows_has_a_header_in_both_languages(monkeypatch):
    """Every frame drawn through display.shown on every page, in both languages, is recorded."""
    missing = set()
    real = display.shown

    def record(frame, lang, labels, table=None):
        missing.update((table, name, lang) for name in missing_headers(frame.columns, lang, labels))
        return real(frame, lang, labels, table)

    for module in ("components.display", "components.views"):  # widgets calls display.shown
        monkeypatch.setattr(f"{module}.shown", record)
    # The data page's tables, cached per language, and the views (the map's tables, the country
    # panel's history): made afresh, and recorded.
    for cached in (_reader_table, _view):  # cached per language: made afresh, and recorded
        cached.clear()
    for page, _ in PAGES:
        for lang in LANGUAGES:
            at = AppTest.from_file(APP, default_timeout=60)
            at.query_params["lang"] = lang
            at.query_params["map.country"] = "MLI"  # the country panel's history table too
            if page != PAGES[0][0]:
                at.switch_page(f"components/pages/{page}.py")
            at.run()
            assert not at.exception, (page, lang, at.exception)
    assert missing == set()


@pytest.mark.parametrize(
    ("locale", "accept", "expected"),
    [
        ("fr-FR", None, "fr"),
        ("fr", "en-US,en;q=0.9", "fr"),
        ("en-GB", "fr-FR,fr;q=0.9", "en"),
        (None, "fr-CA,fr;q=0.9,en;q=0.8", "fr"),
        ("de-DE", "de;q=1, en;q=0.5, fr;q=0.8", "fr"),
        ("de-DE", "de, it", "en"),
        (None, "fr;q=bad, en", "en"),
        (None, None, "en"),
    ],
)
def test_the_browsers_language_picks_ours(locale, accept, expected):
    assert browser_language(locale, accept) == expected


def run_home(context=None, **query):
    at = AppTest.from_file(APP, default_timeout=60)
    at.context = context or {}
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_a_french_browser_opens_the_french_dashboard_and_the_link_keeps_it():
    at = run_home({"locale": "fr-FR"})
    assert at.session_state["lang"] == "fr"
    assert at.query_params["lang"] == "fr"
    assert "Population cumulée" in " ".join(m.label for m in at.metric)


def test_an_explicit_english_link_wins_over_a_french_browser():
    at = run_home({"locale": "fr-FR"}, lang="en")
    assert at.session_state["lang"] == "en"
    assert at.query_params["lang"] == "en"  # a reload must not fall back to the browser's French
    assert at.title[0].value == "Sahel Pivot"
    assert "Combined population" in " ".join(m.label for m in at.metric)


def test_an_english_browser_opens_english():
    at = run_home({"locale": "en-US"})
    assert at.session_state["lang"] == "en"
    assert "lang" not in at.query_params


def test_a_table_ready_to_send_is_sent_as_its_frame_would_be(labels):
    frame = shown(load_tables("events")["events"].head(20), "fr", labels["fr"], "events")
    assert convert_anything_to_arrow_bytes(display.arrow_table(frame)) == convert_anything_to_arrow_bytes(
        frame
    )


def test_rows_cut_from_a_table_ready_to_send_are_sent_as_their_frame_would_be(labels):
    frame = shown(load_tables("events")["events"].head(20), "fr", labels["fr"], "events")
    table = display.arrow_table(frame)
    for rows in (slice(0, 20), slice(3, 9), slice(19, 20), [7, 2, 15], [4]):
        part = frame.iloc[rows].reset_index(drop=True)
        assert convert_anything_to_arrow_bytes(
            display.arrow_rows(table, rows)
        ) == convert_anything_to_arrow_bytes(part)
        assert display.arrow_rows(table, rows).equals(display.arrow_table(part), check_metadata=True)
    assert display.arrow_rows(frame, slice(3, 9)).equals(frame.iloc[3:9].reset_index(drop=True))
    # No rows (a filter that matches nothing): the columns, none of the rows.
    empty = display.arrow_rows(table, [])
    assert empty.num_rows == 0 and empty.schema.names == table.schema.names


# A code list a reader reads as it is: UCDP's names of countries.
READ_AS_THEY_ARE = {("conflict_events", "country")}


def test_every_code_list_a_reader_sees_is_written_out_in_the_readers_language(labels):
    package = load_package_info()
    for resource in package["resources"]:
        fields = resource.get("schema", {}).get("fields", [])
        names = [field["name"] for field in fields]
        for field in fields:
            if (
                "enum" not in field.get("constraints", {})
                or (resource["name"], field["name"]) in READ_AS_THEY_ARE
            ):
                continue
            if field["name"] not in display.visible(names, "fr"):
                continue
            family = (display.CODE_COLUMNS | display.TABLE_CODES.get(resource["name"], {})).get(field["name"])
            assert family is not None, f"{resource['name']}.{field['name']} would show its raw codes"
            codes = field["constraints"]["enum"]
            for lang in LANGUAGES:
                assert set(codes) <= set(labels[lang][family]), (resource["name"], field["name"], lang)
