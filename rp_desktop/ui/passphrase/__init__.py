"""Asking for a passphrase: unlocking, choosing a new one, changing it."""
