"""Forms for creating, opening and editing records."""
