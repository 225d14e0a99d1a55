"""Read query-string values: pure parsers that return None for anything they cannot use.

Widgets are kept in the URL by code, not label, so a link made in French opens in English too.
"""

from dataclasses import dataclass
from datetime import date

from components.config import (
    DATA_END,
    FIRST_COUP,
    LANGUAGES,
    MAP_DEFAULT_LAYERS,
    MAP_LAYERS,
    MAP_WINDOWS,
    MOSCOW_CONSULTATIONS,
    PERIOD_END,
    TOPIC_COLUMNS,
)


def parse_choice(raw: list[str], options) -> str | None:
    """The first value if it is one of `options`, else None."""
    return raw[0] if raw and raw[0] in options else None


def parse_choices(raw: list[str], options) -> list[str] | None:
    """The known values, in the order of `options`, or None when any value is unknown."""
    values = [v for item in raw for v in item.split(",") if v]
    if not values or any(v not in options for v in values):
        return None
    return [o for o in options if o in values]


def parse_day(raw: list[str], first: date, last: date) -> date | None:
    """An ISO date within [first, last], else None."""
    if not raw or len(raw[0]) != 10:
        return None
    try:
        day = date.fromisoformat(raw[0])
    except ValueError:
        return None
    return day if first <= day <= last else None


def parse_period(raw: list[str], first: date, last: date) -> tuple[date, date] | None:
    """Two ISO dates 'start,end' within [first, last] and in order, else None."""
    parts = raw[0].split(",") if raw else []
    if len(parts) != 2:
        return None
    start, end = (parse_day([p], first, last) for p in parts)
    return (start, end) if start and end and start <= end else None


def browser_language(locale: str | None, accept_language: str | None) -> str:
    """The first of our languages the browser asks for: its own language (navigator.language, e.g.
    'fr-FR'), then the Accept-Language header's by preference ('de;q=0.9, fr;q=0.8'); else the first
    language."""
    asked = []
    for part in (accept_language or "").split(","):
        tag, _, weight = part.strip().partition(";q=")
        try:
            asked.append((-float(weight or 1), len(asked), tag))
        except ValueError:
            continue
    tags = [locale or "", *(tag for *_, tag in sorted(asked))]
    return next((code for tag in tags if (code := tag.split("-")[0].lower()) in LANGUAGES), LANGUAGES[0])


def to_param(value) -> str:
    """The URL form of a widget value: lists and periods joined with commas, dates in ISO."""
    if isinstance(value, list | tuple):
        return ",".join(to_param(v) for v in value)
    return value.isoformat() if isinstance(value, date) else str(value)


@dataclass(frozen=True)
class Param:
    """A URL parameter: how its value is read, and which codes it may hold.

    kind: 'choice' (one code; the first option by default), 'choices' (codes; all by default),
    'filter' (codes; none, meaning all, by default), 'day', 'period' or 'text'.
    options: the codes, or the name of the code list a page offers ('table.field'); for a day or
    a period, the first and last day allowed.
    blank: a choice that starts with '' (nothing chosen), offered before the codes.
    """

    kind: str
    options: tuple | str = ()
    default: object = None
    blank: bool = False


PERIOD = (FIRST_COUP, DATA_END)  # what the controls reach; they open on the story to Moscow
PARAMS = {
    "lang": Param("choice", LANGUAGES),
    "map.date": Param("day", PERIOD, MOSCOW_CONSULTATIONS),
    "map.layers": Param("choices", MAP_LAYERS, list(MAP_DEFAULT_LAYERS)),
    "map.window": Param("choice", MAP_WINDOWS, "90"),
    "map.country": Param("choice", "states.iso3", blank=True),
    "timeline.period": Param("period", PERIOD, (FIRST_COUP, PERIOD_END)),
    "timeline.states": Param("filter", TOPIC_COLUMNS),
    "timeline.categories": Param("filter", "events.category"),
    "timeline.topics": Param("filter", "topics.topic_id"),
    "timeline.evidence": Param("filter", "events.evidence"),
    "timeline.event": Param("choice", "events.event_id", blank=True),  # or a duration bar's id
    "timeline.deaths": Param("filter", ("deaths",)),  # the deaths band under the state lanes; off
    "topics.measure": Param("choice", ("cooperation", "events")),
    "topics.topic": Param("choice", "topics.topic_id", blank=True),
    "topics.state": Param("choice", TOPIC_COLUMNS, blank=True),
    "topics.area": Param("choice", "cooperation.area", blank=True),
    "topics.evidence": Param("filter", "cooperation.evidence"),
    "topics.day": Param("day", PERIOD, DATA_END),  # the register as it stands in the latest data
    "data.table": Param("choice", "datapackage.resources"),
    "data.search": Param("text", (), ""),
    "security.states": Param("choices", "conflict.states"),
    "security.measure": Param("choice", ("best", "events")),
    "security.state": Param("choice", "conflict.states"),
    "security.by": Param("choice", ("kind", "side")),
    "security.milestone": Param("choice", "security.milestones"),
    "security.file": Param("choice", ("own",)),  # the view was made from the reader's own file
}
MAX_TEXT = 100  # characters a text filter keeps


def parse_param(key: str, raw: list[str], options=None):
    """The value of ?key=… if it can be used, else None. `options` are the codes the page offers
    (the registry's own when not given); for a day or a period, its first and last day."""
    param = PARAMS[key]
    options = param.options if options is None else options
    if param.kind == "choice":
        return parse_choice(raw, options)
    if param.kind in ("choices", "filter"):
        return parse_choices(raw, options)
    if param.kind == "day":
        return parse_day(raw, *options)
    if param.kind == "period":
        return parse_period(raw, *options)
    return raw[0][:MAX_TEXT] if raw else None


def default_of(key: str, options) -> object:
    """A parameter's value when the URL gives none: its declared default, else by kind."""
    param = PARAMS[key]
    if param.default is not None:
        return param.default
    return {"choice": options[0] if options else None, "choices": list(options), "filter": []}.get(param.kind)
