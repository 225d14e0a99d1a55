"""Timeline: the sequence from the first coup to the Moscow consultations, filterable, with details."""

import streamlit as st

from components import model, panels, views, widgets
from components.compat import figure_from_dict
from components.config import TOPIC_COLUMNS
from components.data import (
    cached_view,
    load_codes,
    load_conflict,
    load_labels,
    load_package_info,
    load_tables,
)
from components.formatting import period_words
from components.i18n import column, labels_of, t
from components.params import PERIOD
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
events, summary, bars = view["events"], view["summary"], view["bars"]
if summary is None:
    st.info(t("common.empty", lang))
else:
    top = t(f"category.{summary['top']}", lang)
    words = {"n": summary["n"], "lanes": summary["lanes"], "top": top, **period_words(start, end, lang)}
    st.caption(t("timeline.chart_summary", lang, **words))
    st.plotly_chart(
        figure_from_dict(view["figure"]),
        key="timeline.chart",
        on_select=widgets.mirror_point(
            "timeline.chart", "timeline.event", lambda: [*events["event_id"], *bars]
        ),
        selection_mode="points",
        config=widgets.chart_config("timeline", lang),
    )
    if deaths:
        ucdp = next(r for r in load_package_info()["resources"] if r["name"] == "conflict_events")
        st.caption(f"{t('timeline.deaths_note', lang)} {views.source_note(None, '', ucdp, lang)}")

details, overview = st.columns([3, 2], gap="medium")
with details:
    titles = dict(zip(events["event_id"], events[column("title", lang)], strict=True))
    titles |= {bar_id: bar["title"] for bar_id, bar in bars.items()}  # a bar clicked opens its period
    event_id = widgets.choice(
        t("timeline.event", lang),
        list(titles),
        key="timeline.event",
        format_func=lambda e: titles.get(e, "—"),
    )
    if event_id in bars:
        panels.bar_details(bars[event_id], tables["sources"], lang)
    elif event_id:
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
    sources=tables["sources"],
    filtered=(start, end) != PERIOD or any(chosen.values()),
)
