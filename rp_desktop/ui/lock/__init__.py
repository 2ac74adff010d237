"""Locking the records: idle time, the lock screen, the Security menu, the system session."""
