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
from rp_desktop.db.backup import copy_database
from rp_desktop.db.cipher import Key, connect, derive_key, driver_errors, new_key
from rp_desktop.db.engine import create_database_engine
from rp_desktop.db.lock import DatabaseLock
from rp_desktop.db.read_only import IDENTITY_KEY, has_tables, open_read_only, schema_revision
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.errors import (
    DatabaseLocked,
    EncryptionNotChosen,
    NotADatabase,
    PassphraseNeeded,
    SchemaTooNew,
    WrongPassphrase,
    translated,
)
from rp_desktop.services.safekeeping.files import key_for, sniff

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
    ) -> "Database":
        """Open (or create) the database at `path` for writing.

        A new database is encrypted with `passphrase`; without one it is made only when
        `unencrypted` says so explicitly. An existing file opens as it is: a plain one needs no
        passphrase, an encrypted one its own. A file that cannot be opened is refused before
        anything is written to it or beside it; so is an empty file, which may be what is left of
        one."""
        path = path.expanduser().absolute()
        with translated(path):
            return cls._open(path, passphrase, unencrypted, clock)

    @classmethod
    def _open(
        cls, path: Path, passphrase: Passphrase | None, unencrypted: bool, clock: Clock
    ) -> "Database":
        problem = sniff(path)
        if problem is None:
            key = key_for(path, passphrase)
            _refuse_if_foreign(path, key)
        elif problem is Unreadable.MISSING:
            if passphrase is None and not unencrypted:
                raise EncryptionNotChosen(path)
            key = None if passphrase is None else new_key(passphrase)
        else:
            raise NotADatabase(path, problem)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = DatabaseLock.acquire(path)
        engine = create_database_engine(path, key)
        unreadable: tuple[type[Exception], ...] = (DBAPIError, *driver_errors(key))
        try:
            _bring_up_to_date(engine, path, key, clock)
            identity = _identity(engine)
        except unreadable as error:
            engine.dispose()
            lock.release()
            raise NotADatabase(path, Unreadable.DAMAGED) from error
        except BaseException:
            engine.dispose()
            lock.release()
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


def _refuse_if_foreign(path: Path, key: Key | None) -> None:
    """Refuse, untouched, a file that is damaged, another program's, or from a newer version."""
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
