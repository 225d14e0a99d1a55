"""What a page shows for a set of controls, computed in one go: pure functions of the tables and
the controls, which the loader caches once per data version (data.cached_view).

Each returns plain values (frames, figure specs as dicts, a deck's JSON), cheap to hand out again
from the cache; the page only lays them out.
"""

import bisect
from datetime import date

import pandas as pd

from components import model, security, security_charts
from components.charts.counts import composition_chart, pipeline_chart, quarterly_chart, topic_heatmap
from components.charts.timeline import timeline_chart
from components.compat import deck_spec
from components.config import FIRST_COUP, FORCE_COLOURS, PERIOD_END
from components.formatting import (
    escape_markdown,
    format_date,
    format_number,
    format_percent,
    format_quarter,
    source_lines,
)
from components.i18n import column, labels_of, state_names, t
from components.maps import arc_rows, sahel_map
from components.security_codes import STATE_COLOURS, WINDOWS

MAP_TABLES = ("states", "memberships", "presence", "forces", "cooperation", "shapes")
TIMELINE_TABLES = (
    *("states", "events", "phases", "forces", "sources"),
    *("presence", "memberships", "sanctions", "leaders"),  # what lasted: model.duration_bars
)


def map_changes(tables: dict[str, pd.DataFrame]) -> list[pd.Timestamp]:
    """The days on which what the map draws can change: a membership, a presence or a cooperation
    item starts or ends. Between two of them, every day looks the same."""
    days = [tables["memberships"]["start"], tables["memberships"]["end"], tables["presence"]["start"]]
    days += [tables["presence"]["end"], tables["cooperation"]["date"]]
    return sorted(set(pd.concat(days).dropna()))


def map_epoch(changes: list[pd.Timestamp], day: date) -> date:
    """The last change on or before `day` (`day` itself before the first): the map of `day` is the
    map of that day."""
    index = bisect.bisect_right(changes, pd.Timestamp(day))
    return changes[index - 1].date() if index else day


def map_view(tables: dict, day: date, lang: str, layers: tuple[str, ...]) -> dict:
    """The map on `day`: the deck's JSON and tooltip, each state's standing, the force markers,
    the forces drawn (code → label) and whether arcs are drawn."""
    states, shapes = tables["states"], tables["shapes"]
    names = state_names(states, lang)
    drawn = model.drawn_states(shapes, names)
    status = model.bloc_status_on(tables["memberships"], states, day)
    markers = model.presence_markers(tables["presence"], tables["forces"], day)
    signed = model.cooperation_signed_by(tables["cooperation"], day)
    arcs = arc_rows(signed, states, names, lang)
    capitals = model.capital_points(states, drawn, column("capital", lang))
    deck = sahel_map(shapes, status, markers, arcs, capitals, names, lang, list(layers))
    forces = labels_of(tables["forces"], "force_id", lang)
    return {
        "deck": deck_spec(deck),
        "drawn": drawn,
        "status": status,
        "markers": markers,
        "standing": model.standing_rows(status, drawn, names, signed),
        "forces": {code: forces[code] for code in model.forces_present(markers, FORCE_COLOURS)},
        "arcs": not arcs.empty,
    }


def timeline_view(tables: dict, period: tuple[date, date], chosen: dict, categories, lang: str) -> dict:
    """The timeline for a period and filters: the events shown (with their lanes), their summary
    and the figure's spec."""
    events = model.with_lanes(model.filter_events(tables["events"], *period, **chosen))
    summary = model.timeline_summary(events, categories)
    if summary is None:
        return {"events": events, "summary": None, "figure": None}
    bars = model.duration_bars(tables, *period, chosen.get("states"))
    phases = model.phase_periods(tables["phases"], tables["events"], PERIOD_END)
    labels = {
        "states": state_names(tables["states"], lang),
        "forces": labels_of(tables["forces"], "force_id", lang),
    }
    figure = timeline_chart(events, bars, phases, tables["sources"], labels, categories, period, lang)
    return {"events": events, "summary": summary, "figure": figure.to_dict()}


TOPICS_TABLES = ("topics", "cooperation", "events", "sources", "consultations")


