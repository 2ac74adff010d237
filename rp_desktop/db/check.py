"""Checking a database file without changing it: is it an RP Desktop database, is it whole,
which schema it has, and does its audit trail still chain. Opened read-only; a file that is not a
database is judged from outside."""

import sqlite3
from contextlib import closing
from pathlib import Path

from rp_desktop.db.audit_trail import read_audit_trail
from rp_desktop.db.cipher import Key, driver_errors
from rp_desktop.db.errors import FileRefused, NewerSchema
from rp_desktop.db.read_only import database_identity, open_read_only, schema_revision
from rp_desktop.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.domain.safekeeping.findings import CheckReport

COUNTED_TABLES = ("student", "staff", "student_group", "community_circle", "case", "audit_event")
MAX_REPORTED = 20


def check_with_key(path: Path, key: Key | None) -> CheckReport:
    """Report on the database at `path` with a key already checked against it (None for a
    plain file): how the app checks the database it has open, without deriving the key again.
    Read-only, so the app's own connections are not disturbed."""
    path = path.expanduser().absolute()
    try:
        with closing(open_read_only(path, key)) as connection:
            revision = _revision(connection, path)
            integrity = tuple(
                row[0]
                for row in connection.execute(f"PRAGMA integrity_check({MAX_REPORTED})")
                if row[0] != "ok"
            )
            broken = len(connection.execute("PRAGMA foreign_key_check").fetchall())
            counts = {
                table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in COUNTED_TABLES
            }
            cipher = () if key is None else _cipher_problems(connection)
            trail = read_audit_trail(connection, key)
            identity = database_identity(connection) or ""
    except driver_errors(key) as error:
        raise FileRefused(path, Unreadable.DAMAGED) from error
    return CheckReport(
        path=path,
        revision=revision,
        current=revision == HEAD_REVISION,
        integrity_problems=integrity,
        broken_references=broken,
        counts=counts,
        encrypted=key is not None,
        cipher_problems=cipher,
        audit_break=trail.broken,
        audit_events=trail.events,
        seals=trail.seals,
        identity=identity,
    )


def _cipher_problems(connection: sqlite3.Connection) -> tuple[str, ...]:
    rows = connection.execute("PRAGMA cipher_integrity_check").fetchmany(MAX_REPORTED)
    return tuple(str(row[0]) for row in rows)


def _revision(connection: sqlite3.Connection, path: Path) -> str:
    revision = schema_revision(connection)
    if revision is None:
        raise FileRefused(path, Unreadable.NOT_RP_DESKTOP)
    if revision not in KNOWN_REVISIONS:
        raise NewerSchema(path, revision)
    return revision


def quick_check_with_key(path: Path, key: Key | None) -> tuple[str, ...]:
    """PRAGMA quick_check over a read-only connection: the problems found (at most
    MAX_REPORTED), none when every page and record reads back whole. An unreadable file is
    one problem, described without the driver's words (they can quote data)."""
    try:
        with closing(open_read_only(path, key)) as connection:
            rows = connection.execute(f"PRAGMA quick_check({MAX_REPORTED})").fetchall()
    except driver_errors(key) as error:
        return (f"the file could not be read ({type(error).__name__})",)
    return tuple(str(row[0]) for row in rows if row[0] != "ok")
