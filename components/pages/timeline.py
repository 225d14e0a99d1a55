"""Timeline: the sequence from the first coup to the Moscow consultations, filterable, with details."""

import streamlit as st

from components import display, panels, views, widgets
from components.config import TOPIC_COLUMNS
from components.data import (
    cached_view,
    load_codes,
    load_conflict,
    load_package_info,
    load_tables,
)
from components.i18n import t
from components.params import PERIOD

lang = widgets.current_language()
categories = load_codes("events", "category")
# What the page shows the same whatever its controls: the bars' details, the table's rows, the topics.
catalogue = cached_view("timeline-catalogue", views.timeline_catalogue, views.TIMELINE_CATALOGUE_TABLES, lang)
topic_labels = catalogue["topics"]

st.title(t("timeline.title", lang))
st.caption(t("timeline.caption", lang))
start, end = widgets.period_slider(t("timeline.period", lang), key="timeline.period", lang=lang)
filters = {  # name: options, their labels, and the name they are shared under with the other pages
    "states": (list(TOPIC_COLUMNS), lambda code: t(f"lane.{code}", lang), "states"),
    "categories": (categories, lambda code: t(f"category.{code}", lang), "categories"),
    "topics": (list(topic_labels), topic_labels.get, "topics"),
    "evidence": (load_codes("events", "evidence"), lambda code: t(f"evidence.{code}", lang), "evidence"),
}
chosen = widgets.control_row("timeline", filters, lang, multiple=True)
layers = {"deaths": t("timeline.deaths_band", lang)}  # drawn under the lanes, off by default
deaths = widgets.multi_choice(
    t("timeline.layers", lang), list(layers), key="timeline.deaths", format_func=layers.get
)
widgets.reset_button(t("timeline.reset", lang), key="timeline.reset")

conflict = load_conflict() if deaths else None
view = cached_view(
    "timeline", views.timeline_view, views.TIMELINE_TABLES, (start, end), chosen, categories, lang, conflict
)
deaths_note = None
if deaths:
    ucdp = next(r for r in load_package_info()["resources"] if r["name"] == "conflict_events")
    deaths_note = f"{t('timeline.deaths_note', lang)} {views.source_note(None, '', ucdp, lang)}"
panels.timeline_chart(view, start, end, lang, deaths_note)

details, overview = st.columns([3, 2], gap="medium")
with details:
    panels.timeline_details(view, catalogue["bars"], lambda: load_tables("events", "sources"), lang)
with overview:
    panels.period_overview(view["overview"], start, end, lang)

st.subheader(t("timeline.table", lang))
widgets.table_with_download(
    view["events"],
    "timeline-events",
    key="timeline.events",
    lang=lang,
    shown=display.arrow_rows(catalogue["rows"], view["rows"]),
    filtered=(start, end) != PERIOD or any(chosen.values()),
)
