"""Preparation and consent: each participant's pre-conference checklist, and meetings planned
ahead, then marked held or cancelled."""
