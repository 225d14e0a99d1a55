"""Data & sources: every table, browsable, filterable and downloadable, with its schema."""

import pandas as pd
import streamlit as st

from components.data import load_package_info, load_sources, load_tables
from components.i18n import t
from components.model import source_type_counts
from components.widgets import choice, current_language, table_with_download, text_filter

lang = current_language()
tables = load_tables()
info = load_package_info()
resources = {r["name"]: r for r in info["resources"] if r["name"] in tables}

st.title(t("page.data", lang))
st.caption(t("data.intro", lang))

name = choice(
    t("data.table", lang), list(resources), key="data.table", format_func=lambda n: resources[n]["title"]
)
resource = resources[name]
st.write(resource["description"])
query = text_filter(t("common.search", lang), key="data.search")

table = tables[name]
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
counts = source_type_counts(load_sources())
counts.index = [t(f"source_type.{kind}", lang) for kind in counts.index]
st.bar_chart(counts, horizontal=True)
table_with_download(
    counts.rename_axis("type").reset_index(name="sources"), "source-types", key="data.types", lang=lang
)
