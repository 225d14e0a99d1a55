"""What a page shows for a set of controls, computed in one go: pure functions of the tables and
the controls, which the loader caches once per data version (data.cached_view).

Each returns plain values (frames, figure specs as dicts, a deck's JSON), cheap to hand out again
from the cache; the page only lays them out.
"""

from datetime import date

import pandas as pd

from components import display, model, security, security_charts, security_map
from components.charts.counts import (
    area_chart,
    composition_chart,
    pipeline_chart,
    quarterly_chart,
    topic_heatmap,
)
from components.charts.timeline import bar_texts, timeline_chart
from components.compat import deck_spec
from components.config import AES_STATES, DATA_END, FIRST_COUP, FORCE_COLOURS, NO_TOPIC
from components.display import shown
from components.formatting import (
    cited_lines,
    escape_markdown,
    format_date,
    format_number,
    format_percent,
    format_quarter,
    joined_names,
    named_references,
    note_markdown,
    reader_table,
    since_words,
    small_text,
    source_lines,
    sources_markdown,
)
from components.i18n import column, labels_of, state_names, t
from components.maps import arc_rows, sahel_map
from components.params import PERIOD
from components.schema import enum_codes
from components.security_codes import FOCUS_STATES, STATE_COLOURS, WINDOWS

# map_epochs, map_sources: the loader's model.map_epochs and model.map_sources, once per data version.
# map_tables: the loader's model.map_epoch_tables.
# map_shapes, map_outlines: the shapes and the AES outlines as JSON text (model.map_shapes, model.map_outlines).
MAP_TABLES = ("states", "forces", "map_epochs", "map_sources", "map_tables", "map_shapes", "map_outlines")
# conflict_rows, conflict_points: the loader's security.ucdp_events of the UCDP table and security.point_texts.
CONFLICT_TABLES = (*MAP_TABLES, "conflict_rows", "conflict_points")
# lane_events, bars, phase_periods, publishers: the loader's model.with_lanes, model.every_bar,
# model.phase_periods and model.publishers, once per data version.
TIMELINE_TABLES = ("states", "forces", "lane_events", "bars", "phase_periods", "publishers")


def event_days(tables: dict) -> pd.Series:
    """The days with an event, each once and in order: where the map's day steps to (model.neighbour_day)."""
    return tables["events"]["date"].drop_duplicates().sort_values(ignore_index=True)


def map_view(
    tables: dict, day: date, lang: str, layers: tuple[str, ...], window: int = 0, coverage=None
) -> dict:
    """The map on `day`: the deck's JSON and tooltip, the tables under the map ('states', the
    standing of each state, and 'forces': each its 'csv' and, as a reader's table shows it,
    'shown', an Arrow table), the states drawn ('drawn', with their 'names'), the forces drawn
    (code → label), whether arcs are drawn, the states under sanctions and, with the conflict
    layer, its counts (conflict_part over `window` days and the data's `coverage`)."""
    states, shapes = tables["states"], tables["map_shapes"]
    names = state_names(states, lang)
    drawn = model.drawn_states(shapes, names)
    parts = model.epoch_parts(tables["map_epochs"], day)
    status, markers, signed, sanctioned = (parts[n] for n in ("status", "markers", "signed", "sanctioned"))
    arcs = arc_rows(signed, states, names, lang)
    conflict = conflict_part(tables, day, window, coverage, names, lang) if "conflict" in layers else None
    conflict_layer = conflict.pop("layer") if conflict else None  # drawn in the deck, not handed out
    deck = sahel_map(
        shapes,
        status,
        markers,
        arcs,
        names,
        lang,
        list(layers),
        versions=tables["map_sources"][lang],
        outline=tables["map_outlines"][model.aes_members(status)],
        sanctioned=sanctioned,
        conflict=conflict_layer,
    )
    forces = labels_of(tables["forces"], "force_id", lang)
    listed = {
        name: model.epoch_table(table, parts["day"]) for name, table in tables["map_tables"][lang].items()
    }
    return {
        "sanctioned": sanctioned,
        "conflict": conflict,
        "deck": deck_spec(deck),
        "drawn": drawn,
        "names": {code: names[code] for code in drawn},
        "tables": {name: {"csv": frame, "shown": reader} for name, (frame, reader) in listed.items()},
        "forces": {code: forces[code] for code in model.forces_present(markers, FORCE_COLOURS)},
        "arcs": bool(arcs),
    }


