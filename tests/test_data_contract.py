"""The shipped tables: schema, keys, sources, dates, languages and coverage."""

import json
import re

import frictionless
import pandas as pd
import pytest

from components.config import AES_STATES, DATA_END, MOSCOW_CONSULTATIONS, PERIOD_END
from components.data import (
    DEFAULT_DATA_DIR,
    DataError,
    data_stamp,
    load_package_info,
    load_shapes,
    load_tables,
    load_version,
)
from components.model import described

PACKAGE = json.loads((DEFAULT_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
CSV_RESOURCES = [r for r in PACKAGE["resources"] if r["path"].endswith(".csv")]


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    return load_tables()  # raises DataError, naming file, row and column, on any schema or key problem


def test_every_csv_has_exactly_its_schema_columns():
    for resource in CSV_RESOURCES:
        header = (DEFAULT_DATA_DIR / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [f["name"] for f in resource["schema"]["fields"]], resource["path"]


def test_every_column_is_described_and_every_table_has_a_key():
    assert PACKAGE["licenses"] and PACKAGE["version"] and PACKAGE["last_updated"]
    for resource in CSV_RESOURCES:
        assert resource["schema"]["primaryKey"], resource["name"]
        assert all(field.get("description") for field in resource["schema"]["fields"]), resource["name"]


def test_every_fact_row_cites_a_source(tables):
    for name in [
        "states", "organisations", "leaders", "memberships", "events", "cooperation", "cooperation_status", "presence",
    ]:  # fmt: skip
        assert tables[name]["source_ids"].map(len).min() >= 1, name


def test_every_source_is_cited_and_well_formed(tables):
    sources = tables["sources"]
    cited = set()
    for table in tables.values():
        if "source_ids" in table:
            for ids in table["source_ids"]:  # a list, or a ';'-separated string (corrections)
                cited.update(ids.split(";") if isinstance(ids, str) else ids)
    cited.discard("")
    assert set(sources["source_id"]) == cited
    assert sources["url"].str.fullmatch(r"https?://[^\s/]+\.[^\s/]+(/\S*)?").all()
    assert sources["publisher"].str.strip().ne("").all()
    dated = sources["published"].notna()
    assert sources.loc[dated, "published_precision"].isin(["day", "month", "year"]).all()


def test_key_milestones_rest_on_two_sources(tables):
    events = tables["events"]
    milestones = events[events["milestone"]]
    assert len(milestones) >= 10
    thin = milestones[milestones["source_ids"].map(len) < 2]
    assert thin.empty, list(thin["event_id"])


@pytest.mark.parametrize(
    "name",
    [
        "events",
        "cooperation",
        "states",
        "organisations",
        "topics",
        "forces",
        "leaders",
        "phases",
        "memberships",
        "presence",
        "consultations",
        "sources",
    ],
)
def test_both_languages_are_filled(tables, name):
    table = tables[name]
    pairs = [c[:-3] for c in table.columns if c.endswith("_en")]
    assert pairs
    optional = {"short", "note", "size_note"}  # texts a row may lack (then in both languages)
    for stem in pairs:
        english = table[f"{stem}_en"].str.strip().ne("")
        french = table[f"{stem}_fr"].str.strip().ne("")
        assert (english == french).all(), (name, stem)  # a text exists in both languages or in neither
        if stem not in optional:
            assert english.all(), (name, stem)


def test_every_milestone_has_a_short_label(tables):
    events = tables["events"]
    assert (events["short_en"].ne("") == events["milestone"]).all()


def test_dates_respect_their_precision(tables):
    for name, column in [("events", "date"), ("cooperation", "date"), ("cooperation_status", "date")]:
        table = tables[name]
        month = table[table[f"{column}_precision"] == "month"][column]
        year = table[table[f"{column}_precision"] == "year"][column]
        assert (month.dt.day == 1).all(), name
        assert ((year.dt.day == 1) & (year.dt.month == 1)).all(), name


def test_every_cooperation_item_has_a_dated_status_history(tables):
    cooperation, history = tables["cooperation"], tables["cooperation_status"]
    assert set(history["coop_id"]) == set(cooperation["coop_id"])
    for item in cooperation.itertuples():
        steps = history[history["coop_id"] == item.coop_id]
        assert steps["date"].is_monotonic_increasing, item.coop_id  # written in date order
        latest = steps.iloc[-1]  # the register keeps the latest status, on its date, graded alike
        assert (latest["status"], latest["date"], latest["date_precision"], latest["evidence"]) == (
            item.status, item.date, item.date_precision, item.evidence,
        ), item.coop_id  # fmt: skip


def test_periods_end_after_they_start(tables):
    for name in ["memberships", "presence"]:
        table = tables[name].dropna(subset=["end"])
        assert (table["end"] >= table["start"]).all(), name


def test_membership_periods_of_one_state_do_not_overlap(tables):
    for (_, _), rows in tables["memberships"].groupby(["org_id", "iso3"]):
        rows = rows.sort_values("start")
        ends = rows["end"].iloc[:-1].to_numpy()
        starts = rows["start"].iloc[1:].to_numpy()
        assert (ends <= starts).all(), rows[["org_id", "iso3", "start"]].to_dict("records")


def test_coverage_matches_the_brief(tables):
    events, cooperation = tables["events"], tables["cooperation"]
    assert len(events) >= 80
    assert len(cooperation) >= 40
    in_period = events[~events["background"]]
    assert in_period["date"].min() == pd.Timestamp("2020-08-18")
    assert (in_period["date"] >= pd.Timestamp("2020-08-18")).all()
    assert (events["date"] == pd.Timestamp(MOSCOW_CONSULTATIONS)).any()
    assert set(events["category"]) == {
        "coup", "transition", "sanctions", "alliance", "withdrawal", "russia", "security", "economic", "diplomacy",
    }  # fmt: skip
    assert set(tables["topics"]["topic_id"]) <= set(events["topic"]) | {""}
    states = set(tables["states"]["iso3"])
    assert set(AES_STATES) | {"RUS", "FRA", "USA", "SEN", "NGA", "TCD", "DZA", "LBY", "MRT"} <= states
    organisations = set(tables["organisations"]["org_id"])
    assert {"AES", "ECOWAS", "G5S", "UEMOA", "AU", "OIF", "MINUSMA"} <= organisations


def test_the_five_coups_are_all_there(tables):
    coups = tables["events"]
    coups = coups[coups["category"] == "coup"]
    days = set(coups["date"].dt.strftime("%Y-%m-%d"))
    assert {"2020-08-18", "2021-05-24", "2022-01-24", "2022-09-30", "2023-07-26"} <= days


def test_ids_are_readable(tables):
    for name, key in [("events", "event_id"), ("cooperation", "coop_id"), ("sources", "source_id")]:
        assert tables[name][key].map(lambda v: bool(re.fullmatch(r"[a-z0-9-]+", v))).all()


def test_the_package_is_valid_for_the_standard_frictionless_tool():
    report = frictionless.validate(str(DEFAULT_DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_frictionless_sees_a_broken_standard_foreign_key(data_copy):
    sanctions = data_copy / "sanctions.csv"
    lines = sanctions.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("iso3")] = "XXX"
    sanctions.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    report = frictionless.validate(str(data_copy / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


def test_list_and_multi_table_keys_sit_outside_the_standard_foreign_keys():
    for resource in CSV_RESOURCES:
        schema = resource["schema"]
        types = {f["name"]: f["type"] for f in schema["fields"]}
        for foreign in schema.get("foreignKeys", []):
            assert types[foreign["fields"]] != "list", resource["name"]
            assert isinstance(foreign["reference"], dict), resource["name"]


# Yearly events / sum of best estimates, copied from ../shared/conflict/PROVENANCE.md.
UCDP_YEARLY = {
    ("Mali", 2020): (232, 1509), ("Mali", 2021): (215, 1287), ("Mali", 2022): (408, 3650),
    ("Mali", 2023): (319, 2109), ("Burkina Faso", 2020): (166, 1167), ("Burkina Faso", 2021): (191, 1458),
    ("Burkina Faso", 2022): (236, 2609), ("Burkina Faso", 2023): (595, 6109), ("Benin", 2020): (1, 1),
    ("Benin", 2021): (6, 11), ("Benin", 2022): (8, 30), ("Benin", 2023): (20, 46), ("Togo", 2022): (8, 62),
    ("Togo", 2023): (20, 76), ("Ivory Coast", 2020): (1, 3), ("Senegal", 2020): (1, 0), ("Senegal", 2021): (2, 0),
}  # fmt: skip


def test_conflict_events_match_the_provenance_yearly_totals(tables):
    conflict = tables["conflict_events"]
    assert len(conflict) == 2429
    yearly = conflict.groupby(["country", "year"]).agg(n=("id", "size"), best=("best_est", "sum"))
    assert {key: (int(row.n), int(row.best)) for key, row in yearly.iterrows()} == UCDP_YEARLY
    assert (conflict["year"] == conflict["date_start"].dt.year).all()
    assert conflict["date_start"].min() >= pd.Timestamp("2020-01-01")
    assert conflict["date_end"].max() <= pd.Timestamp("2023-12-31")
    assert "Niger" not in set(conflict["country"])


def test_conflict_events_state_licence_citations_version_and_coverage():
    resource = next(r for r in PACKAGE["resources"] if r["name"] == "conflict_events")
    assert resource["licenses"][0]["name"] == "CC-BY-4.0"
    assert (resource["version"], resource["x_version_inferred"]) == ("GED 24.1", True)
    assert [c.split(",")[0] for c in resource["x_citations"]] == ["Davies", "Sundberg"]
    assert resource["x_coverage"]["not_covered"] == ["NER"]
    assert (resource["x_coverage"]["start"], resource["x_coverage"]["end"]) == ("2020-01-01", "2023-12-31")
    assert "NOT cover Niger" in resource["description"]


def test_the_period_controls_reach_the_last_day_in_the_data(tables):
    dated = {"events": ["date"], "cooperation_status": ["date"], "memberships": ["start", "end"]}
    dated |= {"presence": ["start", "end"], "leaders": ["start", "end"]}
    last = max(tables[name][column].max() for name, columns in dated.items() for column in columns)
    assert last == pd.Timestamp(DATA_END)
    assert PERIOD_END < DATA_END  # the pages open on the story to Moscow, and the data goes on


@pytest.mark.parametrize("path", ["conflict/ucdp_ged.csv", "shapes/sahel.geojson", "events.csv"])
def test_the_data_version_changes_with_any_file_of_the_data_folder(data_copy, path):
    _, before = data_stamp()
    changed = data_copy / path
    changed.write_bytes(changed.read_bytes() + b"\n")
    assert data_stamp()[1] != before


README_COUNTS = {
    "events": "events",
    "cooperation items": "cooperation",
    "status changes": "cooperation_status",
    "membership periods": "memberships",
    "presences": "presence",
    "leaders' terms": "leaders",
    "sources": "sources",
    "corrections": "corrections",
}


def test_the_readme_counts_match_the_tables(tables):
    readme = (DEFAULT_DATA_DIR.parent / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"\*\*([\d,]+)\*\* ([a-z' ]+?)(?=[,.;)]| \(| and )", readme)
    stated = {words: int(number.replace(",", "")) for number, words in found}
    assert {words: stated.get(words) for words in README_COUNTS} == {
        words: len(tables[name]) for words, name in README_COUNTS.items()
    }


@pytest.mark.parametrize("resource", PACKAGE["resources"], ids=lambda r: r["name"])
def test_every_resource_and_field_is_described_in_both_languages(resource):
    """The Data page shows titles and descriptions in the reader's language (model.described)."""
    for key in ("title", "title_fr", "description", "description_fr"):
        assert resource.get(key, "").strip(), (resource["name"], key)
    for field in resource.get("schema", {}).get("fields", []):
        for key in ("description", "description_fr"):
            assert field.get(key, "").strip(), (resource["name"], field["name"], key)
        assert ("title" in field) == ("title_fr" in field), (resource["name"], field["name"])


def test_the_data_page_reads_the_french_descriptions():
    events = next(r for r in PACKAGE["resources"] if r["name"] == "events")
    assert described(events, "fr")[0] == "Événements"
    assert described(events, "en")[0] == "Events"
    date_field = events["schema"]["fields"][1]
    assert described(date_field, "fr")[1].startswith("Date (premier jour")


def test_the_data_version_is_the_checked_descriptors_and_a_damaged_table_stops_it(data_copy):
    package = load_package_info()
    assert load_version() == {"version": package["version"], "last_updated": package["last_updated"]}
    (data_copy / "events.csv").write_text("event_id\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_version()


def test_an_edited_descriptor_or_shapes_file_is_read_again_in_the_same_folder(data_copy):
    assert load_version()["version"] != "9.9.9"
    descriptor = data_copy / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    descriptor.write_text(json.dumps({**package, "version": "9.9.9"}), encoding="utf-8")
    assert load_version()["version"] == "9.9.9"
    shapes = data_copy / "shapes" / "sahel.geojson"
    assert load_shapes()["features"]
    shapes.write_text(json.dumps({"type": "FeatureCollection", "features": []}), encoding="utf-8")
    assert load_shapes()["features"] == []
