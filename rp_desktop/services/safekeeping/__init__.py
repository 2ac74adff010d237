"""Keeping the records safe: opening, passphrases, backups, checks, salvage, retention."""