COUNTRY_TABLES = (
    *("states", "events", "memberships", "leaders", "sources", "topics", "forces", "labels", "map_epochs"),
)


def country_changes(tables: dict) -> list[pd.Timestamp]:
    """The days on which a country panel can change: the map's (model.map_changes, from the
    tables of model.MAP_EPOCH_TABLES), a leader's first day and the day after the last, an event."""
    leaders = tables["leaders"]
    days = [pd.Series(model.map_changes(tables)), leaders["start"], leaders["end"] + pd.Timedelta(days=1)]
    return sorted(set(pd.concat([*days, tables["events"]["date"]]).dropna()))


def country_view(tables: dict, iso3: str, day: date, lang: str) -> dict:
    """The country panel of `iso3` on `day` (panels.country_panel), as texts: its 'name' (escaped
    markdown), ECOWAS and AES 'standing' lines, the 'leader' line (None without one), the
    membership 'history' as a reader's Arrow table (None when empty), the 'forces' there and the
    latest 'events' (label, summary, note and sources as markdown). Its ECOWAS status and forces
    are the map's own for that day."""
    parts = model.epoch_parts(tables["map_epochs"], day)
    status = parts["status"].set_index("iso3").loc[iso3]
    standing = [t("map.ecowas", lang, status=t(f"status.{status['ecowas_status']}", lang))]
    standing += [t("map.aes_member", lang)] if status["aes_member"] else []
    leader = model.leader_on(tables["leaders"], iso3, day)
    if leader is not None:
        since = since_words(leader["start"], leader["start_precision"], lang)
        # The title held on `day`, without the note: a leader's note tells how the period ended.
        leader = f"{leader['name']}, {leader[column('title', lang)]} ({since})"
    history = model.membership_history(tables["memberships"], iso3, day)
    listed = history[["org_id", "status", "start", "start_precision", "end", "end_precision"]]
    here = parts["markers"][parts["markers"]["iso3"] == iso3]
    sources, events = tables["sources"], tables["events"]
    return {
        "name": escape_markdown(state_names(tables["states"], lang).get(iso3, iso3)),
        "standing": standing,
        "leader": leader,
        "history": None
        if history.empty
        else display.arrow_table(shown(listed, lang, tables["labels"][lang])),
        "forces": [
            f"{label} — {place}"
            for label, place in zip(here[column("label", lang)], here[column("place", lang)], strict=True)
        ],
        "events": [
            {
                "label": f"{format_date(event['date'], event['date_precision'], lang)} · {event[column('title', lang)]}",
                "summary": event[column("summary", lang)],
                "note": note_markdown(event, lang, sources, events),
                "sources": sources_markdown(event, sources, lang),
            }
            for event in model.latest_events(events, iso3, day).to_dict("records")
        ],
    }


def conflict_part(tables: dict, day: date, window: int, coverage: dict, names: dict, lang: str) -> dict:
    """The conflict events of the `window` days up to `day`: their layer (None where the data do not
    cover the whole window), their count and deaths, and the plain notes of what the data lack."""
    first, last = (pd.Timestamp(coverage[end]) for end in ("start", "end"))
    missing = ", ".join(names.get(iso3, iso3) for iso3 in coverage["not_covered"])
    notes = [t("map.conflict_missing", lang, states=missing)] if missing else []
    if not security.covers(first, last, day, window):
        words = {
            "days": window,
            "first": format_date(first, "day", lang),
            "last": format_date(last, "day", lang),
        }
        notes.append(t("map.conflict_uncovered", lang, **words))
        return {"layer": None, "events": None, "deaths": None, "notes": notes}
    rows = security.in_window(tables["conflict_rows"], day, window)
    return {
        # The points' JSON is written once per data version (security.point_texts): joined, not built.
        "layer": security_map.security_layer(security.window_points(tables["conflict_points"][lang], rows)),
        "events": int(rows.sum()),
        "deaths": int(tables["conflict_rows"]["best"].to_numpy()[rows].sum()),
        "notes": notes,
    }


