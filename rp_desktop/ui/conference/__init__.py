"""A conference run from the keeper's console: the restorative questions person by person, a
short note of what each said (kept only when the facilitator ticks "keep the answers"), and the
agreement typed while the group agrees."""
