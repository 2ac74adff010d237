"""Tier 1 circles as records: the Tier 1 tab and the circle form."""
