"""The text-only edition: one light HTML page per language from the tables, no JavaScript.

Pure: takes the descriptor and tables, returns the page as a string. Every text from data goes
through html.escape (quotes included), and a link is kept only when it is http(s).
"""

from datetime import date
from html import escape

import pandas as pd

from components.formatting import format_date, safe_url
from components.i18n import column, state_names, t
from components.model import bloc_status_on, russian_items
from components.schema import enum_codes

# Inline and small: system fonts, readable from 320 px, light or dark as the reader's system is.
STYLE = (
    "body{font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:46rem;"
    "margin:0 auto;padding:0 .75rem 2rem;color:#1a1a1a;background:#fff}"
    "h1{font-size:1.5rem;margin:.75rem 0 .25rem}h2{font-size:1.2rem;margin-top:2rem}"
    "h3{font-size:1rem;margin:1.25rem 0 .25rem}"
    "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;"
    "padding:.3rem .4rem .3rem 0;border-bottom:1px solid #ccc}"
    "ol,ul{padding-left:1.2rem}li{margin:.5rem 0}p{margin:.25rem 0}"
    ".meta{color:#555;font-size:.9rem}a{color:#0060a0;overflow-wrap:anywhere}"
    "@media(prefers-color-scheme:dark){body{color:#eee;background:#121212}.meta{color:#aaa}"
    "a{color:#6cb8f0}th,td{border-color:#444}}"
)


def _text(value) -> str:
    """A cell as escaped text; a missing value is empty."""
    return "" if pd.isna(value) else escape(str(value))


def _source_notes(sources: pd.DataFrame, lang: str) -> dict[str, str]:
    """Per source id, the escaped note: publisher, linked title, date and whose voice it is."""
    notes = {}
    for row in sources.dropna(subset=["url"]).itertuples():
        url = safe_url(row.url)
        title = f'<a href="{escape(url)}">{_text(row.title)}</a>' if url else _text(row.title)
        published = escape(format_date(row.published, row.published_precision, lang))
        kind = escape(t(f"source_type.{row.source_type}", lang))
        notes[row.source_id] = f"{_text(row.publisher)}: {title}, {published} · {kind}"
    return notes


def _sources(row: dict, notes: dict[str, str], lang: str) -> str:
    """The paragraph giving a row's evidence and listing its cited sources, empty when none is known."""
    items = [notes[source_id] for source_id in row["source_ids"] if source_id in notes]
    if not items:
        return ""
    evidence = t("evidence.line", lang, label=t(f"evidence.{row['evidence']}", lang))
    return f'<p class="meta">{escape(evidence)} {escape(t("common.sources", lang))}: {" ; ".join(items)}</p>'


def _blocs(tables: dict[str, pd.DataFrame], lang: str, today: date) -> str:
    """A table of the states that were ever in ECOWAS or the AES: ECOWAS status and AES on `today`."""
    status = bloc_status_on(tables["memberships"], tables["states"], today)
    involved = set(tables["memberships"].loc[tables["memberships"]["org_id"].isin(["ECOWAS", "AES"]), "iso3"])
    names = state_names(tables["states"], lang)
    yes, no = escape(t("lite.yes", lang)), escape(t("lite.no", lang))
    rows = [
        f"<tr><td>{escape(names[row.iso3])}</td><td>{escape(t(f'status.{row.ecowas_status}', lang))}</td>"
        f"<td>{yes if row.aes_member else no}</td></tr>"
        for row in status.itertuples()
        if row.iso3 in involved
    ]
    head = (
        f"<tr><th>{escape(t('lite.state', lang))}</th><th>{escape(t('map.legend.status', lang))}</th>"
        f"<th>{escape(t('map.aes_member', lang))}</th></tr>"
    )
    title = t("lite.blocs", lang, day=format_date(pd.Timestamp(today), "day", lang))
    return f'<h2 id="blocs">{escape(title)}</h2><table>{head}{"".join(rows)}</table>'


