"""pydeck builders: return a Deck, never render. No basemap: everything drawn ships in data/."""

import pandas as pd
import pydeck as pdk

from components.compat import CompactDeck
from components.config import (
    AES_OUTLINE,
    ARC_COLOUR,
    BORDERS_PATH,
    CAPITALS_PATH,
    FORCE_COLOURS,
    MAP_LAYERS,
    MAP_VIEW,
    MARKER_OUTLINE,
    MOSCOW,
    SANCTION_BADGES,
    SANCTIONS_COLOUR,
    STATUS_FILL,
    rgb,
)
from components.formatting import since_words
from components.i18n import column, t
from components.model import LABEL_SIZE, aes_members

LAYERS = MAP_LAYERS
MARKER_RADIUS, MARKER_RING = 5.5, 1.5  # pixels: a force's dot and its dark ring
# The capitals' font atlas is drawn glyph by glyph on the page's main thread when the map first
# draws; deck.gl's default 64 px glyphs cost four times the work of 32 px ones, which are still
# sharp at the 12 px the labels are shown (the outline is in atlas pixels, hence halved too).
FONT_SETTINGS = {"sdf": True, "fontSize": 32, "buffer": 4, "radius": 6}
OUTLINE_WIDTH = 1


def country_features(shapes: dict, status: pd.DataFrame, names: dict[str, str], lang: str) -> list[dict]:
    """Shape features carrying their fill colour, AES flag and a plain-text tooltip."""
    ecowas_of = dict(zip(status["iso3"], status["ecowas_status"], strict=True))
    members = aes_members(status)
    features = []
    for feature in shapes["features"]:
        iso3 = feature["properties"]["iso3"]
        ecowas = ecowas_of.get(iso3, "other")
        aes = iso3 in members
        name = names.get(iso3, feature["properties"]["name"])
        lines = [name, t("map.ecowas", lang, status=t(f"status.{ecowas}", lang))]
        lines += [t("map.aes_member", lang)] if aes else []
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {"iso3": iso3, "fill": rgb(STATUS_FILL[ecowas]), "aes": aes},
                "tooltip": "\n".join(lines),
            }
        )
    return features


def marker_tooltips(markers: pd.DataFrame, lang: str) -> list[str]:
    """'Force — place, since <date>' for each presence marker, as plain text."""
    return [
        f"{label} — {place}\n{since_words(day, precision, lang)}"
        for label, place, day, precision in zip(
            markers[column("label", lang)],
            markers[column("place", lang)],
            markers["start"],
            markers["start_precision"],
            strict=True,
        )
    ]


def arc_rows(counts: pd.Series, states: pd.DataFrame, names: dict[str, str], lang: str) -> list[dict]:
    """One arc per AES capital with at least one item: lat, lon, count, width and tooltip."""
    capitals = dict(
        zip(states["iso3"], zip(states["capital_lat"], states["capital_lon"], strict=True), strict=True)
    )
    drawn = [
        (iso3, n, capitals[iso3])
        for iso3, n in counts.items()
        if n > 0 and iso3 in capitals and pd.notna(capitals[iso3][0])
    ]
    widest = max([1, *(n for _, n, _ in drawn)])
    return [
        {
            "lat": lat,
            "lon": lon,
            "count": n,
            # 1 to 6 pixels: wide enough to compare, thin enough not to hide the capitals.
            "width": 1 + 5 * n / widest,
            "tooltip": f"{t('map.moscow', lang)} → {names[iso3]}\n{t('map.items', lang, n=n)}",
        }
        for iso3, n, (lat, lon) in drawn
    ]


def countries_layer(features: list[dict]) -> pdk.Layer:
    """Country fills by ECOWAS status, pickable: a click selects the country, hovering shows its
    tooltip. Filled only: the borders are line segments (borders_layer)."""
    return pdk.Layer(
        "GeoJsonLayer",
        {"type": "FeatureCollection", "features": features},
        id="countries",
        get_fill_color="properties.fill",
        stroked=False,
        pickable=True,
        auto_highlight=True,
    )


