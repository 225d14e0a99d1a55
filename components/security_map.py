"""pydeck builder of the map's conflict layer: the events of a window before the map's day, located, sized
by deaths and coloured by kind. Returns a layer, never renders; the map page adds it to its deck."""

import math

import pandas as pd
import pydeck as pdk

from components.config import PALETTE, rgb
from components.i18n import t
from components.security_codes import KIND_COLOURS

LAYER_ID = "conflict-events"


def security_layer(events: pd.DataFrame, lang: str) -> pdk.Layer:
    """A ScatterplotLayer of `events` (EVENT_COLUMNS, e.g. security.events_in_window's): area ∝ deaths
    (best estimate; an event without deaths still shows), colour by kind, a tooltip line per event."""
    kinds = {kind: t(f"kind.{kind}", lang) for kind in set(events["kind"])}
    colours = {kind: rgb(KIND_COLOURS.get(kind, PALETTE["grey"]), 170) for kind in kinds}
    best = t("security.measure.best", lang)
    columns = (events[name] for name in ("longitude", "latitude", "best", "kind", "day"))
    points = [
        {
            "lon": float(lon),
            "lat": float(lat),
            # Radius in metres grows with the square root of deaths, so that area is proportional to them.
            "radius": 3000 + 2500 * math.sqrt(max(float(deaths), 0)),
            "colour": colours[kind],
            "tooltip": f"{day:%Y-%m-%d} · {kinds[kind]} · {best}: {deaths}",
        }
        for lon, lat, deaths, kind, day in zip(*columns, strict=True)
    ]
    return pdk.Layer(
        "ScatterplotLayer",
        points,
        id=LAYER_ID,
        get_position=["lon", "lat"],
        get_radius="radius",
        get_fill_color="colour",
        get_line_color=[255, 255, 255],
        line_width_min_pixels=0.5,
        stroked=True,
        pickable=True,
    )
