"""The pydeck builder: layers, offline settings, escaped tooltips."""

import importlib.util
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from components import maps, model
from components.data import load_shapes, load_tables

ROOT = Path(__file__).resolve().parent.parent

SHAPES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"iso3": iso3, "name": iso3},
            "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]},
        }
        for iso3 in ["MLI", "SEN", "DZA"]
    ],
    "borders": [{"s": [0, 0], "t": [1, 0]}],
}
STATUS = pd.DataFrame(
    {
        "iso3": ["MLI", "SEN", "DZA"],
        "ecowas_status": ["withdrawn", "member", "other"],
        "aes_member": [True, False, False],
    }
)
NAMES = {"MLI": "Mali <b>", "SEN": "Sénégal", "DZA": "Algérie"}
MARKERS = pd.DataFrame(
    {
        "actor": ["WAGNER"],
        "label_en": ["Wagner group"],
        "label_fr": ["Groupe Wagner"],
        "place": ["<script>alert(1)</script>"],
        "start": [pd.Timestamp("2021-12-01")],
        "start_precision": ["month"],
        "lat": [12.6],
        "lon": [-8.0],
        "lon_shown": [-8.0],
    }
)
CAPITALS = pd.DataFrame({"lat": [12.6], "lon": [-8.0], "label": ["Bamako"]})


def small_deck(layers=maps.LAYERS, markers=MARKERS, lang="en"):
    counts = pd.Series({"MLI": 3, "BFA": 0, "NER": 0, "AES": 2})
    states = pd.DataFrame(
        {"iso3": ["MLI", "BFA", "NER"], "capital_lat": [12.6, 12.4, 13.5], "capital_lon": [-8.0, -1.5, 2.1]}
    )
    arcs = maps.arc_rows(counts, states, NAMES, lang)
    return maps.sahel_map(SHAPES, STATUS, markers, arcs, CAPITALS, NAMES, lang, layers)


def deck_json(**kwargs) -> dict:
    return json.loads(small_deck(**kwargs).to_json())


def test_every_layer_is_drawn_and_nothing_is_fetched():
    spec = deck_json()
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids == ["countries", "borders", "aes-outline", "arcs", "capitals", "capital-names", "presence"]
    assert spec["mapStyle"] == maps.NO_BASEMAP
    assert "mapProvider" not in spec
    assert "http" not in json.dumps(spec)


def test_fill_and_outline_follow_the_status():
    countries, _, outline = deck_json()["layers"][:3]
    fills = {f["properties"]["iso3"]: f["properties"]["fill"] for f in countries["data"]["features"]}
    assert fills["SEN"] != fills["MLI"] != fills["DZA"]
    assert outline["data"] == maps.outline_segments(SHAPES, {"MLI"})  # Mali alone is an AES member


def test_tooltips_are_plain_text_with_the_data_as_written():
    assert small_deck()._tooltip == {"text": "{tooltip}"}  # text, never html
    spec = deck_json()
    mali = next(f for f in spec["layers"][0]["data"]["features"] if f["properties"]["iso3"] == "MLI")
    assert mali["tooltip"] == "Mali <b>\nECOWAS: Left\nAES member"
    marker = next(layer for layer in spec["layers"] if layer["id"] == "presence")["data"][0]
    assert marker["tooltip"] == "Wagner group — <script>alert(1)</script>\nsince December 2021"


def test_arcs_only_for_states_with_items_and_wider_with_more():
    arcs = next(layer for layer in deck_json()["layers"] if layer["id"] == "arcs")["data"]
    assert len(arcs) == 1 and arcs[0]["count"] == 3 and arcs[0]["width"] == 6
    assert "3 cooperation items with Russia" in arcs[0]["tooltip"]


@pytest.mark.parametrize("hidden", maps.LAYERS)
def test_a_layer_toggled_off_is_not_drawn(hidden):
    ids = {layer["id"] for layer in deck_json(layers=[n for n in maps.LAYERS if n != hidden])["layers"]}
    expected = {
        "status": {"countries", "borders", "aes-outline"},
        "presence": {"presence"},
        "arcs": {"arcs"},
        "capitals": {"capitals", "capital-names"},
    }[hidden]
    assert ids and not ids & expected


def test_no_marker_layer_on_a_day_without_forces():
    ids = [layer["id"] for layer in deck_json(markers=MARKERS.iloc[:0])["layers"]]
    assert "presence" not in ids


def test_the_real_map_stays_small():
    tables = load_tables()
    day = date(2024, 1, 1)
    status = model.bloc_status_on(tables["memberships"], tables["states"], day)
    markers = model.presence_markers(tables["presence"], tables["forces"], day)
    names = dict(zip(tables["states"]["iso3"], tables["states"]["name_fr"], strict=True))
    arcs = maps.arc_rows(
        model.cooperation_signed_by(tables["cooperation"], day), tables["states"], names, "fr"
    )
    deck = maps.sahel_map(load_shapes(), status, markers, arcs, CAPITALS, names, "fr")
    # About 90 KB of shapes and 70 KB of borders (the edges two countries share, as segments).
    assert len(deck.to_json().encode()) < 200_000


