"""Tier 1 circles as records: the "Tier 1 · Circles" tab and the circle form."""
