"""The engine factory: every connection gets the pragmas that make SQLite crash-safe, reads them
back, and refuses to run without them."""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from rp_desktop.db.cipher import Key, driver
from rp_desktop.db.errors import PragmaNotSet

BUSY_TIMEOUT_MS = 5000

# pragma -> (statement that sets it, the value it must read back as)
CACHE_SIZE = -32768  # negative: KiB, not pages

PRAGMAS: dict[str, tuple[str, object]] = {
    "journal_mode": ("PRAGMA journal_mode=WAL", "wal"),
    "synchronous": ("PRAGMA synchronous=FULL", 2),
    "foreign_keys": ("PRAGMA foreign_keys=ON", 1),
    "busy_timeout": (f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}", BUSY_TIMEOUT_MS),
    # 32 MiB of page cache per connection (filled only by pages read): SQLCipher decrypts and
    # authenticates a page each time it is read from the file, and a search scans the largest
    # table, so the default cache made an encrypted keystroke 2.5x a plain one (bench/encryption).
    "cache_size": (f"PRAGMA cache_size={CACHE_SIZE}", CACHE_SIZE),
}


def apply_pragmas(connection: sqlite3.Connection) -> None:
    """Set each pragma, read it back, and raise PragmaNotSet if one did not take."""
    for name, (statement, wanted) in PRAGMAS.items():
        connection.execute(statement)
        got = connection.execute(f"PRAGMA {name}").fetchone()[0]
        if got != wanted:
            raise PragmaNotSet(name, wanted, got)


def read_pragmas(connection: sqlite3.Connection) -> dict[str, object]:
    return {name: connection.execute(f"PRAGMA {name}").fetchone()[0] for name in PRAGMAS}


def create_database_engine(path: Path, key: Key | None = None) -> Engine:
    """An engine for the database file at `path`, which is created if missing; encrypted with
    `key` through SQLCipher, or plain SQLite when `key` is None.

    Parameters are hidden from error messages, which would otherwise quote student names.
    """
    if key is None:
        url = URL.create("sqlite+pysqlite", database=str(path))
    else:
        driver()  # imported and silenced before the dialect's first connection
        # The dialect sends the password as `PRAGMA key = "<password>"`: a raw-key literal
        # there skips SQLCipher's own derivation, which was done once, in cipher.derive_key.
        url = URL.create("sqlite+pysqlcipher", password=key.pragma_value(), database=str(path))
    engine = create_engine(
        url,
        hide_parameters=True,
        # The same pool as plain SQLite files (the SQLCipher dialect's default is one
        # connection per thread, kept forever).
        poolclass=QueuePool,
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when a transaction begins, so that reads
    # inside one transaction are consistent and DDL is transactional.
    dbapi_connection.isolation_level = None
    apply_pragmas(dbapi_connection)


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")
