"""The map's day means the day: the country panel shows only what was true or known on it, dates
are written at their precision, markers and labels stay visible, and the day can be typed."""

import json
import math
from datetime import date

import pandas as pd
import pytest
from fixtures import contrast
from test_model import memberships_frame
from test_pages import run_page

from components import data, maps, model, views
from components.compat import compact_json
from components.config import (
    FIRST_COUP,
    FORCE_COLOURS,
    MAP_DEFAULT_LAYERS,
    MARKER_OUTLINE,
    PERIOD_END,
    SANCTIONS_COLOUR,
    STATUS_FILL,
    rgb,
)
from components.data import load_tables
from components.i18n import column, state_names

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


@pytest.fixture(scope="module")
def real():
    return load_tables(*model.MAP_EPOCH_TABLES, "topics") | data.view_inputs((*views.MAP_TABLES, "shapes"))


def change_days(real) -> list[date]:
    """Every day the map can change on within the dashboard's period, and its first day: between
    two of them the map stays the same (model.map_epoch)."""
    days = [d.date() for d in model.map_changes(real) if FIRST_COUP <= d.date() <= PERIOD_END]
    return sorted({*days, FIRST_COUP})


def test_niamey_on_1_august_2023_shows_the_french_us_and_eu_forces_apart(real):
    markers = model.presence_markers(real["presence"], real["forces"], date(2023, 8, 1))
    niamey = markers[markers["lat"].between(13.4, 13.6) & markers["lon"].between(2.0, 2.3)]
    assert {"FRENCH_FORCES", "US_FORCES", "EU_MISSION"} <= set(niamey["actor"])
    assert niamey["lat_shown"].nunique() == 1  # one row, centred on the town


def test_no_two_force_markers_touch_on_any_day(real):
    # The deck's zoom does not change with the page's width, so pixels apart here are pixels apart
    # at 390 px and at 1366 px.
    diameter = 2 * (maps.MARKER_RADIUS + maps.MARKER_RING)
    for day in change_days(real):
        markers = model.presence_markers(real["presence"], real["forces"], day)
        points = [
            model.screen_xy(a, b) for a, b in zip(markers["lat_shown"], markers["lon_shown"], strict=True)
        ]
        for i, (x1, y1) in enumerate(points):
            for x2, y2 in points[i + 1 :]:
                assert math.hypot(x1 - x2, y1 - y2) >= diameter, day


