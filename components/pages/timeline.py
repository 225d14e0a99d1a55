"""Timeline: the sequence from the first coup to the Moscow consultations, filterable, with details."""

import pandas as pd
import streamlit as st

from components.charts import timeline_chart
from components.config import AES_STATES, CATEGORY_COLOURS, FIRST_COUP, PERIOD_END
from components.data import load_tables
from components.formatting import format_date
from components.i18n import column, state_names, t
from components.model import duration_bars, filter_events, phase_periods, with_lanes
from components.panels import event_details, period_overview
from components.url_state import share
from components.widgets import (
    choice,
    current_language,
    filter_choice,
    mirror_point,
    period_slider,
    reset_button,
    table_with_download,
)

lang = current_language()
tables = load_tables(
    "states",
    "topics",
    "events",
    "phases",
    "forces",
    "sources",
    "presence",
    "memberships",
    "sanctions",
    "leaders",
)
names = state_names(tables["states"], lang)
all_label = t("common.all", lang)

st.title(t("timeline.title", lang))
st.caption(t("timeline.caption", lang))

start, end = period_slider(
    t("timeline.period", lang), key="timeline.period", first=FIRST_COUP, last=PERIOD_END
)
filters = st.columns(3)
with filters[0]:
    states = filter_choice(
        t("timeline.states", lang),
        [*AES_STATES, "AES"],
        key="timeline.states",
        shared_as="states",
        format_func=lambda c: t(f"lane.{c}", lang),
        placeholder=all_label,
    )
with filters[1]:
    categories = filter_choice(
        t("timeline.categories", lang),
        list(CATEGORY_COLOURS),
        key="timeline.categories",
        shared_as="categories",
        format_func=lambda c: t(f"category.{c}", lang),
        placeholder=all_label,
    )
with filters[2]:
    topic_labels = dict(
        zip(tables["topics"]["topic_id"], tables["topics"][column("label", lang)], strict=True)
    )
    topics = filter_choice(
        t("timeline.topics", lang),
        list(topic_labels),
        key="timeline.topics",
        shared_as="topics",
        format_func=topic_labels.get,
        placeholder=all_label,
    )
reset_button(t("timeline.reset", lang), key="timeline.reset")

events = with_lanes(filter_events(tables["events"], start, end, states, categories, topics))
bars = duration_bars(tables, start, end)
if states:
    bars = bars[bars["iso3"].isin(states) | (bars["lane"] == "AES")]
phases = phase_periods(tables["phases"], tables["events"], PERIOD_END)
forces = dict(zip(tables["forces"]["force_id"], tables["forces"][column("label", lang)], strict=True))

if events.empty:
    st.info(t("common.empty", lang))
else:
    st.caption(
        t(
            "timeline.chart_summary",
            lang,
            n=len(events),
            start=format_date(pd.Timestamp(start), "day", lang),
            end=format_date(pd.Timestamp(end), "day", lang),
            lanes=events["lane"].nunique(),
            top=t(f"category.{events['category'].mode().iloc[0]}", lang),
        )
    )
    st.plotly_chart(
        timeline_chart(events, bars, phases, tables["sources"], names, forces, (start, end), lang),
        key="timeline.chart",
        on_select=mirror_point("timeline.chart", "timeline.event", lambda: list(events["event_id"])),
        selection_mode="points",
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": "sahel-pivot-timeline", "scale": 2},
        },
    )

details, summary = st.columns([3, 2], gap="medium")
with details:
    titles = dict(zip(events["event_id"], events[column("title", lang)], strict=True))
    event_id = choice(
        t("timeline.event", lang),
        ["", *titles],
        key="timeline.event",
        format_func=lambda e: titles.get(e, "—"),
        default="",
    )
    if event_id:
        share(
            "day", tables["events"].set_index("event_id").at[event_id, "date"].date()
        )  # the map opens on it
        event_details(event_id, tables["events"], tables["sources"], lang)
    else:
        st.caption(t("timeline.pick_event", lang))
with summary:
    period_overview(events, start, end, lang)

st.subheader(t("timeline.table", lang))
table_with_download(
    events[
        [
            "event_id",
            "date",
            "date_precision",
            column("title", lang),
            "category",
            "topic",
            "states",
            "lane",
            "source_ids",
        ]
    ],
    "timeline-events",
    key="timeline.events",
    lang=lang,
)
