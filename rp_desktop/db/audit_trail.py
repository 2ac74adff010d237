"""Reading the audit trail out of a database file, as a stream (a school's trail runs to many
thousands of events): its hash chain, its keyed seals and its newest event. Also the seal key
for a database key, and carrying the seals over when a file is encrypted under another key (a
recovery copy, a backup restored under the present passphrase, a passphrase changed): seals
verified under the old key are made again under the new one, up to the first event that does
not verify, so a break stays where it was."""

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from rp_desktop.db.cipher import Key
from rp_desktop.db.read_only import schema_revision
from rp_desktop.domain.safekeeping.audit import (
    AuditEntry,
    BrokenLink,
    ChainedEvent,
    first_broken_link,
)
from rp_desktop.domain.safekeeping.audit_seal import (
    PUBLIC_SEAL_KEY,
    SEAL_LABEL,
    SealFindings,
    SealWalk,
    resealed,
)
from rp_desktop.domain.vocabulary import AuditAction


@dataclass(frozen=True, slots=True)
class AuditTrail:
    """What reading the whole trail found: how many events, where the hash chain first breaks,
    and what the seals say (None for a file from before seals, revision 0007 or older)."""

    events: int
    broken: BrokenLink | None
    seals: SealFindings | None


def read_audit_trail(connection: sqlite3.Connection, key: Key | None) -> AuditTrail:
    """Walk the trail once, as a stream (memory stays small however long it is): the hash chain
    up to its first break, and every event's id and seal to the end."""
    sealed = has_seals(connection)
    walk = SealWalk(audit_events(connection, sealed=sealed), seal_key(key), public=key is None)
    broken = first_broken_link(walk)
    walk.drain()
    return AuditTrail(walk.seen, broken, walk.findings() if sealed else None)


def has_seals(connection: sqlite3.Connection) -> bool:
    """Whether the file's audit_event table has the seal column (revision 0008 on)."""
    columns = connection.execute("PRAGMA table_info(audit_event)").fetchall()
    return any(column[1] == "seal" for column in columns)


def audit_events(
    connection: sqlite3.Connection, *, sealed: bool = True, after: int = 0
) -> Iterator[ChainedEvent]:
    """The audit trail in id order from the event after `after`, one row at a time (a school's
    trail runs to many thousands); seals are None when `sealed` is False (an older file)."""
    seal = "seal" if sealed else "NULL"
    rows = connection.execute(
        "SELECT id, at, actor, action, entity, entity_id, detail, previous_hash, hash, "
        f"{seal} FROM audit_event WHERE id > ? ORDER BY id",
        (after,),
    )
    for event_id, at, actor, action, entity, entity_id, detail, previous, link, mark in rows:
        entry = audit_entry(at, actor, action, entity, entity_id, detail)
        yield ChainedEvent(
            event_id, entry, str(previous), str(link), None if mark is None else str(mark)
        )


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


def seal_key(key: Key | None) -> bytes:
    """The key audit seals are made with: derived from the database key, or the public one for
    a plain database."""
    return PUBLIC_SEAL_KEY if key is None else key.derive(SEAL_LABEL)


def reseal(connection: sqlite3.Connection, old: Key | None, new: Key | None) -> int:
    """Seal the trail of the database on `connection` (keyed with `new`) under `new`'s seal key,
    where it verifies under `old`'s; commits, and returns how many events were sealed again.
    Nothing is done for the same key, or for a file from before seals."""
    old_seal, new_seal = seal_key(old), seal_key(new)
    if old_seal == new_seal or schema_revision(connection) is None or not has_seals(connection):
        return 0
    seals = list(resealed(audit_events(connection), old_seal, new_seal))
    with connection:
        connection.executemany(
            "UPDATE audit_event SET seal = ? WHERE id = ?", [(s, i) for i, s in seals]
        )
    return len(seals)


def newest_seal(connection: sqlite3.Connection) -> str | None:
    """The seal of the newest event (None when there is none, or the file is from before
    seals), for a backup's manifest."""
    if not has_seals(connection):
        return None
    row = connection.execute("SELECT seal FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None or row[0] is None else str(row[0])
