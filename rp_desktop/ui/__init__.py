"""The PySide6 user interface. Thin: it calls services and draws what they return."""
