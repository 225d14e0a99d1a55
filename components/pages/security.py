"""Security: monthly conflict events and deaths per state, by kind and side, before and after milestones."""

import streamlit as st

from components import panels, views, widgets
from components.data import (
    conflict_view,
    load_conflict,
    load_labels,
    load_package_info,
    load_tables,
    read_upload,
)
from components.i18n import state_names, t
from components.security import milestones
from components.security_codes import FOCUS_STATES, MILESTONES

lang = widgets.current_language()
tables = load_tables("events", "states")
names = state_names(tables["states"], lang)
labels = load_labels(lang)
marks = milestones(tables["events"], MILESTONES)
resource = next(r for r in load_package_info()["resources"] if r["name"] == "conflict_events")

st.title(t("security.title", lang))
st.caption(t("security.caption", lang))
with st.expander(t("security.upload", lang), icon=":material/upload_file:"):
    st.caption(t("security.upload_help", lang))
    upload = st.file_uploader(
        t("security.upload_label", lang), type=["csv", "zip"], key="security_upload", max_upload_size=1024
    )
# getvalue hands out the uploaded bytes themselves; getbuffer would copy them (2 s for 450 MB) on every run.
own = read_upload(upload.getvalue(), upload.name, upload.file_id) if upload is not None else None
panels.upload_report(own, lang)
used = own is not None and own.conflict is not None
if widgets.own_file_mark(used):
    st.info(t("security.linked_own", lang), icon=":material/link:")
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
view = conflict_view("security", views.security_view, token, conflict, names, marks, controls, note, lang)
shown = {"lang": lang, "labels": labels}
with monthly_place:
    if view["monthly"] is None:
        st.info(t("common.empty", lang))
    else:
        name = f"security-monthly-{conflict.source}"
        widgets.chart_block(view["monthly"], name, key="security.monthly", **shown)
with breakdown_place:
    name = f"security-{controls['by']}-{controls['state']}-{conflict.source}"
    widgets.chart_block(view["breakdown"], name, key="security.breakdown", **shown)
st.caption(t("security.before_after_note", lang))
st.markdown(view["before_after"])
name = f"security-before-after-{controls['milestone']}-{conflict.source}"
widgets.table_with_download(view["table"], name, key="security.before_after", **shown)
st.caption(note)
panels.security_method(lang)
