"""Rebuild data/conflict/ucdp_ged.csv from the UCDP per-country export kept in ../shared/conflict.

Keeps only the columns the app uses, rewrites the dates from MM/DD/YYYY 00:00:00 to YYYY-MM-DD (every
time part is 00:00:00) and leaves every other value as UCDP wrote it. Run from the repository root:

    python data/conflict/make_conflict.py /work/shared/conflict/ucdp_ged_sahel.csv
"""

import csv
import sys
from datetime import datetime
from pathlib import Path

COLUMNS = (
    "id", "relid", "year", "type_of_violence", "dyad_name", "side_a", "side_b", "country", "adm_1",
    "where_prec", "latitude", "longitude", "date_prec", "date_start", "date_end",
    "best_est", "low_est", "high_est",
)  # fmt: skip
DATES = ("date_start", "date_end")
OUT = Path(__file__).resolve().parent / "ucdp_ged.csv"


def iso_day(value: str) -> str:
    """'01/02/2020 00:00:00' → '2020-01-02'; anything else is an error, not a guess."""
    return datetime.strptime(value, "%m/%d/%Y %H:%M:%S").date().isoformat()


def main(source: str) -> None:
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(iso_day(row[c]) if c in DATES else row[c] for c in COLUMNS)
    print(f"{len(rows)} rows → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
