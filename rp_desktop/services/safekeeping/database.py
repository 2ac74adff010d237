"""An open school database: its engine, its write lock and the clock that stamps changes.

Opening checks the file, takes the lock, derives the key once (for an encrypted file) and brings
the schema up to date (after a verified copy of the old one). Everything that can go wrong raises
a DatabaseError with a plain message. Locking forgets the key; unlocking derives it again. Every
service takes one of these; the screens hold it and pass it on, never its engine.
"""

import getpass
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from rp_desktop.db import schema
from rp_desktop.db.backup import (
    SIDECARS,
    copy_database,
    create_private_file,
    make_private,
    remove_copy,
)
from rp_desktop.db.cipher import Key, connect, derive_key, driver_errors
from rp_desktop.db.engine import create_database_engine
from rp_desktop.db.lock import DatabaseLock, lock_path_for
from rp_desktop.db.read_only import IDENTITY_KEY
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.errors import (
    DatabaseLocked,
    PassphraseNeeded,
    WrongPassphrase,
    translated,
)
from rp_desktop.services.safekeeping.files import (
    key_for,
    key_to_open,
    refusal,
    refuse_if_damaged,
    refuse_if_read_only,
)

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class Database:
    """An open RP Desktop database. Close it to release the lock."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        lock: DatabaseLock,
        clock: Clock,
        key: Key | None,
        identity: str = "",
    ) -> None:
        self.path = path
        # A UUID made with the database and kept in it (migration 0007): the same in every copy.
        self.identity = identity
        self._engine: Engine | None = engine
        self._lock = lock
        self._clock = clock
        self._key = key
        self.encrypted = key is not None
        try:
            self.actor = getpass.getuser()
        except (KeyError, OSError):
            self.actor = "unknown"

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: Passphrase | None = None,
        unencrypted: bool = False,
        clock: Clock = system_clock,
        verify: bool = False,
    ) -> "Database":
        """Open (or create) the database at `path` for writing.

        A new database is encrypted with `passphrase`; without one it is made only when
        `unencrypted` says so explicitly. An existing file opens as it is: a plain one needs no
        passphrase, an encrypted one its own. A file that cannot be opened is refused before
        anything is written to it or beside it; so is an empty file, which may be what is left of
        one, and a read-only file or folder. With `verify`, SQLite's quick check reads every page
        first and a damaged file is refused too (the command line's commands ask for it; the
        window checks on a worker once it is open). A new database, and the log files SQLite
        keeps beside it, are the user's alone (0600); so is one made by an earlier version,
        from its first opening."""
        path = path.expanduser().absolute()
        with translated(path):
            return cls._open(path, passphrase, unencrypted, clock, verify)

    @classmethod
    def _open(
        cls,
        path: Path,
        passphrase: Passphrase | None,
        unencrypted: bool,
        clock: Clock,
        verify: bool,
    ) -> "Database":
        refuse_if_read_only(path)  # first: even reading can leave a file beside a log
        key, new = key_to_open(path, passphrase, unencrypted)
        if verify and not new:
            refuse_if_damaged(path, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        there = _files_beside(path)
        lock = DatabaseLock.acquire(path)
        try:
            if new:
                create_private_file(path)  # 0600 before SQLite opens it: its logs take its mode
        except BaseException:
            lock.release(remove=lock_path_for(path) not in there)
            raise
        try:
            engine, identity = _set_up(path, key, new, clock)
        except BaseException as error:
            _leave_nothing_behind(path, new, there, lock)
            if isinstance(error, (DBAPIError, *driver_errors(key))):
                raise refusal(path, error) from error
            raise
        return cls(path, engine, lock, clock, key, identity)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise DatabaseLocked()
        return self._engine

    @property
    def key(self) -> Key | None:
        """The key of an encrypted database (None for a plain one); raises when locked."""
        if self._engine is None:
            raise DatabaseLocked()
        return self._key

    @property
    def locked(self) -> bool:
        return self._engine is None

    def lock(self) -> None:
        """Close every connection and forget the key until `unlock`."""
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._key = None

    def unlock(self, passphrase: Passphrase | None) -> None:
        """Derive the key again and reopen; raises WrongPassphrase and stays locked."""
        if self._engine is not None:
            return
        if self.encrypted and passphrase is None:
            raise PassphraseNeeded(self.path)
        key = key_for(self.path, passphrase) if self.encrypted else None
        with translated(self.path):
            self._engine = create_database_engine(self.path, key)
        self._key = key

    def check_passphrase(self, passphrase: Passphrase) -> bool:
        """True when `passphrase` is this database's own (always False for a plain one)."""
        if not self.encrypted:
            return False
        try:
            key_for(self.path, passphrase)
        except WrongPassphrase:
            return False
        return True

    def change_passphrase(self, current: Passphrase, new: Passphrase) -> None:
        """Re-encrypt every page under `new` (SQLCipher's rekey, one transaction).

        Raises WrongPassphrase, and changes nothing, when `current` is not the passphrase."""
        old = key_for(self.path, current)
        if old is None:
            raise ValueError("a plain database has no passphrase to change")
        replacement = derive_key(new, old.salt)  # the salt stays with the file
        self.engine.dispose()
        with closing(connect(self.path, old)) as connection:
            connection.execute(f'PRAGMA rekey = "{replacement.pragma_value()}"')
        with translated(self.path):
            self._engine = create_database_engine(self.path, replacement)
        self._key = replacement

    def now(self) -> datetime:
        return self._clock()

    def today(self) -> date:
        """Today where the user is: dates of circles and cases are local dates."""
        return self._clock().astimezone().date()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._lock.release()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _files_beside(path: Path) -> frozenset[Path]:
    """Which of the lock file and SQLite's log files are there before opening."""
    beside = (lock_path_for(path), *(path.with_name(path.name + s) for s in SIDECARS))
    return frozenset(p for p in beside if p.exists())


