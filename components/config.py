"""Decisions, not data: period bounds, colours and defaults shared by every page."""

from datetime import date

FIRST_COUP = date(2020, 8, 18)
MOSCOW_CONSULTATIONS = date(2025, 4, 3)
PERIOD_END = date(2025, 4, 4)
MOSCOW = {"lat": 55.756, "lon": 37.617}
AES_STATES = ("MLI", "BFA", "NER")
LANGUAGES = ("en", "fr")

# Page file name (components/pages/<name>.py, also its URL path) and icon, in menu order.
PAGES = (
    ("overview", ":material/dashboard:"),
    ("data", ":material/table:"),
)

# Okabe–Ito: readable with the common colour-vision deficiencies; defined once for charts and map.
PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

CATEGORY_COLOURS = {
    "coup": PALETTE["vermillion"],
    "transition": PALETTE["purple"],
    "sanctions": PALETTE["orange"],
    "alliance": PALETTE["green"],
    "withdrawal": PALETTE["sky"],
    "russia": PALETTE["blue"],
    "security": PALETTE["black"],
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

SOURCE_TYPES = (
    "aes_government",
    "regional_body",
    "russian_state_media",
    "western_government",
    "international_press",
    "regional_press",
    "research",
)
