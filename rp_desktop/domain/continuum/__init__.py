"""The whole continuum of restorative practice, from an affective statement to a formal
conference: quick logs of everyday practice, referrals and their triage, preparation and
consent before a meeting, caregivers, and the outcomes a district asks about."""
