"""What follows the reader: widget values in the URL (by code) and selections shared across pages.

Each page widget is seeded, before its first run, from the URL if the value there is valid, else
from the selection other pages shared; after it runs, its value goes back to both.
"""

from datetime import date

import streamlit as st

from components.i18n import t
from components.params import PARAMS, parse_param, to_param

IGNORED = "_ignored_params"  # URL parameters that could not be used, for the notice
KNOWN = "_known_params"  # URL parameters some widget of this run reads
SHARED = "_shared"  # selections that follow the reader from page to page
GLOBAL_PARAMS = ("lang",)


def seed(key: str, options=None, shared_value=None) -> None:
    """Before a widget's first run, take its value from ?key=… when the registry's parser accepts
    it among `options` (components.params.PARAMS), else from `shared_value` when given. A value
    that does not parse is dropped and noted. A key missing from the registry raises KeyError."""
    PARAMS[key]  # every widget kept in the URL is declared once, in components/params.py
    st.session_state.setdefault(KNOWN, set()).add(key)
    if key in st.session_state:
        return
    if key in st.query_params:
        value = parse_param(key, st.query_params.get_all(key), options)
        if value is not None:
            st.session_state[key] = value
            return
        st.session_state.setdefault(IGNORED, []).append(key)
        del st.query_params[key]
    if shared_value is not None:
        st.session_state[key] = shared_value


def keep(key: str, value, default) -> None:
    """Write the widget's value to the URL by code, or remove it when it is the default."""
    if value == default or value in (None, [], ""):
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = to_param(value)


def shared(name: str, default=None):
    """A selection another page shared ('states', 'topics', 'categories', 'period', 'day', …)."""
    return st.session_state.get(SHARED, {}).get(name, default)


def share(name: str, value) -> None:
    """Make a selection follow the reader to the other pages."""
    st.session_state.setdefault(SHARED, {})[name] = value


def start_run() -> None:
    """Forget which parameters the previous run read: each run registers its own."""
    st.session_state[KNOWN] = set(GLOBAL_PARAMS)


def url_notice(lang: str) -> None:
    """Drop URL parameters no widget of this page reads, and name every ignored one once."""
    unknown = [key for key in st.query_params if key not in st.session_state.get(KNOWN, set())]
    for key in unknown:
        del st.query_params[key]
    ignored = sorted(set(st.session_state.pop(IGNORED, [])) | set(unknown))
    if ignored:
        shown = ", ".join(name[:40] for name in ignored[:10])
        st.info(t("common.ignored_params", lang, names=shown), icon=":material/link_off:")


def _page_keys() -> list[str]:
    """The session-state keys of the pages' widgets: '<page>.<name>', unlike 'lang' and internals."""
    return [k for k in st.session_state if "." in str(k)]


def resend_choices() -> None:
    """Hand each page's select boxes, filters, text fields and day sliders their own value again, so
    that the browser redraws them in the new language. A browser holds a choice as its label: without
    this, it sends the old language's label back on the next change, which no option matches."""
    for key in _page_keys():
        if isinstance(st.session_state[key], str | list | date | tuple):  # not buttons or chart selections
            st.session_state[key] = st.session_state[key]


def reset_all() -> None:
    """Every page's filters and selections back to their defaults; the language stays."""
    for key in _page_keys():
        del st.session_state[key]
    st.session_state.pop(SHARED, None)
    for key in [k for k in st.query_params if k not in GLOBAL_PARAMS]:
        del st.query_params[key]
