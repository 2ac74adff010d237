"""Where the school's database is, and judging its file before anything is written to it or
beside it: whether it can be a database at all, and the key a passphrase gives for it. Plain
Python and the driver only (no SQLAlchemy), so the first screen can ask whether a file is
encrypted without waiting for it."""

import errno
import os
from contextlib import closing, suppress
from pathlib import Path

import platformdirs

from rp_desktop.db.cipher import (
    Key,
    driver_errors,
    is_plain_sqlite,
    key_for_file,
    may_be_encrypted,
    new_key,
)
from rp_desktop.domain.safekeeping.files import ReadOnly, Unreadable
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.errors import (
    DatabaseError,
    EncryptionNotChosen,
    NotADatabase,
    NotOpened,
    PassphraseNeeded,
    ReadOnlyPlace,
    SchemaTooNew,
    WrongPassphrase,
)

WRONG_PASSPHRASES_FILE = "wrong-passphrases.json"
SQLITE_CORRUPT = 11  # "database disk image is malformed"
SQLITE_NOTADB = 26  # "file is not a database"
# SQLite's primary codes for a file or folder it may not write: PERM, READONLY, CANTOPEN, AUTH.
SQLITE_NOT_ALLOWED = frozenset({3, 8, 14, 23})
APP_NAME = "RP Desktop"


def default_database_path() -> Path:
    """The school database in the user's own application-data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "school.db"


class WrongPassphrases:
    """Wrong passphrases given in a row for each database, kept in a small file of the user's own
    (0600) outside the databases, by each database's full path: the command line waits after
    them as the window does (domain.safekeeping.passphrase.unlock_delay). A file that cannot be
    read or written counts nothing and stops no command."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file or Path(
            platformdirs.user_state_dir(APP_NAME, appauthor=False), WRONG_PASSPHRASES_FILE
        )

    def count(self, database: Path) -> int:
        return self._read().get(_where(database), 0)

    def add(self, database: Path) -> None:
        counts = self._read()
        counts[_where(database)] = counts.get(_where(database), 0) + 1
        self._write(counts)

    def forget(self, database: Path) -> None:
        counts = self._read()
        if counts.pop(_where(database), None) is not None:
            self._write(counts)

    def _read(self) -> dict[str, int]:
        import json  # here: the first screen imports this module and never needs it

        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, int) and v > 0}

    def _write(self, counts: dict[str, int]) -> None:
        """Written beside itself and renamed over, so a reader sees the old counts or the new."""
        import json

        staging = self.file.with_name(self.file.name + ".new")
        with suppress(OSError):
            self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            staging.unlink(missing_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(staging, flags, 0o600), "w", encoding="utf-8") as out:
                json.dump(counts, out)
            os.replace(staging, self.file)


def _where(database: Path) -> str:
    return str(database.expanduser().resolve())


def sniff(path: Path) -> Unreadable | None:
    """Why `path` cannot be a database, judged from outside, or None if it may be one
    (plain SQLite, or whole pages that may be encrypted)."""
    try:
        if not path.exists():
            return Unreadable.MISSING
        if path.is_dir():
            return Unreadable.FOLDER
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


def refuse_if_read_only(path: Path) -> None:
    """Raise ReadOnlyPlace when the database at `path` could not be written, or not be made:
    its folder (or the nearest folder there is on the way to it) is read-only, or the file, its
    lock file or a log file SQLite left beside it is. Judged before anything is written, so
    nothing is left behind. A file where a folder should be is NotADirectoryError."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "That is a file, not a folder", str(folder))
    if not os.access(folder, os.X_OK):
        return  # not even to be looked into: judging the file says it may not be read
    if not os.access(folder, os.W_OK):
        raise ReadOnlyPlace(folder, ReadOnly.FOLDER)
    beside = (path.name, f"{path.name}.lock", f"{path.name}-wal", f"{path.name}-shm")
    for file in (path.with_name(name) for name in beside):
        if file.exists() and not os.access(file, os.W_OK):
            raise ReadOnlyPlace(file, ReadOnly.FILE)


def refusal(path: Path, error: BaseException) -> DatabaseError:
    """What a driver error while opening the file at `path` for writing means: damage, a
    read-only place, or another refusal named by SQLite's code (never its message, which can
    quote data)."""
    cause = getattr(error, "orig", None) or error  # SQLAlchemy wraps the driver's error
    code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(cause, UnicodeDecodeError) or code is None:
        return NotADatabase(path, Unreadable.DAMAGED)
    if code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return NotADatabase(path, Unreadable.DAMAGED)
    if code & 0xFF in SQLITE_NOT_ALLOWED:
        try:
            refuse_if_read_only(path)
        except ReadOnlyPlace as read_only:
            return read_only
    return NotOpened(path, str(getattr(cause, "sqlite_errorname", f"SQLite error {code}")))


def key_to_open(
    path: Path, passphrase: Passphrase | None, unencrypted: bool
) -> tuple[Key | None, bool]:
    """The key for the file at `path` (None: plain), and whether it is a new database. Refuses,
    untouched, a file that cannot be one of ours and a passphrase that is not its own."""
    problem = sniff(path)
    if problem is None:
        key = key_for(path, passphrase)
        refuse_if_foreign(path, key)
        return key, False
    if problem is not Unreadable.MISSING:
        raise NotADatabase(path, problem)
    if passphrase is None and not unencrypted:
        raise EncryptionNotChosen(path)
    return (None if passphrase is None else new_key(passphrase)), True


def refuse_if_foreign(path: Path, key: Key | None) -> None:
    """Refuse, untouched, a file that is damaged, another program's, or from a newer version."""
    from rp_desktop.db import schema
    from rp_desktop.db.read_only import has_tables, open_read_only, schema_revision

    try:
        with closing(open_read_only(path, key)) as connection:
            revision = schema_revision(connection)
            foreign = revision is None and has_tables(connection)
    except driver_errors(key) as error:
        raise NotADatabase(path, Unreadable.DAMAGED) from error
    if foreign:
        raise NotADatabase(path, Unreadable.NOT_RP_DESKTOP)
    if revision is not None and revision not in schema.KNOWN_REVISIONS:
        raise SchemaTooNew(path, revision)


def refuse_if_damaged(path: Path, key: Key | None) -> None:
    """Refuse a damaged file (NotADatabase, DAMAGED) before anything is written: SQLite's quick
    check of every page over a read-only connection. On the benchmarks' 2,000 students over
    ten years (115 MiB) it added 0.45 s to opening a plain file (5 ms without it) and 0.6 to
    0.9 s to an encrypted one (0.2 s without it), every page's code checked as it is read."""
    from rp_desktop.db.check import quick_check_with_key

    if quick_check_with_key(path, key):
        raise NotADatabase(path, Unreadable.DAMAGED)
