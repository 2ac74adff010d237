"""Restoring a backup: into the open database (its state just before backed up first), or in
place of a database that cannot be opened (set aside, never deleted)."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from rp_desktop.db import schema
from rp_desktop.db.backup import copy_database, put_copy_in_place, set_aside
from rp_desktop.db.cipher import is_plain_sqlite
from rp_desktop.db.lock import DatabaseLock
from rp_desktop.domain.progress import Progress, no_progress
from rp_desktop.domain.safekeeping.findings import RowCounts
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import audit_sealing
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.backup_files import (
    BackupReason,
    RestoreRefused,
    Unfit,
    damaged_name,
    require_restorable,
)
from rp_desktop.services.safekeeping.backups import BackupMade, backups_folder, make_backup
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import translated
from rp_desktop.services.safekeeping.files import key_for

# What restore_backup tells its progress of: checking the backup, backing up, putting it in place.
RESTORE_STEPS = ("checking", "backing_up", "replacing")


@dataclass(frozen=True, slots=True)
class Restored:
    before: BackupMade  # the state just before, backed up
    counts: RowCounts


def restore_backup(
    db: Database,
    backup: Path,
    *,
    folder: Path | None = None,
    backup_passphrase: Passphrase | None = None,
    progress: Progress = no_progress,
) -> Restored:
    """Put the backup at `backup` in place of the database, after backing up its current state.

    `backup_passphrase` is for a backup made before the passphrase was changed: the backup is
    opened with it and re-encrypted under the database's present key as it is restored.
    Raises WrongPassphrase or RestoreRefused, having changed nothing, for a file that cannot
    be restored. `progress` hears of each of RESTORE_STEPS; Cancelled raised from it before
    the copy is put in place changes nothing (the backup of the present state stays)."""
    if backup.resolve() == db.path.resolve():
        raise RestoreRefused(Unfit.SAME_FILE)
    progress(0, len(RESTORE_STEPS), RESTORE_STEPS[0])
    backup_key = db.key
    if backup_passphrase is not None and db.key is not None:
        backup_key = key_for(backup, backup_passphrase)
    require_restorable(backup, backup_key)
    progress(1, len(RESTORE_STEPS), RESTORE_STEPS[1])
    folder = folder or backups_folder(db)
    before = make_backup(db, BackupReason.BEFORE_RESTORE, folder=folder, spare=backup)
    progress(2, len(RESTORE_STEPS), RESTORE_STEPS[2], cancellable=False)
    db.engine.dispose()  # every pooled connection closed; the next one opens the new file
    with translated(db.path):
        counts = put_copy_in_place(backup, db.path, db.key, backup_key)
    if schema.needs_upgrade(db.engine, db.path):
        schema.upgrade(db.engine)
    with Session(db.engine) as session, session.begin():
        detail = f"backup restored: {sum(counts.values())} rows"
        record_event(session, db, AuditAction.RESTORE, "database", None, detail)
    audit_sealing.restored(db)  # going back was chosen: the audit trail's head follows
    return Restored(before, counts)


def restore_in_place(
    db_path: Path, backup: Path, passphrase: Passphrase | None, now: datetime
) -> Path:
    """Recovery, for a database that cannot be opened: rename it aside (never deleted, never
    overwritten) and put a copy of `backup` where it was. Returns where the old file went.

    Raises PassphraseNeeded or WrongPassphrase for an encrypted backup, RestoreRefused for one
    that cannot be restored, DatabaseInUse when the database is open elsewhere."""
    if backup.resolve() == db_path.resolve():
        raise RestoreRefused(Unfit.SAME_FILE)
    key = None if is_plain_sqlite(backup) else key_for(backup, passphrase)
    require_restorable(backup, key)
    with translated(db_path):
        lock = DatabaseLock.acquire(db_path)
        try:
            aside = set_aside(db_path, damaged_name(db_path, now)) if db_path.exists() else None
            try:
                copy_database(backup, db_path, key)
                audit_sealing.restored_file(db_path, key)  # the audit trail's head follows
            except BaseException:
                if aside is not None:
                    set_aside(aside, db_path.name)  # the old file back where it was
                raise
        finally:
            lock.release()
    return aside or db_path
