"""Small UI pieces: each takes frames as arguments, renders, and returns the user's choice."""

import html
import json
from collections.abc import Callable
from datetime import date
from functools import partial
from urllib.parse import urlencode

import pandas as pd
import pyarrow as pa
import streamlit as st

from components import display
from components.compat import figure_from_dict
from components.config import LANGUAGES, PAGES, SITE, UPLOAD_LIMIT_MB
from components.formatting import (
    chart_locale,
    citation,
    days_written,
    escape_markdown,
    permalink,
    safe_url,
    sources_markdown,
    spreadsheet_safe,
)
from components.i18n import t
from components.params import MAX_TEXT, PARAMS, browser_language, default_of
from components.url_state import keep, resend_choices, reset_all, seed, share, shared


def language_picker() -> str:
    """The language chosen in the sidebar, kept in the URL as ?lang=fr. A link that names none opens
    in the browser's language; for a browser that does not ask for the first language, the link
    names the language in either case, so that it opens the same page on a reload."""
    browser = browser_language(st.context.locale, st.context.headers.get("Accept-Language"))
    seed("lang")
    st.session_state.setdefault("lang", browser)
    lang = st.sidebar.segmented_control(
        "Language · Langue",
        LANGUAGES,
        format_func=lambda code: {"en": "English", "fr": "Français"}[code],
        required=True,
        key="lang",
        on_change=resend_choices,
    )
    default = default_of("lang", LANGUAGES)
    keep("lang", lang, default if browser == default else None)
    return lang


def page_language(lang: str) -> None:
    """Tell the browser the page's language (Streamlit's page always says English), so that screen
    readers pronounce French as French (WCAG 3.1.1). Put it last: it is an empty element."""
    code = json.dumps(lang if lang in LANGUAGES else "en")
    st.html(f"<script>document.documentElement.lang = {code};</script>", unsafe_allow_javascript=True)


def current_language() -> str:
    """The language of this session ('en' until the picker has run)."""
    lang = st.session_state.get("lang")
    return lang if lang in LANGUAGES else "en"


