"""The map's day means the day: the country panel shows only what was true or known on it, dates
are written at their precision, markers and labels stay visible, and the day can be typed."""

from datetime import date

import pandas as pd
import pytest
from test_model import memberships_frame
from test_pages import run_page

from components import model
from components.data import load_tables

T = pd.Timestamp


def test_membership_history_on_a_past_day_has_no_later_period_and_no_later_end():
    history = model.membership_history(memberships_frame(), "MLI", date(2024, 6, 1))
    # The withdrawal of 29 January 2025 and the AES period are the only ones of 2023 onward.
    assert list(history["status"]) == ["member", "member", "suspended", "withdrawing"]
    running = history[history["status"] == "withdrawing"].iloc[0]
    assert pd.isna(running["end"]) and running["end_precision"] == ""
    assert history.loc[history["status"] == "suspended", "end"].iloc[0] == T("2024-01-28")
    assert (history["start"] <= T("2024-06-01")).all()


def test_before_a_period_starts_it_is_not_listed():
    history = model.membership_history(memberships_frame(), "MLI", date(2023, 1, 1))
    assert "AES" not in set(history["org_id"])


def panel_texts(at) -> str:
    """Everything the country panel writes as text, captions, headings and table cells."""
    panel = next(c for c in at.columns if c.selectbox and c.selectbox[0].key == "map.country")
    parts = [e.value for e in (*panel.text, *panel.caption, *panel.markdown, *panel.subheader)]
    parts += [e.label for e in panel.expander]
    for frame in panel.dataframe:
        parts += frame.value.astype(str).to_numpy().ravel().tolist()
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_panel_of_niger_in_2024_knows_nothing_of_2025(lang):
    at = run_page("map", lang=lang, **{"map.date": "2024-06-01", "map.country": "NER"})
    assert not at.exception
    panel = panel_texts(at)
    leader = next(e.value for e in at.text if e.value.startswith("Abdourahamane Tiani"))
    assert "CNSP" in leader and "2025" not in leader
    assert "2025" not in panel  # no later title, no membership period or end, no later event


def test_the_panel_on_the_day_of_the_consultations_shows_the_sworn_president():
    at = run_page("map", **{"map.date": "2025-04-03", "map.country": "NER"})
    leader = next(e.value for e in at.text if e.value.startswith("Abdourahamane Tiani"))
    assert leader == "Abdourahamane Tiani, President (since 26 March 2025)"


def test_no_leader_title_tells_of_a_later_office():
    # A later title is a row of its own (as Goïta's two offices are), so a past day shows the title
    # held on that day.
    leaders = load_tables("leaders")["leaders"]
    for row in leaders.itertuples():
        later = [str(y) for y in range(row.start.year + 1, 2031)]
        for title in (row.title_en, row.title_fr):
            assert not any(y in title for y in later), title
            assert " then " not in title and " puis " not in title, title
