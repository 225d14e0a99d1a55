"""The Table Schema checks as pure functions, over many small cases."""

import pandas as pd
import pytest

from components.schema import Problem, check_keys, parse_table, read_csv_text

RESOURCE = {
    "name": "things",
    "path": "things.csv",
    "schema": {
        "fields": [
            {"name": "id", "type": "string", "constraints": {"required": True, "pattern": "^[a-z]+$"}},
            {
                "name": "day",
                "type": "date",
                "constraints": {"minimum": "2020-01-01", "maximum": "2025-12-31"},
            },
            {"name": "count", "type": "integer", "constraints": {"minimum": 0}},
            {"name": "share", "type": "number"},
            {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
            {"name": "flag", "type": "boolean"},
            {"name": "refs", "type": "list", "delimiter": ";"},
        ],
        "primaryKey": ["id"],
        "foreignKeys": [{"fields": "refs", "reference": {"resource": "things", "fields": "id"}}],
    },
}
GOOD = {
    "id": "x",
    "day": "2021-05-03",
    "count": "3",
    "share": "0.5",
    "kind": "a",
    "flag": "true",
    "refs": "x",
}


def one_row(**changes) -> pd.DataFrame:
    return pd.DataFrame([{**GOOD, **changes}], dtype=str)


def test_a_good_row_is_typed():
    table, problems = parse_table(one_row(), RESOURCE)
    assert problems == []
    row = table.iloc[0]
    assert row["day"] == pd.Timestamp("2021-05-03")
    assert (row["count"], row["share"], bool(row["flag"])) == (3, 0.5, True)
    assert row["refs"] == ("x",)


def test_empty_optional_cells_become_missing_values():
    table, problems = parse_table(one_row(day="", count="", share="", kind="", refs=""), RESOURCE)
    assert problems == []
    row = table.iloc[0]
    assert pd.isna(row["day"]) and pd.isna(row["count"]) and pd.isna(row["share"])
    assert row["kind"] == "" and row["refs"] == ()


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("id", "", "is empty but required"),
        ("id", "X1", "does not match the pattern"),
        ("day", "2021-13-01", "not a date in the calendar"),
        ("day", "2021-02-30", "not a date in the calendar"),
        ("day", "03/05/2021", "not a date written YYYY-MM-DD"),
        ("day", "2021-05", "not a date written YYYY-MM-DD"),
        ("day", "2019-12-31", "below the minimum"),
        ("day", "2026-01-01", "above the maximum"),
        ("count", "3.5", "not a whole number"),
        ("count", "many", "not a whole number"),
        ("count", "-1", "below the minimum"),
        ("share", "half", "could not convert"),
        ("kind", "c", "is not one of a, b"),
        ("flag", "yes", "not true or false"),
        ("refs", "x;;x", "empty or padded item"),
        ("refs", "x; x", "empty or padded item"),
    ],
)
def test_a_bad_cell_is_named_by_row_and_column(column, value, message):
    _, problems = parse_table(one_row(**{column: value}), RESOURCE)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.row, problem.column) == ("things.csv", 2, column)
    assert message in problem.message


def test_a_missing_column_is_named():
    _, problems = parse_table(one_row().drop(columns=["kind"]), RESOURCE)
    assert problems == [Problem("things.csv", "column is missing", column="kind")]


def test_duplicate_primary_keys_and_unknown_references_are_found():
    raw = pd.DataFrame([GOOD, {**GOOD, "refs": "x;y"}, {**GOOD, "id": "z", "refs": "z"}], dtype=str)
    table, problems = parse_table(raw, RESOURCE)
    assert problems == []
    found = check_keys({"things": table}, [RESOURCE])
    assert [(p.row, p.column) for p in found] == [(3, "id"), (3, "refs")]
    assert "duplicate key 'x'" in found[0].message
    assert "'y' is not a key of things" in found[1].message


def test_a_reference_may_resolve_in_any_of_several_tables():
    resource = {
        "name": "links",
        "path": "links.csv",
        "schema": {
            "fields": [{"name": "to", "type": "string"}],
            "x_listForeignKeys": [
                {
                    "fields": "to",
                    "reference": [{"resource": "a", "fields": "k"}, {"resource": "b", "fields": "k"}],
                }
            ],
        },
    }
    tables = {
        "links": pd.DataFrame({"to": ["one", "two", "three"]}),
        "a": pd.DataFrame({"k": ["one"]}),
        "b": pd.DataFrame({"k": ["two"]}),
    }
    problems = check_keys(tables, [resource])
    assert [str(p) for p in problems] == ["links.csv, row 4, column 'to': 'three' is not a key of a or b"]


@pytest.mark.parametrize(
    ("data", "message", "row"),
    [
        (b"", "is empty", None),
        (b"   \n", "is empty", None),
        (b"id,day\nx,2021\n\xe9t\xe9,2021\n", "is not UTF-8 text", 3),
        (b'id,day\n"x,2021\n', "is not a well-formed CSV", None),
    ],
)
def test_unreadable_bytes_are_reported(data, message, row):
    frame, problems = read_csv_text(data, "things.csv")
    assert frame is None
    assert message in problems[0].message and problems[0].row == row


def test_a_byte_order_mark_is_accepted():
    frame, problems = read_csv_text("\ufeffid,day\nx,2021-01-01\n".encode(), "things.csv")
    assert problems == [] and list(frame.columns) == ["id", "day"]
