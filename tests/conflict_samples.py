"""Real-shaped conflict exports for the tests and the benchmark, made from the shipped UCDP rows."""

import csv
import io
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "conflict" / "ucdp_ged.csv"
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
ACLED_OLD_COLUMNS = [
    "data_id",
    "iso",
    "event_id_cnty",
    "event_id_no_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "timestamp",
    "iso3",
]
ACTORS = {
    "Government of Mali": ("Military Forces of Mali (2021-)", "State forces", "1"),
    "Government of Burkina Faso": ("Military Forces of Burkina Faso (2022-)", "State forces", "1"),
    "JNIM": ("JNIM: Group for Support of Islam and Muslims", "Rebel group", "2"),
    "IS": ("Islamic State (Sahel)", "Rebel group", "2"),
    "Civilians": ("Civilians (Mali)", "Civilians", "7"),
}
EVENT_TYPES = {"1": "Battles", "2": "Battles", "3": "Violence against civilians"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def ucdp_rows() -> list[dict]:
    with SHIPPED.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def acled_row(ucdp: dict, number: int, *, old: bool = False) -> dict:
    """An ACLED-layout row carrying the place, day, actors and deaths of a UCDP row."""
    a = ACTORS.get(ucdp["side_a"], (ucdp["side_a"], "Identity militia", "4"))
    b = ACTORS.get(ucdp["side_b"], (ucdp["side_b"], "Political militia", "3"))
    year, month, day = ucdp["date_start"].split("-")
    row = dict.fromkeys(ACLED_OLD_COLUMNS if old else ACLED_COLUMNS, "")
    row.update(
        event_id_cnty=f"MLI{number}", event_date=ucdp["date_start"], year=year, time_precision="1",
        event_type=EVENT_TYPES[ucdp["type_of_violence"]], sub_event_type="Armed clash", actor1=a[0],
        inter1=a[2] if old else a[1], actor2=b[0], inter2=b[2] if old else b[1], interaction="12",
        iso="466", region="Western Africa", country=ucdp["country"], admin1=ucdp["adm_1"],
        location="Somewhere", latitude=ucdp["latitude"], longitude=ucdp["longitude"], geo_precision="1",
        source="Local press", source_scale="National", notes=f"On {ucdp['date_start']}, an event; see {number}.",
        fatalities=ucdp["best_est"], timestamp="1700000000",
    )  # fmt: skip
    if old:
        row.update(data_id=str(number), event_id_no_cnty=str(number), iso3="MLI")
        row["event_date"] = f"{int(day)} {MONTHS[int(month) - 1]} {year}" if number % 2 else (
            f"{day}-{MONTHS[int(month) - 1][:3]}-{year[2:]}"
        )  # fmt: skip
    return row


def to_csv(rows: list[dict], columns, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(columns), delimiter=delimiter, lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def acled_file(n: int, *, seed: int = 7, old: bool = False) -> bytes:
    """`n` ACLED rows resampled (with replacement) from the shipped UCDP rows."""
    source = ucdp_rows()
    pick = random.Random(seed).choices(source, k=n)
    return to_csv(
        [acled_row(r, i, old=old) for i, r in enumerate(pick)], ACLED_OLD_COLUMNS if old else ACLED_COLUMNS
    )