def table_with_download(
    frame: pd.DataFrame,
    name: str,
    *,
    key: str,
    lang: str,
    labels: dict[str, dict[str, str]] | None = None,
    table: str | None = None,
    interactive: bool = True,
    sources: pd.DataFrame | None = None,
    filtered: bool = False,
    shown: pd.DataFrame | pa.Table | None = None,
) -> None:
    """The frame as an interactive table (a plain one when not `interactive`) with a CSV download,
    or the empty-result message. The table is `shown` when given (a frame or an Arrow table), else
    the frame with its sources named and its ids hidden (formatting.reader_table), its headers,
    codes and dates in `lang` (`labels`: data.load_labels, needed then; `table`: the data table the
    codes come from, display.TABLE_CODES). The CSV keeps every column of the frame, with its codes,
    and its name ends in '-filtered' when the rows are `filtered`."""
    if frame.empty:
        st.info(t("common.empty", lang))
        return
    st.caption(t("common.rows", lang, n=len(frame)))
    if shown is None:
        shown = display.reader_shown(frame, lang, labels, table, sources)
    if interactive:
        st.dataframe(shown, hide_index=True, width="stretch", key=f"{key}.table")
    else:  # a few rows: a plain table spares the page the data grid's code
        st.table(shown, hide_index=True)
    st.download_button(
        t("common.download", lang),
        # Made on click, not on every run: most readers never download.
        partial(csv_bytes, frame),
        file_name=f"sahel-pivot-{name}{'-filtered' if filtered else ''}.csv",
        mime="text/csv",
        key=f"{key}.download",
        icon=":material/download:",
        on_click="ignore",
    )


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV, list cells joined with ';' as in data/, formula-like text neutralised."""
    flat = frame.apply(
        lambda col: col.map(lambda v: spreadsheet_safe(";".join(v) if isinstance(v, tuple) else v))
    )
    return flat.to_csv(index=False).encode("utf-8")


def source_list(row: dict, sources: pd.DataFrame, lang: str) -> None:
    """A row's evidence, then its bulleted sources: publisher, linked title, date and whose voice it
    is, all escaped."""
    st.markdown(sources_markdown(row, sources, lang))


def choice(label: str, options: list[str], *, key: str, format_func=str, shared_as: str | None = None) -> str:
    """A select box kept in the URL by code; the first option is the default.

    With `shared_as`, it opens on the first shared item it offers and shares its own choice. A
    parameter declared `blank` offers '' (nothing chosen) first.
    """
    options = ["", *options] if PARAMS[key].blank else list(options)
    default = default_of(key, options)
    offered = [v for v in shared(shared_as, []) if v in options] if shared_as else []
    seed(key, options, offered[0] if offered else None)
    if st.session_state.get(key) not in options:  # unset, or an option this run no longer offers
        st.session_state[key] = default
    value = st.selectbox(label, options, format_func=format_func, key=key)
    keep(key, value, default)
    if shared_as:
        share(shared_as, [value] if value else [])
    return value


def text_filter(label: str, *, key: str) -> str:
    """A free-text filter kept in the URL; overlong text is cut to params.MAX_TEXT characters."""
    seed(key)
    value = st.text_input(label, key=key, max_chars=MAX_TEXT)
    keep(key, value, default_of(key, ()))
    return value


def multi_choice(label: str, options: list[str], *, key: str, format_func=str, default=None) -> list[str]:
    """Toggle pills kept in the URL by code; all options are on unless the page gives a `default`
    that depends on the data."""
    default = default_of(key, options) if default is None else default
    seed(key, options)
    st.session_state.setdefault(key, default)
    value = st.pills(label, options, selection_mode="multi", format_func=format_func, key=key)
    keep(key, value, default)
    return value


def filter_choice(
    label: str, options: list[str], *, key: str, format_func=str, placeholder: str, shared_as: str
) -> list[str]:
    """A multiselect filter kept in the URL by code and shared as `shared_as`; empty means no filter."""
    seed(key, options, [v for v in shared(shared_as, []) if v in options])
    value = st.multiselect(label, options, format_func=format_func, key=key, placeholder=placeholder)
    keep(key, value, default_of(key, options))
    share(shared_as, value)
    return value


def control_row(
    page: str,
    controls: dict[str, tuple[list[str], Callable, str | None]],
    lang: str,
    *,
    multiple: bool = False,
) -> dict[str, str | list[str]]:
    """Side-by-side controls keyed '<page>.<name>' and labelled t('<page>.<name>'): name → choice.

    `controls` maps each name to its options, their label function and the name it is shared
    under (or None). `multiple`: multiselect filters, empty meaning all; else select boxes.
    """
    chosen = {}
    for cell, (name, (options, label, shared_as)) in zip(
        st.columns(len(controls)), controls.items(), strict=True
    ):
        with cell:
            common = {"key": f"{page}.{name}", "format_func": label}
            if multiple:
                chosen[name] = filter_choice(
                    t(f"{page}.{name}", lang),
                    options,
                    shared_as=shared_as,
                    placeholder=t("common.all", lang),
                    **common,
                )
            else:
                chosen[name] = choice(t(f"{page}.{name}", lang), options, shared_as=shared_as, **common)
    return chosen


def date_slider(label: str, *, key: str, lang: str, period: bool = False):
    """A slider over every day of the parameter's period, each day written out in `lang` ('3 avril
    2025'), never in ISO; its value (a day, or a (start, end) pair when `period`) is the one in
    session state."""
    written = days_written(*PARAMS[key].options, lang)
    days = list(written)
    # A select slider is a range only when its default is a pair; the value still comes from state.
    value = (days[0], days[-1]) if period else None
    return st.select_slider(label, days, value=value, key=key, format_func=written.__getitem__)


def period_slider(label: str, *, key: str, lang: str) -> tuple[date, date]:
    """A date-range slider kept in the URL as 'start,end' and shared; the whole period by default."""
    seed(key, shared_value=shared("period"))
    st.session_state.setdefault(key, default_of(key, ()))
    value = date_slider(label, key=key, lang=lang, period=True)
    keep(key, tuple(value), default_of(key, ()))
    share("period", tuple(value))
    return value


def reset_button(label: str, *, key: str, where=st) -> None:
    """One click puts every page's filters and selections back to their defaults."""
    where.button(label, key=key, on_click=reset_all, icon=":material/restart_alt:")


def lite_link(lang: str, *, where=st) -> None:
    """A link to the text-only edition (/lite, served beside the app) in the reader's language."""
    where.markdown(f":material/article: [{escape_markdown(t('lite.link', lang))}](lite?lang={lang})")


