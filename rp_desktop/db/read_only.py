"""Looking into a database file without changing a byte of it or leaving a file beside it."""

import sqlite3
from pathlib import Path

from rp_desktop.db.cipher import Key, connect

SIDECARS = ("-wal", "-shm")


def open_read_only(path: Path, key: Key | None = None) -> sqlite3.Connection:
    """A read-only connection, through SQLCipher when `key` is given. Immutable when no other
    program has the file open (no write-ahead log beside it), since even a read-only WAL
    connection would otherwise create log files."""
    in_use = any(path.with_name(path.name + suffix).exists() for suffix in SIDECARS)
    mode = "ro" if in_use else "ro&immutable=1"
    connection = connect(f"{path.absolute().as_uri()}?mode={mode}", key, uri=True)
    connection.execute("PRAGMA query_only=ON")
    # A damaged file can hold any bytes where text should be; read them, never fail on them.
    connection.text_factory = lambda data: data.decode("utf-8", errors="replace")
    return connection


def schema_revision(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision stamped in the file, or None when there is none."""
    has_version = connection.execute(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()[0]
    if not has_version:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def has_tables(connection: sqlite3.Connection) -> bool:
    return bool(connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0])


# Where migration 0007 keeps the database's identity, a UUID made once with the database.
IDENTITY_KEY = "database_id"


def database_identity(connection: sqlite3.Connection) -> str | None:
    """The database's identity, or None for a file from before revision 0007 (or not ours)."""
    try:
        row = connection.execute(
            "SELECT value FROM school_setting WHERE key = ?", (IDENTITY_KEY,)
        ).fetchone()
    except sqlite3.OperationalError:  # no school_setting table: not an RP Desktop database
        return None
    return None if row is None else str(row[0])
