"""Tier 2 and Tier 3 casework: cases, categories, meetings, agreements, support plans, what is
due, printing."""
