"""Text helpers shared by pages and builders: safe markdown, dates at their precision, numbers."""

import functools
import re
from datetime import date, timedelta

import pandas as pd

from components.i18n import column, t

MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
MONTHS_EN = "January February March April May June July August September October November December"

# Everything markdown could read as formatting, a link or an HTML tag.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def escape_markdown(text: str) -> str:
    """`text` with every markdown and HTML special character escaped, so it shows as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def small_text(text: str) -> str:
    """`text` escaped as small markdown text, on one line: a blank line inside it would end the
    paragraph before the closing bracket and show the markup."""
    return f":small[{escape_markdown(' '.join(str(text).split()))}]"


def safe_url(url: str) -> str:
    """An http(s) URL safe inside markdown link parentheses; anything else becomes empty."""
    if not re.fullmatch(r"https?://\S+", str(url)):
        return ""
    return str(url).replace("(", "%28").replace(")", "%29")


def format_date(day: pd.Timestamp, precision: str, lang: str) -> str:
    """A date written only as precisely as it is known: '3 April 2025', 'April 2025', '2025'."""
    if pd.isna(day):
        return ""
    months = (MONTHS_FR if lang == "fr" else MONTHS_EN).split()
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{months[day.month - 1]} {day.year}"
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {months[day.month - 1]} {day.year}"


@functools.cache
def days_written(first: date, last: date, lang: str) -> dict[date, str]:
    """Every day from `first` to `last` → the day written out in `lang`, for a day slider's labels.
    Kept per process: the sliders label some 1,700 days on every run, and a period's days never
    change."""
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return {day: format_date(pd.Timestamp(day), "day", lang) for day in days}


def since_words(day: pd.Timestamp, precision: str, lang: str) -> str:
    """'since …' at the date's precision; French takes 'le' before a day only: 'depuis le 3 avril
    2025', 'depuis décembre 2021', 'depuis 2015'."""
    written = format_date(day, precision, lang)
    return t("map.since", lang, day=f"le {written}" if lang == "fr" and precision == "day" else written)


# plotly.js's locale for French, handed to each chart through its config (no locale file fetched):
# the axis then reads 'janv. 2021', numbers '1 234,5'.
PLOTLY_FR = {
    "format": {
        "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
        "months": MONTHS_FR.split(),
        "shortMonths": [
            "janv.",
            "févr.",
            "mars",
            "avr.",
            "mai",
            "juin",
            "juil.",
            "août",
            "sept.",
            "oct.",
            "nov.",
            "déc.",
        ],
        "periods": ["AM", "PM"],
        "dateTime": "%A %-d %B %Y, %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "decimal": ",",
        "thousands": "\u202f",
        "grouping": [3],
        "currency": ["", "\u00a0€"],
        "year": "%Y",
        "month": "%b %Y",
        "dayMonth": "%-d %b",
        "dayMonthYear": "%-d %b %Y",
    },
    "dictionary": {
        "Download plot as a png": "Télécharger le graphique en PNG",
        "Download plot": "Télécharger le graphique",
        "Zoom": "Zoom",
        "Pan": "Déplacer",
        "Box Select": "Sélection rectangulaire",
        "Lasso Select": "Sélection au lasso",
        "Zoom in": "Zoom avant",
        "Zoom out": "Zoom arrière",
        "Autoscale": "Échelle automatique",
        "Reset axes": "Réinitialiser les axes",
        "Reset view": "Réinitialiser la vue",
        "Toggle Spike Lines": "Afficher ou masquer les lignes de repère",
        "Show closest data on hover": "Afficher la donnée la plus proche au survol",
        "Compare data on hover": "Comparer les données au survol",
        "Double-click to zoom back out": "Double-cliquez pour revenir au zoom initial",
        "Click to enter Colorscale title": "Cliquez pour saisir le titre de l'échelle de couleurs",
        "Click to enter Plot title": "Cliquez pour saisir le titre du graphique",
        "Click to enter X axis title": "Cliquez pour saisir le titre de l'axe des x",
        "Click to enter Y axis title": "Cliquez pour saisir le titre de l'axe des y",
    },
}


def chart_locale(lang: str) -> dict:
    """The part of a plotly chart's config that sets its language: month names, numbers, toolbar."""
    return {"locale": "fr", "locales": {"fr": PLOTLY_FR}} if lang == "fr" else {"locale": "en-US"}


def format_quarter(quarter, lang: str) -> str:
    """A quarter ('2024Q1' or a pandas Period) as each language writes it: 'Q1 2024', 'T1 2024'."""
    # A quarter already is one as it comes: making it again costs more than writing it.
    is_quarter = isinstance(quarter, pd.Period) and quarter.freqstr == "Q-DEC"
    period = quarter if is_quarter else pd.Period(quarter, freq="Q")
    return f"{'T' if lang == 'fr' else 'Q'}{period.quarter} {period.year}"


