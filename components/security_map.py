"""pydeck builder of the map's conflict layer: the events of a window before the map's day, located, sized
by deaths and coloured by kind. Returns a layer, never renders; the map page adds it to its deck."""

import numpy as np
import pandas as pd
import pydeck as pdk

from components.config import PALETTE, rgb
from components.i18n import t
from components.security_codes import KIND_COLOURS

LAYER_ID = "conflict-events"


def security_layer(events: pd.DataFrame, lang: str) -> pdk.Layer:
    """A ScatterplotLayer of `events` (EVENT_COLUMNS, e.g. security.events_in_window's): area ∝ deaths
    (best estimate; an event without deaths still shows), colour by kind, a tooltip line per event."""
    points = pd.DataFrame(
        {
            "lon": events["longitude"].astype(float),
            "lat": events["latitude"].astype(float),
            # Radius in metres grows with the square root of deaths, so that area is proportional to them.
            "radius": 3000 + 2500 * np.sqrt(events["best"].astype(float).clip(lower=0)),
            "colour": [rgb(KIND_COLOURS.get(k, PALETTE["grey"]), 170) for k in events["kind"]],
            "tooltip": [
                f"{d:%Y-%m-%d} · {t(f'kind.{k}', lang)} · {t('security.measure.best', lang)}: {b}"
                for d, k, b in zip(events["day"], events["kind"], events["best"], strict=True)
            ],
        }
    )
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
