"""Sahel Pivot: the dashboard's package (data → model → figures → widgets → pages)."""
