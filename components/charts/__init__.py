"""plotly builders, one module per page family: each returns a Figure and never renders."""