def format_percent(share: float, lang: str) -> str:
    """A share as a whole percentage: '42%', and in French '42 %' (narrow no-break space)."""
    return f"{round(share * 100)}\u202f%" if lang == "fr" else f"{round(share * 100)}%"


def format_number(value: float, lang: str) -> str:
    """A whole number with thousands separated as each language writes it."""
    text = f"{round(value):,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def period_words(start, end, lang: str) -> dict[str, str]:
    """{'start': …, 'end': …}: the two days of a period written out, for a sentence's placeholders."""
    return {
        "start": format_date(pd.Timestamp(start), "day", lang),
        "end": format_date(pd.Timestamp(end), "day", lang),
    }


def text_parts(markdown: str) -> list[str]:
    """The parts of a Markdown text between its comment lines ('<!-- … -->'), comments dropped:
    a page inserts its own elements where a comment stood."""
    parts = re.split(r"^<!--.*-->[ \t]*$", markdown, flags=re.MULTILINE)
    return [part.strip() for part in parts if part.strip()]


def death_toll(low, high) -> str:
    """'86–200' or '44' from the lowest and highest toll the sources give; '' when none is given."""
    if pd.isna(low) and pd.isna(high):
        return ""
    low, high = (high if pd.isna(low) else low), (low if pd.isna(high) else high)
    return str(int(low)) if low == high else f"{int(low)}–{int(high)}"


def source_bullets(sources: pd.DataFrame, lang: str) -> dict[str, str]:
    """source_id → the source as one escaped markdown bullet: publisher, linked title, date, whose
    voice it is; sources without a URL are left out."""
    listed = sources.dropna(subset=["url"])
    bullets = {}
    for row in listed.to_dict("records"):
        title, url = escape_markdown(row["title"]), safe_url(row["url"])
        link = f"[{title}]({url})" if url else title
        published = format_date(row["published"], row["published_precision"], lang)
        kind = t(f"source_type.{row['source_type']}", lang)
        bullets[row["source_id"]] = f"- {escape_markdown(row['publisher'])}: {link}, {published} · *{kind}*"
    return bullets


def cited_lines(source_ids, bullets: dict[str, str], lang: str, evidence: str = "") -> list[str]:
    """The bullets (source_bullets) of `source_ids`, in their order, unknown ids left out; first, with
    a row's `evidence` code, how strong the evidence is."""
    lines = [f"*{t('evidence.line', lang, label=t(f'evidence.{evidence}', lang))}*"] if evidence else []
    return lines + [bullets[key] for key in source_ids if key in bullets]


def source_lines(source_ids, sources: pd.DataFrame, lang: str, evidence: str = "") -> list[str]:
    """cited_lines of one row's `source_ids`, looked up in the sources table."""
    cited = sources[sources["source_id"].isin(list(source_ids))]
    return cited_lines(source_ids, source_bullets(cited, lang), lang, evidence)


def spreadsheet_safe(value):
    """A text cell that a spreadsheet would run as a formula (= + - @, tab, carriage return first) with
    a leading apostrophe; other values unchanged."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# The shape of every internal id (sources, events, cooperation items): a letter, then at least two
# hyphenated lower-case parts ('m-flashtchad-2025-04-03-sommet-moscou'); tests/test_browser.py checks
# that it matches every real id and that no page shows one.
ID_PATTERN = re.compile(r"\b[a-z](?:-[a-z0-9]+){2,}\b")


def note_markdown(row, lang: str, sources: pd.DataFrame, events: pd.DataFrame | None = None) -> str:
    """The row's note in `lang` as escaped markdown, with the sources and events it cites by id
    named instead; empty when it has none."""
    note = row[column("note", lang)]
    return escape_markdown(name_references(note, sources, lang, events)) if note else ""


def sources_markdown(row, sources: pd.DataFrame, lang: str) -> str:
    """A row's evidence, then its bulleted sources (source_lines), as one markdown text."""
    return "\n".join(source_lines(row["source_ids"], sources, lang, row.get("evidence", "")))


def name_references(text: str, sources: pd.DataFrame, lang: str, events: pd.DataFrame | None = None) -> str:
    """`text` (a note) with every source id it cites replaced by the source's publisher, title and
    date, and every event id by the event's title and date; other text unchanged."""
    return reference_namer(sources, lang, events)(text)


