"""The model over the shipped tables: the answers a reader of the map must get."""

from datetime import date

import pytest

from components import maps, model
from components.data import load_shapes, load_tables


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def ecowas(tables, iso3: str, day: date) -> str:
    status = model.bloc_status_on(tables["memberships"], tables["states"], day).set_index("iso3")
    return status.at[iso3, "ecowas_status"]


@pytest.mark.parametrize("iso3", ["MLI", "BFA", "NER"])
def test_the_ecowas_exit_announced_then_effective(tables, iso3):
    assert ecowas(tables, iso3, date(2024, 1, 27)) in {"suspended", "member"}
    assert ecowas(tables, iso3, date(2024, 1, 28)) == "withdrawing"
    assert ecowas(tables, iso3, date(2025, 1, 28)) == "withdrawing"
    assert ecowas(tables, iso3, date(2025, 1, 29)) == "withdrawn"


def test_who_was_where_on_1_january_2024(tables):
    day = date(2024, 1, 1)
    status = model.bloc_status_on(tables["memberships"], tables["states"], day).set_index("iso3")
    assert status.loc[["MLI", "BFA", "NER"], "aes_member"].all()
    assert status.loc[["MLI", "BFA", "NER"], "ecowas_status"].eq("suspended").all()
    assert status.at["SEN", "ecowas_status"] == "member"
    assert not status.at["SEN", "aes_member"]
    present = model.presence_on(tables["presence"], day)
    assert set(present[present["iso3"] == "NER"]["actor"]) == {"US_FORCES", "EU_MISSION"}
    assert "FRENCH_FORCES" not in set(present["actor"])
    assert "MINUSMA" not in set(present["actor"])
    assert "WAGNER" in set(present[present["iso3"] == "MLI"]["actor"])


@pytest.mark.parametrize(
    ("iso3", "last_day"),
    [("MLI", date(2022, 8, 14)), ("BFA", date(2023, 2, 17)), ("NER", date(2023, 12, 21))],
)
def test_french_forces_before_and_after_the_last_troops_left(tables, iso3, last_day):
    def french(day):
        present = model.presence_on(tables["presence"], day)
        return ((present["actor"] == "FRENCH_FORCES") & (present["iso3"] == iso3)).any()

    assert french(last_day)
    assert not french(date.fromordinal(last_day.toordinal() + 1))


def test_the_leaders_of_the_aes_states_on_the_day_of_the_consultations(tables):
    day = date(2025, 4, 3)
    names = {iso3: model.leader_on(tables["leaders"], iso3, day)["name"] for iso3 in ["MLI", "BFA", "NER"]}
    assert names == {"MLI": "Assimi Goïta", "BFA": "Ibrahim Traoré", "NER": "Abdourahamane Tiani"}


def test_arcs_grow_with_time(tables):
    def signed(day):
        return model.cooperation_signed_by(
            model.cooperation_on(tables["cooperation"], tables["cooperation_status"], day)
        )

    early, late = signed(date(2020, 8, 18)), signed(date(2025, 4, 4))
    assert (late >= early).all() and late.sum() > early.sum() + 30


def test_the_real_map_stays_small(tables):
    day = date(2024, 1, 1)
    status = model.bloc_status_on(tables["memberships"], tables["states"], day)
    markers = model.presence_markers(tables["presence"], tables["forces"], day)
    names = dict(zip(tables["states"]["iso3"], tables["states"]["name_fr"], strict=True))
    arcs = maps.arc_rows(
        model.cooperation_signed_by(
            model.cooperation_on(tables["cooperation"], tables["cooperation_status"], day)
        ),
        tables["states"],
        names,
        "fr",
    )
    shapes = load_shapes()
    versions = model.map_sources({"states": tables["states"], "shapes": shapes})["fr"]
    outline = model.aes_outline(shapes, set(status.loc[status["aes_member"], "iso3"]))
    deck = maps.sahel_map(shapes, status, markers, arcs, names, "fr", versions=versions, outline=outline)
    assert len(deck.to_json().encode()) < 150_000