def timeline_view(
    tables: dict, period: tuple[date, date], chosen: dict, categories, lang: str, conflict=None
) -> dict:
    """The timeline for a period and filters: the events shown (model.event_rows), their 'rows' in
    timeline_catalogue's table (positions), their summary, what the period overview lists
    (period_part), the figure's spec and the ids of the duration bars drawn (their details:
    timeline_catalogue). With `conflict` (security.Conflict), each state lane carries its monthly
    deaths."""
    lanes = tables["lane_events"]
    events = model.filter_events(lanes, *period, **chosen)
    summary = model.timeline_summary(events, categories)
    view = {
        "events": model.event_rows(events, lang),
        "rows": pd.Index(lanes["event_id"]).get_indexer(events["event_id"]).tolist(),
        "summary": summary,
        "overview": period_part(events, categories, lang),
    }
    if summary is None:
        return view | {"figure": None, "bars": []}
    bars = model.clipped_bars(tables["bars"], *period, chosen.get("states"))
    labels = bar_labels(tables, lang)
    deaths = None if conflict is None else lane_deaths(conflict, period, labels["states"], lang)
    figure = timeline_chart(
        events, bars, tables["phase_periods"], tables["publishers"], labels, categories, period, lang, deaths
    )
    return view | {"figure": figure.to_dict(), "bars": list(bars["bar_id"])}


def period_part(events: pd.DataFrame, categories, lang: str) -> dict:
    """What the period overview lists: how many events, their count by kind ('table', under headers
    in `lang`, ready to send: display.arrow_table) and the key events under their heading, one
    'date · title' item each (model.period_summary), as one escaped markdown block ('key')."""
    counts, key = model.period_summary(events, categories)
    labelled = counts.rename(index=lambda c: t(f"category.{c}", lang))
    table = labelled.rename_axis(t("timeline.categories", lang)).to_frame(t("overview.events", lang))
    lines = [
        f"- {escape_markdown(f'{format_date(day, precision, lang)} · {title}')}"
        for day, precision, title in zip(
            key["date"], key["date_precision"], key[column("title", lang)], strict=True
        )
    ]
    heading = f"**{t('timeline.key_events', lang)}**"
    return {"n": len(events), "table": display.arrow_table(table), "key": "\n".join([heading, "", *lines])}


def bar_labels(tables: dict, lang: str) -> dict[str, dict[str, str]]:
    """The names the timeline gives its bars: 'states' and 'forces', by code."""
    return {
        "states": state_names(tables["states"], lang),
        "forces": labels_of(tables["forces"], "force_id", lang),
    }


TIMELINE_CATALOGUE_TABLES = (*TIMELINE_TABLES, *model.BAR_SOURCE_TABLES, "sources", "topics", "labels")


def timeline_catalogue(tables: dict, lang: str) -> dict:
    """What the timeline shows the same whatever its controls, in `lang`: by bar id, the details of
    every duration bar the period controls can reach ('bars', bar_details), every event as its
    table lists it ('rows': model.event_rows as a reader reads it, in the order of the derived
    lane_events, ready to send: display.arrow_table; timeline_view's 'rows' pick from it) and the
    topics' labels by code ('topics')."""
    bars = model.clipped_bars(tables["bars"], *PERIOD)
    events = tables["lane_events"]
    named = reader_table(model.event_rows(events, lang), tables["sources"], lang)
    rows = display.arrow_table(display.shown(named, lang, tables["labels"][lang]))
    return {
        "bars": bar_details(bars, tables, bar_labels(tables, lang), lang),
        "rows": rows,
        "topics": labels_of(tables["topics"], "topic_id", lang),
    }


def _span_words(start, start_precision: str, end, end_precision: str, lang: str) -> str:
    """'3 April 2023 – August 2024', or '3 April 2023 – ongoing' without an end."""
    last = format_date(end, end_precision, lang) if pd.notna(end) else t("timeline.ongoing", lang)
    return f"{format_date(start, start_precision, lang)} – {last}"


