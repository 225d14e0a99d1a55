"""Topics: the five areas of the AES–Russia cooperation, by state, over time and by stage."""

import streamlit as st

from components import model, panels, widgets
from components.charts.counts import quarterly_chart, topic_heatmap
from components.config import FIRST_COUP, PERIOD_END, TOPIC_COLUMNS
from components.data import load_codes, load_tables
from components.i18n import labels_of, t

lang = widgets.current_language()
tables = load_tables("topics", "cooperation", "events", "sources", "consultations")
topic_labels = labels_of(tables["topics"], "topic_id", lang)
russian = model.russian_items(tables["cooperation"])
everything = t("topics.all", lang)

st.title(t("topics.title", lang))
st.caption(t("topics.caption", lang))
controls = {  # name: options, their labels, and the name they are shared under with the other pages
    "measure": (["cooperation", "events"], lambda m: t(f"topics.measure.{m}", lang), None),
    "topic": (list(topic_labels), lambda c: topic_labels.get(c, everything), "topics"),
    "state": (list(TOPIC_COLUMNS), lambda c: t(f"lane.{c}", lang) if c else everything, "states"),
}
measure, topic, state = widgets.control_row("topics", controls, lang).values()

items = russian if measure == "cooperation" else tables["events"]
chosen = model.narrow(model.items_by_state(items, measure), topic=topic, iso3=state)
st.subheader(t("topics.matrix", lang))
matrix = model.topic_matrix(chosen, list(topic_labels))
cell = model.largest_cell(matrix)
widgets.chart_block(
    topic_heatmap(matrix, topic_labels, lang),
    matrix.reset_index(),
    f"topics-matrix-{measure}",
    key="topics.matrix",
    lang=lang,
    summary=None
    if cell is None
    else t(
        "topics.matrix_summary",
        lang,
        topic=topic_labels.get(cell[0], t("topic.none", lang)),
        state=t(f"lane.{cell[1]}", lang),
        n=cell[2],
    ),
)

st.subheader(t("topics.over_time", lang))
quarters = model.quarterly_counts(
    model.unique_items(chosen, measure), list(topic_labels), FIRST_COUP, PERIOD_END
)
busiest = model.busiest_row(quarters)
widgets.chart_block(
    quarterly_chart(quarters, topic_labels, lang),
    model.quarter_rows(quarters),
    f"topics-quarters-{measure}",
    key="topics.quarters",
    lang=lang,
    summary=None
    if busiest is None
    else t("topics.over_time_summary", lang, quarter=busiest[0], n=busiest[1]),
)

cooperation = model.narrow(russian, topic=topic, iso3=state)
panels.cooperation_breakdown(cooperation, load_codes("cooperation", "status"), lang)

st.subheader(t("topics.cards", lang))
shown = model.narrow(tables["topics"], topic_id=topic)
russian_items = model.narrow(russian, iso3=state)
cards = {tid: model.topic_card(russian_items, tables["sources"], tid) for tid in shown["topic_id"]}
panels.topic_cards(shown, cards, tables["sources"], lang)

st.subheader(t("topics.moscow", lang))
consultations = model.narrow(tables["consultations"], topic=topic)
panels.consultation_outcomes(consultations, topic_labels, tables["sources"], lang)

st.subheader(t("topics.items", lang))
listed = model.topic_item_rows(cooperation if measure == "cooperation" else chosen, measure, lang)
widgets.table_with_download(listed, f"topics-{measure}", key="topics.items", lang=lang)
