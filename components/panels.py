"""Larger read-only panels: a country on a day, an event, a period, topic cards, the Moscow outcomes.

Each takes frames as arguments and renders; text from data goes through st.text or escaped markdown.
"""

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from components.compat import figure_from_dict
from components.config import EXTRA_CODES, FORCE_COLOURS, SANCTIONS_COLOUR, STATUS_FILL
from components.formatting import (
    death_toll,
    escape_markdown,
    format_date,
    format_number,
    note_markdown,
    period_words,
)
from components.i18n import column, t
from components.model import (
    event_by_id,
    related_events,
)
from components.security_codes import KIND_COLOURS, UCDP_KINDS
from components.url_state import share
from components.widgets import (
    chart_block,
    chart_config,
    choice,
    legend,
    mirror_point,
    own_file_mark,
    source_list,
    table_with_download,
)


def note_caption(row, lang: str, sources: pd.DataFrame, events: pd.DataFrame | None = None) -> None:
    """The row's note in `lang` as a caption, when it has one (text from data, so escaped), with the
    sources and events it cites by id named instead."""
    if note := note_markdown(row, lang, sources, events):
        st.caption(note)


def country_panel(view: dict, lang: str) -> None:
    """One state on a day (views.country_view): ECOWAS and AES standing, leader, membership history,
    forces, latest events."""
    st.subheader(view["name"])
    st.text("\n".join(view["standing"]))  # one element: each costs every rerun its render
    st.markdown(f"**{t('map.leader', lang)}**")
    if view["leader"] is None:
        st.caption(t("map.no_leader", lang))
    else:
        st.text(view["leader"])
    if view["history"] is not None:
        st.markdown(f"**{t('map.history', lang)}**")
        st.dataframe(view["history"], hide_index=True, width="stretch", key="map.history")
    if view["forces"]:
        st.markdown(f"**{t('map.forces_here', lang)}**")
        st.text("\n".join(view["forces"]))
    st.markdown(f"**{t('map.latest', lang)}**")
    if not view["events"]:
        st.caption(t("map.no_events", lang))
    for event in view["events"]:
        with st.expander(event["label"]):
            st.text(event["summary"])
            if event["note"]:
                st.caption(event["note"])
            st.markdown(event["sources"])


def map_legends(layers, statuses: list[str], view: dict, lang: str) -> None:
    """The legends of the map's layers that are on (views.map_view): ECOWAS statuses (in the order
    of `statuses`, then 'other'), the AES outline and the sanctions in force, the forces drawn, the
    arcs when drawn, the kinds of conflict events."""
    if "status" in layers:
        fills = [*statuses, *EXTRA_CODES["memberships.status"]]
        legend(t("map.legend.status", lang), [(STATUS_FILL[s], t(f"status.{s}", lang)) for s in fills])
        legend(t("map.legend.aes", lang), [("transparent", t("map.aes_member", lang))], outline=True)
        if view["sanctioned"]:
            names = ", ".join(t(f"lane.{iso3}", lang) for iso3 in view["sanctioned"])
            legend(t("map.legend.sanctions", lang), [(SANCTIONS_COLOUR, names)])
    if "presence" in layers:
        if view["forces"]:
            forces = [(FORCE_COLOURS[code], label) for code, label in view["forces"].items()]
            legend(t("map.legend.forces", lang), forces)
        else:
            st.caption(t("map.no_forces", lang))
    if "arcs" in layers and view["arcs"]:
        st.caption(t("map.legend.arcs", lang))
    if "conflict" in layers:
        kinds = [(KIND_COLOURS[k], t(f"kind.{k}", lang)) for k in UCDP_KINDS.values()]
        legend(t("map.legend.conflict", lang), kinds)


def conflict_notes(conflict: dict, window: str, source: str, lang: str) -> None:
    """What the conflict layer draws (views.conflict_part): its counts, or why it draws nothing, what
    the data lack, and the data's licence and citations (`source`)."""
    if conflict["events"] is not None:
        words = {"events": format_number(conflict["events"], lang), "days": window}
        st.caption(t("map.conflict_count", lang, deaths=format_number(conflict["deaths"], lang), **words))
    for note in conflict["notes"]:
        st.info(note, icon=":material/block:")
    st.caption(source)


def map_tables(view: dict, day: date, lang: str) -> None:
    """What the map draws, as tables with downloads (views.map_view's 'tables'): each state's
    standing and the forces present, their arrival written at its precision."""
    st.subheader(t("map.drawn", lang))
    tabs = st.tabs([t("map.drawn_states", lang), t("map.drawn_forces", lang)])
    for tab, name in zip(tabs, ("states", "forces"), strict=True):
        with tab:
            listed = view["tables"][name]
            table_with_download(
                listed["csv"], f"map-{name}-{day}", key=f"map.{name}", lang=lang, shown=listed["shown"]
            )


