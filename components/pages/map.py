"""Map: who was in which bloc, which forces were where, and what had been signed with Moscow, on one day."""

import streamlit as st

from components.config import (
    AES_STATES,
    FIRST_COUP,
    FORCE_COLOURS,
    MOSCOW_CONSULTATIONS,
    PERIOD_END,
    STATUS_FILL,
)
from components.data import load_shapes, load_tables
from components.i18n import column, state_names, t
from components.maps import LAYERS, arc_rows, sahel_map
from components.model import (
    ECOWAS_FILL_ORDER,
    bloc_status_on,
    cooperation_signed_by,
    neighbour_day,
    presence_markers,
)
from components.panels import country_panel
from components.widgets import (
    choice,
    current_language,
    day_slider,
    legend,
    mirror_selection,
    multi_choice,
    table_with_download,
)

lang = current_language()
tables = load_tables(
    "states", "events", "memberships", "presence", "forces", "cooperation", "leaders", "sources"
)
states, shapes = tables["states"], load_shapes()
names = state_names(states, lang)
drawn_codes = sorted(f["properties"]["iso3"] for f in shapes["features"] if f["properties"]["iso3"] in names)

st.title(t("map.title", lang))
st.caption(t("map.caption", lang))

controls = st.container()
with controls:
    day = day_slider(
        t("map.date", lang),
        key="map.date",
        first=FIRST_COUP,
        last=PERIOD_END,
        default=MOSCOW_CONSULTATIONS,
        steps=lambda current, step: neighbour_day(tables["events"]["date"], current, step),
        lang=lang,
    )
    layers = multi_choice(
        t("map.layers", lang), list(LAYERS), key="map.layers", format_func=lambda n: t(f"map.layer.{n}", lang)
    )

status = bloc_status_on(tables["memberships"], states, day)
markers = presence_markers(tables["presence"], tables["forces"], day)
signed = cooperation_signed_by(tables["cooperation"], day)
arcs = arc_rows(signed, states, names, lang)
capitals = states[states["iso3"].isin(drawn_codes)].rename(
    columns={"capital_lat": "lat", "capital_lon": "lon"}
)
capitals = capitals.assign(label=capitals[column("capital", lang)])[["lat", "lon", "label"]]

map_column, panel_column = st.columns([3, 2], gap="medium")
with map_column:
    st.pydeck_chart(
        sahel_map(shapes, status, markers, arcs, capitals, names, lang, layers),
        height=540,
        on_select=mirror_selection("map.deck", "countries", "map.country"),
        selection_mode="single-object",
        key="map.deck",
    )
    if "status" in layers:
        statuses = [(STATUS_FILL[s], t(f"status.{s}", lang)) for s in ECOWAS_FILL_ORDER]
        legend(t("map.legend.status", lang), statuses)
        legend(t("map.legend.aes", lang), [("transparent", t("map.aes_member", lang))], outline=True)
    if "presence" in layers:
        forces = tables["forces"].set_index("force_id")[column("label", lang)]
        shown = [(FORCE_COLOURS[f], forces[f]) for f in FORCE_COLOURS if f in set(markers["actor"])]
        if shown:
            legend(t("map.legend.forces", lang), shown)
        else:
            st.caption(t("map.no_forces", lang))
    if "arcs" in layers and not arcs.empty:
        st.caption(t("map.legend.arcs", lang))

with panel_column:
    iso3 = choice(
        t("map.country", lang),
        ["", *drawn_codes],
        key="map.country",
        shared_as="states",
        format_func=lambda code: names.get(code, t("map.none", lang)),
        default="",
    )
    if iso3:
        country_panel(iso3, day, status, markers, tables, lang)
    else:
        st.caption(t("map.pick_country", lang))

st.subheader(t("map.drawn", lang))
drawn = status[status["iso3"].isin(drawn_codes)].assign(
    name=lambda f: f["iso3"].map(names),
    ecowas=lambda f: f["ecowas_status"].map(lambda s: t(f"status.{s}", lang)),
    russia_items=lambda f: f["iso3"].map(signed).fillna(0).astype(int),
)
states_tab, forces_tab = st.tabs([t("map.drawn_states", lang), t("map.drawn_forces", lang)])
with states_tab:
    order = drawn["iso3"].isin(AES_STATES).map({True: 0, False: 1})
    table_with_download(
        drawn.assign(order=order).sort_values(["order", "name"])[
            ["iso3", "name", "ecowas", "aes_member", "russia_items"]
        ],
        f"map-states-{day}",
        key="map.states",
        lang=lang,
    )
with forces_tab:
    table_with_download(
        markers[
            ["actor", column("label", lang), "iso3", "place", "lat", "lon", "start", "size", "source_ids"]
        ],
        f"map-forces-{day}",
        key="map.forces",
        lang=lang,
    )
