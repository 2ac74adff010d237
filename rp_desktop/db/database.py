"""An open database: its engine, its write lock and the clock that stamps changes.

Opening checks the file, takes the lock, and brings the schema up to date (after a verified
copy of the old one). Everything that can go wrong raises a DatabaseError with a plain message.
"""

import getpass
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from rp_desktop.db import schema
from rp_desktop.db.backup import copy_database
from rp_desktop.db.engine import create_database_engine
from rp_desktop.db.errors import NotADatabase, SchemaTooNew, Unreadable
from rp_desktop.db.lock import DatabaseLock
from rp_desktop.db.read_only import has_tables, open_read_only, schema_revision

SQLITE_HEADER = b"SQLite format 3\x00"

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def sniff(path: Path) -> Unreadable | None:
    """Why `path` cannot be an SQLite database, judged from outside, or None if it may be one."""
    if not path.exists():
        return Unreadable.MISSING
    if path.is_dir():
        return Unreadable.FOLDER
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        return Unreadable.NO_PERMISSION
    if not header:
        return Unreadable.EMPTY
    if header != SQLITE_HEADER:
        return Unreadable.NOT_SQLITE
    return None


class Database:
    """An open RP Desktop database. Close it to release the lock."""

    def __init__(self, path: Path, engine: Engine, lock: DatabaseLock, clock: Clock) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._clock = clock
        try:
            self.actor = getpass.getuser()
        except (KeyError, OSError):
            self.actor = "unknown"

    @classmethod
    def open(cls, path: Path, *, clock: Clock = system_clock) -> "Database":
        """Open (or create) the database at `path` for writing.

        A file that cannot be opened is refused before anything is written to it or beside it."""
        path = path.expanduser().absolute()
        problem = sniff(path)
        if problem is None:
            _refuse_if_foreign(path)
        elif problem not in (Unreadable.MISSING, Unreadable.EMPTY):
            raise NotADatabase(path, problem)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = DatabaseLock.acquire(path)
        engine = create_database_engine(path)
        try:
            _bring_up_to_date(engine, path, clock)
        except (DBAPIError, sqlite3.DatabaseError) as error:
            engine.dispose()
            lock.release()
            raise NotADatabase(path, Unreadable.DAMAGED) from error
        except BaseException:
            engine.dispose()
            lock.release()
            raise
        return cls(path, engine, lock, clock)

    def now(self) -> datetime:
        return self._clock()

    def today(self) -> date:
        """Today where the user is: dates of circles and cases are local dates."""
        return self._clock().astimezone().date()

    def close(self) -> None:
        self.engine.dispose()
        self._lock.release()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _refuse_if_foreign(path: Path) -> None:
    """Refuse, untouched, a file that is damaged, another program's, or from a newer version."""
    try:
        with closing(open_read_only(path)) as connection:
            revision = schema_revision(connection)
            foreign = revision is None and has_tables(connection)
    except sqlite3.DatabaseError as error:
        raise NotADatabase(path, Unreadable.DAMAGED) from error
    if foreign:
        raise NotADatabase(path, Unreadable.NOT_RP_DESKTOP)
    if revision is not None and revision not in schema.KNOWN_REVISIONS:
        raise SchemaTooNew(path, revision)


def _bring_up_to_date(engine: Engine, path: Path, clock: Clock) -> None:
    if not schema.needs_upgrade(engine, path):
        return
    with engine.connect() as connection:
        revision = schema.current_revision(connection)
    if revision is not None:
        stamp = clock().astimezone(UTC).strftime("%Y%m%d-%H%M%S")
        copy_database(path, path.with_name(f"{path.stem}.before-{schema.HEAD_REVISION}-{stamp}.db"))
    schema.upgrade(engine)