# Borders are straight segments (a LineLayer), not a GeoJsonLayer's stroke: the stroke's PathLayer
# shader takes seconds of the page's main thread to compile in software WebGL (phones without a GPU,
# CI), a LineLayer's a fraction of that (issue #18, README). The white borders never change, so they
# come from their own URL (delivery.BORDERS_PATH), fetched once and kept by the browser, instead of
# doubling the deck's bytes on every rerun.
def outline_layer(segments, layer_id: str, colour: list[int], width: float) -> pdk.Layer:
    """Line segments ({"s", "t"} rows, or the URL of a JSON list of them), `width` pixels wide."""
    return pdk.Layer(
        "LineLayer",
        segments,
        id=layer_id,
        get_source_position="s",
        get_target_position="t",
        get_color=colour,
        get_width=width,
    )


def borders_layer(version: str) -> pdk.Layer:
    """Thin white borders of every country, from the URL the server answers with them, named by
    the shapes' `version` (model.shapes_version)."""
    return outline_layer(f"./{BORDERS_PATH}?v={version}", "borders", [255, 255, 255], 0.6)


def aes_outline_layer(segments) -> pdk.Layer:
    """A thick outline around the AES members: their model.aes_outline, or its JSON text
    (model.map_outlines)."""
    return outline_layer(segments, "aes-outline", rgb(AES_OUTLINE), 3)


def arcs_layer(arcs: list[dict]) -> pdk.Layer:
    """Arcs from Moscow to each capital, from `arc_rows`, fading towards Moscow."""
    return pdk.Layer(
        "ArcLayer",
        [arc | {"from_lon": MOSCOW["lon"], "from_lat": MOSCOW["lat"]} for arc in arcs],
        id="arcs",
        get_source_position=["from_lon", "from_lat"],
        get_target_position=["lon", "lat"],
        get_source_color=rgb(ARC_COLOUR, 60),
        get_target_color=rgb(ARC_COLOUR, 200),
        get_width="width",
        get_height=0.4,
        pickable=True,
    )


def capitals_layer(source: str) -> pdk.Layer:
    """A small dark dot on each capital of `source` (capitals_url)."""
    return pdk.Layer(
        "ScatterplotLayer",
        source,
        id="capitals",
        get_position=["lon", "lat"],
        get_fill_color=[40, 40, 40],
        radius_min_pixels=2.5,
        get_radius=6000,
    )


# Like the borders, the capitals never change with the day: from their own URL, their two layers
# draw when it arrives, in a frame after the deck's first, so that software WebGL builds the
# scatter and text shaders' pipelines in a later frame, not all in one (issue #18, README).
def capitals_url(version: str, lang: str) -> str:
    """The URL of the capitals' rows in `lang`, named by their `version` (model.capitals_version)
    so the browser may keep them."""
    return f"./{CAPITALS_PATH}?lang={lang}&v={version}"


def capital_names_layer(source: str) -> pdk.Layer:
    """Each capital's `label` of `source` (capitals_url) beside its dot where it fits, outlined in
    white to read over any fill."""
    return pdk.Layer(
        "TextLayer",
        source,
        id="capital-names",
        get_position=["lon", "lat"],
        get_text="name",
        get_size=LABEL_SIZE,
        get_color=[30, 30, 30],
        get_pixel_offset="offset",
        get_text_anchor="anchor",
        get_alignment_baseline="baseline",
        # The atlas holds exactly the labels' characters (ASCII only unless told, and accents are
        # needed); quoted so pydeck passes a literal.
        character_set="'auto'",
        outline_width=OUTLINE_WIDTH,
        outline_color=[255, 255, 255],
        font_family="'sans-serif'",
        font_settings=FONT_SETTINGS,
    )


