"""Small UI pieces: each takes frames as arguments, renders, and returns the user's choice."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.config import LANGUAGES
from components.formatting import escape_markdown, format_date, safe_url
from components.i18n import t
from components.params import parse_choice, to_param

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