def _bar_items(kind: str, rows: pd.DataFrame, events: pd.DataFrame, lang: str) -> list[dict]:
    """What a bar's rows say, item by item: a 'line' (what, where, when), a 'note', 'source_ids' and
    'evidence'."""
    if kind == "sanctions":  # the events that imposed, then lifted them
        row = rows.iloc[0]
        shown = events.set_index("event_id").loc[[row["imposed_event_id"], row["lifted_event_id"]]]
        return [
            {
                "line": f"{format_date(e['date'], e['date_precision'], lang)} · {e[column('title', lang)]}",
                "note": e[column("summary", lang)],
                "source_ids": e["source_ids"],
                "evidence": e["evidence"],
            }
            for e in shown.to_dict("records")
        ]
    items = []
    for row in rows.to_dict("records"):
        line = _span_words(row["start"], row["start_precision"], row["end"], row["end_precision"], lang)
        if kind == "presence":
            line = f"{row[column('place', lang)]} · {line}"
        elif kind == "leader":
            line = f"{row['name']}, {row[column('title', lang)]} · {line}"
        evidence = row.get("evidence", "")
        items.append(
            {
                "line": line,
                "note": row[column("note", lang)],
                "source_ids": row["source_ids"],
                "evidence": evidence,
            }
        )
    return items


def bar_details(bars: pd.DataFrame, tables: dict, labels: dict, lang: str) -> dict[str, dict]:
    """By bar id: its 'title' and its 'items' (_bar_items): a force's deployments in the state, a
    leader's term, a suspension, or the events that imposed and lifted sanctions."""
    details = {}
    for bar in bars.to_dict("records"):
        title = bar_texts(bar, labels["states"], labels["forces"], lang)[0]
        rows = tables[model.BAR_TABLES[bar["kind"]]].loc[list(bar["rows"])]
        items = _bar_items(bar["kind"], rows, tables["events"], lang)
        details[bar["bar_id"]] = {"title": title, "items": items}
    return details


def lane_deaths(conflict, period: tuple[date, date], names: dict[str, str], lang: str) -> dict:
    """For the timeline's state lanes: each covered state's monthly deaths within `period`
    ('monthly': iso3 → best, low, high by month) and the spans of `period` the data does not
    cover, with why ('gaps': iso3 → [(start, end, text)])."""
    first, last = pd.Timestamp(period[0]), pd.Timestamp(period[1])
    monthly, gaps = {}, {}
    for iso3 in AES_STATES:
        if iso3 not in conflict.states:
            gaps[iso3] = [(first, last, t("timeline.deaths_not_covered", lang, state=names.get(iso3, iso3)))]
            continue
        rows = security.state_monthly(conflict, iso3)
        monthly[iso3] = rows[(rows.index >= first.to_period("M").start_time) & (rows.index <= last)]
        spans = []
        if first < conflict.first:
            until = format_date(conflict.first, "day", lang)
            spans.append((first, min(conflict.first, last), t("timeline.deaths_before", lang, day=until)))
        if last > conflict.last:
            since = format_date(conflict.last, "day", lang)
            spans.append((max(conflict.last, first), last, t("timeline.deaths_after", lang, day=since)))
        gaps[iso3] = spans
    return {"monthly": monthly, "gaps": gaps}


TOPICS_TABLES = (
    "topics",
    "russian_registers",  # the loader's model.russian_registers
    "topic_events",  # the loader's model.topic_events
    "state_media",  # the loader's model.state_media_ids
    "consultations",
    "states",
    "source_texts",
    "labels",
    "package",
)
TOPICS_OPTIONS_TABLES = ("topics", "package")
TOPIC_CODES = {"evidence": "evidence", "areas": "area", "stages": "status"}  # the cooperation code lists


def topics_options(tables: dict, lang: str) -> dict:
    """What the topics page offers and counts by: 'topics' (id → label in `lang`), and the code
    lists of the cooperation items' 'evidence' grades, 'areas' and 'stages'."""
    return {
        "topics": labels_of(tables["topics"], "topic_id", lang),
        **{name: enum_codes(tables["package"], "cooperation", field) for name, field in TOPIC_CODES.items()},
    }


def register_days(tables: dict) -> list[pd.Timestamp]:
    """The days on which the topics page can change (model.russian_registers): a view of any day
    is the view of the last of them on or before it (model.map_epoch)."""
    return tables["russian_registers"]["days"]


