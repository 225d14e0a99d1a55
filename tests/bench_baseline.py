"""Baseline pages for the benchmark: ?plotly=N&decks=M draws N trivial plotly charts and M trivial
pydeck maps (no basemap), so a page can be compared with what Streamlit itself costs for them."""

import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

params = st.query_params
plotly_count = int(params.get("plotly", "0"))
deck_count = int(params.get("decks", "0"))
st.title("Baseline")
for index in range(plotly_count):
    st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])), key=f"plotly{index}")
for index in range(deck_count):
    layer = pdk.Layer(
        "ScatterplotLayer", [{"lon": 0, "lat": 15}], get_position=["lon", "lat"], get_radius=50000
    )
    deck = pdk.Deck(
        layers=[layer],
        map_provider=None,
        map_style="__MAP_STYLE__",
        initial_view_state=pdk.ViewState(latitude=15, longitude=0, zoom=3),
    )
    st.pydeck_chart(deck, key=f"deck{index}")
