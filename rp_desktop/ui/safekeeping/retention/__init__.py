"""The screen that removes old records, and its words."""
