"""Students: the Students tab, the student form, the timeline and the roster import."""
