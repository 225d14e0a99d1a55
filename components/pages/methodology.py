"""Methodology: scope, choices, sources, dates, phases, limits, licences, corrections, reporting errors."""

import streamlit as st

from components import views, widgets
from components.config import DATA_END
from components.data import cached_view, load_text
from components.formatting import text_parts
from components.i18n import t

lang = widgets.current_language()
view = cached_view("methodology", views.methodology_view, views.METHODOLOGY_TABLES, lang, DATA_END)
# Our own prose, kept in components/text/methodology.<lang>.md; the phases go where its comment stands.
before_phases, *after_phases = text_parts(load_text("methodology", lang))

st.title(t("page.methodology", lang))
st.markdown(before_phases)

st.subheader(t("methodology.phases", lang))
st.caption(t("methodology.phases_intro", lang))
for phase in view["phases"]:
    st.markdown(phase["heading"])
    st.text(phase["reasoning"])

for part in after_phases:
    st.markdown(part)

st.subheader(t("methodology.corrections", lang))
widgets.table_with_download(
    view["corrections"],
    "corrections",
    key="methodology.corrections",
    lang=lang,
    interactive=False,
    shown=view["corrections_shown"],
)