def russian_register(tables: dict, day: date, evidence: list[str]) -> pd.DataFrame:
    """The items with Russia as they stood on `day` (model.register_on), of the chosen grades."""
    return model.graded(model.register_on(tables["russian_registers"], day), evidence)


def topics_view(
    tables: dict, measure: str, topic: str, state: str, day: date, evidence: list[str], lang: str
) -> dict:
    """The topics page for one measure, topic and state, the register as it stood on `day` and the
    rows of the chosen grades of `evidence` (all when empty): each chart's spec, table and sentence
    (None: nothing counted), the items of each area (area_texts), the cards, the Moscow outcomes and
    the items listed (their codes for the CSV, their labels for the reader)."""
    codes = topics_options(tables, lang)
    topic_labels = codes["topics"]
    labels, texts = tables["labels"][lang], tables["source_texts"][lang]
    russian = russian_register(tables, day, evidence)
    if measure == "cooperation":
        by_state = model.items_by_state(russian, measure)
    else:
        by_state = model.graded(tables["topic_events"], evidence)
    chosen = model.narrow(by_state, topic=topic, iso3=state)
    matrix = model.topic_matrix(chosen, list(topic_labels))
    cell = model.largest_cell(matrix)
    quarters = model.quarterly_counts(
        model.unique_items(chosen, measure), list(topic_labels), FIRST_COUP, DATA_END
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
            lang,
            labels,
        ),
        "quarters": chart_part(
            quarterly_chart(quarters, topic_labels, lang),
            model.quarter_rows(quarters),
            None
            if busiest is None
            else t("topics.over_time_summary", lang, quarter=format_quarter(busiest[0], lang), n=busiest[1]),
            lang,
            labels,
        ),
        "cooperation": breakdown(cooperation, codes["stages"], lang, labels),
        "areas": area_part(cooperation, codes["areas"], lang, labels),
        "area_items": area_texts(cooperation, texts["bullets"], lang),
        "cards": topic_card_texts(shown, russian_items, tables["state_media"], texts, lang),
        "consultations": consultation_texts(
            model.graded(model.narrow(tables["consultations"], topic=topic), evidence),
            topic_labels,
            texts,
            lang,
        ),
        "items": item_tables(cooperation if measure == "cooperation" else chosen, measure, tables, lang),
    }


ITEM_HEADERS = {  # the items table's columns → the key of their header
    **{"date": "date", "iso3": "state", "states": "state", "topic": "topic", "area": "area"},
    **{"instrument": "instrument", "status": "stage", "category": "category", "source_ids": "sources"},
}
ITEM_LABELS = {"area": "area", "instrument": "instrument", "status": "stage", "category": "category"}


def item_tables(items: pd.DataFrame, measure: str, tables: dict, lang: str) -> dict:
    """The items listed, each once and oldest first: 'csv' with their codes and ids, 'shown' as a
    reader reads them, with the charts' labels, dates at their precision and the sources named (as
    Arrow, display.arrow_table)."""
    rows = model.topic_item_rows(items, measure, lang)
    names = {**state_names(tables["states"], lang), "AES": t("lane.AES", lang)}
    topics = {
        **labels_of(tables["topics"], "topic_id", lang),
        NO_TOPIC: t("topic.none", lang),
        "": t("topic.none", lang),
    }
    where = "iso3" if measure == "cooperation" else "states"
    sources = tables["source_texts"][lang]["labels"]
    shown = {
        "date": [format_date(d, p, lang) for d, p in zip(rows["date"], rows["date_precision"], strict=True)],
        where: rows[where].map(
            lambda c: ", ".join(names.get(s, s) for s in ((c,) if isinstance(c, str) else c))
        ),
        "topic": rows["topic"].map(lambda c: topics.get(c, c)),
        **{
            name: rows[name].map(lambda c, p=prefix: t(f"{p}.{c}", lang))
            for name, prefix in ITEM_LABELS.items()
            if name in rows
        },
        "title": rows[column("title", lang)],
        "source_ids": rows["source_ids"].map(lambda ids: joined_names(ids, sources)),
    }
    headed = {
        t(f"topics.column.{ITEM_HEADERS.get(name, name)}", lang): values for name, values in shown.items()
    }
    return {"csv": rows, "shown": display.arrow_table(pd.DataFrame(headed))}