def topics_view(tables: dict, measure: str, topic: str, state: str, stages: list[str], lang: str) -> dict:
    """The topics page for one measure, topic and state: each chart's spec, table and sentence
    (None: nothing counted), the cards, the Moscow outcomes and the items listed."""
    topic_labels = labels_of(tables["topics"], "topic_id", lang)
    russian = model.russian_items(tables["cooperation"])
    items = russian if measure == "cooperation" else tables["events"]
    chosen = model.narrow(model.items_by_state(items, measure), topic=topic, iso3=state)
    matrix = model.topic_matrix(chosen, list(topic_labels))
    cell = model.largest_cell(matrix)
    quarters = model.quarterly_counts(
        model.unique_items(chosen, measure), list(topic_labels), FIRST_COUP, PERIOD_END
    )
    busiest = model.busiest_row(quarters)
    cooperation = model.narrow(russian, topic=topic, iso3=state)
    shown = model.narrow(tables["topics"], topic_id=topic)
    russian_items = model.narrow(russian, iso3=state)
    return {
        "matrix": chart_part(
            topic_heatmap(matrix, topic_labels, lang),
            matrix.reset_index(),
            None
            if cell is None
            else t(
                "topics.matrix_summary",
                lang,
                topic=topic_labels.get(cell[0], t("topic.none", lang)),
                state=t(f"lane.{cell[1]}", lang),
                n=cell[2],
            ),
        ),
        "quarters": chart_part(
            quarterly_chart(quarters, topic_labels, lang),
            model.quarter_rows(quarters),
            None
            if busiest is None
            else t("topics.over_time_summary", lang, quarter=format_quarter(busiest[0], lang), n=busiest[1]),
        ),
        "cooperation": breakdown(cooperation, stages, lang),
        "cards": topic_card_texts(shown, russian_items, tables["sources"], lang),
        "consultations": model.narrow(tables["consultations"], topic=topic),
        "items": model.topic_item_rows(cooperation if measure == "cooperation" else chosen, measure, lang),
    }


def chart_part(figure, table: pd.DataFrame, summary: str | None, table_of: str | None = None) -> dict:
    """A chart's spec, its table and its sentence, as widgets.chart_block draws them; `table_of`:
    the data table its codes come from (display.TABLE_CODES)."""
    return {"figure": figure.to_dict(), "table": table, "summary": summary, "table_of": table_of}


def breakdown(cooperation: pd.DataFrame, stages: list[str], lang: str) -> dict | None:
    """What the items are (area → instrument → status) and how far they went; None without items."""
    if cooperation.empty:
        return None
    composition = model.composition_counts(cooperation)
    area, count = model.largest_group(cooperation, "area")
    counts = model.status_pipeline(cooperation, stages)
    done, total, announced = (int(n) for n in (counts["implemented"], counts.sum(), counts["announced"]))
    return {
        "composition": chart_part(
            composition_chart(composition, lang),
            composition,
            t("topics.inside_summary", lang, area=t(f"area.{area}", lang), n=count, total=len(cooperation)),
            "cooperation",
        ),
        "pipeline": chart_part(
            pipeline_chart(counts, lang),
            counts.rename_axis("stage").reset_index(name="items"),
            t("topics.pipeline_summary", lang, done=done, total=total, announced=announced),
        ),
    }


def topic_card_texts(
    topics: pd.DataFrame, items: pd.DataFrame, sources: pd.DataFrame, lang: str
) -> list[dict]:
    """Per topic, the card's escaped markdown: title, description, counts (None without items),
    the latest items with their stage and note, and their sources."""
    cards = []
    for row in topics.to_dict("records"):
        card = model.topic_card(items, sources, row["topic_id"])
        text = {
            "title": f"**{escape_markdown(row[column('label', lang)])}**",
            "description": escape_markdown(row[column("description", lang)]),
            "counts": None,
        }
        if card["count"]:
            share = format_percent(card["state_media_share"], lang)
            text["counts"] = (
                f"{t('topics.card_count', lang, n=card['count'])}\n{t('topics.card_state_media', lang, share=share)}"
            )
            latest, cited = [], []
            for item in card["latest"].to_dict("records"):
                day = format_date(item["date"], item["date_precision"], lang)
                what = escape_markdown(f"{day} · {item[column('title', lang)]}")
                note = f" {escape_markdown(item[column('note', lang)])}" if item[column("note", lang)] else ""
                stage = t(f"stage.{item['status']}", lang)
                latest.append(f"- **{what}** — {stage}.{note}")
                cited += [
                    f"- {what}",
                    *(f"  {line}" for line in source_lines(item["source_ids"], sources, lang)),
                ]
            text |= {"items": "\n".join(latest), "sources": "\n".join(cited)}
        cards.append(text)
    return cards


