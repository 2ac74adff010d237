"""Backups of a school's database: made, listed, restored (also in place of a database that
cannot be opened); the district's recovery copy. The files themselves are in backup_files.py,
their folders in backup_folders.py, the copy off this laptop in second_place.py.

Backups live in the user's data folder, in `backups/<database identity>/`, encrypted under the
database's own key, each with a manifest beside it. A backup's file name says when it was taken
(UTC), why, and which audit event was the newest in it; since every change writes an audit
event, comparing that with the database's events tells whether anything changed since, without
opening the backup. The names hold no one's name.

A backup's own audit event is written once its copy is verified, so the copy does not hold it:
backup events after a backup's newest event are not changes since it.
"""

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from sqlalchemy import text
from sqlalchemy.orm import Session

from rp_desktop.db.audit_trail import newest_seal
from rp_desktop.db.backup import copy_database, export_database, remove_copy
from rp_desktop.db.cipher import new_key
from rp_desktop.db.read_only import database_identity, open_read_only, schema_revision
from rp_desktop.domain.safekeeping.findings import RowCounts
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.backup_files import (
    STAMP,
    Backup,
    BackupReason,
    Manifest,
    RestoreRefused,
    Unfit,
    damaged_name,
    file_sha256,
    free_name,
    manifest_path,
    thin,
    write_manifest,
)
from rp_desktop.services.safekeeping.backup_folders import (
    backups_folder,
    changes_since_last_backup,
    list_backups,
    settle_backups,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import BackupFailed, translated
from rp_desktop.services.safekeeping.files import key_for
from rp_desktop.services.safekeeping.passphrases import require_good_passphrase
from rp_desktop.services.safekeeping.recovery_notes import (
    empty_private_notes,
    private_notes_left_out,
)
from rp_desktop.services.safekeeping.second_place import SecondCopy, copy_to_second_place

__all__ = [
    "Backup",
    "BackupMade",
    "BackupReason",
    "FolderMissing",
    "Manifest",
    "PendingBackup",
    "RestoreRefused",
    "SamePassphrase",
    "Unfit",
    "backups_folder",
    "begin_backup",
    "changes_since_last_backup",
    "complete_backup",
    "damaged_name",
    "list_backups",
    "make_backup",
    "make_recovery_copy",
    "record_backup",
    "settle_backups",
]


@dataclass(frozen=True, slots=True)
class BackupMade:
    path: Path
    taken_at: datetime
    counts: RowCounts
    reason: str = ""
    manifest: Manifest | None = None  # None for a copy whose manifest's name was taken
    second: SecondCopy | None = None  # the copy in the second place, when one was asked for

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


class SamePassphrase(ValueError):
    def __init__(self) -> None:
        super().__init__("The recovery passphrase must not be the database's own passphrase.")


class FolderMissing(ValueError):
    """Nothing was written: the folder a backup was to go into is not there."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"The folder {folder} does not exist; create it first, or choose another place "
            "for the backup."
        )


def make_backup(
    db: Database,
    reason: BackupReason,
    *,
    folder: Path | None = None,
    out: Path | None = None,
    spare: Path | None = None,
    second_place: Path | None = None,
) -> BackupMade:
    """Back up `db` into its backups folder (or to `out`, a file that must not exist yet),
    verified, with its manifest; thin the folder, sparing `spare` (a backup about to be
    restored); copy it to `second_place` when given and there. Then record its audit event."""
    pending = begin_backup(db, reason, folder=folder, out=out, spare=spare)
    made = complete_backup(db, pending, second_place=second_place)
    record_backup(db, made)
    return made


@dataclass(frozen=True, slots=True)
class PendingBackup:
    """A backup about to be made: where and when."""

    reason: BackupReason
    taken_at: datetime
    folder: Path | None  # None for a copy to a file of the user's choosing
    out: Path | None
    spare: Path | None


def begin_backup(
    db: Database,
    reason: BackupReason,
    *,
    folder: Path | None = None,
    out: Path | None = None,
    spare: Path | None = None,
) -> PendingBackup:
    """The first half, on the window's thread: where the backup goes (the old backups of this
    database adopted into its folder). Writes nothing to the database. Raises FolderMissing, or
    FileExistsError for an `out` already there."""
    taken_at = db.now().astimezone(UTC)
    if out is not None:
        if not out.parent.is_dir():
            raise FolderMissing(out.parent)
        if out.exists():
            raise FileExistsError(17, "A file is already there", str(out))
        return PendingBackup(reason, taken_at, None, out, None)
    folder = folder or settle_backups(db)
    folder.mkdir(parents=True, exist_ok=True)
    return PendingBackup(reason, taken_at, folder, None, spare)


def complete_backup(
    db: Database, pending: PendingBackup, *, second_place: Path | None = None
) -> BackupMade:
    """The second half, which only reads the database and so may run on a worker thread while
    the user saves: copy it, check the copy, name it after its newest event, write its
    manifest, thin the folder, and copy it to the second place. Its audit event is for
    `record_backup`, on the thread that writes."""
    folder = pending.folder
    copy = folder / _partial_name(pending) if folder is not None else pending.out
    assert copy is not None  # one or the other, by begin_backup
    with translated(db.path):
        counts = copy_database(db.path, copy, db.key)
    try:
        manifest = _manifest_of(db, pending, copy, counts)
        target = copy if folder is None else _named(folder, pending, manifest)
        copy.replace(target)
    except BaseException:
        remove_copy(copy)
        raise
    if folder is None and manifest_path(target).exists():
        return BackupMade(target, pending.taken_at, counts, pending.reason)  # not ours to replace
    write_manifest(target, manifest)
    second = None
    if folder is not None:
        thin(folder, db.now(), pending.spare)
        if second_place is not None:
            second = copy_to_second_place(target, manifest, second_place, db.now())
    return BackupMade(target, pending.taken_at, counts, pending.reason, manifest, second)


def record_backup(db: Database, made: BackupMade) -> None:
    """Write the audit event of a backup made and verified (counts only), on the thread that
    writes to the database."""
    _record_backup(db, f"{made.reason}: {sum(made.counts.values())} rows")


def _partial_name(pending: PendingBackup) -> str:
    # In the backups folder, the copy takes its name only once it is whole and checked.
    return f"{pending.taken_at.strftime(STAMP)}Z_{pending.reason}_{uuid4().hex[:8]}.db.partial"


def _named(folder: Path, pending: PendingBackup, manifest: Manifest) -> Path:
    newest = (manifest.newest_event_id, manifest.newest_event_hash[:8])
    return free_name(folder, pending.taken_at, pending.reason, newest)


def _manifest_of(db: Database, pending: PendingBackup, copy: Path, counts: RowCounts) -> Manifest:
    """The manifest of the verified copy at `copy`: its newest event is read from the copy."""
    with closing(open_read_only(copy, db.key)) as connection:
        revision = schema_revision(connection) or ""
        identity = database_identity(connection) or db.identity
        newest = _newest_in(connection)
        seal = newest_seal(connection)
    return Manifest(
        database_identity=identity,
        taken_at=pending.taken_at,
        reason=str(pending.reason),
        schema_revision=revision,
        counts=dict(counts),
        newest_event_id=newest[0],
        newest_event_hash=newest[1],
        size=copy.stat().st_size,
        sha256=file_sha256(copy),
        newest_seal=seal,
    )


def _newest_in(connection: sqlite3.Connection) -> tuple[int, str]:
    row = connection.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    return (0, "0" * 64) if row is None else (int(row[0]), str(row[1]))


def make_recovery_copy(db: Database, passphrase: Passphrase, target: Path) -> RowCounts:
    """An encrypted copy of the database under the district's own passphrase, checked by
    opening it with that passphrase. Raises WeakPassphrase, or SamePassphrase for the
    database's own (a recovery copy under it would recover nothing when that one is lost).
    With the school's setting (recovery_notes.py), the copy has no case's private note."""
    require_good_passphrase(passphrase)
    if db.check_passphrase(passphrase):
        raise SamePassphrase()
    district_key, notes_out = new_key(passphrase), private_notes_left_out(db)
    with translated(db.path):
        counts = export_database(db.path, db.key, target, district_key)
    try:
        if notes_out:
            empty_private_notes(target, district_key)
        with closing(open_read_only(target, key_for(target, passphrase))) as copy:
            if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupFailed("the recovery copy failed its check")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    notes = "private notes left out" if notes_out else "private notes in"
    _record_backup(db, f"recovery copy: {sum(counts.values())} rows; {notes}")
    return counts


def _record_backup(db: Database, what: str) -> None:
    """Write the audit event of a backup (counts only)."""
    with Session(db.engine) as session, session.begin():
        # Claim the write lock before reading: a transaction that reads first and then
        # writes fails at once ("database is locked") if another connection wrote in between,
        # where one that starts by writing waits its turn.
        session.execute(text("UPDATE audit_event SET id = id WHERE 0"))
        record_event(session, db, AuditAction.BACKUP, "database", None, what)
