"""Tier 2 and Tier 3 casework as plain values: records, validation, the restorative questions,
plans."""
