"""Small UI pieces: each takes frames as arguments, renders, and returns the user's choice."""

import html
from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from components.config import LANGUAGES
from components.formatting import escape_markdown, format_date, safe_url
from components.i18n import column, state_names, t
from components.model import (
    bloc_status_on,
    latest_events,
    leader_on,
    membership_history,
    period_summary,
    presence_markers,
    related_events,
)
from components.params import parse_choice, parse_choices, parse_day, parse_period, to_param

IGNORED = "_ignored_params"  # session-state list of URL parameters that could not be used


def seed_from_url(key: str, parse: Callable[[list[str]], object]) -> None:
    """Before a widget's first run, take its value from ?key=… when `parse` accepts it.

    A value that does not parse is dropped from the URL and remembered for `url_notice`.
    """
    if key in st.session_state or key not in st.query_params:
        return
    value = parse(st.query_params.get_all(key))
    if value is None:
        st.session_state.setdefault(IGNORED, []).append(key)
        del st.query_params[key]
    else:
        st.session_state[key] = value


def keep_in_url(key: str, value, default) -> None:
    """Write the widget's value to the URL by code, or remove it when it is the default."""
    if value == default or value in (None, []):
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = to_param(value)


def url_notice(lang: str) -> None:
    """A short note naming URL parameters that were ignored this session, shown once."""
    ignored = st.session_state.pop(IGNORED, [])
    if ignored:
        names = ", ".join(sorted(set(ignored)))
        st.info(t("common.ignored_params", lang, names=names), icon=":material/link_off:")


def language_picker() -> str:
    """The language chosen in the sidebar, kept in the URL as ?lang=fr."""
    seed_from_url("lang", lambda raw: parse_choice(raw, LANGUAGES))
    lang = st.sidebar.segmented_control(
        "Language · Langue",
        LANGUAGES,
        format_func=lambda code: {"en": "English", "fr": "Français"}[code],
        default="en",
        required=True,
        key="lang",
    )
    keep_in_url("lang", lang, "en")
    return lang


def current_language() -> str:
    """The language of this session ('en' until the picker has run)."""
    lang = st.session_state.get("lang")
    return lang if lang in LANGUAGES else "en"