COPY_SCRIPT = """<script>
document.querySelectorAll("button[data-copy]").forEach((button) => {
  if (button.dataset.bound) return;
  button.dataset.bound = "1";
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      field.select();
      document.execCommand("copy");
    }
    button.textContent = button.dataset.done;
  });
});
</script>"""
TAP = "min-width:44px;min-height:44px;box-sizing:border-box"  # WCAG 2.5.5: a thumb-sized target


def copy_field(text: str, label: str, *, key: str, lang: str) -> None:
    """`text` in a read-only box under `label`, with a Copy button a thumb can hit (44 × 44 px or more)."""
    field, what = html.escape(f"copy-{key}"), html.escape(label)
    box = "flex:1;min-width:0;font:inherit;font-size:.85rem;color:inherit;background:transparent"
    button = f"{TAP};padding:0 1rem;font:inherit;color:inherit;background:transparent;border-radius:.5rem"
    st.html(
        f'<label for="{field}" style="display:block;font-size:.875rem;margin-bottom:.25rem">{what}</label>'
        '<div style="display:flex;gap:.5rem;align-items:stretch">'
        f'<textarea id="{field}" readonly rows="4" style="{box};border:1px solid #767676;border-radius:.5rem">'
        f"{html.escape(text)}</textarea>"
        f'<button type="button" data-copy="{field}" data-done="{html.escape(t("copy.done", lang))}"'
        f' aria-label="{html.escape(t("copy.label", lang, what=label))}"'
        f' style="{button};border:1px solid #767676;cursor:pointer">{html.escape(t("copy.button", lang))}</button>'
        "</div>"
    )


def cite_and_share(path: str, info: dict, lang: str) -> None:
    """On the page itself, under its content: 'Cite this view' with a citation in each language and
    'Share' with the view's link, each with a copy button; then 'Report an error'. `path`: the
    page's URL path ('' for the first page); `info`: the data's version (data.load_version)."""
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    link = permalink(SITE["canonical"], st.context.url or "", path, query)
    page = path or PAGES[0][0]
    cite, send = st.container(key="cite-share").columns(2)
    with cite.expander(t("cite.button", lang), icon=":material/format_quote:"):
        for language in LANGUAGES:
            view = t(f"page.{page}", language)
            text = citation(SITE, info, view, link, date.today(), language)
            copy_field(text, t(f"cite.citation.{language}", lang), key=f"cite.{language}", lang=lang)
    with send.expander(t("share.button", lang), icon=":material/share:"):
        copy_field(link, t("cite.permalink", lang), key="share.link", lang=lang)
        if not SITE["canonical"]:
            st.caption(t("share.local", lang))
    report = html.escape(safe_url(SITE["issues"]) or "methodology")
    st.html(
        f'<a href="{report}" target="_blank" rel="noopener" style="display:inline-flex;align-items:center;'
        f'{TAP};padding:0 .25rem">{html.escape(t("report.link", lang))}</a>{COPY_SCRIPT}',
        unsafe_allow_javascript=True,  # the copy buttons' one handler
    )


DATE_BOX_FORMAT = {"en": "YYYY-MM-DD", "fr": "DD/MM/YYYY"}


def seed_day(key: str) -> None:
    """Before a day control's first run: its day from the URL, else the day another page shared
    when the control reaches it, else its default."""
    first, last = PARAMS[key].options
    day = shared("day")
    seed(key, shared_value=day if day and first <= day <= last else None)
    st.session_state.setdefault(key, default_of(key, ()))


def day_box(label: str, *, key: str, lang: str) -> date:
    """A date box kept in the URL and shared as 'day', as the day slider is."""
    (first, last), default = PARAMS[key].options, default_of(key, ())
    seed_day(key)
    value = st.date_input(label, min_value=first, max_value=last, key=key, format=DATE_BOX_FORMAT[lang])
    value = value or default  # a box emptied by the reader means its default day
    keep(key, value, default)
    share("day", value)
    return value