def sanctions_layer(sanctioned: list[str], lang: str) -> pdk.Layer:
    """A badge ('ECOWAS sanctions') on each state of `sanctioned` with a place in
    config.SANCTION_BADGES: white text on the sanctions' colour, with its tooltip."""
    shown = [iso3 for iso3 in sanctioned if iso3 in SANCTION_BADGES]
    badge = t("map.sanctions_badge", lang)
    return pdk.Layer(
        "TextLayer",
        [
            {
                "lat": SANCTION_BADGES[iso3][0],
                "lon": SANCTION_BADGES[iso3][1],
                "label": badge,
                "tooltip": badge,
            }
            for iso3 in shown
        ],
        id="sanctions",
        get_position=["lon", "lat"],
        get_text="label",
        get_size=LABEL_SIZE,
        get_color=[255, 255, 255],
        background=True,
        get_background_color=rgb(SANCTIONS_COLOUR),
        background_padding=[4, 2],
        character_set="'auto'",
        font_family="'sans-serif'",
        font_settings=FONT_SETTINGS,
        pickable=True,
    )


def forces_layer(markers: pd.DataFrame, lang: str) -> pdk.Layer:
    """A dot per foreign force present (model.presence_markers), coloured by force, with its tooltip."""
    rows = zip(
        markers["lon_shown"],
        markers["lat_shown"],
        markers["actor"],
        marker_tooltips(markers, lang),
        strict=True,
    )
    return pdk.Layer(
        "ScatterplotLayer",
        [
            {
                "lon_shown": lon,
                "lat_shown": lat,
                "actor": actor,
                "colour": rgb(FORCE_COLOURS[actor]),
                "tooltip": tip,
            }
            for lon, lat, actor, tip in rows
        ],
        id="presence",
        get_position=["lon_shown", "lat_shown"],
        get_fill_color="colour",
        get_line_color=rgb(MARKER_OUTLINE),
        stroked=True,
        line_width_min_pixels=MARKER_RING,
        radius_min_pixels=MARKER_RADIUS,
        radius_max_pixels=12,
        get_radius=18000,
        pickable=True,
    )


def sahel_map(
    shapes: dict,
    status: pd.DataFrame,
    markers: pd.DataFrame,
    arcs: pd.DataFrame,
    names: dict[str, str],
    lang: str,
    layers=LAYERS,
    *,
    versions: dict[str, str],
    outline,
    sanctioned: list[str] = (),
    conflict: pdk.Layer | None = None,
) -> pdk.Deck:
    """The region on one day: fill by ECOWAS status, AES outline, sanctions, conflict events, forces,
    arcs from Moscow, capitals.

    `shapes` are the country shapes, their geometry as it is or as JSON text (model.map_shapes);
    `markers` comes from model.presence_markers, `arcs` from arc_rows; `versions` names the borders'
    and the capitals' files in `lang` (model.map_sources); `outline` is the AES members' outline
    (aes_outline_layer); `sanctioned` lists the states under sanctions (model.sanctioned_on),
    `conflict` is the conflict events' layer when shown (security_map.security_layer).
    """
    deck_layers = []
    if "status" in layers:
        features = country_features(shapes, status, names, lang)
        deck_layers += [
            countries_layer(features),
            borders_layer(versions["borders"]),
            aes_outline_layer(outline),
        ]
    if conflict is not None:
        deck_layers.append(conflict)
    if "arcs" in layers and arcs:
        deck_layers.append(arcs_layer(arcs))
    if "capitals" in layers:
        source = capitals_url(versions["capitals"], lang)
        deck_layers += [capitals_layer(source), capital_names_layer(source)]
    if "presence" in layers and not markers.empty:
        deck_layers.append(forces_layer(markers, lang))
    if "status" in layers and sanctioned:
        deck_layers.append(sanctions_layer(list(sanctioned), lang))
    # No basemap: Streamlit's client fills an empty map style with a Carto basemap fetched from the
    # web, and a CompactDeck's is the sentinel it reads as "no basemap at all".
    return CompactDeck(deck_layers, pdk.ViewState(**MAP_VIEW), tooltip={"text": "{tooltip}"})
