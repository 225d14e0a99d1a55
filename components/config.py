"""Decisions, not data: period bounds, colours and defaults shared by every page."""

from datetime import date

FIRST_COUP = date(2020, 8, 18)
MOSCOW_CONSULTATIONS = date(2025, 4, 3)
PERIOD_END = date(2025, 4, 4)  # the story the pages open on: from the first coup to Moscow
DATA_END = date(
    2026, 1, 29
)  # the last day in the data, as far as the period controls reach (a test checks it)
UPLOAD_LIMIT_MB = 1024  # a reader's own conflict export, kept in memory only
MOSCOW = {"lat": 55.756, "lon": 37.617}
AES_STATES = ("MLI", "BFA", "NER")
LANGUAGES = ("en", "fr")

# Page file name (components/pages/<name>.py, also its URL path) and icon, in menu order.
PAGES = (
    ("overview", ":material/dashboard:"),
    ("map", ":material/map:"),
    ("timeline", ":material/timeline:"),
    ("topics", ":material/category:"),
    ("security", ":material/shield:"),
    ("data", ":material/table:"),
    ("methodology", ":material/menu_book:"),
)

# Okabe–Ito hues, readable with the common colour-vision deficiencies; defined once for charts and
# map. Each is a mid tone (relative luminance 0.12–0.29), so a marker, line or swatch is 3:1 or
# more against both themes' backgrounds, white and #0E1117 (WCAG 1.4.11): the light Okabe–Ito
# orange, sky blue and yellow are darkened, and black (1.1:1 on the dark theme) is a charcoal.
PALETTE = {
    "charcoal": "#646464",
    "orange": "#C08500",
    "sky": "#1D98DE",
    "green": "#009E73",
    "yellow": "#9C920C",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CA75A4",
    "grey": "#909090",
}

CATEGORY_COLOURS = {
    "coup": PALETTE["vermillion"],
    "transition": PALETTE["purple"],
    "sanctions": PALETTE["orange"],
    "alliance": PALETTE["green"],
    "withdrawal": PALETTE["sky"],
    "russia": PALETTE["blue"],
    "security": PALETTE["charcoal"],
    "economic": PALETTE["yellow"],
    "diplomacy": PALETTE["grey"],
}

TOPIC_COLOURS = {
    "military": PALETTE["vermillion"],
    "political": PALETTE["blue"],
    "economic": PALETTE["green"],
    "ecowas_tensions": PALETTE["orange"],
    "russian_support": PALETTE["purple"],
}

# Map fill by ECOWAS status ('other': never a member): light tints, so that force markers in full colour stand out on them.
STATUS_FILL = {
    "member": "#A9CCE8",
    "suspended": "#F5D48A",
    "withdrawing": "#E8B9D3",
    "withdrawn": "#F0A987",
    "other": "#E4E4E4",
}
AES_OUTLINE = "#000000"  # drawn on the light fills only, where black is clearest
FORCE_COLOURS = {
    "FRENCH_FORCES": PALETTE["blue"],
    "TAKUBA": PALETTE["sky"],
    "MINUSMA": PALETTE["green"],
    "EU_MISSION": PALETTE["grey"],
    "US_FORCES": PALETTE["yellow"],
    "WAGNER": PALETTE["charcoal"],
    "AFRICA_CORPS": PALETTE["purple"],
}
# The fills are light tints and some forces' colours are light too (US yellow on a suspended
# state's sand, EU grey on grey): a dark ring keeps every marker 3:1 or more against any fill.
MARKER_OUTLINE = "#222222"
# ECOWAS sanctions in force: a badge in the sanctions' colour where no capital label or base sits.
SANCTIONS_COLOUR = PALETTE["vermillion"]
SANCTION_BADGES = {"MLI": (21.5, -4.5), "BFA": (14.2, -0.2), "NER": (19.0, 11.0)}  # lat, lon
ARC_COLOUR = PALETTE["vermillion"]
MAP_LAYERS = ("status", "presence", "arcs", "capitals", "conflict")  # the map's layers, each one a toggle
MAP_DEFAULT_LAYERS = MAP_LAYERS[:4]  # conflict events only on request: their data end in 2023
MAP_WINDOWS = ("30", "90", "365")  # days of conflict events before the map's day, as URL codes
BORDERS_PATH = "map-borders.json"  # the countries' borders, served beside the pages (delivery.py)
CAPITALS_PATH = "map-capitals.json"  # the capitals' dots and names, served beside the pages too
# The big chunk of Streamlit's frontend a page's first screen waits for (its file's name up to the
# hash): the page's HTML asks for it at once (components/delivery.py), not after the first run.
FIRST_SCREEN_CHUNKS = {
    "map": "DeckGlJsonChart",
    "timeline": "PlotlyChart",
    "topics": "PlotlyChart",
    "security": "PlotlyChart",
}
MAP_VIEW = {"latitude": 14.5, "longitude": 0.5, "zoom": 3.2}


