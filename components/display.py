"""Tables as a reader sees them: headers and codes in the reader's language, dates in words.

`shown(frame, lang, labels)` is what a page draws; the frame itself (codes, column names, ISO dates)
is what a CSV download holds. Headers come from one registry, the i18n keys `column.<name>`.
"""

import json

import numpy as np
import pandas as pd
import pyarrow as pa

from components.formatting import format_date, format_quarter, reader_table
from components.i18n import STRINGS, labels_of, state_names, t

# Which code list each column holds ('state': ISO3 → state name, …); a table may override one.
CODE_COLUMNS = {
    "iso3": "state",
    "states": "state",
    "partner": "state",
    "org_id": "org",
    "topic": "topic",
    "topic_id": "topic",
    "category": "category",
    "source_type": "source_type",
    "status": "status",
    "ecowas_status": "status",
    "stage": "stage",
    "area": "area",
    "instrument": "instrument",
    "outcome_status": "outcome",
    "lane": "lane",
    "actor": "force",
    "force_id": "force",
    "part": "part",
    "evidence": "evidence",
    "language": "doc_language",
    "table": "table",
}
TABLE_CODES = {
    "cooperation": {"status": "stage"},
    "cooperation_status": {"status": "stage"},
    "organisations": {"kind": "org_kind"},
}
# Code lists whose labels live in i18n, by key prefix.
I18N_FAMILIES = {
    "category": "category",
    "status": "status",
    "stage": "stage",
    "area": "area",
    "instrument": "instrument",
    "outcome": "outcome",
    "source_type": "source_type",
    "lane": "lane",
    "org": "org",
    "org_kind": "org_kind",
    "doc_language": "doc_language",
    "part": "security.part",
    "kind": "kind",
    "side": "side",
    "evidence": "evidence",
}
# Wide tables name their columns by code (a topic, a state, a kind of violence): their header is the
# code's label, looked up in these lists in this order.
HEADER_FAMILIES = ("topic", "state", "lane", "kind", "side", "stage")
MONTH_COLUMNS = frozenset({"month", "first_month", "last_month"})  # dates that stand for their whole month


def code_labels(tables: dict[str, pd.DataFrame], lang: str) -> dict[str, dict[str, str]]:
    """Code list → {code: label in `lang`}: states, topics and forces from their tables, the data
    tables by their titles in the package ('package', the descriptor), the rest from i18n."""
    labels = {
        family: {key.split(".")[-1]: t(key, lang) for key in STRINGS if key.startswith(prefix + ".")}
        for family, prefix in I18N_FAMILIES.items()
    }
    labels["state"] = {"AES": t("lane.AES", lang)} | state_names(tables["states"], lang)
    labels["topic"] = labels_of(tables["topics"], "topic_id", lang) | {
        "none": t("topic.none", lang),
        "": "",
    }
    labels["force"] = labels_of(tables["forces"], "force_id", lang)
    title = "title_fr" if lang == "fr" else "title"
    labels["table"] = {resource["name"]: resource[title] for resource in tables["package"]["resources"]}
    return labels


def header(name: str, lang: str, labels: dict[str, dict[str, str]]) -> str | None:
    """The header of column `name` in `lang`, or None when the registry has none."""
    base = name[:-3] if name.endswith(("_en", "_fr")) else name
    if f"column.{base}" in STRINGS:
        return t(f"column.{base}", lang)
    for family in HEADER_FAMILIES:
        if name in labels.get(family, {}):
            return labels[family][name]
    return None


def visible(names, lang: str) -> list[str]:
    """The columns among `names` a reader sees: not the other language's half of a bilingual pair
    ('title_en' in French), nor the precision of a date shown beside it ('date_precision')."""
    names = list(names)
    return [
        name
        for name in names
        if not name.endswith("_en" if lang == "fr" else "_fr")
        and not (name.endswith("_precision") and name.removesuffix("_precision") in names)
    ]


def _cell(value, family: dict[str, str] | None, lang: str):
    if isinstance(value, tuple | list):
        return ", ".join(str(_cell(v, family, lang)) for v in value)
    if isinstance(value, bool):
        return t("common.yes" if value else "common.no", lang)
    if family is not None and isinstance(value, str):
        return family.get(value, value)
    return value


