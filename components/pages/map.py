"""Map: who was in which bloc, which forces were where, and what had been signed with Moscow, on one day."""

import streamlit as st

from components import panels, views, widgets
from components.compat import PrebuiltDeck
from components.config import MAP_WINDOWS
from components.data import cached_view, load_codes, load_package_info
from components.i18n import t
from components.maps import LAYERS
from components.model import MAP_EPOCH_TABLES, map_changes, map_epoch, neighbour_day

lang = widgets.current_language()

st.title(t("map.title", lang))
st.caption(t("map.caption", lang))
day = widgets.day_slider(
    t("map.date", lang),
    key="map.date",
    steps=lambda current, step: neighbour_day(
        cached_view("event-days", views.event_days, ("events",)), current, step
    ),
    lang=lang,
)
layers = widgets.multi_choice(
    t("map.layers", lang), list(LAYERS), key="map.layers", format_func=lambda n: t(f"map.layer.{n}", lang)
)
conflict = "conflict" in layers
if conflict:
    window = widgets.choice(
        t("map.window", lang),
        list(MAP_WINDOWS),
        key="map.window",
        format_func=lambda w: t(f"map.window.{w}", lang),
    )
    resource = next(r for r in load_package_info()["resources"] if r["name"] == "conflict_events")
    # Conflict events change from one day to the next: that map is the day's own.
    args = (day, lang, tuple(layers), int(window), resource["x_coverage"])
    view = cached_view("map", views.map_view, views.CONFLICT_TABLES, *args)
else:
    # The map looks the same from one change (a membership, a presence, an agreement) to the next.
    epoch = map_epoch(cached_view("map-changes", map_changes, MAP_EPOCH_TABLES), day)
    view = cached_view("map", views.map_view, views.MAP_TABLES, epoch, lang, tuple(layers))

map_column, panel_column = st.columns([3, 2], gap="medium")
with map_column:
    st.pydeck_chart(
        PrebuiltDeck(view["deck"]),
        height=540,
        on_select=widgets.mirror_selection("map.deck", "countries", "map.country"),
        selection_mode="single-object",
        key="map.deck",
    )
    panels.map_legends(layers, load_codes("memberships", "status"), view, lang)
    if conflict:
        panels.conflict_notes(view["conflict"], window, views.source_note(None, "", resource, lang), lang)

with panel_column:
    iso3 = widgets.choice(
        t("map.country", lang),
        view["drawn"],
        key="map.country",
        shared_as="states",
        format_func=lambda code: view["names"].get(code, t("map.none", lang)),
    )
    if iso3:
        # The panel looks the same from one change (the map's, a leader's, an event) to the next.
        changes = cached_view("map-country-changes", views.country_changes, (*MAP_EPOCH_TABLES, "leaders"))
        panel = cached_view(
            "map-country", views.country_view, views.COUNTRY_TABLES, iso3, map_epoch(changes, day), lang
        )
        panels.country_panel(panel, lang)
    else:
        st.caption(t("map.pick_country", lang))

panels.map_tables(view, day, lang)
