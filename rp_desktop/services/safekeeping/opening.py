"""Opening a school's database, and where it lives when no path is given."""

from pathlib import Path

import platformdirs

from rp_desktop.db.cipher import Passphrase, is_plain_sqlite
from rp_desktop.db.database import Clock, Database, sniff, system_clock
from rp_desktop.db.errors import (
    DatabaseError,
    DatabaseInUse,
    DatabaseLocked,
    DiskFull,
    EncryptionNotChosen,
    NotADatabase,
    PassphraseNeeded,
    PragmaRefused,
    SchemaTooNew,
    Unreadable,
    WrongPassphrase,
)
from rp_desktop.db.faults import WriteFailure, disk_full_from, write_failure

__all__ = [
    "Database",
    "DatabaseError",
    "DatabaseInUse",
    "DatabaseLocked",
    "DiskFull",
    "EncryptionNotChosen",
    "NotADatabase",
    "Passphrase",
    "PassphraseNeeded",
    "PragmaRefused",
    "SchemaTooNew",
    "Unreadable",
    "WriteFailure",
    "WrongPassphrase",
    "default_database_path",
    "disk_full_from",
    "is_encrypted_file",
    "open_database",
    "write_failure",
]

APP_NAME = "RP Desktop"


def default_database_path() -> Path:
    """The school database in the user's own application-data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "school.db"


def open_database(
    path: Path | None = None,
    *,
    passphrase: Passphrase | None = None,
    unencrypted: bool = False,
    clock: Clock = system_clock,
) -> Database:
    """Open the database at `path` (the default one when None); see Database.open."""
    return Database.open(
        path or default_database_path(),
        passphrase=passphrase,
        unencrypted=unencrypted,
        clock=clock,
    )


def is_encrypted_file(path: Path) -> bool:
    """True when `path` looks like an encrypted database (whole pages, not plain SQLite): opening
    it needs a passphrase. Anything else that is not a database is left for opening to explain."""
    return sniff(path) is None and not is_plain_sqlite(path)
