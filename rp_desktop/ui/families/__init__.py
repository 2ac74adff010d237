"""Families and caregivers as people: on the student, in a case, contacts, letters."""
