"""Streamlit's Material Symbols icon font (375 KB) cut down to the icons this app can show (about
50 KB), for the delivery middleware to serve at the font's own URL.

Material Symbols draws an icon as a required ligature ('rlig') of its name's letters: the frontend
writes `expand_more` in the icon font and the font turns the letters into one glyph. The subset
keeps the letters and, of the ligatures, exactly those of the names kept. The names kept are every
`:material/name:` in Streamlit's frontend scripts, in Streamlit's Python package and in this app's
code, every quoted string in the frontend scripts that is an icon's name (the data grid draws
`more_vert` by name on its canvas) and every private-use character there that the font maps (the
grid's link column writes `open_in_new` as its code point): more than the frontend shows, never less.
"""

import io
import re

from fontTools import subset
from fontTools.ttLib import TTFont

FONT_NAME = re.compile(r"MaterialSymbols-Rounded\.[\w-]+\.woff2")
ICON_REFERENCE = re.compile(r":material/(\w+):")
QUOTED_WORD = re.compile(r"[`'\"]([a-z0-9_]+)[`'\"]")
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
NAME_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def ligatures(font: TTFont) -> dict[str, str]:
    """Icon name -> glyph, from the font's ligature rules."""
    letters = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    names = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = table.ExtSubTable if lookup.LookupType == 7 else table
            for first, rules in table.ligatures.items():
                for rule in rules:
                    names["".join(letters[glyph] for glyph in (first, *rule.Component))] = rule.LigGlyph
    return names


def shown_icons(known: set[str], scripts: str, python: str) -> tuple[set[str], set[int]]:
    """The icon names (of `known`) and the private-use code points that the frontend's `scripts` and
    the `python` of Streamlit and the app can show."""
    names = set(ICON_REFERENCE.findall(scripts + python)) | set(QUOTED_WORD.findall(scripts))
    return names & known, {ord(character) for character in set(PRIVATE_USE.findall(scripts))}


def icon_font_subset(font_file: bytes, scripts: str, python: str) -> bytes:
    """The woff2 subset of the icon font `font_file` with the icons `shown_icons` finds."""
    font = TTFont(io.BytesIO(font_file))
    names = ligatures(font)
    kept, code_points = shown_icons(set(names), scripts, python)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_closure = False  # the letters alone would otherwise bring back every icon
    options.layout_features = ["rlig"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    letters = {ord(letter) for letter in NAME_LETTERS}
    subsetter.populate(glyphs=sorted(names[name] for name in kept), unicodes=letters | code_points)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
