"""The pydeck builder: layers, offline settings, escaped tooltips."""

import json

import pandas as pd
import pytest

from components import maps, model
from components.compat import NO_BASEMAP, compact_json

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
        "place_en": ["<script>alert(1)</script>"],
        "place_fr": ["<script>alert(1)</script>"],
        "start": [pd.Timestamp("2021-12-01")],
        "start_precision": ["month"],
        "lat": [12.6],
        "lon": [-8.0],
        "lon_shown": [-8.0],
        "lat_shown": [12.6],
    }
)
CAPITALS = pd.DataFrame({"lat": [12.6], "lon": [-8.0], "label": ["Bamako"]})


def small_deck(layers=maps.LAYERS, markers=MARKERS, lang="en"):
    counts = pd.Series({"MLI": 3, "BFA": 0, "NER": 0, "AES": 2})
    states = pd.DataFrame(
        {"iso3": ["MLI", "BFA", "NER"], "capital_lat": [12.6, 12.4, 13.5], "capital_lon": [-8.0, -1.5, 2.1]}
    )
    arcs = maps.arc_rows(counts, states, NAMES, lang)
    versions = {"borders": model.shapes_version(SHAPES), "capitals": model.capitals_version(CAPITALS)}
    outline = model.aes_outline(SHAPES, {"MLI"})
    return maps.sahel_map(
        SHAPES, STATUS, markers, arcs, NAMES, lang, layers, versions=versions, outline=outline
    )


def deck_json(**kwargs) -> dict:
    return json.loads(small_deck(**kwargs).to_json())


def test_every_layer_is_drawn_and_nothing_is_fetched():
    spec = deck_json()
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids == ["countries", "borders", "aes-outline", "arcs", "capitals", "capital-names", "presence"]
    assert spec["mapStyle"] == NO_BASEMAP
    assert "mapProvider" not in spec
    assert "http" not in json.dumps(spec)
    # The borders come from the app's own server, by a path relative to the page.
    assert spec["layers"][1]["data"] == f"./map-borders.json?v={model.shapes_version(SHAPES)}"


def test_fill_and_outline_follow_the_status():
    countries, _, outline = deck_json()["layers"][:3]
    fills = {f["properties"]["iso3"]: f["properties"]["fill"] for f in countries["data"]["features"]}
    assert fills["SEN"] != fills["MLI"] != fills["DZA"]
    assert outline["data"] == model.border_segments(SHAPES["features"][:1])  # Mali's alone


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
        "conflict": {"conflict-events"},
    }[hidden]
    assert ids and not ids & expected


def test_no_marker_layer_on_a_day_without_forces():
    ids = [layer["id"] for layer in deck_json(markers=MARKERS.iloc[:0])["layers"]]
    assert "presence" not in ids


def layer_json(layer) -> dict:
    return json.loads(compact_json(layer))


def test_the_countries_are_filled_by_status_and_pickable():
    spec = layer_json(maps.countries_layer(maps.country_features(SHAPES, STATUS, NAMES, "fr")))
    assert spec["@@type"] == "GeoJsonLayer" and spec["getFillColor"] == "@@=properties.fill"
    assert spec["pickable"] is True and spec["autoHighlight"] is True
    assert spec["stroked"] is False  # a stroke is a PathLayer: seconds of shader compiling (#18)
    assert [f["properties"]["iso3"] for f in spec["data"]["features"]] == ["MLI", "SEN", "DZA"]
    assert spec["data"]["features"][0]["tooltip"] == "Mali <b>\nCEDEAO : Sorti\nMembre de l'AES"


def test_the_aes_outline_is_drawn_around_the_members_only():
    mali = {"type": "MultiPolygon", "coordinates": [[[[0, 0], [2, 0], [2, 2], [0, 0]]]]}
    shapes = {"features": [SHAPES["features"][0] | {"geometry": mali}, *SHAPES["features"][1:]]}
    spec = layer_json(maps.aes_outline_layer(model.aes_outline(shapes, {"MLI", "BFA"})))
    assert spec["@@type"] == "LineLayer" and spec["getWidth"] == 3
    assert spec["data"] == [
        {"s": [0, 0], "t": [2, 0]},
        {"s": [2, 0], "t": [2, 2]},
        {"s": [2, 2], "t": [0, 0]},
    ]
    assert spec["getColor"] == maps.rgb(maps.AES_OUTLINE)
    assert model.aes_outline(SHAPES, set()) == []  # before the AES