def rgb(colour: str, alpha: int = 255) -> list[int]:
    """'#RRGGBB' as the [r, g, b, a] list deck.gl wants."""
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)] + [alpha]


def tint(colour: str, alpha: float) -> str:
    """'#RRGGBB' as a CSS 'rgba(r, g, b, alpha)': a see-through fill whose outline keeps the full colour."""
    red, green, blue, _ = rgb(colour)
    return f"rgba({red}, {green}, {blue}, {alpha})"


# Timeline lanes, top to bottom: the three states, the bloc, then the outside actors.
LANES = ("MLI", "BFA", "NER", "AES", "ECOWAS", "WEST", "RUS")
WESTERN_ACTORS = frozenset(
    {"FRA", "USA", "EU", "UN", "MINUSMA", "OIF", "G5S", "FRENCH_FORCES", "US_FORCES", "EU_MISSION", "TAKUBA"}
)
RUSSIAN_FORCES = frozenset({"WAGNER", "AFRICA_CORPS"})
PRECISION_SYMBOLS = {"day": "circle", "month": "diamond-open", "year": "square-open"}

# How far a cooperation item went: grey for words, blues for signatures, green for done.
STAGE_COLOURS = {
    "announced": PALETTE["grey"],
    "signed": PALETTE["sky"],
    "ratified": PALETTE["blue"],
    "in_force": PALETTE["blue"],
    "implemented": PALETTE["green"],
    "ended": PALETTE["vermillion"],
}
# Timeline duration bars other than a force's presence (drawn in the force's colour).
BAR_COLOURS = {"suspension": PALETTE["orange"], "sanctions": PALETTE["vermillion"], "leader": PALETTE["grey"]}
TOPIC_COLUMNS = (*AES_STATES, "AES")  # the three states and the bloc
NO_TOPIC = "none"

# The code lists of data/datapackage.json (table, field: the codes and their order live there
# alone) → what the app keeps per code: its colour or symbol (None: no style) and the i18n prefix
# of its label. tests/test_codes.py checks every code has both, in both languages, and no more.
CODE_STYLES = {
    ("events", "category"): (CATEGORY_COLOURS, "category"),
    ("events", "date_precision"): (PRECISION_SYMBOLS, "common.precision"),
    ("memberships", "status"): (STATUS_FILL, "status"),
    ("cooperation", "status"): (STAGE_COLOURS, "stage"),
    ("cooperation", "area"): (None, "area"),
    ("cooperation", "instrument"): (None, "instrument"),
    ("cooperation", "iso3"): (None, "lane"),
    ("consultations", "outcome_status"): (None, "outcome"),
    ("sources", "source_type"): (None, "source_type"),
    ("organisations", "kind"): (None, "org_kind"),
    ("sources", "language"): (None, "doc_language"),
    ("events", "evidence"): (None, "evidence"),  # the other tables' evidence shares this list
    ("topics", "topic_id"): (TOPIC_COLOURS, None),  # labels are columns of the topics table
}
# Styles for codes beyond a list: 'other' fills states that were never ECOWAS members.
EXTRA_CODES = {"memberships.status": ("other",)}

# Who publishes the dashboard and where it lives: the citation names them and "Report an error"
# links to the tracker. With no canonical address the citation says the local one cannot be shared.
SITE = {
    "publisher": "Sahel Pivot project",
    "canonical": "",  # the public address, e.g. "https://sahel-pivot.example.org/"
    # The repository's issue tracker, where "Report an error" leads; until one is set, it leads to
    # the Methodology page, which says how to report one.
    "issues": "",
}
