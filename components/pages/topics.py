"""Topics: the five areas of the AES–Russia cooperation, by state, over time and by stage."""

import streamlit as st

from components import panels, views, widgets
from components.config import TOPIC_COLUMNS
from components.data import cached_view
from components.i18n import t
from components.model import map_epoch
from components.params import PARAMS

lang = widgets.current_language()
options = cached_view("topics-options", views.topics_options, views.TOPICS_OPTIONS_TABLES, lang)
topic_labels = options["topics"]
everything = t("topics.all", lang)

st.title(t("topics.title", lang))
st.caption(t("topics.caption", lang))
controls = {  # name: options, their labels, and the name they are shared under with the other pages
    "measure": (["cooperation", "events"], lambda m: t(f"topics.measure.{m}", lang), None),
    "topic": (list(topic_labels), lambda c: topic_labels.get(c, everything), "topics"),
    "state": (list(TOPIC_COLUMNS), lambda c: t(f"lane.{c}", lang) if c else everything, "states"),
}
measure, topic, state = widgets.control_row("topics", controls, lang).values()
grade_cell, day_cell = st.columns(2)
with grade_cell:
    evidence = widgets.filter_choice(
        t("topics.evidence", lang),
        options["evidence"],
        key="topics.evidence",
        format_func=lambda code: t(f"evidence.{code}", lang),
        placeholder=t("common.all", lang),
        shared_as="evidence",
    )
with day_cell:
    day = widgets.day_box(t("topics.day", lang), key="topics.day", lang=lang)

# The register stands still from one status change to the next: every day between shares one view.
epoch = map_epoch(cached_view("topics-days", views.register_days, ("russian_registers",)), day)
view = cached_view(
    "topics", views.topics_view, views.TOPICS_TABLES, measure, topic, state, epoch, evidence, lang
)
st.subheader(t("topics.matrix", lang))
widgets.chart_block(view["matrix"], f"topics-matrix-{measure}", key="topics.matrix", lang=lang)
st.subheader(t("topics.over_time", lang))
widgets.chart_block(view["quarters"], f"topics-quarters-{measure}", key="topics.quarters", lang=lang)
panels.cooperation_breakdown(view["cooperation"], lang)

st.subheader(t("topics.areas", lang))
if view["areas"] is not None:  # a click on a bar chooses its area in the select box below
    pick = widgets.mirror_point("topics.areas.chart", "topics.area", lambda: options["areas"])
    widgets.chart_block(view["areas"], "topics-areas", key="topics.areas", lang=lang, on_select=pick)
area = widgets.choice(
    t("topics.area", lang),
    options["areas"],
    key="topics.area",
    format_func=lambda c: t(f"area.{c}", lang) if c else "—",
)
panels.area_items(view["area_items"].get(area, []), area, lang)

st.subheader(t("topics.cards", lang))
panels.topic_cards(view["cards"], lang)
st.subheader(t("topics.moscow", lang))
panels.consultation_outcomes(view["consultations"])
st.subheader(t("topics.items", lang))
items, narrowed = view["items"], bool(topic or state or evidence or day != PARAMS["topics.day"].default)
widgets.table_with_download(
    items["csv"],
    f"topics-{measure}",
    key="topics.items",
    lang=lang,
    filtered=narrowed,
    shown=items["shown"],
)
