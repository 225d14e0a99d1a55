"""Overview: what the dashboard covers, in figures computed from the tables."""

import streamlit as st

from components import views
from components.config import DATA_END, FIRST_COUP, MOSCOW_CONSULTATIONS, PAGES
from components.data import cached_view
from components.formatting import format_date, format_number
from components.i18n import t
from components.widgets import current_language

lang = current_language()
view = cached_view(
    "overview", views.overview_view, views.OVERVIEW_TABLES, lang, FIRST_COUP, MOSCOW_CONSULTATIONS
)
figures = view["figures"]

st.title(t("app.title", lang))
st.write(t("app.tagline", lang))
st.caption(t("overview.intro", lang))
st.caption(t("overview.data_end", lang, end=format_date(DATA_END, "day", lang)))

with st.container(border=True):
    st.subheader(t("overview.headline", lang))
    if not view["headline"]:
        st.info(t("overview.no_headline", lang))
    for event in view["headline"]:
        st.markdown(f"**{event['date']}**")
        st.text(event["title"])
        st.text(event["summary"])
        st.markdown(event["sources"])

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
st.table(view["states"], hide_index=True)

st.subheader(t("overview.pages", lang))
for name, icon in PAGES[1:]:
    st.page_link(f"components/pages/{name}.py", label=t(f"page.{name}", lang), icon=icon)