def event_details(event_id: str, events: pd.DataFrame, sources: pd.DataFrame, lang: str) -> None:
    """One event in full: date at its precision, summary, note, sources with their type, related events."""
    event = event_by_id(events, event_id)
    st.subheader(escape_markdown(event[column("title", lang)]))
    precision = t(f"common.precision.{event['date_precision']}", lang)
    st.caption(f"{format_date(event['date'], event['date_precision'], lang)} ({escape_markdown(precision)})")
    st.text(event[column("summary", lang)])
    toll = death_toll(event["deaths_low"], event["deaths_high"])
    if toll:
        st.text(t("timeline.deaths", lang, toll=toll))
    note_caption(event, lang, sources, events)
    st.markdown(f"**{t('common.sources', lang)}**")
    source_list(event, sources, lang)
    related = related_events(events, event_id)
    if not related.empty:
        st.markdown(f"**{t('timeline.related', lang)}**")
        for row in related.to_dict("records"):
            st.text(f"{format_date(row['date'], row['date_precision'], lang)} · {row[column('title', lang)]}")


def bar_details(details: dict, sources: pd.DataFrame, lang: str) -> None:
    """What a duration bar stands for (views.bar_details): its name, then each deployment, term or
    event with its note and sources."""
    st.subheader(escape_markdown(details["title"]))
    for item in details["items"]:
        st.text(item["line"])
        if item["note"]:
            st.caption(escape_markdown(item["note"]))
        source_list(item, sources, lang)


def timeline_chart(view: dict, start: date, end: date, lang: str, deaths_note: str | None = None) -> None:
    """The timeline (views.timeline_view) under its one-line summary, a click on a marker or bar
    choosing it in 'timeline.event', and `deaths_note` under it; the empty message when nothing matches."""
    summary, events, bars = view["summary"], view["events"], view["bars"]
    if summary is None:
        st.info(t("common.empty", lang))
        return
    top = t(f"category.{summary['top']}", lang)
    words = {"n": summary["n"], "lanes": summary["lanes"], "top": top, **period_words(start, end, lang)}
    st.caption(t("timeline.chart_summary", lang, **words))
    st.plotly_chart(
        figure_from_dict(view["figure"]),
        key="timeline.chart",
        on_select=mirror_point("timeline.chart", "timeline.event", lambda: [*events["event_id"], *bars]),
        selection_mode="points",
        config=chart_config("timeline", lang),
    )
    if deaths_note:
        st.caption(deaths_note)


def timeline_details(
    view: dict, bars: dict[str, dict], load_tables: Callable[[], dict[str, pd.DataFrame]], lang: str
) -> None:
    """The event or bar chosen in 'timeline.event' (a pick box of the period's events and bars) in
    full, a hint when none is chosen; an event's day is shared, so that the map opens on it. `bars`:
    every bar's details by id (views.timeline_catalogue); `load_tables()`: the events and sources
    tables, asked for only when something is chosen (every load copies them out of the cache)."""
    events = view["events"]
    titles = dict(zip(events["event_id"], events[column("title", lang)], strict=True))
    titles |= {bar_id: bars[bar_id]["title"] for bar_id in view["bars"]}  # a bar clicked opens its period
    event_id = choice(
        t("timeline.event", lang),
        list(titles),
        key="timeline.event",
        format_func=lambda e: titles.get(e, "—"),
    )
    if not event_id:
        st.caption(t("timeline.pick_event", lang))
        return
    tables = load_tables()
    if event_id in bars:
        bar_details(bars[event_id], tables["sources"], lang)
    else:
        share("day", event_by_id(tables["events"], event_id)["date"].date())
        event_details(event_id, tables["events"], tables["sources"], lang)


def period_overview(overview: dict, start: date, end: date, lang: str) -> None:
    """What happened between two dates (views.period_part): counts by kind of event and the key events."""
    st.markdown(f"**{t('timeline.summary', lang, **period_words(start, end, lang))}**")
    st.caption(t("timeline.summary_counts", lang, n=overview["n"]))
    # Nine rows at most: a plain table, so the data grid's code is not needed this high on the page.
    # The index (the kinds) said shown: else st.table converts the Arrow table back to find out.
    st.table(overview["table"], hide_index=False)
    st.markdown(overview["key"])


def cooperation_breakdown(parts: dict | None, lang: str) -> None:
    """Side by side: what the items are (area → instrument → status) and how far they went, each
    chart with its summary and table (views.breakdown); the empty-result message without items."""
    if parts is None:
        st.info(t("common.empty", lang))
        return
    inside, pipeline = st.columns(2, gap="medium")
    with inside:
        st.subheader(t("topics.inside", lang))
        chart_block(parts["composition"], "topics-composition", key="topics.composition", lang=lang)
    with pipeline:
        st.subheader(t("topics.pipeline", lang))
        chart_block(parts["pipeline"], "topics-pipeline", key="topics.pipeline", lang=lang)


