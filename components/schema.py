"""Check raw CSV text against the Table Schemas in data/datapackage.json and type its columns.

Pure functions, no Streamlit and no file access: data.py reads the files and calls these.
"""

import io
import re
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file; row is the line number in the CSV (header = 1)."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


def read_csv_text(data: bytes, file: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """All cells as strings, or the reason the bytes are not a readable UTF-8 CSV."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(file, "is not UTF-8 text", row=line)]
    if not text.strip():
        return None, [Problem(file, "is empty")]
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as error:
        return None, [Problem(file, f"is not a well-formed CSV ({error})")]
    return frame, []


def _parse_cell(value: str, field: dict):
    """The typed value of one non-empty cell; raises ValueError when it does not parse."""
    kind = field["type"]
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise ValueError(f"'{value}' is not a whole number")
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"'{value}' is not a date written YYYY-MM-DD")
        try:
            return pd.Timestamp(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a date in the calendar") from None
    if kind == "boolean":
        if value not in ("true", "false"):
            raise ValueError(f"'{value}' is not true or false")
        return value == "true"
    if kind == "list":
        items = tuple(value.split(field.get("delimiter", ";")))
        if any(not item or item != item.strip() for item in items):
            raise ValueError(f"'{value}' has an empty or padded item")
        return items
    return value


def _check_constraints(value, field: dict) -> str | None:
    """Why a typed value breaks its field's constraints, or None."""
    rules = field.get("constraints", {})
    items = value if isinstance(value, tuple) else (value,)
    for item in items:
        if "enum" in rules and item not in rules["enum"]:
            return f"'{item}' is not one of {', '.join(rules['enum'])}"
        if "pattern" in rules and not re.fullmatch(rules["pattern"], str(item)):
            return f"'{item}' does not match the pattern {rules['pattern']}"
    bound = pd.Timestamp if field["type"] == "date" else (lambda b: b)
    if "minimum" in rules and value < bound(rules["minimum"]):
        return f"{value} is below the minimum {rules['minimum']}"
    if "maximum" in rules and value > bound(rules["maximum"]):
        return f"{value} is above the maximum {rules['maximum']}"
    return None


EMPTY = {"integer": pd.NA, "number": float("nan"), "date": pd.NaT, "list": (), "boolean": pd.NA}
DTYPES = {"integer": "Int64", "number": "float64", "date": "datetime64[ns]", "boolean": "boolean"}


def parse_table(raw: pd.DataFrame, resource: dict) -> tuple[pd.DataFrame, list[Problem]]:
    """The table with typed columns in schema order, and every cell that breaks the schema."""
    file = resource["path"]
    fields = resource["schema"]["fields"]
    missing = [f["name"] for f in fields if f["name"] not in raw.columns]
    if missing:
        return raw, [Problem(file, "column is missing", column=name) for name in missing]
    problems: list[Problem] = []
    columns = {}
    for field in fields:
        name, kind = field["name"], field["type"]
        required = field.get("constraints", {}).get("required", False)
        values = []
        for line, cell in enumerate(raw[name], start=2):
            if cell == "":
                if required:
                    problems.append(Problem(file, "is empty but required", line, name))
                values.append(EMPTY.get(kind, ""))
                continue
            try:
                value = _parse_cell(cell, field)
            except ValueError as error:
                problems.append(Problem(file, str(error), line, name))
                values.append(EMPTY.get(kind, ""))
                continue
            reason = _check_constraints(value, field)
            if reason:
                problems.append(Problem(file, reason, line, name))
            values.append(value)
        columns[name] = pd.Series(values, dtype=DTYPES.get(kind, "object"), index=raw.index)
    return pd.DataFrame(columns), problems


def _key_values(tables: dict[str, pd.DataFrame], reference: dict) -> set:
    """Every value the referenced key column holds."""
    table = tables.get(reference["resource"])
    return set() if table is None else set(table[reference["fields"]])


def check_keys(tables: dict[str, pd.DataFrame], resources: list[dict]) -> list[Problem]:
    """Duplicate primary keys and foreign keys (list cells item by item) that resolve nowhere."""
    problems: list[Problem] = []
    for resource in resources:
        table = tables.get(resource["name"])
        if table is None:
            continue
        schema, file = resource["schema"], resource["path"]
        key = schema.get("primaryKey", [])
        if key:
            duplicated = table.duplicated(subset=key, keep="first")
            for index in table.index[duplicated]:
                value = ", ".join(str(table.at[index, k]) for k in key)
                problems.append(Problem(file, f"duplicate key '{value}'", index + 2, key[0]))
        # Standard foreign keys, and those on list fields or to several tables, which standard
        # Table Schema cannot express and the package keeps under x_listForeignKeys.
        for foreign in schema.get("foreignKeys", []) + schema.get("x_listForeignKeys", []):
            column = foreign["fields"]
            references = foreign["reference"]
            references = references if isinstance(references, list) else [references]
            known = set().union(*(_key_values(tables, r) for r in references))
            targets = " or ".join(r["resource"] for r in references)
            for index, cell in table[column].items():
                items = cell if isinstance(cell, tuple) else (cell,)
                for item in items:
                    if item != "" and item not in known:
                        message = f"'{item}' is not a key of {targets}"
                        problems.append(Problem(file, message, index + 2, column))
    return problems


def enum_codes(package: dict, table: str, field: str) -> list[str]:
    """The codes a field of the package may hold, in the package's order (its enum constraint)."""
    resource = next(r for r in package["resources"] if r["name"] == table)
    spec = next(f for f in resource["schema"]["fields"] if f["name"] == field)
    return list(spec["constraints"]["enum"])