def layer_json(layer) -> dict:
    return json.loads(json.dumps(layer, default=maps.default_serialize))


def test_the_countries_are_filled_pickable_and_not_stroked():
    spec = layer_json(maps.countries_layer(maps.country_features(SHAPES, STATUS, NAMES, "fr")))
    assert spec["@@type"] == "GeoJsonLayer"
    assert spec["stroked"] is False  # a GeoJSON stroke is a path layer, seconds to compile in software
    assert spec["pickable"] is True and spec["autoHighlight"] is True
    assert [f["properties"]["iso3"] for f in spec["data"]["features"]] == ["MLI", "SEN", "DZA"]


def test_borders_are_the_shapes_shared_edges_as_white_lines():
    spec = layer_json(maps.borders_layer(SHAPES))
    assert spec["@@type"] == "LineLayer"
    assert spec["data"] == SHAPES["borders"]
    assert spec["getColor"] == [255, 255, 255]


def test_the_aes_outline_follows_every_ring_of_the_members_only():
    square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    shapes = {
        "features": [
            {"properties": {"iso3": "NER"}, "geometry": {"coordinates": [[square], [square[:4]]]}},
            {"properties": {"iso3": "SEN"}, "geometry": {"coordinates": [[square]]}},
        ]
    }
    spec = layer_json(maps.aes_outline_layer(shapes, {"NER", "MLI"}))
    assert spec["@@type"] == "LineLayer" and spec["getWidth"] == 3
    assert spec["data"][:2] == [{"s": [0, 0], "t": [1, 0]}, {"s": [1, 0], "t": [1, 1]}]
    assert len(spec["data"]) == 4 + 3  # Niger's two polygons; Senegal is not a member
    assert layer_json(maps.aes_outline_layer(shapes, set()))["data"] == []  # before the AES existed


def test_shared_edges_are_listed_once_and_coasts_not_at_all():
    spec = importlib.util.spec_from_file_location("make_shapes", ROOT / "data" / "shapes" / "make_shapes.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    west = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    east = [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]
    features = [{"geometry": {"coordinates": [[ring]]}} for ring in (west, east)]
    assert script.shared_edges(features) == [{"s": [1, 0], "t": [1, 1]}]


def test_the_shipped_borders_are_the_shapes_shared_edges():
    shapes = load_shapes()
    borders = shapes["borders"]
    assert len(borders) > 1000
    outline = {tuple(map(tuple, pair)) for pair in map(dict.values, maps.outline_segments(shapes, {"MLI"}))}
    shared = {(tuple(edge["s"]), tuple(edge["t"])) for edge in borders}
    # Mali's land borders are listed (in one direction or the other); Mali has no coast.
    assert all(edge in shared or edge[::-1] in shared for edge in outline)


def test_the_arcs_run_from_moscow_to_each_capital():
    arcs = pd.DataFrame({"lat": [12.6], "lon": [-8.0], "count": [3], "width": [6.0], "tooltip": ["x"]})
    spec = layer_json(maps.arcs_layer(arcs))
    assert spec["@@type"] == "ArcLayer" and spec["pickable"] is True
    row = spec["data"][0]
    assert (row["from_lon"], row["from_lat"]) == (maps.MOSCOW["lon"], maps.MOSCOW["lat"])
    assert (row["lon"], row["lat"], row["width"]) == (-8.0, 12.6, 6.0)


def test_capitals_are_dots_with_their_names_from_a_small_atlas():
    dots, names = layer_json(maps.capitals_layer(CAPITALS)), layer_json(maps.capital_names_layer(CAPITALS))
    assert dots["@@type"] == "ScatterplotLayer" and dots["data"] == [
        {"lat": 12.6, "lon": -8.0, "label": "Bamako"}
    ]
    assert names["@@type"] == "TextLayer" and names["getText"] == "@@=label"
    assert names["characterSet"] == "auto"  # only the labels' own characters, accents included
    assert names["fontSettings"]["fontSize"] <= 32  # the atlas is drawn on the main thread


def test_forces_are_coloured_dots_with_plain_text_tooltips():
    spec = layer_json(maps.forces_layer(MARKERS, "fr"))
    assert spec["@@type"] == "ScatterplotLayer" and spec["pickable"] is True
    row = spec["data"][0]
    assert row["colour"] == maps.rgb(maps.FORCE_COLOURS["WAGNER"])
    assert row["tooltip"].startswith("Groupe Wagner — <script>alert(1)</script>\ndepuis")
    assert row["tooltip"].endswith("décembre 2021")
