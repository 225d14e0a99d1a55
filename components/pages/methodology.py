"""Methodology: scope, choices, sources, dates, phases, limits, licences, corrections, reporting errors."""

import streamlit as st

from components import model, widgets
from components.config import DATA_END
from components.data import load_labels, load_tables, load_text
from components.formatting import escape_markdown, format_date, text_parts
from components.i18n import column, t

lang = widgets.current_language()
tables = load_tables("phases", "events", "corrections")
# Our own prose, kept in components/text/methodology.<lang>.md; the phases go where its comment stands.
before_phases, *after_phases = text_parts(load_text("methodology", lang))

st.title(t("page.methodology", lang))
st.markdown(before_phases)

st.subheader(t("methodology.phases", lang))
st.caption(t("methodology.phases_intro", lang))
for phase in model.phase_periods(tables["phases"], tables["events"], DATA_END).to_dict("records"):
    span = f"{format_date(phase['start'], 'day', lang)} – {format_date(phase['end'], 'day', lang)}"
    st.markdown(f"**{escape_markdown(phase[column('label', lang)])}** · {span}")
    st.text(phase[column("reasoning", lang)])

for part in after_phases:
    st.markdown(part)

st.subheader(t("methodology.corrections", lang))
corrections = tables["corrections"][["date", "table", "row_ids", column("change", lang)]]
widgets.table_with_download(
    corrections,
    "corrections",
    key="methodology.corrections",
    lang=lang,
    labels=load_labels(lang),
    interactive=False,
)
