"""Tier 1 circles: the records, the runs that make them, and the circle library."""
