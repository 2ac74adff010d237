"""Checking the database the app has open, the way `rp-desktop check` checks a file: SQLite's
integrity and foreign-key checks, SQLCipher's page check, and the audit trail's hash chain."""

from rp_desktop.db.check import CheckReport, check_with_key, quick_check_with_key
from rp_desktop.db.database import Database

__all__ = ["CheckReport", "check_open_database", "quick_check"]


def check_open_database(db: Database) -> CheckReport:
    """Check `db`'s file through a separate read-only connection with the key the app already
    holds (no second key derivation). The app's own connections are left as they are, and
    saving can go on while the check reads. Raises DatabaseLocked while the app is locked."""
    return check_with_key(db.path, db.key)


def quick_check(db: Database) -> tuple[str, ...]:
    """SQLite's quick check of every page of `db`'s file (and, for an encrypted one, every
    page's authentication code as it is read), through its own read-only connection: the
    problems found, none when the file is whole. Seconds on a large database: run it off the
    window's thread."""
    return quick_check_with_key(db.path, db.key)
