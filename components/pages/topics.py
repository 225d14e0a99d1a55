"""Topics: the five areas of the AES–Russia cooperation, by state, over time and by stage."""

import streamlit as st

from components.charts import composition_chart, pipeline_chart, quarterly_chart, topic_heatmap
from components.config import FIRST_COUP, PERIOD_END, TOPIC_COLUMNS
from components.data import load_tables
from components.i18n import column, t
from components.model import (
    items_by_state,
    narrow,
    quarterly_counts,
    status_pipeline,
    topic_card,
    topic_matrix,
)
from components.panels import consultation_outcomes, topic_cards
from components.widgets import (
    chart_block,
    choice,
    current_language,
    table_with_download,
)

lang = current_language()
tables = load_tables("topics", "cooperation", "events", "sources", "consultations")
topics = tables["topics"]
topic_labels = dict(zip(topics["topic_id"], topics[column("label", lang)], strict=True))
russian = tables["cooperation"][tables["cooperation"]["partner"] == "RUS"]

st.title(t("topics.title", lang))
st.caption(t("topics.caption", lang))

controls = st.columns(3)
with controls[0]:
    measure = choice(
        t("topics.measure", lang),
        ["cooperation", "events"],
        key="topics.measure",
        format_func=lambda m: t(f"topics.measure.{m}", lang),
    )
with controls[1]:
    topic = choice(
        t("topics.topic", lang),
        ["", *topic_labels],
        key="topics.topic",
        shared_as="topics",
        format_func=lambda c: topic_labels.get(c, t("topics.all", lang)),
    )
with controls[2]:
    state = choice(
        t("topics.state", lang),
        ["", *TOPIC_COLUMNS],
        key="topics.state",
        shared_as="states",
        format_func=lambda c: t(f"lane.{c}", lang) if c else t("topics.all", lang),
    )

items = items_by_state(russian if measure == "cooperation" else tables["events"], measure)
chosen = narrow(items, topic=topic, iso3=state)

st.subheader(t("topics.matrix", lang))
matrix = topic_matrix(chosen, list(topic_labels))
top_topic, top_state = matrix.stack().idxmax()
chart_block(
    topic_heatmap(matrix, topic_labels, lang),
    matrix.reset_index(),
    f"topics-matrix-{measure}",
    key="topics.matrix",
    lang=lang,
    summary=t(
        "topics.matrix_summary",
        lang,
        topic=topic_labels.get(top_topic, t("topic.none", lang)),
        state=t(f"lane.{top_state}", lang),
        n=int(matrix.to_numpy().max()),
    ),
)

st.subheader(t("topics.over_time", lang))
# An item concerning several states counts once in time.
unique = chosen.drop_duplicates(subset=["event_id" if measure == "events" else "coop_id"])
quarters = quarterly_counts(unique, list(topic_labels), FIRST_COUP, PERIOD_END)
busiest = quarters.sum(axis=1)
chart_block(
    quarterly_chart(quarters, topic_labels, lang),
    quarters.reset_index().assign(quarter=lambda f: f["quarter"].astype(str)),
    f"topics-quarters-{measure}",
    key="topics.quarters",
    lang=lang,
    summary=t("topics.over_time_summary", lang, quarter=str(busiest.idxmax()), n=int(busiest.max())),
)

cooperation = narrow(russian, topic=topic, iso3=state)
if cooperation.empty:
    st.info(t("common.empty", lang))
else:
    inside, pipeline = st.columns(2, gap="medium")
    stages = status_pipeline(cooperation)
    with inside:
        st.subheader(t("topics.inside", lang))
        composition = (
            cooperation.groupby(["area", "instrument", "status"]).size().rename("items").reset_index()
        )
        areas = cooperation["area"].value_counts()
        chart_block(
            composition_chart(cooperation, lang),
            composition,
            "topics-composition",
            key="topics.composition",
            lang=lang,
            summary=t(
                "topics.inside_summary",
                lang,
                area=t(f"area.{areas.index[0]}", lang),
                n=int(areas.iloc[0]),
                total=len(cooperation),
            ),
        )
    with pipeline:
        st.subheader(t("topics.pipeline", lang))
        chart_block(
            pipeline_chart(stages, lang),
            stages.rename_axis("stage").reset_index(name="items"),
            "topics-pipeline",
            key="topics.pipeline",
            lang=lang,
            summary=t(
                "topics.pipeline_summary",
                lang,
                done=int(stages["implemented"]),
                total=int(stages.sum()),
                announced=int(stages["announced"]),
            ),
        )

st.subheader(t("topics.cards", lang))
shown = narrow(topics, topic_id=topic)
russian_items = narrow(russian, iso3=state)
topic_cards(
    shown,
    {tid: topic_card(russian_items, tables["sources"], tid) for tid in shown["topic_id"]},
    tables["sources"],
    lang,
)

st.subheader(t("topics.moscow", lang))
consultation_outcomes(narrow(tables["consultations"], topic=topic), topic_labels, tables["sources"], lang)

st.subheader(t("topics.items", lang))
if measure == "cooperation":
    listed, columns = cooperation, ["coop_id", "date", "iso3", "topic", "area", "instrument", "status"]
else:
    listed, columns = (
        chosen.drop_duplicates(subset=["event_id"]),
        ["event_id", "date", "states", "topic", "category"],
    )
listed = listed[[*columns, column("title", lang), "source_ids"]].sort_values("date")
table_with_download(listed, f"topics-{measure}", key="topics.items", lang=lang)
