"""The demo school's cases: who is in them, what happened, and what was done."""
