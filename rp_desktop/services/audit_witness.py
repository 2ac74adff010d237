"""The backups' manifests as a second witness, beside the head file (audit_head.py), of how far a
database's audit trail had come: each manifest keeps the newest event's id and seal at the time
of its backup, in the database's own backups folder (named after its identity, whatever the
file is called or wherever it was moved).

Only a backup taken after the database's own newest event can show that events are missing:
a backup taken before it is older by nature (a restore moves the trail back on purpose, and
is itself recorded as an event, later than every backup taken before it). So a database that
lost its write-ahead log, or was replaced by an older copy, is found even on a laptop that
kept no head for it, as long as a backup was made in between."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rp_desktop.domain.safekeeping.audit_seal import Head, HeadFinding, compare_with_head
from rp_desktop.services.safekeeping.backup_files import found_backups, read_manifest
from rp_desktop.services.safekeeping.backup_folders import backups_root

NEWEST = "SELECT id, at, seal FROM audit_event ORDER BY id DESC LIMIT 1"
SEAL_OF = "SELECT seal FROM audit_event WHERE id = ?"


def behind_its_backups(
    connection: Any, identity: str, root: Path | None = None
) -> HeadFinding | None:
    """How the database read through `connection` (a DB-API connection) stands against its
    backups' manifests: None when no backup taken after its newest event saw more than it has."""
    newest = connection.execute(NEWEST).fetchone()
    newest_at = None if newest is None else _utc(newest[1])
    witness = witnessed_head(identity, newest_at, root)
    if witness is None:
        return None
    at_witness = connection.execute(SEAL_OF, (witness.event_id,)).fetchone()
    return compare_with_head(
        None if newest is None else Head(int(newest[0]), newest[2]),
        witness,
        None if at_witness is None else at_witness[0],
    )


def witnessed_head(
    identity: str, newest_at: datetime | None, root: Path | None = None
) -> Head | None:
    """The furthest newest event that a sealed backup of the database `identity`, taken after
    `newest_at` (its own newest event; None when it has none), recorded; None when none did."""
    if not identity:
        return None
    heads = []
    for backup in found_backups((root or backups_root()) / identity):  # newest first
        if newest_at is not None and backup.taken_at <= newest_at:
            break
        manifest = read_manifest(backup.path)
        if manifest is None or manifest.newest_seal is None:
            continue
        if manifest.database_identity == identity and manifest.taken_at > (newest_at or _DAWN):
            heads.append(Head(manifest.newest_event_id, manifest.newest_seal))
    return max(heads, key=lambda head: head.event_id, default=None)


_DAWN = datetime.min.replace(tzinfo=UTC)


def _utc(value: object) -> datetime:
    """An event's time as stored (UTC, without its zone; a datetime through SQLAlchemy)."""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
