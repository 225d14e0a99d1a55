"""Methodology: scope, choices, sources, dates, phases, limits, licences, corrections, reporting errors."""

import streamlit as st

from components.config import PERIOD_END
from components.data import load_tables
from components.formatting import escape_markdown, format_date
from components.i18n import column, t
from components.methodology import SECTIONS
from components.model import phase_periods
from components.widgets import current_language, table_with_download

lang = current_language()
tables = load_tables("phases", "events", "corrections")
pick = 1 if lang == "fr" else 0

st.title(t("page.methodology", lang))
for heading, text in SECTIONS[:4]:
    st.subheader(heading[pick])
    st.write(text[pick])

st.subheader(t("methodology.phases", lang))
st.caption(t("methodology.phases_intro", lang))
for phase in phase_periods(tables["phases"], tables["events"], PERIOD_END).to_dict("records"):
    span = f"{format_date(phase['start'], 'day', lang)} – {format_date(phase['end'], 'day', lang)}"
    st.markdown(f"**{escape_markdown(phase[column('label', lang)])}** · {span}")
    st.text(phase[column("reasoning", lang)])

for heading, text in SECTIONS[4:]:
    st.subheader(heading[pick])
    st.write(text[pick])

st.subheader(t("methodology.corrections", lang))
corrections = tables["corrections"]
table_with_download(
    corrections[["date", "table", "row_ids", column("change", lang)]],
    "corrections",
    key="methodology.corrections",
    lang=lang,
    interactive=False,
)
