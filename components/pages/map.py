"""Map: who was in which bloc, which forces were where, and what had been signed with Moscow, on one day."""

import streamlit as st

from components import views, widgets
from components.compat import PrebuiltDeck
from components.data import cached_view, load_codes, load_labels, load_tables
from components.i18n import column, state_names, t
from components.maps import LAYERS
from components.model import neighbour_day
from components.panels import country_panel, map_legends

lang = widgets.current_language()
names = state_names(load_tables("states")["states"], lang)
labels = load_labels(lang)

st.title(t("map.title", lang))
st.caption(t("map.caption", lang))
day = widgets.day_slider(
    t("map.date", lang),
    key="map.date",
    steps=lambda current, step: neighbour_day(load_tables("events")["events"]["date"], current, step),
    lang=lang,
)
layers = widgets.multi_choice(
    t("map.layers", lang), list(LAYERS), key="map.layers", format_func=lambda n: t(f"map.layer.{n}", lang)
)
# The map looks the same from one change (a membership, a presence, an agreement) to the next.
epoch = views.map_epoch(cached_view("map-changes", views.map_changes, views.MAP_TABLES), day)
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
    map_legends(layers, load_codes("memberships", "status"), view["forces"], view["arcs"], lang)

with panel_column:
    iso3 = widgets.choice(
        t("map.country", lang),
        view["drawn"],
        key="map.country",
        shared_as="states",
        format_func=lambda code: names.get(code, t("map.none", lang)),
    )
    if iso3:
        tables = load_tables("states", "events", "memberships", "leaders", "sources")
        country_panel(iso3, day, view["status"], view["markers"], tables, lang, labels)
    else:
        st.caption(t("map.pick_country", lang))

st.subheader(t("map.drawn", lang))
states_tab, forces_tab = st.tabs([t("map.drawn_states", lang), t("map.drawn_forces", lang)])
with states_tab:
    widgets.table_with_download(
        view["standing"], f"map-states-{day}", key="map.states", lang=lang, labels=labels
    )
with forces_tab:
    listed = [
        "actor",
        column("label", lang),
        "iso3",
        column("place", lang),
        "lat",
        "lon",
        "start",
        "start_precision",
        "size",
        "source_ids",
    ]
    widgets.table_with_download(
        view["markers"][listed], f"map-forces-{day}", key="map.forces", lang=lang, labels=labels
    )
