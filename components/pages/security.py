"""Security: monthly conflict events and deaths per state, by kind and side, before and after milestones."""

import streamlit as st

from components import panels, views, widgets
from components.data import conflict_view, read_upload
from components.i18n import t

lang = widgets.current_language()
st.title(t("security.title", lang))
st.caption(t("security.caption", lang))
upload = widgets.conflict_upload(lang)
# getvalue hands out the uploaded bytes themselves; getbuffer would copy them (2 s for 450 MB) on every run.
own = read_upload(upload.getvalue(), upload.name, upload.file_id) if upload is not None else None
used = panels.upload_outcome(own, lang)
# The reader's file, or (None) the shipped table, which the views read from the cache themselves.
token, conflict = (upload.file_id, own.conflict) if used else (None, None)
layout, file_name = (own.layout, upload.name) if used else (None, "")
inputs = views.SECURITY_TABLES
options = conflict_view(
    "security-options", views.security_options, inputs, token, conflict, layout, file_name, lang
)
names, note = options["names"], options["note"]
st.caption(note)
panels.coverage_notes(options, lang)

label = {"state": lambda c: names.get(c, c), "by": lambda b: t(f"security.by.{b}", lang)}
controls = {
    "states": widgets.multi_choice(
        t("security.states", lang),
        options["states"],
        key="security.states",
        format_func=label["state"],
        default=options["focus"],
    ),
    "measure": widgets.choice(
        t("security.measure", lang),
        ["best", "events"],
        key="security.measure",
        format_func=lambda m: t(f"security.measure.{m}", lang),
    ),
}
st.subheader(t("security.monthly", lang))
monthly_place = st.container()
st.subheader(t("security.breakdown", lang))
picks = {"state": (options["covers"], label["state"], None), "by": (["kind", "side"], label["by"], None)}
controls |= widgets.control_row("security", picks, lang)
breakdown_place = st.container()
st.subheader(t("security.before_after", lang))
controls["milestone"] = widgets.choice(
    t("security.milestone", lang),
    list(options["milestones"]),
    key="security.milestone",
    format_func=options["milestones"].get,
)

view = conflict_view("security", views.security_view, inputs, token, conflict, controls, note, lang)
places = {"monthly": monthly_place, "breakdown": breakdown_place}
panels.security_results(view, places, controls, options["source"], lang)
st.caption(note)
panels.security_method(lang)
