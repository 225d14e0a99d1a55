"""pydeck builder of the map's conflict layer: the events of a window before the map's day, located, sized
by deaths and coloured by kind (security.event_points). Returns a layer, never renders; the map page
adds it to its deck."""

import pydeck as pdk

LAYER_ID = "conflict-events"


def security_layer(points) -> pdk.Layer:
    """A ScatterplotLayer of conflict events' `points` (security.event_points, or the JSON text of
    a window's: security.window_points)."""
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
