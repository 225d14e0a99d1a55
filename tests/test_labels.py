"""The timeline's label layout: estimated widths and first-fit rows, in pixels of the narrowest plot."""

import pandas as pd
import pytest

from components.charts import labels, timeline


def test_text_width_grows_with_text_size_and_weight_and_ignores_accents():
    assert (
        labels.text_width("Mali", 10)
        < labels.text_width("Mali coup", 10)
        < labels.text_width("Mali coup", 12)
    )
    assert labels.text_width("Mali", 10) < labels.text_width("Mali", 10, bold=True)
    assert labels.text_width("Goïta", 10) == labels.text_width("Goita", 10)
    assert labels.text_width("From pact to<br>confederation", 10) == labels.text_width("confederation", 10)


def test_a_label_takes_the_first_row_where_one_of_its_spans_is_free():
    rows: list[list] = []
    assert labels.first_fit(rows, [(10, 60)], 3) == (0, 0)
    assert labels.first_fit(rows, [(40, 90), (70, 120)], 3) == (0, 1)  # its second span fits beside
    assert labels.first_fit(rows, [(20, 80)], 3) == (1, 0)  # over the first
    assert labels.first_fit(rows, [(20, 80)], 2) is None  # no third row allowed
    assert labels.first_fit(rows, [(280, 310)], 3) is None  # past the plot's right edge


def test_a_label_above_another_needs_room_for_its_connector():
    rows = [[(0, 100)]]
    assert labels.first_fit(rows, [(50, 90)], 3, anchor=50) is None  # its line would cross the label
    assert labels.first_fit(rows, [(60, 150)], 3, anchor=130) == (1, 0)
    assert (129, 131) in rows[0]  # the connector is kept free under it
    assert labels.first_fit(rows, [(120, 200)], 3) == (2, 0)


def test_wrap_in_two_breaks_at_the_space_nearest_the_middle():
    assert labels.wrap_in_two("From pact to confederation") == "From pact to<br>confederation"
    assert labels.wrap_in_two("Mali") == "Mali"


X_RANGE = (pd.Timestamp("2020-01-01"), pd.Timestamp("2021-01-01"))


def bars(*spans: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "lane": ["MLI"] * len(spans),
            "start": pd.to_datetime([a for a, _ in spans]),
            "end": pd.to_datetime([b for _, b in spans]),
        }
    )


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([("2020-01-01", "2020-12-31")], [("Assimi Goïta", "start")]),  # fits inside
        ([("2020-01-01", "2020-01-20")], [("Assimi Goïta", "end")]),  # after the bar, over nothing
        # A short bar right before the next: only the short name fits inside the long one.
        ([("2020-01-01", "2020-02-01"), ("2020-02-01", "2020-04-01")], [None, ("Goïta", "start")]),
    ],
)
def test_a_bar_label_goes_inside_or_after_its_bar_or_nowhere(spans, expected):
    frame = bars(*spans)
    texts = [["Assimi Goïta", "Goïta"]] * len(frame)
    assert timeline.place_bar_labels(frame, timeline.pack_rows(frame), texts, X_RANGE) == expected
