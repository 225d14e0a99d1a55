"""Overview: what the dashboard covers, in figures computed from the tables."""

import streamlit as st

from components import model, views
from components.config import DATA_END, FIRST_COUP, MOSCOW_CONSULTATIONS, PAGES
from components.data import load_tables
from components.formatting import format_date, format_number
from components.i18n import column, t
from components.widgets import current_language, source_list

lang = current_language()
tables = load_tables("states", "events", "cooperation", "sources")
states, events, sources = tables["states"], tables["events"], tables["sources"]
figures = model.overview_figures(
    states, events, tables["cooperation"], sources, FIRST_COUP, MOSCOW_CONSULTATIONS
)

st.title(t("app.title", lang))
st.write(t("app.tagline", lang))
st.caption(t("overview.intro", lang))
st.caption(t("overview.data_end", lang, end=format_date(DATA_END, "day", lang)))

headline = model.events_on(events, MOSCOW_CONSULTATIONS).head(1)
with st.container(border=True):
    st.subheader(t("overview.headline", lang))
    if headline.empty:
        st.info(t("overview.no_headline", lang))
    for event in headline.to_dict("records"):
        st.markdown(f"**{format_date(event['date'], event['date_precision'], lang)}**")
        st.text(event[column("title", lang)])
        st.text(event[column("summary", lang)])
        source_list(event, sources, lang)

years = ", ".join(str(y) for y in figures["aes_population_years"])
cells = st.columns(3)
cells[0].metric(
    t("overview.population", lang),
    format_number(figures["aes_population"], lang),
    help=t("overview.population_help", lang, years=years),
)
cells[1].metric(t("overview.area", lang), f"{format_number(figures['aes_area_km2'], lang)} km²")
cells[2].metric(t("overview.days", lang), format_number(figures["days"], lang))
cells = st.columns(3)
cells[0].metric(t("overview.events", lang), figures["events"])
cells[1].metric(t("overview.agreements", lang), figures["agreements"])
cells[2].metric(t("overview.sources", lang), figures["sources"])

st.subheader(t("overview.states", lang))
# Four short columns: at phone width the table fits, with nothing to scroll (a scrolled plain table
# cannot be reached with the keyboard).
st.table(views.state_rows(model.aes_states(states), lang), hide_index=True)

st.subheader(t("overview.pages", lang))
for name, icon in PAGES[1:]:
    st.page_link(f"components/pages/{name}.py", label=t(f"page.{name}", lang), icon=icon)
