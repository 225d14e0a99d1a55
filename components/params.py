"""Read query-string values: pure parsers that return None for anything they cannot use.

Widgets are kept in the URL by code, not label, so a link made in French opens in English too.
"""

from datetime import date


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


def to_param(value) -> str:
    """The URL form of a widget value: lists and periods joined with commas, dates in ISO."""
    if isinstance(value, list | tuple):
        return ",".join(to_param(v) for v in value)
    return value.isoformat() if isinstance(value, date) else str(value)
