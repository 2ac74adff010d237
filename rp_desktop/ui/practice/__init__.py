"""Everyday practice, logged in seconds: the "Log a practice" dialog, the practice log's window
(see, correct, remove, and grow a log into a Tier 2 case), and their words."""