def reference_namer(sources: pd.DataFrame, lang: str, events: pd.DataFrame | None = None):
    """name_references as a function of the text alone: the tables are indexed once, so that a
    table's notes are named row by row without indexing `sources` and `events` again."""
    by_source = sources.set_index("source_id")
    by_event = pd.DataFrame() if events is None else events.set_index("event_id")

    def name(match: re.Match) -> str:
        key = match.group(0)
        if key in by_source.index:
            source = by_source.loc[key]
            return "" if pd.isna(source["publisher"]) else source_label(source, lang)
        if key in by_event.index:
            event = by_event.loc[key]
            return f"{event[column('title', lang)]} ({format_date(event['date'], event['date_precision'], lang)})"
        return key

    return lambda text: ID_PATTERN.sub(name, text)


def source_label(source, lang: str) -> str:
    """One source (a row of the sources table) as a reader names it: 'publisher: title (date)'."""
    return f"{source['publisher']}: {source['title']} ({format_date(source['published'], source['published_precision'], lang)})"


def source_labels(sources: pd.DataFrame, lang: str) -> dict[str, str]:
    """source_id → the source as a reader names it (source_label); sources without a publisher
    are left out."""
    named = sources.dropna(subset=["publisher"])
    return dict(
        zip(named["source_id"], (source_label(row, lang) for row in named.to_dict("records")), strict=True)
    )


def source_texts(sources: pd.DataFrame, lang: str) -> dict[str, dict[str, str]]:
    """How `lang` names each source, by source_id, made once for a whole table: 'labels'
    (source_labels), 'bullets' (source_bullets) and 'references', what a note citing it says
    instead of its id (named_references: its label, nothing without a publisher)."""
    labels = source_labels(sources, lang)
    return {
        "labels": labels,
        "bullets": source_bullets(sources, lang),
        "references": dict.fromkeys(sources["source_id"], "") | labels,
    }


def named_references(text: str, references: dict[str, str]) -> str:
    """`text` with every id among `references` (source_texts) replaced by what it says instead."""
    return ID_PATTERN.sub(lambda match: references.get(match.group(0), match.group(0)), text)


def joined_names(source_ids, names: dict[str, str]) -> str:
    """The named sources among `source_ids`, in their order, '; '-separated (names: source_labels)."""
    return "; ".join(names[key] for key in source_ids if key in names)


def source_names(source_ids, sources: pd.DataFrame, lang: str) -> str:
    """The sources as a reader names them, '; '-separated: 'publisher: title (date)', never their ids."""
    return joined_names(source_ids, source_labels(sources, lang))


def permalink(canonical: str, local_url: str, path: str, query: str) -> str:
    """The address of a view: on the canonical address when one is configured, else on the local one."""
    base = f"{canonical.rstrip('/')}/{path}" if canonical else local_url
    return base + (f"?{query}" if query else "")


def citation(site: dict, info: dict, view: str, url: str, accessed, lang: str) -> str:
    """A ready citation of a view in `lang`: publisher, title, data version, view, access date and
    the view's address, or 'local copy' when the dashboard has no canonical address."""
    return t(
        "cite.reference",
        lang,
        publisher=site["publisher"],
        version=info["version"],
        updated=format_date(pd.Timestamp(info["last_updated"]), "day", lang),
        view=view,
        accessed=format_date(pd.Timestamp(accessed), "day", lang),
        url=url if site["canonical"] else t("cite.no_address", lang),
    )


# Columns of internal ids: kept in CSV downloads, never shown in a table (a reader reads titles).
ID_COLUMNS = (
    "event_id",
    "coop_id",
    "source_id",
    "row_ids",
    "presence_id",
    "leader_id",
    "sanction_id",
    "phase_id",
)


def reader_table(
    frame: pd.DataFrame, sources: pd.DataFrame | None, lang: str, events: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The frame as a reader sees it: id columns dropped, and `source_ids` written out as the
    sources' names and the ids in notes replaced by them (`source_ids` dropped when `sources` is
    not given); with `events`, the events a row refers to (`…_event_id`, and in its notes) named
    by their title and date too."""
    # Dropped only when there: dropping nothing still copies the frame.
    ids = [c for c in ID_COLUMNS if c in frame.columns]
    shown = frame.drop(columns=ids) if ids else frame
    if sources is None:
        return shown.drop(columns="source_ids") if "source_ids" in shown.columns else shown
    named = [c for c in shown.columns if str(c).startswith("note")]
    named += [c for c in shown.columns if events is not None and str(c).endswith("_event_id")]
    if named:
        namer = reference_namer(sources, lang, events)
        shown = shown.assign(
            **{c: shown[c].map(lambda text: namer(text) if isinstance(text, str) else text) for c in named}
        )
    if "source_ids" not in shown.columns:
        return shown
    # The column keeps its name: its header comes from the registry (display.header).
    names = source_labels(sources, lang)
    return shown.assign(source_ids=shown["source_ids"].map(lambda ids: joined_names(ids, names)))
