"""Checking a database file without changing it: is it an RP Desktop database, is it whole, and
which schema it has. Opened read-only; a file that is not a database is judged from outside."""

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from rp_desktop.db.cipher import Passphrase, driver_errors
from rp_desktop.db.database import key_for, sniff
from rp_desktop.db.errors import NotADatabase, SchemaTooNew, Unreadable
from rp_desktop.db.read_only import open_read_only, schema_revision
from rp_desktop.db.schema import HEAD_REVISION, KNOWN_REVISIONS

COUNTED_TABLES = ("student", "staff", "student_group", "community_circle", "case", "audit_event")
MAX_REPORTED = 20


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    revision: str
    integrity_problems: tuple[str, ...]
    broken_references: int
    counts: dict[str, int]
    encrypted: bool
    # SQLCipher's own check of every page's authentication code (empty for a plain file)
    cipher_problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return (
            not self.integrity_problems
            and not self.broken_references
            and not (self.cipher_problems)
        )

    @property
    def current(self) -> bool:
        return self.revision == HEAD_REVISION


def check_database(path: Path, passphrase: Passphrase | None = None) -> CheckReport:
    """Report on the database at `path`; raise NotADatabase or SchemaTooNew if it cannot be one,
    PassphraseNeeded or WrongPassphrase for an encrypted file without its passphrase.

    The file is never written, and no file is left beside it."""
    path = path.expanduser().absolute()
    problem = sniff(path)
    if problem is not None:
        raise NotADatabase(path, problem)
    key = key_for(path, passphrase)
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
    except driver_errors(key) as error:
        raise NotADatabase(path, Unreadable.DAMAGED) from error
    return CheckReport(path, revision, integrity, broken, counts, key is not None, cipher)


def _cipher_problems(connection: sqlite3.Connection) -> tuple[str, ...]:
    rows = connection.execute("PRAGMA cipher_integrity_check").fetchmany(MAX_REPORTED)
    return tuple(str(row[0]) for row in rows)


def _revision(connection: sqlite3.Connection, path: Path) -> str:
    revision = schema_revision(connection)
    if revision is None:
        raise NotADatabase(path, Unreadable.NOT_RP_DESKTOP)
    if revision not in KNOWN_REVISIONS:
        raise SchemaTooNew(path, revision)
    return revision
