"""Students: the roster, its import, demographic values, and each student's timeline."""