def topic_cards(cards: list[dict], lang: str) -> None:
    """One bordered card per topic (views.topic_card_texts): what it covers, how many items, the
    state-media-only share and the latest items, and, in an expander, their sources."""
    for card in cards:
        with st.container(border=True):
            st.markdown(card["body"])
            if card["sources"] is not None:
                with st.expander(t("common.sources", lang)):
                    st.markdown(card["sources"])


def consultation_outcomes(texts: list[str]) -> None:
    """Per topic (views.consultation_texts), in a bordered box: what the Moscow consultations were
    expected to cover, what was reported, its note and its sources."""
    for text in texts:
        with st.container(border=True):
            st.markdown(text)


def upload_report(own, lang: str) -> None:
    """What became of a reader's file (data.read_upload): why it cannot be used, the problems found
    by column and first rows, and how many rows were used; nothing without a file."""
    if own is None:
        return
    if own.conflict is None:
        reason = t(f"upload.{own.fatal}", lang, detail=own.detail)
        st.error(t("security.upload_failed", lang, reason=escape_markdown(reason)), icon=":material/error:")
    if own.issues:
        lines = [
            "- "
            + escape_markdown(
                t(
                    "security.upload_problem",
                    lang,
                    column=issue.column or "—",
                    message=t(f"upload.issue.{issue.code}", lang),
                    count=format_number(issue.count, lang),
                    rows=", ".join(str(r) for r in issue.rows),
                )
            )
            for issue in own.issues
        ]
        st.warning("\n".join(lines), icon=":material/rule:")
    if own.conflict is not None:
        counts = {"rows": own.rows, "kept": own.kept, "dropped": own.rows - own.kept}
        words = {name: format_number(n, lang) for name, n in counts.items()}
        st.success(t("security.upload_used", lang, **words), icon=":material/check:")


def upload_outcome(own, lang: str) -> bool:
    """What became of a reader's file (upload_report), and whether the page uses it; says so when a
    link made from an own file is opened without it."""
    upload_report(own, lang)
    used = own is not None and own.conflict is not None
    if own_file_mark(used):
        st.info(t("security.linked_own", lang), icon=":material/link:")
    return used


def coverage_notes(options: dict, lang: str) -> None:
    """Plain statements of what the loaded conflict data covers (views.security_options): states
    offered that it lacks, and its period."""
    names = options["names"]
    for iso3 in options["states"]:
        if iso3 not in options["covers"]:
            st.warning(t("security.not_covered", lang, state=names.get(iso3, iso3)), icon=":material/block:")
    first, last = (format_date(day, "day", lang) for day in (options["first"], options["last"]))
    st.info(t("security.period", lang, first=first, last=last), icon=":material/date_range:")


def security_results(view: dict, places: dict, controls: dict, source: str, lang: str) -> None:
    """The Security page's charts and before/after table (views.security_view), each in its place
    on the page (`places`: 'monthly' and 'breakdown' containers) or here; file names say the view."""
    with places["monthly"]:
        if view["monthly"] is None:
            st.info(t("common.empty", lang))
        else:
            chart_block(view["monthly"], f"security-monthly-{source}", key="security.monthly", lang=lang)
    with places["breakdown"]:
        name = f"security-{controls['by']}-{controls['state']}-{source}"
        chart_block(view["breakdown"], name, key="security.breakdown", lang=lang)
    st.caption(t("security.before_after_note", lang))
    st.markdown(view["before_after"])
    name = f"security-before-after-{controls['milestone']}-{source}"
    table = view["table"]
    table_with_download(table["csv"], name, key="security.before_after", lang=lang, shown=table["shown"])


def security_method(lang: str) -> None:
    """What UCDP and ACLED count, how Wagner is coded and what the data covers, in an expander."""
    with st.expander(t("security.method.title", lang)):
        for part in ("ucdp", "acled", "wagner", "coverage"):
            st.markdown(t(f"security.method.{part}", lang))


def area_items(texts: list[str], area: str, lang: str) -> None:
    """The items of the chosen area (views.area_texts), each in a bordered box with its sources; a hint
    when no area is chosen, the empty message when it has none."""
    if not area:
        st.caption(t("topics.area_pick", lang))
        return
    if not texts:
        st.info(t("topics.area_none", lang))
        return
    st.markdown(f"**{t('topics.area_items', lang, n=len(texts), area=t(f'area.{area}', lang))}**")
    for text in texts:
        with st.container(border=True):
            st.markdown(text)
