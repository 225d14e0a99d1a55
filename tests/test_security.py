"""The conflict model: sides, the shared event layout, monthly counts and before/after windows."""

import pandas as pd
import pytest
from fixtures import conflict_events

from components.data import load_tables
from components.security import (
    EVENT_COLUMNS,
    acled_side,
    aggregate_frame,
    before_after,
    breakdown,
    milestones,
    state_monthly,
    ucdp_events,
    ucdp_side,
    window_months,
)
from components.security_codes import MILESTONES


@pytest.mark.parametrize(
    "name, side",
    [
        ("Government of Mali", "government"),
        ("Government of Burkina Faso", "government"),
        ("JNIM", "jnim"),
        ("IS", "is_sahel"),
        ("Dan na Ambassagou", "militia"),
        ("CSP-PSD", "other"),
        ("Civilians", ""),
    ],
)
def test_ucdp_sides(name, side):
    assert ucdp_side(name) == side


@pytest.mark.parametrize(
    "actor, kind, side",
    [
        ("Military Forces of Mali (2021-)", "State forces", "government"),
        ("Military Forces of Mali (2021-)", "1", "government"),
        ("Wagner Group", "External/Other forces", "government"),
        ("Africa Corps", "8", "government"),
        ("JNIM: Group for Support of Islam and Muslims", "Rebel group", "jnim"),
        ("Islamic State (Sahel)", "Rebel group", "is_sahel"),
        ("Dozo Communal Militia (Mali)", "Identity militia", "militia"),
        ("Civilians (Burkina Faso)", "Civilians", ""),
        ("Protesters (Mali)", "Protesters", "other"),
        ("", "", ""),
    ],
)
def test_acled_sides(actor, kind, side):
    assert acled_side(actor, kind) == side


SAMPLE = conflict_events(
    ("MLI", "2021-01-05", "state_based", "government", "jnim", 10, 8, 12),
    ("MLI", "2021-01-20", "one_sided", "jnim", "", 3, 3, 4),
    ("MLI", "2021-03-02", "non_state", "militia", "militia", 5, 5, 5),
    ("BFA", "2021-02-10", "state_based", "government", "is_sahel", 7, 7, 9),
)


def test_monthly_counts_fill_empty_months_and_keep_the_band():
    conflict = aggregate_frame(SAMPLE, "ucdp", "2021-01-01", "2021-04-30")
    mali = state_monthly(conflict, "MLI")
    assert list(mali.index.strftime("%Y-%m")) == ["2021-01", "2021-02", "2021-03", "2021-04"]
    assert mali["events"].tolist() == [2, 0, 1, 0]
    assert mali["best"].tolist() == [13, 0, 5, 0]
    assert (mali.loc["2021-01-01", "low"], mali.loc["2021-01-01", "high"]) == (11, 16)
    assert conflict.states == ["MLI", "BFA"]


def test_an_event_counts_under_each_of_its_sides_once():
    conflict = aggregate_frame(SAMPLE, "ucdp", "2021-01-01", "2021-04-30")
    sides = breakdown(conflict, "MLI", "side", "events")
    assert list(sides.columns) == ["government", "jnim", "militia"]  # display order, civilians not a side
    assert sides.loc["2021-01-01"].tolist() == [1, 2, 0]
    assert sides.loc["2021-03-01", "militia"] == 1  # militia against militia: once
    kinds = breakdown(conflict, "MLI", "kind", "best")
    assert kinds.loc["2021-01-01", "one_sided"] == 3 and kinds.sum().sum() == 18


def test_windows_are_whole_months_either_side_of_the_milestone_month():
    assert [d.strftime("%Y-%m") for d in window_months("2021-12-23", 6)] == [
        "2021-06", "2021-11", "2022-01", "2022-06",
    ]  # fmt: skip


def test_before_after_states_coverage_and_rates():
    conflict = aggregate_frame(SAMPLE, "ucdp", "2021-01-01", "2021-04-30")
    table = before_after(conflict, "2021-02-15", ["MLI", "NER"], windows=(2,))
    mali = table[table["iso3"] == "MLI"].set_index("part")
    assert mali.loc["before", "months_covered"] == 1  # December 2020 is not in the data
    assert (mali.loc["before", "events"], mali.loc["before", "best"]) == (2, 13)
    assert mali.loc["before", "deaths_per_month"] == 13.0
    assert (mali.loc["after", "months_covered"], mali.loc["after", "events"]) == (2, 1)
    assert mali.loc["after", "events_per_month"] == 0.5
    niger = table[table["iso3"] == "NER"]
    assert niger["events"].sum() == 0  # no rows for Niger: zero counts, stated by the page as not covered


def test_before_after_outside_the_data_has_no_rate():
    conflict = aggregate_frame(SAMPLE, "ucdp", "2021-01-01", "2021-04-30")
    after = before_after(conflict, "2024-07-06", ["MLI"], windows=(6,)).set_index("part").loc["after"]
    assert after["months_covered"] == 0
    assert pd.isna(after["events_per_month"])


def test_the_shipped_table_becomes_the_event_layout(shipped):
    frame = ucdp_events(shipped)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert frame["iso3"].notna().all()
    assert set(frame["kind"]) == {"state_based", "non_state", "one_sided"}
    assert (frame.loc[shipped["side_b"] == "Civilians", "side_b"] == "").all()
    conflict = aggregate_frame(frame, "ucdp", "2020-01-01", "2023-12-31")
    assert state_monthly(conflict, "BFA").loc["2023"]["best"].sum() == 6109
    assert len(state_monthly(conflict, "MLI")) == 48


def test_every_milestone_id_is_in_the_chronology(chronology):
    found = milestones(chronology, MILESTONES)
    assert list(found["event_id"]) == list(MILESTONES)
    assert found["date"].is_monotonic_increasing


@pytest.fixture
def shipped():
    return load_tables("conflict_events")["conflict_events"]


@pytest.fixture
def chronology():
    return load_tables("events")["events"]
