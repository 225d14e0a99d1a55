"""A reader's own export: layouts detected, bad input named by column and row, never an exception."""

import io
import random
import zipfile
from datetime import date

import pandas as pd
import pytest
from conflict_samples import ACLED_COLUMNS, SHIPPED, acled_file, acled_row, to_csv, ucdp_rows

from components.conflict_files import LAYOUTS, read_export
from components.formatting import spreadsheet_safe
from components.widgets import csv_bytes

TODAY = date(2026, 12, 1)
SEED = 20250403


def zipped(*members: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def ucdp_bulk() -> bytes:
    """The shipped rows in the bulk GED layout: best/low/high, ISO dates with a time."""
    text = SHIPPED.read_text(encoding="utf-8").splitlines()
    header = text[0].replace("best_est", "best").replace("low_est", "low").replace("high_est", "high")
    return "\n".join([header, *text[1:]]).encode()


@pytest.mark.parametrize(
    "data, layout",
    [
        (SHIPPED.read_bytes(), "ucdp_country"),
        (ucdp_bulk(), "ucdp_ged"),
        (acled_file(300), "acled"),
        (acled_file(300, old=True), "acled_old"),
        (zipped(("export.csv", acled_file(300))), "acled"),
    ],
    ids=["ucdp-country", "ucdp-bulk", "acled", "acled-pre-2023", "acled-zipped"],
)
def test_each_layout_is_detected_and_fully_used(data, layout):
    upload = read_export(data, "export.csv", TODAY)
    assert (upload.layout, upload.fatal, upload.issues) == (layout, None, ())
    assert upload.kept == upload.rows > 0
    assert upload.conflict.kinds["events"].sum() == upload.rows


def test_the_shipped_file_read_as_an_upload_gives_the_shipped_totals():
    upload = read_export(SHIPPED.read_bytes(), "ucdp.csv", TODAY)
    totals = upload.conflict.kinds.groupby("iso3")["best"].sum()
    assert (totals["MLI"], totals["BFA"]) == (1509 + 1287 + 3650 + 2109, 1167 + 1458 + 2609 + 6109)
    assert upload.conflict.source == "ucdp"


def test_acled_has_no_band_and_counts_wagner_with_the_government():
    rows = [acled_row(r, i) for i, r in enumerate(ucdp_rows()[:20])]
    rows[0].update(
        actor1="Wagner Group", inter1="External/Other forces", actor2="Civilians (Mali)", inter2="Civilians"
    )
    upload = read_export(to_csv(rows, ACLED_COLUMNS), "acled.csv", TODAY)
    sides = upload.conflict.sides
    assert set(sides["side"]) <= {"government", "jnim", "is_sahel", "militia", "other"}
    assert (upload.conflict.kinds["low"] == upload.conflict.kinds["best"]).all()
    assert upload.conflict.source == "acled"


def bad_rows_file(**changes) -> bytes:
    rows = [acled_row(r, i) for i, r in enumerate(ucdp_rows()[:30])]
    for index, (column, value) in changes.items():
        rows[int(index[1:])][column] = value
    return to_csv(rows, ACLED_COLUMNS)


@pytest.mark.parametrize(
    "column, value, code",
    [
        ("country", "Atlantis", "unknown_country"),
        ("event_date", "2021-02-30", "bad_date"),
        ("event_date", "1950-01-01", "date_range"),
        ("event_date", "2099-01-01", "date_range"),
        ("latitude", "123.5", "coordinates"),
        ("longitude", "east", "coordinates"),
        ("fatalities", "-3", "deaths"),
        ("fatalities", "many", "deaths"),
        ("fatalities", "2.5", "deaths"),
        ("event_type", "Picnic", "bad_kind"),
    ],
)
def test_a_bad_cell_is_named_and_its_row_dropped(column, value, code):
    upload = read_export(bad_rows_file(r4=(column, value), r9=(column, value)), "x.csv", TODAY)
    assert upload.fatal is None and upload.rows == 30 and upload.kept == 28
    (issue,) = upload.issues
    assert (issue.code, issue.column, issue.count, issue.rows) == (code, column, 2, (6, 11))


@pytest.mark.parametrize(
    "data, name, code",
    [
        (b"", "x.csv", "empty"),
        (b"   \n\n", "x.csv", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.csv", "binary"),
        ("country;year\nMali;2020\n".encode("utf-16"), "x.csv", "binary"),
        ("event_id_cnty,country\n1,Bénin\n".encode("latin-1"), "x.csv", "encoding"),
        (b"a,b,c\n1,2,3\n", "x.csv", "missing_columns"),
        (zipped(("a.csv", b"x"), ("b.csv", b"y")), "x.zip", "zip_members"),
        (zipped(), "x.zip", "zip_members"),
        (b"PK\x03\x04 not really a zip", "x.zip", "bad_zip"),
    ],
    ids=[
        "empty",
        "blank",
        "png",
        "utf-16",
        "latin-1",
        "foreign-header",
        "zip-of-two",
        "empty-zip",
        "fake-zip",
    ],
)
def test_unusable_files_give_one_reason(data, name, code):
    upload = read_export(data, name, TODAY)
    assert (upload.conflict, upload.fatal) == (None, code)


def test_a_zip_bomb_is_stopped_at_the_cap():
    bomb = zipped(("big.csv", acled_file(10) + b"\n" * 5_000_000))
    assert len(bomb) < 100_000
    upload = read_export(bomb, "bomb.zip", TODAY, limit=1_000_000)
    assert upload.fatal == "too_big"


def test_missing_columns_are_named():
    data = acled_file(5).replace(b"fatalities", b"deaths", 1)
    upload = read_export(data, "x.csv", TODAY)
    assert (upload.fatal, upload.detail) == ("missing_columns", "fatalities")


def test_another_delimiter_is_read():
    rows = [acled_row(r, i) for i, r in enumerate(ucdp_rows()[:10])]
    upload = read_export(to_csv(rows, ACLED_COLUMNS, delimiter=";"), "x.csv", TODAY)
    assert (upload.layout, upload.kept) == ("acled", 10)


def test_formula_cells_are_neutralised_in_every_csv_written():
    assert [spreadsheet_safe(v) for v in ["=1+1", "+3", "-2", "@SUM(A1)", "Mali", 5, -5]] == [
        "'=1+1", "'+3", "'-2", "'@SUM(A1)", "Mali", 5, -5,
    ]  # fmt: skip
    written = csv_bytes(pd.DataFrame({"a": ["=HYPERLINK(x)", "ok"], "b": [1, 2]})).decode()
    assert written.splitlines()[1].startswith("'=HYPERLINK")


MUTATIONS = (
    "drop_column", "rename_column", "bad_date", "old_date", "future_date", "bad_country", "bad_lat", "bad_lon",
    "negative_deaths", "text_deaths", "latin1", "semicolon", "truncate", "ragged_row", "extra_cells",
    "binary_noise", "empty", "zip_two", "zip_bomb", "formula_cells", "blank_lines", "quote_break",
)  # fmt: skip


def mutate(rng: random.Random, base: list[dict], kind: str) -> tuple[bytes, str]:
    rows = [dict(r) for r in rng.sample(base, rng.randint(1, 40))]
    row = rng.choice(rows)
    columns = list(ACLED_COLUMNS)
    match kind:
        case "drop_column":
            columns.remove(rng.choice(LAYOUTS["acled"]))
        case "rename_column":
            victim = rng.choice(LAYOUTS["acled"])
            columns[columns.index(victim)] = victim.upper() + "_X"
            for r in rows:
                r[victim.upper() + "_X"] = r.pop(victim)
        case "bad_date":
            row["event_date"] = rng.choice(["31/31/2021", "yesterday", "", "2021-13-01", "0000-00-00"])
        case "old_date":
            row["event_date"] = "1900-01-01"
        case "future_date":
            row["event_date"] = "2199-12-31"
        case "bad_country":
            row["country"] = rng.choice(["Narnia", "", "MLI", "<script>"])
        case "bad_lat":
            row["latitude"] = rng.choice(["91", "-1e9", "nan", "", "x"])
        case "bad_lon":
            row["longitude"] = rng.choice(["181", "inf", "", "--"])
        case "negative_deaths":
            row["fatalities"] = str(-rng.randint(1, 99))
        case "text_deaths":
            row["fatalities"] = rng.choice(["ten", "1e99", "3.3", ""])
        case "formula_cells":
            row["actor1"] = rng.choice(["=cmd|' /C calc'!A0", "+1", "@x", "-2"])
    data = to_csv(rows, columns, delimiter=";" if kind == "semicolon" else ",")
    match kind:
        case "latin1":
            data = data.replace(b"Mali", "Malí".encode("latin-1"), 1)
        case "truncate":
            data = data[: rng.randint(0, len(data))]
        case "ragged_row":
            data += b"1,2,3\n"
        case "extra_cells":
            data += b",".join([b"x"] * 40) + b"\n"
        case "binary_noise":
            data = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 4000)))
        case "empty":
            data = b""
        case "zip_two":
            return zipped(("a.csv", data), ("b.csv", data)), "x.zip"
        case "zip_bomb":
            return zipped(("a.csv", data + b" " * 300_000)), "x.zip"
        case "blank_lines":
            data = data.replace(b"\n", b"\n\n", 3)
        case "quote_break":
            data = data.replace(b",", b',"', 1)
    return data, "x.csv"


def test_fuzz_two_hundred_and_twenty_bad_files_never_raise():
    rng = random.Random(SEED)
    base = [acled_row(r, i) for i, r in enumerate(ucdp_rows()[:200])]
    outcomes = set()
    for number in range(220):
        kind = MUTATIONS[number % len(MUTATIONS)]
        data, name = mutate(rng, base, kind)
        upload = read_export(data, name, TODAY, limit=200_000)
        assert (upload.conflict is None) == (upload.kept == 0), (kind, number)
        assert upload.fatal is not None or upload.conflict is not None, (kind, number)
        assert 0 <= upload.kept <= upload.rows
        for issue in upload.issues:
            assert issue.count >= len(issue.rows) >= 1 and all(r >= 2 for r in issue.rows), (kind, issue)
        if upload.conflict is not None:
            assert upload.conflict.kinds["events"].sum() == upload.kept
        outcomes.add(upload.fatal or (upload.issues[0].code if upload.issues else "clean"))
    assert {
        "missing_columns",
        "encoding",
        "empty",
        "zip_members",
        "too_big",
        "deaths",
        "coordinates",
    } <= outcomes
