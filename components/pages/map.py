"""Map: who was in which bloc, which forces were where, and what had been signed with Moscow, on one day."""

import streamlit as st

from components import model, widgets
from components.config import FORCE_COLOURS
from components.data import load_codes, load_shapes, load_tables
from components.i18n import column, labels_of, state_names, t
from components.maps import LAYERS, arc_rows, sahel_map
from components.panels import country_panel, map_legends

lang = widgets.current_language()
tables = load_tables(
    "states", "events", "memberships", "presence", "forces", "cooperation", "leaders", "sources"
)
states, shapes = tables["states"], load_shapes()
names = state_names(states, lang)
drawn = model.drawn_states(shapes, names)

st.title(t("map.title", lang))
st.caption(t("map.caption", lang))
day = widgets.day_slider(
    t("map.date", lang),
    key="map.date",
    steps=lambda current, step: model.neighbour_day(tables["events"]["date"], current, step),
    lang=lang,
)
layers = widgets.multi_choice(
    t("map.layers", lang), list(LAYERS), key="map.layers", format_func=lambda n: t(f"map.layer.{n}", lang)
)

status = model.bloc_status_on(tables["memberships"], states, day)
markers = model.presence_markers(tables["presence"], tables["forces"], day)
signed = model.cooperation_signed_by(tables["cooperation"], day)
arcs = arc_rows(signed, states, names, lang)
capitals = model.capital_points(states, drawn, column("capital", lang))
forces = labels_of(tables["forces"], "force_id", lang)

map_column, panel_column = st.columns([3, 2], gap="medium")
with map_column:
    st.pydeck_chart(
        sahel_map(shapes, status, markers, arcs, capitals, names, lang, layers),
        height=540,
        on_select=widgets.mirror_selection("map.deck", "countries", "map.country"),
        selection_mode="single-object",
        key="map.deck",
    )
    shown = {code: forces[code] for code in model.forces_present(markers, FORCE_COLOURS)}
    map_legends(layers, load_codes("memberships", "status"), shown, not arcs.empty, lang)

with panel_column:
    iso3 = widgets.choice(
        t("map.country", lang),
        drawn,
        key="map.country",
        shared_as="states",
        format_func=lambda code: names.get(code, t("map.none", lang)),
    )
    if iso3:
        country_panel(iso3, day, status, markers, tables, lang)
    else:
        st.caption(t("map.pick_country", lang))

st.subheader(t("map.drawn", lang))
states_tab, forces_tab = st.tabs([t("map.drawn_states", lang), t("map.drawn_forces", lang)])
with states_tab:
    standing = model.standing_rows(status, drawn, names, signed)
    standing["ecowas_status"] = standing["ecowas_status"].map(lambda s: t(f"status.{s}", lang))
    widgets.table_with_download(standing, f"map-states-{day}", key="map.states", lang=lang)
with forces_tab:
    listed = ["actor", column("label", lang), "iso3", "place", "lat", "lon", "start", "size", "source_ids"]
    widgets.table_with_download(markers[listed], f"map-forces-{day}", key="map.forces", lang=lang)
