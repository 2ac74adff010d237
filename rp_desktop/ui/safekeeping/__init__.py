"""Safekeeping screens: backups, checks, recovery, retention and the audit trail."""