def table_with_download(frame: pd.DataFrame, name: str, *, key: str, lang: str) -> None:
    """The frame as an interactive table with a CSV download, or the empty-result message."""
    if frame.empty:
        st.info(t("common.empty", lang))
        return
    st.caption(t("common.rows", lang, n=len(frame)))
    st.dataframe(frame, hide_index=True, width="stretch", key=f"{key}.table")
    st.download_button(
        t("common.download", lang),
        csv_bytes(frame),
        file_name=f"sahel-pivot-{name}.csv",
        mime="text/csv",
        key=f"{key}.download",
        icon=":material/download:",
        on_click="ignore",
    )


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV, list cells joined with ';' as in data/."""
    flat = frame.apply(lambda col: col.map(lambda v: ";".join(v) if isinstance(v, tuple) else v))
    return flat.to_csv(index=False).encode("utf-8")


def source_list(source_ids, sources: pd.DataFrame, lang: str) -> None:
    """Bulleted sources: publisher, linked title, date and whose voice it is, all escaped."""
    rows = sources.set_index("source_id").reindex(list(source_ids)).dropna(subset=["url"])
    lines = []
    for row in rows.itertuples():
        title = escape_markdown(row.title)
        url = safe_url(row.url)
        link = f"[{title}]({url})" if url else title
        published = format_date(row.published, row.published_precision, lang)
        kind = t(f"source_type.{row.source_type}", lang)
        lines.append(f"- {escape_markdown(row.publisher)}: {link}, {published} · *{kind}*")
    st.markdown("\n".join(lines))


def choice(label: str, options: list[str], *, key: str, format_func=str, default=None) -> str:
    """A select box kept in the URL by code; the first option is the default."""
    default = options[0] if default is None else default
    seed_from_url(key, lambda raw: parse_choice(raw, options))
    value = st.selectbox(label, options, index=options.index(default), format_func=format_func, key=key)
    keep_in_url(key, value, default)
    return value


def text_filter(label: str, *, key: str, max_chars: int = 100) -> str:
    """A free-text filter kept in the URL; overlong text is cut to `max_chars`."""
    seed_from_url(key, lambda raw: raw[0][:max_chars] if raw else None)
    value = st.text_input(label, key=key, max_chars=max_chars)
    keep_in_url(key, value, "")
    return value


def multi_choice(label: str, options: list[str], *, key: str, format_func=str, default=None) -> list[str]:
    """Toggle pills kept in the URL by code; all options are on by default."""
    default = list(options) if default is None else default
    seed_from_url(key, lambda raw: parse_choices(raw, options))
    value = st.pills(
        label, options, selection_mode="multi", default=default, format_func=format_func, key=key
    )
    keep_in_url(key, value, default)
    return value


def filter_choice(
    label: str, options: list[str], *, key: str, format_func=str, placeholder: str
) -> list[str]:
    """A multiselect filter kept in the URL by code; empty means no filter."""
    seed_from_url(key, lambda raw: parse_choices(raw, options))
    value = st.multiselect(label, options, format_func=format_func, key=key, placeholder=placeholder)
    keep_in_url(key, value, [])
    return value


def period_slider(label: str, *, key: str, first: date, last: date) -> tuple[date, date]:
    """A date-range slider kept in the URL as 'start,end'; the whole period by default."""
    seed_from_url(key, lambda raw: parse_period(raw, first, last))
    st.session_state.setdefault(key, (first, last))
    value = st.slider(label, min_value=first, max_value=last, key=key, format="YYYY-MM-DD")
    keep_in_url(key, tuple(value), (first, last))
    return value


def reset_button(label: str, keys: list[str], *, key: str) -> None:
    """One click puts every listed widget back to its default (and so out of the URL)."""

    def reset() -> None:
        for name in keys:
            st.session_state.pop(name, None)
            st.query_params.pop(name, None)

    st.button(label, key=key, on_click=reset, icon=":material/restart_alt:")


def day_slider(label: str, *, key: str, first: date, last: date, default: date, steps, lang: str) -> date:
    """A date slider kept in the URL, with buttons that jump to the previous or next event day."""
    seed_from_url(key, lambda raw: parse_day(raw, first, last))
    st.session_state.setdefault(key, default)

    def jump(step: int) -> None:
        target = steps(st.session_state[key], step)
        if target is not None and first <= target <= last:
            st.session_state[key] = target

    value = st.slider(label, min_value=first, max_value=last, key=key, format="YYYY-MM-DD")
    back, forward = st.columns(2)
    back.button(
        t("map.previous", lang),
        key=f"{key}.previous",
        on_click=jump,
        args=(-1,),
        icon=":material/skip_previous:",
        width="stretch",
    )
    forward.button(
        t("map.next", lang),
        key=f"{key}.next",
        on_click=jump,
        args=(1,),
        icon=":material/skip_next:",
        width="stretch",
    )
    keep_in_url(key, value, default)
    return value


def legend(title: str, items: list[tuple[str, str]], *, outline: bool = False) -> None:
    """Colour swatches with their labels; colours and labels come from config and i18n, escaped anyway."""
    style = "border:2px solid #000;background:transparent" if outline else "border:1px solid #999"
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;margin:0 .8em .2em 0">'
        f'<span style="width:.9em;height:.9em;margin-right:.35em;border-radius:2px;{style};background:{html.escape(colour)}"></span>'
        f"{html.escape(label)}</span>"
        for colour, label in items
    )
    st.html(f'<div style="font-size:.85rem"><strong>{html.escape(title)}</strong><br>{swatches}</div>')


def mirror_selection(source_key: str, layer_id: str, target_key: str) -> Callable[[], None]:
    """An on_select callback that copies the clicked map feature's iso3 into a URL-kept widget."""

    def copy() -> None:
        objects = st.session_state[source_key]["selection"]["objects"].get(layer_id, [])
        if objects:
            st.session_state[target_key] = objects[0]["properties"]["iso3"]

    return copy


def mirror_point(source_key: str, target_key: str, options: Callable[[], list[str]]) -> Callable[[], None]:
    """An on_select callback that copies the clicked chart point's customdata into a URL-kept widget."""

    def copy() -> None:
        points = st.session_state[source_key]["selection"]["points"]
        picked = [p.get("customdata") for p in points if p.get("customdata") in options()]
        if picked:
            st.session_state[target_key] = picked[0]

    return copy


def country_panel(iso3: str, day: date, tables: dict[str, pd.DataFrame], lang: str) -> None:
    """One state on `day`: ECOWAS and AES standing, leader, membership history, forces, latest events."""
    states, sources = tables["states"], tables["sources"]
    names = state_names(states, lang)
    st.subheader(escape_markdown(names.get(iso3, iso3)))
    status = bloc_status_on(tables["memberships"], states[states["iso3"] == iso3], day).iloc[0]
    st.text(t("map.ecowas", lang, status=t(f"status.{status['ecowas_status']}", lang)))
    if status["aes_member"]:
        st.text(t("map.aes_member", lang))

    st.markdown(f"**{t('map.leader', lang)}**")
    leader = leader_on(tables["leaders"], iso3, day)
    if leader is None:
        st.caption(t("map.no_leader", lang))
    else:
        since = format_date(leader["start"], leader["start_precision"], lang)
        st.text(f"{leader['name']}, {leader[column('title', lang)]} ({t('map.since', lang, day=since)})")
        if leader["note"]:
            st.caption(escape_markdown(leader["note"]))

    history = membership_history(tables["memberships"], iso3)
    if not history.empty:
        st.markdown(f"**{t('map.history', lang)}**")
        shown = history.assign(
            status=history["status"].map(lambda s: t(f"status.{s}", lang)),
            start=[
                format_date(d, p, lang)
                for d, p in zip(history["start"], history["start_precision"], strict=True)
            ],
            end=[
                format_date(d, p, lang) for d, p in zip(history["end"], history["end_precision"], strict=True)
            ],
        )
        st.dataframe(
            shown[["org_id", "status", "start", "end"]], hide_index=True, width="stretch", key="map.history"
        )

    here = presence_markers(tables["presence"], tables["forces"], day)
    here = here[here["iso3"] == iso3]
    if not here.empty:
        st.markdown(f"**{t('map.forces_here', lang)}**")
        for row in here.itertuples():
            st.text(f"{getattr(row, column('label', lang))} — {row.place}")

    st.markdown(f"**{t('map.latest', lang)}**")
    latest = latest_events(tables["events"], iso3, day)
    if latest.empty:
        st.caption(t("map.no_events", lang))
    for event in latest.to_dict("records"):
        with st.expander(
            f"{format_date(event['date'], event['date_precision'], lang)} · {event[column('title', lang)]}"
        ):
            st.text(event[column("summary", lang)])
            if event["note"]:
                st.caption(escape_markdown(event["note"]))
            source_list(event["source_ids"], sources, lang)