def inside(lon: float, lat: float, geometry: dict) -> bool:
    """Ray casting over every ring of a (Multi)Polygon."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    hit = False
    for ring in (ring for polygon in polygons for ring in polygon):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def test_every_marker_stands_out_from_the_fill_under_it_on_every_day(real):
    shapes, found = real["shapes"]["features"], {}
    for day in change_days(real):
        status = model.bloc_status_on(real["memberships"], real["states"], day).set_index("iso3")
        markers = model.presence_markers(real["presence"], real["forces"], day)
        for row in markers.itertuples():
            point = (row.lon_shown, row.lat_shown)
            if point not in found:  # markers stay put for months: each point is looked up once
                found[point] = [f["properties"]["iso3"] for f in shapes if inside(*point, f["geometry"])]
            under = found[point]
            assert under, (day, row.actor)  # a marker nudged off its land would sit on nothing
            fill = STATUS_FILL[status["ecowas_status"].get(under[0], "other")]
            ring = contrast(MARKER_OUTLINE, fill) >= 3 and maps.MARKER_RING >= 1
            assert contrast(FORCE_COLOURS[row.actor], fill) >= 3 or ring, (day, row.actor, fill)
    layer = json.loads(compact_json(maps.forces_layer(markers, "en")))
    assert layer["getLineColor"] == rgb(MARKER_OUTLINE) and layer["stroked"] is True


@pytest.mark.parametrize(
    ("day", "sanctioned"),
    [
        (date(2020, 9, 1), ["MLI"]),
        (date(2020, 10, 6), []),  # lifted that day
        (date(2022, 3, 1), ["MLI"]),
        (date(2023, 8, 1), ["NER"]),
        (date(2024, 2, 24), []),
    ],
)
def test_sanctions_in_force_are_drawn_as_a_badge_with_a_legend(real, day, sanctioned):
    assert model.sanctioned_on(real["sanctions"], real["events"], day) == sanctioned
    view = views.map_view(real, day, "fr", tuple(MAP_DEFAULT_LAYERS))
    assert view["sanctioned"] == sanctioned
    layers = {layer["id"]: layer for layer in json.loads(view["deck"]["spec"])["layers"]}
    if sanctioned:
        badges = layers["sanctions"]["data"]
        assert [b["label"] for b in badges] == ["Sanctions CEDEAO"] * len(sanctioned)
        assert layers["sanctions"]["getBackgroundColor"] == rgb(SANCTIONS_COLOUR)
    else:
        assert "sanctions" not in layers


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_capital_labels_never_overlap_each_other_or_a_dot(real, lang):
    names = state_names(real["states"], lang)
    drawn = model.drawn_states(real["shapes"], names)
    capitals = model.capital_points(real["states"], drawn, column("capital", lang))
    placed = model.placed_labels(capitals)
    assert {"Bamako", "Ouagadougou", "Niamey"} <= set(placed["label"])  # the AES capitals always
    assert len(placed) >= len(capitals) - 3  # only a few crowded coastal names may give way
    boxes = list(placed["box"])
    dots = [model.screen_xy(a, b) for a, b in zip(capitals["lat"], capitals["lon"], strict=True)]
    for i, box in enumerate(boxes):
        assert not any(model.overlaps(box, other) for other in boxes[i + 1 :]), placed["label"].iloc[i]
        assert not any(model.overlaps(box, (x - 3, y - 3, x + 3, y + 3)) for x, y in dots)


def test_a_typed_day_moves_the_slider_and_the_slider_moves_the_box():
    at = run_page("map", **{"map.date": "2024-01-01"})
    assert at.date_input(key="map.date.typed.2024-01-01").value == date(2024, 1, 1)
    at.date_input(key="map.date.typed.2024-01-01").set_value(date(2023, 8, 1)).run()
    assert at.select_slider(key="map.date").value == date(2023, 8, 1)
    at.select_slider(key="map.date").set_value(date(2022, 3, 1)).run()
    assert at.date_input(key="map.date.typed.2022-03-01").value == date(2022, 3, 1)
    assert not at.exception


def deck_layers(at) -> dict:
    return {layer["id"]: layer for layer in json.loads(at.get("deck_gl_json_chart")[0].proto.json)["layers"]}


def test_the_conflict_layer_draws_the_window_with_its_licence_and_what_it_lacks():
    at = run_page("map", **{"map.layers": "status,conflict", "map.date": "2022-03-31", "map.window": "30"})
    assert not at.exception
    events = deck_layers(at)["conflict-events"]["data"]
    assert events and all(e["tooltip"][:10] >= "2022-03-02" for e in events)
    captions = " ".join(c.value for c in at.caption)
    assert "CC BY 4.0" in captions and "Sundberg" in captions
    assert f"{len(events)} conflict events" in captions
    assert any("Niger not in the loaded data" in i.value for i in at.info)


def test_the_conflict_layer_is_hidden_where_the_data_do_not_reach():
    at = run_page("map", lang="fr", **{"map.layers": "status,conflict", "map.date": "2024-06-01"})
    assert "conflict-events" not in deck_layers(at)
    assert any("Aucune violence armée n'est dessinée" in i.value for i in at.info)


def test_the_forces_table_writes_an_arrival_known_to_the_month_as_a_month():
    at = run_page("map", **{"map.date": "2025-04-03"})
    forces = next(f.value for f in at.dataframe if "Force" in f.value.columns)  # headers shown, in English
    start = forces.set_index(["Force", "State"]).loc[("Africa Corps / Russian instructors", "Mali"), "Start"]
    assert start == "December 2024"
