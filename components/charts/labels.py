"""Where the timeline's labels go, in pixels of the narrowest plot it is drawn in.

A layout that fits DESIGN_WIDTH fits every wider plot: anchors spread apart in proportion while text
keeps its size, so gaps only grow. Text widths are estimated from Helvetica's metrics; the chart is
drawn in the reader's system font (Roboto, San Francisco, Segoe UI: about as wide), and the browser
test measures the drawn labels in DejaVu Sans, Linux's default, about 10 % wider. Pure; no plotly.
"""

import unicodedata

DESIGN_WIDTH = 300  # px: the plot on a 360 px phone, the narrowest screen the layout is made for
GAP = 6  # px kept free between two labels, or a label and a bar's edge
# Helvetica's advance widths in thousandths of an em, for the characters the data uses.
_WIDTHS = dict.fromkeys(" !,./:;Iijl'·’", 250) | dict.fromkeys('ftr()-[]"', 333)
_WIDTHS |= dict.fromkeys("abdeghnopqu0123456789–«»", 556) | dict.fromkeys("cksvxyzJ", 500)
_WIDTHS |= dict.fromkeys("ABEKPSVXY", 667) | dict.fromkeys("CDHNRUw", 722) | dict.fromkeys("FTZL", 611)
_WIDTHS |= dict.fromkeys("GOQ", 778) | dict.fromkeys("mM", 833) | {"W": 944, "&": 667}
_OTHER = 600  # anything else, e.g. a letter of another script
SAFETY = 1.05


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in px of `text` at font `size`: its longest line ('<br>' breaks lines);
    accents count as their letter."""

    def units(line: str) -> int:
        letters = unicodedata.normalize("NFD", line)
        return sum(_WIDTHS.get(c, 0 if unicodedata.combining(c) else _OTHER) for c in letters)

    longest = max(units(line) for line in text.split("<br>"))
    return longest / 1000 * size * SAFETY * (1.1 if bold else 1.0)


def free(taken: list[tuple[float, float]], span: tuple[float, float]) -> bool:
    """Whether `span` lies within the plot and GAP away from every span in `taken`."""
    left, right = span
    if left < 0 or right > DESIGN_WIDTH:
        return False
    return all(right + GAP <= a or b + GAP <= left for a, b in taken)


def first_fit(
    rows: list[list[tuple[float, float]]], candidates: list[tuple[float, float]], max_rows: int, anchor=None
) -> tuple[int, int] | None:
    """The first row below `max_rows`, and in it the first of the `candidates` spans, that is free;
    that span is then taken in `rows` (rows are added as needed). With `anchor` (a px position),
    a row above the first also needs the anchor free in every row under it: the connector from the
    anchor to the label is taken there too. None when nothing fits."""
    for row in range(max_rows):
        while len(rows) <= row:
            rows.append([])
        stem = None if anchor is None else (anchor - 1, anchor + 1)
        if stem is not None and not all(free(rows[below], stem) for below in range(row)):
            continue
        for index, span in enumerate(candidates):
            if free(rows[row], span):
                rows[row].append(span)
                if stem is not None:
                    for below in range(row):
                        rows[below].append(stem)
                return row, index
    return None


def wrap_in_two(text: str) -> str:
    """`text` on two lines of nearly equal length, broken at the space nearest its middle."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(len(text) - 2 * i))
    return f"{text[:cut]}<br>{text[cut + 1 :]}"
