"""Data & sources: every table, browsable, filterable and downloadable, with its schema."""

import pandas as pd
import streamlit as st

from components.charts import source_type_chart
from components.data import load_package_info, load_tables
from components.i18n import t
from components.model import source_type_counts
from components.widgets import chart_block, choice, current_language, table_with_download, text_filter

lang = current_language()
info = load_package_info()
resources = {r["name"]: r for r in info["resources"] if r["path"].endswith(".csv")}

st.title(t("page.data", lang))
st.caption(t("data.intro", lang))

name = choice(
    t("data.table", lang), list(resources), key="data.table", format_func=lambda n: resources[n]["title"]
)
resource = resources[name]
st.write(resource["description"])
query = text_filter(t("common.search", lang), key="data.search")

table = load_tables(name)[name]
if query:
    text = table.astype(str).apply(lambda col: col.str.contains(query, case=False, regex=False))
    table = table[text.any(axis=1)]
table_with_download(table, name, key="data.rows", lang=lang)

with st.expander(t("data.columns", lang)):
    st.dataframe(
        pd.DataFrame(
            [(f["name"], f["type"], f.get("description", "")) for f in resource["schema"]["fields"]],
            columns=[t("data.column", lang), t("data.type", lang), t("data.description", lang)],
        ),
        hide_index=True,
        width="stretch",
        key="data.columns",
    )

st.subheader(t("data.licence", lang))
for licence in info["licenses"]:
    st.text(f"{licence['title']} ({licence['name']})")
st.caption(t("data.shapes", lang))

st.subheader(t("data.by_type", lang))
counts = source_type_counts(load_tables("sources")["sources"])
chart_block(
    source_type_chart(counts, lang),
    pd.DataFrame(
        {
            "type": counts.index,
            t("data.type", lang): [t(f"source_type.{k}", lang) for k in counts.index],
            "sources": counts.to_numpy(),
        }
    ),
    "source-types",
    key="data.types",
    lang=lang,
    summary=t(
        "data.by_type_summary",
        lang,
        n=int(counts.iloc[0]),
        total=int(counts.sum()),
        kind=t(f"source_type.{counts.index[0]}", lang),
    ),
)
