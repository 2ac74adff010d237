"""Checking a database file without changing it: is it an RP Desktop database, is it whole,
which schema it has, and does its audit trail still chain. Opened read-only; a file that is not a
database is judged from outside."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from rp_desktop.db.cipher import Key, driver_errors
from rp_desktop.db.errors import FileRefused, NewerSchema
from rp_desktop.db.read_only import open_read_only, schema_revision
from rp_desktop.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from rp_desktop.domain.safekeeping.audit import (
    AuditEntry,
    BrokenLink,
    ChainedEvent,
    first_broken_link,
)
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.domain.safekeeping.findings import CheckReport
from rp_desktop.domain.vocabulary import AuditAction

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
            audit_events, audit_break = read_audit_chain(connection)
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
        audit_break=audit_break,
        audit_events=audit_events,
    )


def read_audit_chain(connection: sqlite3.Connection) -> tuple[int, BrokenLink | None]:
    """How many audit events there are, and where their chain first breaks (None if nowhere).
    Streams the events, so memory stays small however long the trail."""
    counted = _AuditCount(audit_events(connection))
    broken = first_broken_link(counted)
    if broken is not None:
        counted.seen = connection.execute("SELECT count(*) FROM audit_event").fetchone()[0]
    return counted.seen, broken


class _AuditCount:
    """Passes events through, counting them: the chain is read once, as a stream."""

    def __init__(self, events: Iterator[ChainedEvent]) -> None:
        self._events = events
        self.seen = 0

    def __iter__(self) -> Iterator[ChainedEvent]:
        for event in self._events:
            self.seen += 1
            yield event


def audit_events(connection: sqlite3.Connection) -> Iterator[ChainedEvent]:
    """The audit trail in id order, one row at a time (a school's trail runs to many thousands)."""
    rows = connection.execute(
        "SELECT id, at, actor, action, entity, entity_id, detail, previous_hash, hash "
        "FROM audit_event ORDER BY id"
    )
    for event_id, at, actor, action, entity, entity_id, detail, previous, link in rows:
        entry = audit_entry(at, actor, action, entity, entity_id, detail)
        yield ChainedEvent(event_id, entry, str(previous), str(link))


def audit_entry(
    at: object, actor: object, action: object, entity: object, entity_id: object, detail: object
) -> AuditEntry | None:
    """The entry as the app wrote it, or None when a field no longer reads as one (an edit made
    outside the app): the event then counts as changed."""
    try:
        # Stored as naive UTC text, the way SQLAlchemy writes a DateTime to SQLite.
        when = datetime.fromisoformat(str(at)).replace(tzinfo=UTC)
        what = AuditAction(str(action))
    except ValueError:
        return None
    if not isinstance(entity_id, int | None) or isinstance(entity_id, bool):
        return None
    return AuditEntry(when, str(actor), what, str(entity), entity_id, str(detail or ""))


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
