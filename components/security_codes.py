"""Decisions for the Security page: kinds of violence, sides, windows, milestones, countries, colours."""

from datetime import date

from components.config import PALETTE

# UCDP's type_of_violence and ACLED's event_type, each to a kind code (labels in i18n: kind.<code>).
UCDP_KINDS = {1: "state_based", 2: "non_state", 3: "one_sided"}
ACLED_KINDS = {
    "Battles": "battles",
    "Explosions/Remote violence": "explosions",
    "Violence against civilians": "against_civilians",
    "Riots": "riots",
    "Protests": "protests",
    "Strategic developments": "strategic",
}
KIND_COLOURS = {
    "state_based": PALETTE["blue"],
    "non_state": PALETTE["orange"],
    "one_sided": PALETTE["vermillion"],
    "battles": PALETTE["blue"],
    "explosions": PALETTE["purple"],
    "against_civilians": PALETTE["vermillion"],
    "riots": PALETTE["orange"],
    "protests": PALETTE["yellow"],
    "strategic": PALETTE["grey"],
}

# Sides, in display order (labels in i18n: side.<code>). An event is counted under each of its two
# sides; civilians, the targets of one-sided violence, are not a side.
SIDES = ("government", "jnim", "is_sahel", "militia", "other")
SIDE_COLOURS = {
    "government": PALETTE["blue"],
    "jnim": PALETTE["green"],
    "is_sahel": PALETTE["charcoal"],
    "militia": PALETTE["orange"],
    "other": PALETTE["grey"],
}
CIVILIANS = "Civilians"
# UCDP names sides exactly; anything named "Government of …" is government. Wagner and Africa Corps are
# never a side in GED: UCDP counts them within "Government of Mali".
UCDP_SIDES = {
    "JNIM": "jnim",
    "IS": "is_sahel",
    "Dozos (Mali)": "militia",
    "Dan na Ambassagou": "militia",
    "Koglweogo": "militia",
    "Dogon": "militia",
    "Daoussak (Tuareg)": "militia",
    "GATIA": "militia",
    "GATIA, MSA": "militia",
    "MSA": "militia",
    "Fulani": "militia",
}
# ACLED names actors in free text: these substrings (lower case) decide before the actor type does.
# Wagner and Africa Corps go with the government, as UCDP counts them.
ACLED_ACTOR_PATTERNS = (
    ("jnim", "jnim"),
    ("group for support of islam and muslims", "jnim"),
    ("islamic state (sahel)", "is_sahel"),
    ("islamic state sahel", "is_sahel"),
    ("islamic state (greater sahara)", "is_sahel"),
    ("wagner", "government"),
    ("africa corps", "government"),
)
# ACLED actor types: current exports write them as text, pre-2023 exports as numbers 1–8.
ACLED_ACTOR_TYPES = {
    "state forces": "government",
    "1": "government",
    "political militia": "militia",
    "3": "militia",
    "identity militia": "militia",
    "4": "militia",
    "civilians": "",
    "7": "",
}

# Before/after windows, in whole calendar months either side of a milestone's month.
WINDOWS = (6, 12)
# Days before the map's day whose events the map layer shows.
MAP_WINDOWS = (30, 90, 365)

# The chronology's milestones drawn on the Security page, by event id in data/events.csv.
MILESTONES = (
    "c-2020-08-18-mali-coup",
    "c-2021-05-24-mali-second-coup",
    "r-2021-12-23-western-states-condemn-wagner-mali",
    "c-2022-01-24-burkina-coup",
    "w-2022-08-15-last-french-troops-leave-mali",
    "c-2022-09-30-burkina-second-coup",
    "w-2022-11-09-macron-ends-barkhane",
    "w-2023-06-30-unsc-ends-minusma",
    "c-2023-07-26-niger-coup",
    "a-2023-09-16-liptako-gourma-charter",
    "w-2023-12-11-minusma-ends-mission",
    "r-2024-01-24-russian-troops-arrive-burkina",
    "r-2024-05-02-russian-troops-airbase-101",
    "a-2024-07-06-confederation-treaty-niamey",
    "r-2024-12-africa-corps-begins-replacing-wagner-mali",
    "r-2025-04-03-aes-russia-moscow-consultations",
)
MILESTONE_COLOUR = PALETTE["grey"]
BAND_ALPHA = 0.25

# Country names as UCDP and ACLED write them → ISO 3166 alpha-3: West Africa, the Sahel and neighbours.
COUNTRIES = {
    "Mali": "MLI",
    "Burkina Faso": "BFA",
    "Niger": "NER",
    "Benin": "BEN",
    "Togo": "TGO",
    "Ivory Coast": "CIV",
    "Cote d'Ivoire": "CIV",
    "Côte d'Ivoire": "CIV",
    "Senegal": "SEN",
    "Ghana": "GHA",
    "Guinea": "GIN",
    "Guinea-Bissau": "GNB",
    "Gambia": "GMB",
    "Sierra Leone": "SLE",
    "Liberia": "LBR",
    "Mauritania": "MRT",
    "Nigeria": "NGA",
    "Chad": "TCD",
    "Cameroon": "CMR",
    "Algeria": "DZA",
    "Libya": "LBY",
    "Morocco": "MAR",
    "Western Sahara": "ESH",
    "Sudan": "SDN",
    "Central African Republic": "CAF",
}
# States the page shows first, in this order; the others follow by deaths.
FOCUS_STATES = ("MLI", "BFA", "NER")

# Bounds of a plausible event date in a reader's file (UCDP starts in 1989); the upper bound is today.
FIRST_EVENT_DAY = date(1989, 1, 1)
MAX_UPLOAD_ROWS = 1_000_000
# A zip member may not inflate past this (a zip bomb); also the cap on a plain CSV's size.
MAX_UNCOMPRESSED_BYTES = 1024**3
# Line colours of the states on the monthly chart: the three AES states first, in the palette.
STATE_COLOURS = {
    "MLI": PALETTE["vermillion"],
    "BFA": PALETTE["blue"],
    "NER": PALETTE["green"],
    "BEN": PALETTE["orange"],
    "TGO": PALETTE["purple"],
    "CIV": PALETTE["sky"],
    "SEN": PALETTE["yellow"],
}
