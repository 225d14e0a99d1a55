"""Security: monthly conflict events and deaths per state, by kind and side, before and after milestones."""

import streamlit as st

from components import panels, views, widgets
from components.data import (
    conflict_view,
    load_conflict,
    load_milestones,
    load_resource,
    load_tables,
    read_upload,
)
from components.i18n import state_names, t
from components.security_codes import FOCUS_STATES

lang = widgets.current_language()
names = state_names(load_tables("states")["states"], lang)
marks = load_milestones()
resource = load_resource("conflict_events")

st.title(t("security.title", lang))
st.caption(t("security.caption", lang))
upload = widgets.conflict_upload(lang)
# getvalue hands out the uploaded bytes themselves; getbuffer would copy them (2 s for 450 MB) on every run.
own = read_upload(upload.getvalue(), upload.name, upload.file_id) if upload is not None else None
used = panels.upload_outcome(own, lang)
conflict = own.conflict if used else load_conflict()
note = views.source_note(own.layout if used else None, upload.name if used else "", resource, lang)
st.caption(note)
states = [*FOCUS_STATES, *(s for s in conflict.states if s not in FOCUS_STATES)]
panels.coverage_notes(conflict, states, names, lang)

label = {"state": lambda c: names.get(c, c), "by": lambda b: t(f"security.by.{b}", lang)}
focus = [s for s in FOCUS_STATES if s in conflict.states]
controls = {
    "states": widgets.multi_choice(
        t("security.states", lang), states, key="security.states", format_func=label["state"], default=focus
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
picks = {"state": (conflict.states, label["state"], None), "by": (["kind", "side"], label["by"], None)}
controls |= widgets.control_row("security", picks, lang)
breakdown_place = st.container()
st.subheader(t("security.before_after", lang))
milestone_names = views.milestone_names(marks, lang)
controls["milestone"] = widgets.choice(
    t("security.milestone", lang),
    list(marks["event_id"]),
    key="security.milestone",
    format_func=milestone_names.get,
)

token = upload.file_id if used else None
view = conflict_view(
    "security", views.security_view, views.SECURITY_TABLES, token, conflict, controls, note, lang
)
places = {"monthly": monthly_place, "breakdown": breakdown_place}
panels.security_results(view, places, controls, conflict.source, lang)
st.caption(note)
panels.security_method(lang)
