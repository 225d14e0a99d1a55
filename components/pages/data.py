"""Data & sources: every table, browsable, filterable and downloadable, with its schema."""

import streamlit as st

from components import model, views, widgets
from components.data import cached_view, load_package_info, load_reader_table
from components.i18n import t

lang = widgets.current_language()
info = load_package_info()
resources = {r["name"]: r for r in info["resources"] if r["path"].endswith(".csv")}

st.title(t("page.data", lang))
st.caption(t("data.intro", lang))
name = widgets.choice(
    t("data.table", lang),
    list(resources),
    key="data.table",
    format_func=lambda n: model.described(resources[n], lang)[0],
)
st.write(model.described(resources[name], lang)[1])
query = widgets.text_filter(t("common.search", lang), key="data.search")
view = cached_view("data", views.data_view, (*views.DATA_TABLES, name), name, lang)
rows = model.search_rows(view["table"], query)
if query:
    # The reader's table is made once per language; a search keeps its matching rows, each column
    # typed from those rows alone (a number column with blanks elsewhere), as the frame made afresh was.
    matching = load_reader_table(name, lang).iloc[view["table"].index.get_indexer(rows.index)]
    shown = matching.reset_index(drop=True).infer_objects()
else:
    shown = view["shown"]
widgets.table_with_download(rows, name, key="data.rows", lang=lang, filtered=bool(query), shown=shown)

with st.expander(t("data.columns", lang)):
    st.dataframe(view["fields"], hide_index=True, width="stretch", key="data.columns")

st.subheader(t("data.licence", lang))
for licence in info["licenses"]:
    st.text(f"{licence['title']} ({licence['name']})")
st.caption(t("data.shapes", lang))

st.subheader(t("data.by_type", lang))
st.caption(view["by_type_summary"])
# Seven rows read as well in a plain table as in a bar chart, without the chart library's 1.2 MB.
widgets.table_with_download(
    view["by_type"],
    "source-types",
    key="data.types",
    lang=lang,
    interactive=False,
    shown=view["by_type_shown"],
)
