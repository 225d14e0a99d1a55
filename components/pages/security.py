"""Security: monthly conflict events and deaths per state, by kind and side, before and after milestones."""

import streamlit as st

from components.data import load_conflict, load_package_info, load_tables, read_upload
from components.formatting import escape_markdown, format_date, format_number
from components.i18n import state_names, t
from components.security import before_after, breakdown, milestones, state_monthly, states_monthly
from components.security_charts import breakdown_chart, monthly_chart
from components.security_codes import FOCUS_STATES, MILESTONES, STATE_COLOURS, WINDOWS
from components.url_state import keep, seed
from components.widgets import chart_block, choice, current_language, multi_choice, table_with_download

lang = current_language()
tables = load_tables("events", "states")
names = state_names(tables["states"], lang)
marks = milestones(tables["events"], MILESTONES)
resource = next(r for r in load_package_info()["resources"] if r["name"] == "conflict_events")
conflict = load_conflict()

st.title(t("security.title", lang))
st.caption(t("security.caption", lang))

with st.expander(t("security.upload", lang), icon=":material/upload_file:"):
    st.caption(t("security.upload_help", lang))
    upload = st.file_uploader(
        t("security.upload_label", lang), type=["csv", "zip"], key="security_upload", max_upload_size=1024
    )
own = read_upload(upload.getbuffer(), upload.name, upload.file_id) if upload is not None else None
if own is not None and own.conflict is None:
    reason = t(f"upload.{own.fatal}", lang, detail=own.detail)
    st.error(t("security.upload_failed", lang, reason=escape_markdown(reason)), icon=":material/error:")
if own is not None and own.issues:
    st.warning(
        "\n".join(
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
        ),
        icon=":material/rule:",
    )
# The link of a view made from an upload says so (?security.file=own); the file itself never goes in it.
seed("security.file", lambda raw: "own" if raw == ["own"] else None)
linked_own = st.session_state.pop("security.file", None) == "own"
if own is not None and own.conflict is not None:
    conflict = own.conflict
    dropped = own.rows - own.kept
    st.success(
        t(
            "security.upload_used",
            lang,
            rows=format_number(own.rows, lang),
            kept=format_number(own.kept, lang),
            dropped=format_number(dropped, lang),
        ),
        icon=":material/check:",
    )
    source_note = t(
        "security.source_own", lang, name=escape_markdown(upload.name), layout=t(f"layout.{own.layout}", lang)
    )
    keep("security.file", "own", "")
else:
    if linked_own:
        st.info(t("security.linked_own", lang), icon=":material/link:")
    source_note = t(
        "security.source_ucdp",
        lang,
        version=resource["version"],
        citations=" — ".join(resource["x_citations"]),
    )
    keep("security.file", "", "")
st.caption(source_note)

states = [*FOCUS_STATES, *(s for s in conflict.states if s not in FOCUS_STATES)]
for iso3 in states:
    if iso3 not in conflict.states:
        st.warning(t("security.not_covered", lang, state=names.get(iso3, iso3)), icon=":material/block:")
first, last = (format_date(day, "day", lang) for day in (conflict.first, conflict.last))
st.info(t("security.period", lang, first=first, last=last), icon=":material/date_range:")

controls = st.columns(2)
with controls[0]:
    chosen = multi_choice(
        t("security.states", lang),
        states,
        key="security.states",
        format_func=lambda c: names.get(c, c),
        default=[s for s in FOCUS_STATES if s in conflict.states],
    )
with controls[1]:
    measure = choice(
        t("security.measure", lang),
        ["best", "events"],
        key="security.measure",
        format_func=lambda m: t(f"security.measure.{m}", lang),
    )

st.subheader(t("security.monthly", lang))
monthly = states_monthly(conflict, chosen)
band = conflict.source == "ucdp" and measure == "best"
if monthly.empty:
    st.info(t("common.empty", lang))