def area_part(cooperation: pd.DataFrame, areas: list[str], lang: str, labels: dict) -> dict | None:
    """The chart of items per area (a click on a bar chooses the area), its table and sentence;
    None without items."""
    counts = model.area_counts(cooperation, areas)
    if counts.empty:
        return None
    top = counts.idxmax()
    summary = t(
        "topics.areas_summary", lang, area=t(f"area.{top}", lang), n=int(counts[top]), total=int(counts.sum())
    )
    table = counts.rename_axis("area").reset_index(name="items")
    return chart_part(area_chart(counts, lang), table, summary, lang, labels)


def area_texts(cooperation: pd.DataFrame, bullets: dict[str, str], lang: str) -> dict[str, list[str]]:
    """Area → its items among `cooperation`, oldest first, each as escaped markdown: date at its
    precision, title, stage and state, then its evidence and sources (`bullets`:
    formatting.source_bullets). Areas without items are left out."""
    texts = {}
    fields = ["date", "date_precision", column("title", lang), "status", "iso3", "source_ids", "evidence"]
    for area in cooperation["area"].unique():
        texts[area] = []
        for item in model.records(model.area_items(cooperation, area), fields):
            day = format_date(item["date"], item["date_precision"], lang)
            head = f"{day} · {item[column('title', lang)]}"
            stage, where = t(f"stage.{item['status']}", lang), t(f"lane.{item['iso3']}", lang)
            lines = cited_lines(item["source_ids"], bullets, lang, item["evidence"])
            texts[area].append(
                "\n".join([f"**{escape_markdown(head)}** — {stage} · {escape_markdown(where)}", *lines])
            )
    return texts


def chart_part(
    figure, table: pd.DataFrame, summary: str | None, lang: str, labels: dict, table_of: str | None = None
) -> dict:
    """A chart's spec, its table (for the CSV), the table as the reader reads it (as Arrow,
    display.arrow_table) and its sentence, as widgets.chart_block draws them. `labels`:
    display.code_labels; `table_of`: the data table the codes come from (display.TABLE_CODES)."""
    shown = display.shown(reader_table(table, None, lang), lang, labels, table_of)
    return {
        "figure": figure.to_dict(),
        "table": table,
        "shown": display.arrow_table(shown),
        "summary": summary,
    }


def breakdown(cooperation: pd.DataFrame, stages: list[str], lang: str, labels: dict) -> dict | None:
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
            lang,
            labels,
            "cooperation",
        ),
        "pipeline": chart_part(
            pipeline_chart(counts, lang),
            counts.rename_axis("stage").reset_index(name="items"),
            t("topics.pipeline_summary", lang, done=done, total=total, announced=announced),
            lang,
            labels,
        ),
    }


def topic_card_texts(
    topics: pd.DataFrame, items: pd.DataFrame, state_media: frozenset[str], texts: dict, lang: str
) -> list[dict]:
    """Per topic, the card's escaped markdown, in one block ('body': title, description, counts, or
    that there is none, and the latest items with their stage and note; one block, as each element
    costs every rerun its render) and the items' sources ('sources', None without items; `texts`:
    formatting.source_texts). The counts give the share resting on `state_media` alone
    (model.state_media_ids)."""
    cards, counted = [], model.topic_cards(items, state_media, topics["topic_id"])
    fields = ["date", "date_precision", *(column(name, lang) for name in ("title", "note"))]
    fields += ["status", "source_ids", "evidence"]
    for row in model.records(topics):
        card = counted[row["topic_id"]]
        head = [
            f"**{escape_markdown(row[column('label', lang)])}**  ",
            small_text(row[column("description", lang)]),
            "",
        ]
        if not card["count"]:
            cards.append(
                {"body": "\n".join([*head, escape_markdown(t("topics.card_none", lang))]), "sources": None}
            )
            continue
        share = format_percent(card["state_media_share"], lang)
        head += [
            f"{escape_markdown(t('topics.card_count', lang, n=card['count']))}  ",
            escape_markdown(t("topics.card_state_media", lang, share=share)),
            "",
        ]
        latest, cited = [], []
        for item in model.records(card["latest"], fields):
            day = format_date(item["date"], item["date_precision"], lang)
            what = escape_markdown(f"{day} · {item[column('title', lang)]}")
            said = named_references(item[column("note", lang)], texts["references"])
            note = f" {escape_markdown(said)}" if said else ""
            stage = t(f"stage.{item['status']}", lang)
            latest.append(f"- **{what}** — {stage}.{note}")
            cited += [
                f"- {what}",
                *(
                    f"  {line}"
                    for line in cited_lines(item["source_ids"], texts["bullets"], lang, item["evidence"])
                ),
            ]
        cards.append({"body": "\n".join([*head, *latest]), "sources": "\n".join(cited)})
    return cards