def _set_up(path: Path, key: Key | None, new: bool, clock: Clock) -> tuple[Engine, str]:
    """With the lock held and a new file made: an earlier one kept private, its engine, the
    schema brought up to date, and the database's identity."""
    if not new:
        for file in (path, *(path.with_name(path.name + s) for s in SIDECARS)):
            make_private(file)
    engine = create_database_engine(path, key)
    try:
        _bring_up_to_date(engine, path, key, clock)
        return engine, _identity(engine)
    except BaseException:
        engine.dispose()
        raise


def _leave_nothing_behind(
    path: Path, new: bool, there: frozenset[Path], lock: DatabaseLock
) -> None:
    """After a failed opening, remove what it made: a new database and its log files, the log
    files of an existing one if they hold nothing (SQLite leaves them when it could not
    write), and a lock file it made. A log that holds anything is kept."""
    if new:
        remove_copy(path)
    else:
        log = path.with_name(path.name + "-wal")
        if log not in there and (not log.exists() or log.stat().st_size == 0):
            for made in (path.with_name(path.name + s) for s in SIDECARS):
                if made not in there:
                    made.unlink(missing_ok=True)
    lock.release(remove=lock_path_for(path) not in there)


def _identity(engine: Engine) -> str:
    with engine.connect() as connection:
        value = connection.execute(
            text("SELECT value FROM school_setting WHERE key = :key"), {"key": IDENTITY_KEY}
        ).scalar()
    return str(value or "")


def _bring_up_to_date(engine: Engine, path: Path, key: Key | None, clock: Clock) -> None:
    if not schema.needs_upgrade(engine, path):
        return
    with engine.connect() as connection:
        revision = schema.current_revision(connection)
    if revision is not None:
        stamp = clock().astimezone(UTC).strftime("%Y%m%d-%H%M%S")
        copy = path.with_name(f"{path.stem}.before-{schema.HEAD_REVISION}-{stamp}.db")
        copy_database(path, copy, key)
    schema.upgrade(engine)