else:
    busiest = monthly.loc[monthly[measure].idxmax()]
    series = {names.get(s, s): rows.set_index("month") for s, rows in monthly.groupby("iso3", sort=False)}
    colours = {names.get(s, s): STATE_COLOURS.get(s) for s in chosen}
    chart_block(
        monthly_chart(series, measure, marks, colours, lang, band=band),
        monthly.assign(month=monthly["month"].dt.strftime("%Y-%m")),
        f"security-monthly-{conflict.source}",
        key="security.monthly",
        lang=lang,
        summary=" ".join(
            [
                t(
                    "security.monthly_summary",
                    lang,
                    state=names.get(busiest["iso3"], busiest["iso3"]),
                    n=format_number(busiest[measure], lang),
                    measure=t(f"security.measure.{measure}", lang).lower(),
                    month=busiest["month"].strftime("%Y-%m"),
                ),
                t("security.band", lang) if band else "",
                source_note,
            ]
        ),
    )

st.subheader(t("security.breakdown", lang))
controls = st.columns(2)
with controls[0]:
    state = choice(
        t("security.state", lang),
        conflict.states,
        key="security.state",
        format_func=lambda c: names.get(c, c),
    )
with controls[1]:
    by = choice(
        t("security.by", lang),
        ["kind", "side"],
        key="security.by",
        format_func=lambda b: t(f"security.by.{b}", lang),
    )
wide = breakdown(conflict, state, by, measure)
totals = wide.sum()
chart_block(
    breakdown_chart(wide, by, measure, lang),
    wide.reset_index().assign(month=lambda f: f["month"].dt.strftime("%Y-%m")),
    f"security-{by}-{state}-{conflict.source}",
    key="security.breakdown",
    lang=lang,
    summary=" ".join(
        [
            t(
                "security.breakdown_summary",
                lang,
                state=names.get(state, state),
                label=t(f"{by}.{totals.idxmax()}", lang),
                n=format_number(totals.max(), lang),
                total=format_number(state_monthly(conflict, state)[measure].sum(), lang),
            ),
            t("security.sides_note", lang) if by == "side" else "",
            source_note,
        ]
    ),
)

st.subheader(t("security.before_after", lang))
labels = dict(zip(marks["event_id"], marks["short_fr" if lang == "fr" else "short_en"], strict=True))
titles = dict(zip(marks["event_id"], marks["title_fr" if lang == "fr" else "title_en"], strict=True))
milestone = choice(
    t("security.milestone", lang),
    list(marks["event_id"]),
    key="security.milestone",
    format_func=lambda i: f"{marks.set_index('event_id').at[i, 'date']:%Y-%m-%d} · {labels[i] or titles[i]}",
)
day = marks.set_index("event_id").at[milestone, "date"]
table = before_after(conflict, day, chosen or conflict.states[:1], WINDOWS)
st.caption(t("security.before_after_note", lang))


def per_month(row) -> str:
    """Deaths a month in one window part, or the words for a window the data does not cover."""
    if row["months_covered"] == 0:
        return t("security.no_rate", lang)
    rate = f"{row['deaths_per_month']:g}"
    return rate.replace(".", ",") if lang == "fr" else rate


lines = []
for iso3, rows in table[table["window"] == WINDOWS[0]].groupby("iso3", sort=False):
    before, after = (rows.set_index("part").loc[part] for part in ("before", "after"))
    text = t(
        "security.before_after_summary",
        lang,
        state=names.get(iso3, iso3),
        months=WINDOWS[0],
        before=per_month(before),
        after=per_month(after),
        covered=int(after["months_covered"]),
    )
    lines.append(f"- {escape_markdown(text)}")
st.markdown("\n".join(lines))
table_with_download(
    table.assign(state=table["iso3"].map(lambda c: names.get(c, c)), milestone=milestone),
    f"security-before-after-{milestone}-{conflict.source}",
    key="security.before_after",
    lang=lang,
)
st.caption(source_note)

with st.expander(t("security.method.title", lang)):
    for part in ("ucdp", "acled", "wagner", "coverage"):
        st.markdown(t(f"security.method.{part}", lang))