def consultation_texts(rows: pd.DataFrame, topic_labels: dict, texts: dict, lang: str) -> list[str]:
    """Per Moscow outcome row, one escaped markdown block (each element costs every rerun its
    render): its topic and outcome status, what was expected and what was reported, its note with
    the sources it cites named (when it has one), its evidence and sources (`texts`:
    formatting.source_texts)."""
    cards = []
    parts = [column(name, lang) for name in ("note", "expected", "outcome")]
    for row in model.records(rows, ["outcome_status", "topic", *parts, "source_ids", "evidence"]):
        status = t(f"outcome.{row['outcome_status']}", lang)
        note = row[column("note", lang)]
        blocks = [
            f"**{escape_markdown(topic_labels[row['topic']])}** · *{status}*",
            *(
                f"*{t(f'topics.{part}', lang)}*  \n{escape_markdown(row[column(part, lang)])}"
                for part in ("expected", "outcome")
            ),
            *([small_text(named_references(note, texts["references"]))] if note else []),
            "\n".join(cited_lines(row["source_ids"], texts["bullets"], lang, row["evidence"])),
        ]
        cards.append("\n\n".join(blocks))
    return cards


SECURITY_TABLES = ("states", "milestones", "labels", "package")


def security_options(conflict, tables: dict, layout: str | None, file_name: str, lang: str) -> dict:
    """What the Security page's controls and notes need of `conflict` (security.Conflict): state
    'names' in `lang`, the 'milestones' (event id → name), the states it 'covers', those offered
    ('states': the focus states first) and chosen at first ('focus'), its 'first' and 'last' day, its
    'source' and the 'note' on whose numbers these are (source_note of the reader's file, with
    `layout` and `file_name`, or of the shipped table)."""
    resource = next(r for r in tables["package"]["resources"] if r["name"] == "conflict_events")
    covers = conflict.states
    return {
        "names": state_names(tables["states"], lang),
        "milestones": milestone_names(tables["milestones"], lang),
        "covers": covers,
        "states": [*FOCUS_STATES, *(s for s in covers if s not in FOCUS_STATES)],
        "focus": [s for s in FOCUS_STATES if s in covers],
        "first": conflict.first,
        "last": conflict.last,
        "source": conflict.source,
        "note": source_note(layout, file_name, resource, lang),
    }


def security_view(conflict, tables: dict, controls: dict, note: str, lang: str) -> dict:
    """The Security page for its controls (states, measure, state, by, milestone): the monthly chart,
    the breakdown by kind or side and the before/after lines and table ('csv' and 'shown'), each
    with its sentence."""
    chosen, measure, state, by = controls["states"], controls["measure"], controls["state"], controls["by"]
    names, marks, labels = state_names(tables["states"], lang), tables["milestones"], tables["labels"][lang]
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
            lang,
            labels,
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
        lang,
        labels,
    )
    day = marks.set_index("event_id").at[controls["milestone"], "date"]
    table = security.before_after(conflict, day, chosen or conflict.states[:1], WINDOWS)
    view["before_after"] = before_after_lines(table, names, lang)
    listed = table.assign(state=table["iso3"].map(lambda c: names.get(c, c)), milestone=controls["milestone"])
    shown = display.shown(reader_table(listed, None, lang), lang, labels)
    view["table"] = {"csv": listed, "shown": display.arrow_table(shown)}
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
    version = resource["version"]
    if resource.get("x_version_inferred"):  # the files do not name their version: say so in `lang`
        version = t("security.version_inferred", lang, version=version)
    return t("security.source_ucdp", lang, version=version, citations=citations)