def security_view(
    conflict, names: dict[str, str], marks: pd.DataFrame, controls: dict, note: str, lang: str
) -> dict:
    """The Security page for its controls (states, measure, state, by, milestone): the monthly chart,
    the breakdown by kind or side and the before/after lines and table, each with its sentence."""
    chosen, measure, state, by = controls["states"], controls["measure"], controls["state"], controls["by"]
    monthly = security.states_monthly(conflict, chosen)
    band = conflict.source == "ucdp" and measure == "best"
    what = t(f"security.measure.{measure}", lang).lower()
    view = {"monthly": None}
    if not monthly.empty:
        busiest = monthly.loc[monthly[measure].idxmax()]
        series = {names.get(s, s): rows.set_index("month") for s, rows in monthly.groupby("iso3", sort=False)}
        colours = {names.get(s, s): STATE_COLOURS.get(s) for s in chosen}
        words = {"state": names.get(busiest["iso3"], busiest["iso3"]), "measure": what}
        words |= {"n": format_number(busiest[measure], lang), "month": busiest["month"].strftime("%Y-%m")}
        summary = [
            t("security.monthly_summary", lang, **words),
            t("security.band", lang) if band else "",
            note,
        ]
        view["monthly"] = chart_part(
            security_charts.monthly_chart(series, measure, marks, colours, lang, band=band),
            monthly.assign(month=monthly["month"].dt.strftime("%Y-%m")),
            " ".join(summary),
        )
    wide = security.breakdown(conflict, state, by, measure)
    totals = wide.sum()
    words = {"state": names.get(state, state), "n": format_number(totals.max(), lang)}
    words |= {"label": t(f"{by}.{totals.idxmax()}", lang)} if len(totals) else {"label": "—"}
    words |= {"total": format_number(security.state_monthly(conflict, state)[measure].sum(), lang)}
    summary = [
        t("security.breakdown_summary", lang, **words),
        t("security.sides_note", lang) if by == "side" else "",
    ]
    view["breakdown"] = chart_part(
        security_charts.breakdown_chart(wide, by, measure, lang),
        wide.reset_index().assign(month=lambda f: f["month"].dt.strftime("%Y-%m")),
        " ".join([*summary, note]),
    )
    day = marks.set_index("event_id").at[controls["milestone"], "date"]
    table = security.before_after(conflict, day, chosen or conflict.states[:1], WINDOWS)
    view["before_after"] = before_after_lines(table, names, lang)
    view["table"] = table.assign(
        state=table["iso3"].map(lambda c: names.get(c, c)), milestone=controls["milestone"]
    )
    return view


def before_after_lines(table: pd.DataFrame, names: dict[str, str], lang: str) -> str:
    """One escaped markdown line per state: deaths a month in the shorter window before and after."""

    def per_month(row) -> str:
        if row["months_covered"] == 0:
            return t("security.no_rate", lang)
        rate = f"{row['deaths_per_month']:g}"
        return rate.replace(".", ",") if lang == "fr" else rate

    lines = []
    for iso3, rows in table[table["window"] == WINDOWS[0]].groupby("iso3", sort=False):
        before, after = (rows.set_index("part").loc[part] for part in ("before", "after"))
        words = {
            "state": names.get(iso3, iso3),
            "months": WINDOWS[0],
            "covered": int(after["months_covered"]),
        }
        text = t(
            "security.before_after_summary", lang, before=per_month(before), after=per_month(after), **words
        )
        lines.append(f"- {escape_markdown(text)}")
    return "\n".join(lines)


def source_note(layout: str | None, file_name: str, resource: dict, lang: str) -> str:
    """Whose numbers these are: the reader's own file (its `layout`) or the shipped UCDP table with
    its version and the citations its licence asks for."""
    if layout is not None:
        return t(
            "security.source_own", lang, name=escape_markdown(file_name), layout=t(f"layout.{layout}", lang)
        )
    citations = " — ".join(resource["x_citations"])
    return t("security.source_ucdp", lang, version=resource["version"], citations=citations)


def milestone_names(marks: pd.DataFrame, lang: str) -> dict[str, str]:
    """Each milestone's 'YYYY-MM-DD · short name' (its title when it has no short name), by event id."""
    names = marks[column("short", lang)].where(
        marks[column("short", lang)] != "", marks[column("title", lang)]
    )
    return {
        i: f"{format_date(day, 'day', lang)} · {name}"
        for i, day, name in zip(marks["event_id"], marks["date"], names, strict=True)
    }


def state_rows(states: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The states as the overview lists them: name, capital, population and area, written out in
    `lang` under headers in `lang`."""
    headers = {
        name: t(f"overview.column.{name}", lang) for name in ("state", "capital", "population", "area")
    }
    return pd.DataFrame(
        {
            headers["state"]: states[column("name", lang)],
            headers["capital"]: states[column("capital", lang)],
            headers["population"]: [format_number(n, lang) for n in states["population"]],
            headers["area"]: [format_number(n, lang) for n in states["area_km2"]],
        }
    )