def test_a_deck_from_its_shared_parts_as_json_text_is_the_same_deck():
    # The app writes the shapes' geometry and the AES outlines once per data version (model.map_shapes,
    # model.map_outlines) and splices that text into every map's deck.
    mali = SHAPES["features"][0] | {
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [0, 0]]]}
    }
    shapes = SHAPES | {"features": [mali, *SHAPES["features"][1:]]}
    days = pd.DatetimeIndex(["2020-01-01"] * 3 + ["2024-01-01"] * 3, name="day")
    status = pd.concat([STATUS, STATUS]).set_axis(days).assign(aes_member=[False] * 3 + [True, False, False])
    outlines = model.map_outlines({"shapes": shapes, "map_epochs": {"status": status}})
    assert outlines.keys() == {frozenset(), frozenset({"MLI"})}
    plain = small_deck()
    plain.layers[0] = maps.countries_layer(maps.country_features(shapes, STATUS, NAMES, "en"))
    plain.layers[2] = maps.aes_outline_layer(model.aes_outline(shapes, {"MLI"}))
    spliced = small_deck()
    text_shapes = model.map_shapes({"shapes": shapes})
    spliced.layers[0] = maps.countries_layer(maps.country_features(text_shapes, STATUS, NAMES, "en"))
    spliced.layers[2] = maps.aes_outline_layer(outlines[frozenset({"MLI"})])
    assert "\\u0000" not in spliced.to_json()
    assert json.loads(spliced.to_json()) == json.loads(plain.to_json())
    assert json.loads(plain.to_json())["layers"][0]["data"]["features"][0]["geometry"] == mali["geometry"]


def test_a_border_two_countries_share_is_one_list_of_edges():
    square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    right = [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]  # shares the edge (1, 0)–(1, 1), drawn the other way
    features = [{"geometry": {"type": "Polygon", "coordinates": [ring]}} for ring in (square, right)]
    edges = [frozenset(map(tuple, (e["s"], e["t"]))) for e in model.border_segments(features)]
    assert len(edges) == len(set(edges)) == 7
    assert frozenset({(1, 0), (1, 1)}) in edges


def test_the_arcs_run_from_moscow_to_each_capital():
    arcs = [{"lat": 12.6, "lon": -8.0, "count": 3, "width": 6.0, "tooltip": "x"}]
    spec = layer_json(maps.arcs_layer(arcs))
    assert spec["@@type"] == "ArcLayer" and spec["pickable"] is True
    row = spec["data"][0]
    assert (row["from_lon"], row["from_lat"]) == (maps.MOSCOW["lon"], maps.MOSCOW["lat"])
    assert (row["lon"], row["lat"], row["width"]) == (-8.0, 12.6, 6.0)


def test_capitals_are_dots_with_their_names_from_their_own_url_and_a_small_atlas():
    url = maps.capitals_url(model.capitals_version(CAPITALS), "fr")
    dots, names = layer_json(maps.capitals_layer(url)), layer_json(maps.capital_names_layer(url))
    assert dots["@@type"] == "ScatterplotLayer" and dots["data"] == names["data"] == url
    assert url.startswith("./map-capitals.json?lang=fr&v=")
    assert json.loads(model.capitals_body(CAPITALS)) == [
        {"lat": 12.6, "lon": -8.0, "label": "Bamako", "name": "Bamako"}
        | {"offset": [0, -model.LABEL_GAP], "anchor": "middle", "baseline": "bottom"}
    ]
    assert names["@@type"] == "TextLayer" and names["getText"] == "@@=name"
    assert names["characterSet"] == "auto"  # only the labels' own characters, accents included
    assert names["fontSettings"]["fontSize"] <= 32  # the atlas is drawn on the main thread


def test_a_capital_whose_name_fits_nowhere_keeps_its_dot_without_a_name():
    # Five capitals on one spot: the first names take the places around it, the last have none.
    labels = ["Bamako", "Kati", "Koulikoro", "Kita", "Ségou"]
    crowded = pd.DataFrame({"lat": [12.6] * 5, "lon": [-8.0] * 5, "label": labels})
    rows = model.capital_rows(crowded)
    assert [row["label"] for row in rows] == labels  # every dot is drawn
    assert [row["name"] for row in rows] == ["Bamako", "Kati", "", "", ""]


def test_forces_are_coloured_dots_with_plain_text_tooltips():
    spec = layer_json(maps.forces_layer(MARKERS, "fr"))
    assert spec["@@type"] == "ScatterplotLayer" and spec["pickable"] is True
    row = spec["data"][0]
    assert row["colour"] == maps.rgb(maps.FORCE_COLOURS["WAGNER"])
    assert row["tooltip"].startswith("Groupe Wagner — <script>alert(1)</script>\ndepuis")
    assert row["tooltip"].endswith("décembre 2021")
