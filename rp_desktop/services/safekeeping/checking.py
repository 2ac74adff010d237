"""Checking a database: a file the way `rp-desktop check` checks it, or the database the app has
open. SQLite's integrity and foreign-key checks, SQLCipher's page check, and the audit trail's
hash chain; the file is never written, and no file is left beside it."""

from pathlib import Path

from rp_desktop.db.check import check_with_key, quick_check_with_key
from rp_desktop.domain.safekeeping.findings import CheckReport
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.audit_sealing import judged_against_head
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import NotADatabase, translated
from rp_desktop.services.safekeeping.files import key_for, sniff


def check_database(path: Path, passphrase: Passphrase | None = None) -> CheckReport:
    """Report on the database at `path`; raise NotADatabase or SchemaTooNew if it cannot be one,
    PassphraseNeeded or WrongPassphrase for an encrypted file without its passphrase."""
    path = path.expanduser().absolute()
    problem = sniff(path)
    if problem is not None:
        raise NotADatabase(path, problem)
    key = key_for(path, passphrase)
    with translated(path):
        return judged_against_head(check_with_key(path, key), key)


def check_open_database(db: Database) -> CheckReport:
    """Check `db`'s file through a separate read-only connection with the key the app already
    holds (no second key derivation). The app's own connections are left as they are, and
    saving can go on while the check reads. Raises DatabaseLocked while the app is locked."""
    with translated(db.path):
        return judged_against_head(check_with_key(db.path, db.key), db.key)


def quick_check(db: Database) -> tuple[str, ...]:
    """SQLite's quick check of every page of `db`'s file (and, for an encrypted one, every
    page's authentication code as it is read), through its own read-only connection: the
    problems found, none when the file is whole. Seconds on a large database: run it off the
    window's thread."""
    return quick_check_with_key(db.path, db.key)
