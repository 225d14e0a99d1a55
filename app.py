"""Router: page config, language, data check, navigation. Pages live in components/pages/.

`streamlit run app.py` first imports this file as a module and serves its `app` (Streamlit's
ASGI app with compressed delivery and the text-only edition, components/delivery.py); then, for
every page view, Streamlit runs it as the script `__main__`, the router below.
"""

import gc

import pandas as pd
import streamlit as st

from components import delivery
from components.config import PAGES
from components.data import DataError, load_version
from components.formatting import format_date
from components.i18n import t
from components.url_state import start_run, url_notice
from components.widgets import (
    cite_and_share,
    language_picker,
    lite_link,
    page_language,
    page_style,
    reset_button,
)

if __name__ != "__main__":
    app = st.App(__file__, routes=delivery.ROUTES, middleware=delivery.MIDDLEWARE)
    # Every library is imported by now: some 140,000 objects that each of Python's full collections
    # would walk again (about 75 ms, in the middle of some reader's rerun) though none will be freed.
    gc.freeze()
else:
    st.set_page_config(page_title="Sahel Pivot", page_icon="🌍", layout="wide")
    start_run()
    lang = language_picker()

    try:
        info = load_version()  # checks every table first
    except DataError as error:
        st.error(t("data.error", lang))
        st.code("\n".join(str(problem) for problem in error.problems), language=None)
        st.stop()

    pages = [
        st.Page(
            f"components/pages/{name}.py",
            title=t(f"page.{name}", lang),
            icon=icon,
            url_path=name,
            default=index == 0,
        )
        for index, (name, icon) in enumerate(PAGES)
    ]
    navigation = st.navigation(pages)
    updated = format_date(pd.Timestamp(info["last_updated"]), "day", lang)  # a date in words, not ISO
    st.sidebar.caption(t("app.data_version", lang, version=info["version"], updated=updated))
    reset_button(t("app.reset", lang), key="app.reset", where=st.sidebar)
    lite_link(lang, where=st.sidebar)
    notice = st.empty()  # filled after the page ran, once its widgets have read the URL
    navigation.run()
    with notice.container():
        url_notice(lang)
    cite_and_share(navigation.url_path, info, lang)  # the link as the notice left it
    with st.sidebar:
        page_style()
        page_language(lang)
