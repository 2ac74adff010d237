"""Where the school's database is, and judging its file before anything is written to it or
beside it: whether it can be a database at all, and the key a passphrase gives for it. Plain
Python and the driver only (no SQLAlchemy), so the first screen can ask whether a file is
encrypted without waiting for it."""

from contextlib import closing
from pathlib import Path

import platformdirs

from rp_desktop.db.cipher import Key, driver_errors, is_plain_sqlite, key_for_file, may_be_encrypted
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.errors import NotADatabase, PassphraseNeeded, WrongPassphrase

SQLITE_CORRUPT = 11  # "database disk image is malformed"
APP_NAME = "RP Desktop"


def default_database_path() -> Path:
    """The school database in the user's own application-data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "school.db"


def sniff(path: Path) -> Unreadable | None:
    """Why `path` cannot be a database, judged from outside, or None if it may be one
    (plain SQLite, or whole pages that may be encrypted)."""
    if not path.exists():
        return Unreadable.MISSING
    if path.is_dir():
        return Unreadable.FOLDER
    try:
        size = path.stat().st_size
        plain = size > 0 and is_plain_sqlite(path)
    except PermissionError:
        return Unreadable.NO_PERMISSION
    if not size:
        return Unreadable.EMPTY
    if not plain and not may_be_encrypted(path):
        return Unreadable.NOT_SQLITE
    return None


def key_for(path: Path, passphrase: Passphrase | None) -> Key | None:
    """The key to open the existing file at `path` (None for a plain file), checked against it.

    Raises PassphraseNeeded or WrongPassphrase; reads the file and writes nothing."""
    if is_plain_sqlite(path):
        return None
    if passphrase is None:
        raise PassphraseNeeded(path)
    from rp_desktop.db.read_only import open_read_only  # with the driver, when first needed

    key = key_for_file(path, passphrase)
    try:
        with closing(open_read_only(path, key)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except driver_errors(key) as error:
        # The key opened the first page but a later one is malformed: damage, not a wrong key.
        if getattr(error, "sqlite_errorcode", None) == SQLITE_CORRUPT:
            raise NotADatabase(path, Unreadable.DAMAGED) from error
        raise WrongPassphrase(path) from error
    return key


def is_encrypted_file(path: Path) -> bool:
    """True when `path` looks like an encrypted database (whole pages, not plain SQLite): opening
    it needs a passphrase. Anything else that is not a database is left for opening to explain."""
    return sniff(path) is None and not is_plain_sqlite(path)