def _cooperation(tables: dict[str, pd.DataFrame], stages: list[str], notes: dict[str, str], lang: str) -> str:
    """The cooperation items with Russia, by area, then by status in the order of `stages`."""
    items = russian_items(tables["cooperation"])
    names = state_names(tables["states"], lang)
    order = {status: index for index, status in enumerate(stages)}
    parts = [f'<h2 id="cooperation">{escape(t("lite.cooperation", lang, n=len(items)))}</h2>']
    for area, group in items.groupby("area", sort=True):
        group = group.assign(rank=group["status"].map(order)).sort_values(["rank", "date"])
        parts.append(f"<h3>{escape(t(f'area.{area}', lang))} ({len(group)})</h3><ul>")
        for row in group.to_dict("records"):
            where = escape(names.get(row["iso3"], str(row["iso3"])))
            when = escape(format_date(row["date"], row["date_precision"], lang))
            parts.append(
                f"<li><strong>{escape(t('stage.' + row['status'], lang))}</strong>: "
                f'{_text(row[column("title", lang)])} <span class="meta">({where}, {when})</span>'
                f"{_sources(row, notes, lang)}</li>"
            )
        parts.append("</ul>")
    return "".join(parts)


def _chronology(tables: dict[str, pd.DataFrame], notes: dict[str, str], lang: str) -> str:
    """Every event, oldest first, with its date at its precision, summary and sources."""
    events = tables["events"].sort_values(["date", "event_id"])
    parts = [f'<h2 id="chronology">{escape(t("lite.chronology", lang, n=len(events)))}</h2><ol>']
    for row in events.to_dict("records"):
        when = escape(format_date(row["date"], row["date_precision"], lang))
        parts.append(
            f"<li><strong>{when}</strong>: {_text(row[column('title', lang)])}"
            f"<p>{_text(row[column('summary', lang)])}</p>"
            f"{_sources(row, notes, lang)}</li>"
        )
    parts.append("</ol>")
    return "".join(parts)


def _page(lang: str, title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>"
    )


def _header(lang: str) -> str:
    other = "en" if lang == "fr" else "fr"
    links = (
        f'<a href="./?lang={lang}">{escape(t("lite.dashboard", lang))}</a> · '
        f'<a href="./lite?lang={other}" hreflang="{other}" lang="{other}">{escape(t("lite.other_language", lang))}</a>'
    )
    return (
        f"<header><h1>{escape(t('app.title', lang))}</h1><p>{escape(t('app.tagline', lang))}</p>"
        f'<p class="meta">{escape(t("lite.intro", lang))}</p><nav><p>{links}</p>'
        f'<p><a href="#blocs">{escape(t("lite.nav_blocs", lang))}</a> · '
        f'<a href="#cooperation">{escape(t("lite.nav_cooperation", lang))}</a> · '
        f'<a href="#chronology">{escape(t("lite.nav_chronology", lang))}</a></p></nav></header>'
    )


def lite_page(package: dict, tables: dict[str, pd.DataFrame], lang: str, today: date) -> str:
    """The text-only edition in `lang`: who is in which bloc on `today`, the cooperation with
    Russia by area and status, and the chronology with its sources."""
    version = escape(
        t("app.data_version", lang, version=package.get("version"), updated=package.get("last_updated"))
    )
    notes = _source_notes(tables["sources"], lang)
    body = (
        f"{_header(lang)}<main>{_blocs(tables, lang, today)}{_cooperation(tables, enum_codes(package, 'cooperation', 'status'), notes, lang)}"
        f'{_chronology(tables, notes, lang)}</main><footer><p class="meta">{version}</p></footer>'
    )
    return _page(lang, t("lite.title", lang), body)


def lite_error(problems: list, lang: str) -> str:
    """The page shown when the data files are damaged: the problems found, escaped."""
    items = "".join(f"<li>{escape(str(problem))}</li>" for problem in problems)
    body = f"<h1>{escape(t('app.title', lang))}</h1><p>{escape(t('data.error', lang))}</p><ul>{items}</ul>"
    return _page(lang, t("lite.title", lang), body)