def shown(
    frame: pd.DataFrame, lang: str, labels: dict[str, dict[str, str]], table: str | None = None
) -> pd.DataFrame:
    """`frame` as the reader sees it: the other language's columns left out, codes as labels, dates
    in words at their precision (a `<name>_precision` column, then dropped), quarters as 'T1 2024',
    and headers in `lang`. A column the registry has no header for keeps its name."""
    codes = CODE_COLUMNS | TABLE_CODES.get(table, {})
    out = {}
    for name in visible(frame.columns, lang):
        values = frame[name]
        if pd.api.types.is_datetime64_any_dtype(values):
            precisions = (
                frame[f"{name}_precision"]
                if f"{name}_precision" in frame.columns
                else pd.Series("month" if name in MONTH_COLUMNS else "day", index=frame.index)
            )
            values = [format_date(d, p, lang) for d, p in zip(values, precisions, strict=True)]
        elif name in MONTH_COLUMNS:  # written 'YYYY-MM' in the CSV
            values = [format_date(d, "month", lang) for d in pd.to_datetime(values, format="%Y-%m")]
        elif isinstance(values.dtype, pd.PeriodDtype) or name == "quarter":
            values = [format_quarter(q, lang) for q in values]
        elif name not in codes and isinstance(values.dtype, np.dtype) and values.dtype.kind in "iuf":
            values = values.to_numpy()  # numbers are shown as they are (what _cell gives them back)
        else:
            family = labels.get(codes[name]) if name in codes else None
            values = values.map(lambda v, family=family: _cell(v, family, lang))
        heading = header(name, lang, labels) or name
        out[f"{heading} ({name})" if heading in out else heading] = (
            values if isinstance(values, np.ndarray) else list(values)
        )  # two columns, one header
    return pd.DataFrame(out)


def reader_shown(
    frame: pd.DataFrame,
    lang: str,
    labels: dict[str, dict[str, str]],
    table: str | None = None,
    sources: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """`frame` as a reader's table shows it: sources and events named and ids hidden
    (formatting.reader_table), then as `shown` writes it."""
    return shown(reader_table(frame, sources, lang, events), lang, labels, table)


def missing_headers(names, lang: str, labels: dict[str, dict[str, str]]) -> list[str]:
    """The columns among `names` a reader sees that have no header in `lang`."""
    return [name for name in visible(names, lang) if header(name, lang, labels) is None]


def arrow_table(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """`frame` as the Arrow table st.dataframe makes of a frame (pa.Table.from_pandas: the browser
    gets the same bytes), for a cached view to convert once rather than on every run; the frame
    itself when Arrow cannot hold a column (st.dataframe then fixes the column's type)."""
    try:
        return pa.Table.from_pandas(frame)
    except (pa.ArrowException, OverflowError):
        return frame


def arrow_rows(table: pa.Table | pd.DataFrame, rows: slice | list[int]) -> pa.Table | pd.DataFrame:
    """The `rows` (a slice of positions, or positions in any order) of what arrow_table made of a
    frame numbered from 0, as arrow_table makes of those rows numbered from 0 again: the same
    columns, the index renumbered in the pandas metadata. Cut or taken, not converted again: a
    small table's conversion costs half a millisecond, the timeline's events three. (Of no rows,
    the columns keep their types, where a frame's text columns would have none; an empty table is
    never drawn.)"""
    if isinstance(table, pd.DataFrame):  # arrow_table could not convert it: st.dataframe will
        return table.iloc[rows].reset_index(drop=True)
    if isinstance(rows, slice):
        part = table.slice(rows.start, rows.stop - rows.start)
    else:  # typed: Arrow reads an empty list as nulls, which it cannot take by
        part = table.take(pa.array(rows, type=pa.int64()))
    pandas = json.loads(table.schema.metadata[b"pandas"])
    pandas["index_columns"] = [{"kind": "range", "name": None, "start": 0, "stop": part.num_rows, "step": 1}]
    return part.replace_schema_metadata(table.schema.metadata | {b"pandas": json.dumps(pandas).encode()})