def day_slider(label: str, *, key: str, steps, lang: str) -> date:
    """A date slider kept in the URL and shared as 'day', with a date box beside it to type or pick
    the day (`<key>.typed.<day>`, a mirror: the slider's value is the one source) and buttons that
    jump to the previous or next event day."""
    (first, last), default = PARAMS[key].options, default_of(key, ())
    seed_day(key)

    def jump(step: int) -> None:
        target = steps(st.session_state[key], step)
        if target is not None and first <= target <= last:
            st.session_state[key] = target

    def take_typed(typed: str, shown: date) -> None:
        # A box drawn for a day the slider has since left is a stale one, not a day typed.
        if st.session_state.get(typed) is not None and st.session_state[key] == shown:
            st.session_state[key] = st.session_state[typed]

    slider_cell, typed_cell = st.columns([3, 1], vertical_alignment="bottom")
    with slider_cell:
        value = date_slider(label, key=key, lang=lang)
    # The box's key names the day it shows. On a slow link a step can leave before the last one's
    # page has come back, and the box then sends the day it still shows: under one fixed key that
    # would read as a day typed and pull the slider back.
    typed = f"{key}.typed.{value.isoformat()}"
    typed_cell.date_input(
        t("map.date_typed", lang),
        value=value,
        min_value=first,
        max_value=last,
        key=typed,
        on_change=take_typed,
        args=(typed, value),
        format=DATE_BOX_FORMAT[lang],
    )
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
    keep(key, value, default)
    share("day", value)
    return value


def legend(title: str, items: list[tuple[str, str]], *, outline: bool = False) -> None:
    """Colour swatches with their labels; colours and labels come from config and i18n, escaped anyway."""
    # Edges of 3:1 or more against either theme's background: #767676 is 4.5:1 on white and 4.0:1 on
    # the dark theme's; the black outline gets a white ring, or it would vanish on a dark page.
    style = "border:2px solid #000;box-shadow:0 0 0 1px #fff" if outline else "border:1px solid #767676"
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


def chart_config(name: str, lang: str) -> dict:
    """The plotly toolbar's settings: no logo, a PNG download named after the chart, and the
    reader's language for dates and numbers (formatting.chart_locale)."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": f"sahel-pivot-{name}", "scale": 2},
        **chart_locale(lang),
    }


def chart_block(part: dict, name: str, *, key: str, lang: str, on_select: Callable | None = None) -> None:
    """A chart with its one-line text summary (None: nothing counted), and its numbers as a table
    with a CSV download. `part` holds the figure's spec, the table, the table as shown and the
    summary (views.chart_part). With `on_select`, a click on a bar or cell calls it (e.g. mirror_point)."""
    figure = figure_from_dict(part["figure"])
    selectable = {"on_select": on_select, "selection_mode": "points"} if on_select else {}
    st.plotly_chart(figure, key=f"{key}.chart", config=chart_config(name, lang), **selectable)
    st.caption(t("common.nothing_counted", lang) if part["summary"] is None else part["summary"])
    with st.expander(t("topics.table", lang)):
        table_with_download(part["table"], name, key=key, lang=lang, shown=part["shown"])


PAGE_STYLE = """<style>
.st-key-cite-share summary { min-height: 44px; }  /* a thumb-sized target (WCAG 2.5.5) */
/* Streamlit's chart theme writes axis and legend text in a fixed grey (#808495 in the light theme:
   3.7:1 on white, below WCAG's 4.5:1) that no theme option reaches; the page's text colour, which
   the chart inherits as currentColor, passes in both themes. */
.stPlotlyChart :is(.xtick text, .ytick text, .xtitle, .ytitle, .legendtext, .legendtitletext, .gtitle,
  .colorbar text) { fill: currentColor !important; }
@media (max-width: 640px) {
  /* On a phone plotly's toolbar would sit over the plot after any tap: the charts go without it. */
  [data-testid="stPlotlyChart"] .modebar-container { display: none !important; }
}
</style>"""


def page_style() -> None:
    """Styles for every page: thumb-sized 'Cite' and 'Share' headers, chart text in the page's text
    colour, no chart toolbar on a phone."""
    st.html(PAGE_STYLE)


def conflict_upload(lang: str):
    """A reader's own UCDP or ACLED file (CSV or ZIP), picked in an expander; None until one is."""
    with st.expander(t("security.upload", lang), icon=":material/upload_file:"):
        st.caption(t("security.upload_help", lang))
        return st.file_uploader(
            t("security.upload_label", lang),
            type=["csv", "zip"],
            key="security_upload",
            max_upload_size=UPLOAD_LIMIT_MB,
        )


def own_file_mark(used: bool) -> bool:
    """Keep ?security.file=own in the link while a view uses the reader's own file (the file itself
    never goes in it); True when a link opened without the file says it was made from one."""
    seed("security.file")
    linked = st.session_state.pop("security.file", None) == "own"
    keep("security.file", "own" if used else "", "")
    return linked and not used