def event_details(event_id: str, events: pd.DataFrame, sources: pd.DataFrame, lang: str) -> None:
    """One event in full: date at its precision, summary, note, sources with their type, related events."""
    event = events.set_index("event_id").loc[event_id]
    st.subheader(escape_markdown(event[column("title", lang)]))
    precision = t(f"common.precision.{event['date_precision']}", lang)
    st.caption(f"{format_date(event['date'], event['date_precision'], lang)} ({escape_markdown(precision)})")
    st.text(event[column("summary", lang)])
    if event["note"]:
        st.caption(escape_markdown(event["note"]))
    st.markdown(f"**{t('common.sources', lang)}**")
    source_list(event["source_ids"], sources, lang)
    related = related_events(events, event_id)
    if not related.empty:
        st.markdown(f"**{t('timeline.related', lang)}**")
        for row in related.to_dict("records"):
            st.text(f"{format_date(row['date'], row['date_precision'], lang)} · {row[column('title', lang)]}")


def period_overview(events: pd.DataFrame, start: date, end: date, lang: str) -> None:
    """What happened between two dates: counts by kind of event and the key events."""
    st.markdown(
        f"**{t('timeline.summary', lang, start=format_date(pd.Timestamp(start), 'day', lang), end=format_date(pd.Timestamp(end), 'day', lang))}**"
    )
    counts, key = period_summary(events)
    st.caption(t("timeline.summary_counts", lang, n=len(events)))
    labelled = counts.rename(index=lambda c: t(f"category.{c}", lang))
    st.dataframe(
        labelled.rename_axis("").to_frame(t("overview.events", lang)), width="stretch", key="timeline.counts"
    )
    st.markdown(f"**{t('timeline.key_events', lang)}**")
    for row in key.to_dict("records"):
        st.text(f"{format_date(row['date'], row['date_precision'], lang)} · {row[column('title', lang)]}")


def chart_block(figure, table: pd.DataFrame, name: str, *, key: str, lang: str, summary: str) -> None:
    """A chart with its one-line text summary, and its numbers as a table with a CSV download."""
    st.plotly_chart(figure, key=f"{key}.chart", config={"displaylogo": False})
    st.caption(summary)
    with st.expander(t("topics.table", lang)):
        table_with_download(table, name, key=key, lang=lang)


def topic_cards(topics: pd.DataFrame, cards: dict[str, dict], sources: pd.DataFrame, lang: str) -> None:
    """One bordered card per topic: what it covers, how many items, the state-media-only share, latest items."""
    for row in topics.to_dict("records"):
        card = cards[row["topic_id"]]
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(row[column('label', lang)])}**")
            st.caption(escape_markdown(row[column("description", lang)]))
            if not card["count"]:
                st.text(t("topics.card_none", lang))
                continue
            st.text(t("topics.card_count", lang, n=card["count"]))
            st.text(t("topics.card_state_media", lang, share=f"{card['state_media_share']:.0%}"))
            for item in card["latest"].to_dict("records"):
                with st.expander(
                    escape_markdown(
                        f"{format_date(item['date'], item['date_precision'], lang)} · {item[column('title', lang)]}"
                    )
                ):
                    st.caption(t(f"stage.{item['status']}", lang))
                    if item["note"]:
                        st.caption(escape_markdown(item["note"]))
                    source_list(item["source_ids"], sources, lang)


def consultation_outcomes(
    rows: pd.DataFrame, topic_labels: dict[str, str], sources: pd.DataFrame, lang: str
) -> None:
    """Per topic: what the Moscow consultations were expected to cover, and what was reported."""
    for row in rows.to_dict("records"):
        with st.container(border=True):
            status = t(f"outcome.{row['outcome_status']}", lang)
            st.markdown(f"**{escape_markdown(topic_labels[row['topic']])}** · *{status}*")
            expected, outcome = st.columns(2)
            expected.caption(t("topics.expected", lang))
            expected.text(row[column("expected", lang)])
            outcome.caption(t("topics.outcome", lang))
            outcome.text(row[column("outcome", lang)])
            if row["note"]:
                st.caption(escape_markdown(row["note"]))
            source_list(row["source_ids"], sources, lang)