def milestone_names(marks: pd.DataFrame, lang: str) -> dict[str, str]:
    """Each milestone's 'YYYY-MM-DD · short name' (its title when it has no short name), by event id."""
    names = marks[column("short", lang)].where(
        marks[column("short", lang)] != "", marks[column("title", lang)]
    )
    return {
        i: f"{format_date(day, 'day', lang)} · {name}"
        for i, day, name in zip(marks["event_id"], marks["date"], names, strict=True)
    }


OVERVIEW_TABLES = ("states", "events", "cooperation", "sources")


def overview_view(tables: dict, lang: str, first: date, last: date) -> dict:
    """What the overview shows in `lang`: its headline figures (model.overview_figures from `first`
    to `last`), the events of `last` as texts (date in words, title, summary, sources as markdown)
    and the AES states' rows (state_rows, ready to send: display.arrow_table)."""
    states, events, sources = tables["states"], tables["events"], tables["sources"]
    headline = [
        {
            "date": format_date(event["date"], event["date_precision"], lang),
            "title": event[column("title", lang)],
            "summary": event[column("summary", lang)],
            "sources": "\n".join(source_lines(event["source_ids"], sources, lang, event.get("evidence", ""))),
        }
        for event in model.events_on(events, last).head(1).to_dict("records")
    ]
    return {
        "figures": model.overview_figures(states, events, tables["cooperation"], sources, first, last),
        "headline": headline,
        "states": display.arrow_table(state_rows(model.aes_states(states), lang)),
    }


METHODOLOGY_TABLES = ("phases", "events", "corrections", "states", "topics", "forces", "labels")


def methodology_view(tables: dict, lang: str, last: date) -> dict:
    """What the methodology shows in `lang`: each phase (model.phase_periods up to `last`) as a
    markdown heading with its span in words and its reasoning; the corrections as their CSV keeps
    them and as a reader sees them (display.shown, ids hidden; ready to send: display.arrow_table)."""
    phases = [
        {
            "heading": f"**{escape_markdown(phase[column('label', lang)])}** · "
            f"{format_date(phase['start'], 'day', lang)} – {format_date(phase['end'], 'day', lang)}",
            "reasoning": phase[column("reasoning", lang)],
        }
        for phase in model.phase_periods(tables["phases"], tables["events"], last).to_dict("records")
    ]
    corrections = tables["corrections"][["date", "table", "row_ids", column("change", lang)]]
    shown = display.shown(reader_table(corrections, None, lang), lang, tables["labels"][lang])
    return {"phases": phases, "corrections": corrections, "corrections_shown": display.arrow_table(shown)}


DATA_TABLES = ("package", "sources", "events", "states", "topics", "forces", "labels")  # and the table shown


def data_view(tables: dict, name: str, lang: str) -> dict:
    """What the data page shows of table `name` in `lang`: the table itself (its CSV, and what a
    search looks through); the table whole as a reader sees it (formatting.reader_table, then
    display.shown, its columns typed); its columns described (model.field_rows under headers in
    `lang`); and the sources by type: a sentence on the largest type, the counts as their CSV keeps
    them and as a reader sees them. The tables drawn are ready to send (display.arrow_table)."""
    labels = tables["labels"][lang]
    resource = next(r for r in tables["package"]["resources"] if r["name"] == name)
    named = reader_table(tables[name], tables["sources"], lang, tables["events"])
    shown = display.shown(named, lang, labels, name).reset_index(drop=True).infer_objects()
    headers = [t(f"data.{part}", lang) for part in ("column", "heading", "type", "description")]
    counts = model.source_type_counts(tables["sources"])
    kinds = [t(f"source_type.{k}", lang) for k in counts.index]
    by_type = pd.DataFrame({"source_type": counts.index, "sources": counts.to_numpy()})
    return {
        "table": tables[name],
        "shown": display.arrow_table(shown),
        "fields": display.arrow_table(
            pd.DataFrame(model.field_rows(resource, lang, labels), columns=headers)
        ),
        "by_type_summary": t(
            "data.by_type_summary", lang, n=int(counts.iloc[0]), total=int(counts.sum()), kind=kinds[0]
        ),
        "by_type": by_type,
        "by_type_shown": display.arrow_table(display.shown(reader_table(by_type, None, lang), lang, labels)),
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
