"""The school's own record export: one CSV per kind of record, with a README."""
