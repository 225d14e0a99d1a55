"""Timeline: the sequence from the first coup to the Moscow consultations, filterable, with details."""

import streamlit as st

from components import model, panels, views, widgets
from components.compat import figure_from_dict
from components.config import TOPIC_COLUMNS
from components.data import cached_view, load_codes, load_labels, load_tables
from components.formatting import period_words
from components.i18n import column, labels_of, t
from components.url_state import share

lang = widgets.current_language()
tables = load_tables("topics", "events", "sources")
categories = load_codes("events", "category")
topic_labels = labels_of(tables["topics"], "topic_id", lang)

st.title(t("timeline.title", lang))
st.caption(t("timeline.caption", lang))
start, end = widgets.period_slider(t("timeline.period", lang), key="timeline.period", lang=lang)
filters = {  # name: options, their labels, and the name they are shared under with the other pages
    "states": (list(TOPIC_COLUMNS), lambda code: t(f"lane.{code}", lang), "states"),
    "categories": (categories, lambda code: t(f"category.{code}", lang), "categories"),
    "topics": (list(topic_labels), topic_labels.get, "topics"),
}
chosen = widgets.control_row("timeline", filters, lang, multiple=True)
widgets.reset_button(t("timeline.reset", lang), key="timeline.reset")

view = cached_view(
    "timeline", views.timeline_view, views.TIMELINE_TABLES, (start, end), chosen, categories, lang
)
events, summary = view["events"], view["summary"]
if summary is None:
    st.info(t("common.empty", lang))
else:
    top = t(f"category.{summary['top']}", lang)
    words = {"n": summary["n"], "lanes": summary["lanes"], "top": top, **period_words(start, end, lang)}
    st.caption(t("timeline.chart_summary", lang, **words))
    st.plotly_chart(
        figure_from_dict(view["figure"]),
        key="timeline.chart",
        on_select=widgets.mirror_point("timeline.chart", "timeline.event", lambda: list(events["event_id"])),
        selection_mode="points",
        config=widgets.chart_config("timeline", lang),
    )

details, overview = st.columns([3, 2], gap="medium")
with details:
    titles = dict(zip(events["event_id"], events[column("title", lang)], strict=True))
    event_id = widgets.choice(
        t("timeline.event", lang),
        list(titles),
        key="timeline.event",
        format_func=lambda e: titles.get(e, "—"),
    )
    if event_id:
        share("day", model.event_by_id(tables["events"], event_id)["date"].date())  # the map opens on it
        panels.event_details(event_id, tables["events"], tables["sources"], lang)
    else:
        st.caption(t("timeline.pick_event", lang))
with overview:
    panels.period_overview(events, categories, start, end, lang)

st.subheader(t("timeline.table", lang))
widgets.table_with_download(
    model.event_rows(events, lang),
    "timeline-events",
    key="timeline.events",
    lang=lang,
    labels=load_labels(lang),
)
