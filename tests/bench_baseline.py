"""Baseline pages for the benchmark: ?plotly=N&decks=M&tables=K draws N trivial plotly charts, M
trivial pydeck maps (no basemap) and K small data tables, so a page can be compared with what
Streamlit itself costs for those components. ?controls=1 draws one slider and one select box above
them: the floor for a rerun after a control changes."""

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from components.compat import NO_BASEMAP

params = st.query_params
plotly_count = int(params.get("plotly", "0"))
deck_count = int(params.get("decks", "0"))
table_count = int(params.get("tables", "0"))
st.title("Baseline")
if params.get("controls") == "1":
    st.slider("Slider", 0, 100, 50, key="baseline.slider")
    st.selectbox("Select box", ["one", "two", "three"], key="baseline.selectbox")
for index in range(plotly_count):
    st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])), key=f"plotly{index}")
for index in range(deck_count):
    layer = pdk.Layer(
        "ScatterplotLayer", [{"lon": 0, "lat": 15}], get_position=["lon", "lat"], get_radius=50000
    )
    deck = pdk.Deck(
        layers=[layer],
        map_provider=None,
        map_style=NO_BASEMAP,
        initial_view_state=pdk.ViewState(latitude=15, longitude=0, zoom=3),
    )
    st.pydeck_chart(deck, key=f"deck{index}")
for index in range(table_count):
    st.dataframe(pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}), key=f"table{index}")
