"""Restoring a backup: into the open database (its state just before backed up first), in place
of a database that cannot be opened (set aside, never deleted), or onto a path where there is no
database at all (a lost laptop: the backup's own salt gives its key).

A restored file appears only when whole: it is copied to a name beside its place, checked,
flushed and renamed into place. No attempt that fails leaves a file behind that was not there."""

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from rp_desktop.db import schema
from rp_desktop.db.backup import fsync_folder, put_copy_in_place, remove_copy, set_aside
from rp_desktop.db.cipher import SALT_BYTES, Key, is_plain_sqlite
from rp_desktop.db.lock import DatabaseLock, lock_path_for
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
from rp_desktop.services.safekeeping.database import Clock, Database, system_clock
from rp_desktop.services.safekeeping.errors import DatabaseError, WrongPassphrase, translated
from rp_desktop.services.safekeeping.restore_copy import (
    backup_key_for,
    keys_for_restore,
    new_folders,
    place_copy,
    refuse_taken,
    require_new,
)

# What restore_backup tells its progress of: checking the backup, backing up, putting it in place.
RESTORE_STEPS = ("checking", "backing_up", "replacing")


@dataclass(frozen=True, slots=True)
class Restored:
    before: BackupMade  # the state just before, backed up
    counts: RowCounts


@dataclass(frozen=True, slots=True)
class RestoredNew:
    """A backup restored where there was no database: the database, open (close it)."""

    database: Database
    counts: RowCounts


def restore_backup(
    db: Database,
    backup: Path,
    *,
    folder: Path | None = None,
    backup_passphrase: Passphrase | None = None,
    passphrase: Passphrase | None = None,
    progress: Progress = no_progress,
) -> Restored:
    """Put the backup at `backup` in place of the database, after backing up its current state.

    `backup_passphrase` is for a backup made before the passphrase was changed: the backup is
    opened with it and re-encrypted under the database's present key as it is restored.
    `passphrase` (the database's) opens a file made with another salt, so that a backup of
    another database, or a damaged one, is told from one the passphrase does not open.
    Raises WrongPassphrase (a wrong `backup_passphrase`) or RestoreRefused, having changed
    nothing, for a file that cannot be restored (a backup of another database among them).
    `progress` hears of each of RESTORE_STEPS; Cancelled raised from it before the copy is put
    in place changes nothing (the backup of the present state stays)."""
    backup = backup.expanduser().absolute()
    if backup.resolve() == db.path.resolve():
        raise RestoreRefused(Unfit.SAME_FILE)
    progress(0, len(RESTORE_STEPS), RESTORE_STEPS[0])
    backup_key = _key_for_restore(db, backup, backup_passphrase, passphrase)
    progress(1, len(RESTORE_STEPS), RESTORE_STEPS[1])
    folder = folder or backups_folder(db)
    before = make_backup(db, BackupReason.BEFORE_RESTORE, folder=folder, spare=backup)
    progress(2, len(RESTORE_STEPS), RESTORE_STEPS[2], cancellable=False)
    db.engine.dispose()  # every pooled connection closed; the next one opens the new file
    with translated(db.path):
        counts = put_copy_in_place(backup, db.path, db.key, backup_key)
    if schema.needs_upgrade(db.engine, db.path):
        schema.upgrade(db.engine)
    _record_restore(db, counts)
    audit_sealing.restored(db)  # going back was chosen: the audit trail's head follows
    return Restored(before, counts)


def _key_for_restore(
    db: Database,
    backup: Path,
    backup_passphrase: Passphrase | None,
    passphrase: Passphrase | None,
) -> Key | None:
    """The key that opens `backup`, checked (RestoreRefused, WrongPassphrase otherwise): the
    database's own, or one derived with the backup's salt from the passphrase it was made under
    (or, when its salt is not the database's, from the database's passphrase)."""
    backup_key = db.key
    opener = backup_passphrase or passphrase
    if db.key is not None and is_plain_sqlite(backup):
        require_restorable(backup, None, db.identity)  # what is wrong with it, if anything
        raise RestoreRefused(Unfit.UNREADABLE)  # a plain backup is never put in an encrypted one
    if db.key is not None and opener is not None and _own_salt(backup, db.key, backup_passphrase):
        backup_key = backup_key_for(backup, opener)
    try:
        require_restorable(backup, backup_key, db.identity)
    except RestoreRefused as refused:
        if refused.reason is Unfit.UNREADABLE and backup_passphrase is not None:
            raise WrongPassphrase(backup) from refused
        raise
    return backup_key


def _own_salt(backup: Path, key: Key, backup_passphrase: Passphrase | None) -> bool:
    """Whether the backup's key is to be derived with its own salt: given a passphrase of its
    own, or made with a salt that is not the database's."""
    if backup_passphrase is not None:
        return True
    with backup.open("rb") as handle:
        return handle.read(SALT_BYTES) != key.salt


def restore_in_place(
    db_path: Path,
    backup: Path,
    passphrase: Passphrase | None,
    now: datetime,
    *,
    backup_passphrase: Passphrase | None = None,
) -> Path:
    """Recovery, for a database that cannot be opened: rename it aside (never deleted, never
    overwritten) and put a copy of `backup` where it was. Returns where the old file went.

    `backup_passphrase` opens a backup made under an earlier passphrase; the copy is then
    encrypted under `passphrase`. Raises PassphraseNeeded, WrongPassphrase or RestoreRefused
    for a backup that cannot be restored, DatabaseInUse when the database is open elsewhere;
    nothing is changed then (nor when the copy fails: the old file is put back)."""
    db_path, backup = db_path.expanduser().absolute(), backup.expanduser().absolute()
    if backup.resolve() == db_path.resolve():
        raise RestoreRefused(Unfit.SAME_FILE)
    backup_key, key = keys_for_restore(backup, passphrase, backup_passphrase)
    had_lock_file = lock_path_for(db_path).exists()
    with translated(db_path):
        lock = DatabaseLock.acquire(db_path)
        try:
            aside = set_aside(db_path, damaged_name(db_path, now)) if db_path.exists() else None
            try:
                counts = place_copy(backup, backup_key, db_path, key)
            except BaseException:
                if aside is not None:
                    set_aside(aside, db_path.name)  # the old file back where it was
                if not had_lock_file:
                    lock_path_for(db_path).unlink(missing_ok=True)
                raise
        finally:
            lock.release()
    _record_restore_in_place(db_path, passphrase or backup_passphrase, key, now, counts)
    return aside or db_path


def _record_restore_in_place(
    db_path: Path, opener: Passphrase | None, key: Key | None, now: datetime, counts: RowCounts
) -> None:
    """Recorded in the restored file's trail like every restore, so that backups taken before
    it are not read as newer than the database. Should the copy not open, the restore stands."""
    try:
        _open_restored(db_path, opener, key is None, lambda: now, counts).close()
    except DatabaseError:
        audit_sealing.restored_file(db_path, key)  # the audit trail's head follows


def restore_to_new(
    target: Path,
    backup: Path,
    passphrase: Passphrase | None,
    *,
    backup_passphrase: Passphrase | None = None,
    clock: Clock = system_clock,
) -> RestoredNew:
    """Restore `backup` onto `target`, where there is no database (a lost laptop, a new one).

    The passphrase that opens the backup is `backup_passphrase`, or `passphrase` when only it
    is given: the key comes from the backup's own salt. With both, the new database is encrypted
    under `passphrase`. A plain backup restores as plain. The copy is checked before it is put in
    place; then the database is opened (its schema brought up to date) and the restore
    recorded. Raises FileExistsError when something is at `target`, PassphraseNeeded or
    RestoreRefused for a backup that cannot be restored; a failed attempt leaves nothing behind."""
    target, backup = target.expanduser().absolute(), backup.expanduser().absolute()
    refuse_taken(target)
    backup_key, key = keys_for_restore(backup, passphrase, backup_passphrase)
    made = new_folders(target.parent)
    lock_file = lock_path_for(target)
    had_lock_file = lock_file.exists()
    placed = False
    try:
        counts = _copy_to_new(backup, backup_key, target, key)
        placed = True
        db = _open_restored(target, passphrase or backup_passphrase, key is None, clock, counts)
    except BaseException:
        if placed:
            remove_copy(target)  # only ever our own copy: nothing was there before
        if not had_lock_file:
            lock_file.unlink(missing_ok=True)
        for folder in reversed(made):
            folder.rmdir()
        raise
    return RestoredNew(db, counts)


def restore_instead_of_new(
    db: Database, backup: Path, backup_passphrase: Passphrase | None, target: Path | None = None
) -> RestoredNew:
    """The first run: restore `backup` instead of the new database `db`, which holds no records
    yet, at `target` (`db`'s own place when None). The backup opens with `backup_passphrase`
    and keeps it. Once the copy is checked and in place, `db` is closed and its file removed:
    no new empty database is left behind.

    Raises ValueError when `db` holds records; otherwise as restore_to_new, with `db` still
    open and unchanged."""
    require_new(db)
    target = (target or db.path).expanduser().absolute()
    if target != db.path:
        done = restore_to_new(target, backup, backup_passphrase, clock=db.now)
        _discard(db)
        return done
    backup = backup.expanduser().absolute()
    backup_key, key = keys_for_restore(backup, backup_passphrase, None)
    staging = target.with_name(target.name + ".restored")
    refuse_taken(staging)
    counts = place_copy(backup, backup_key, staging, key)
    try:
        _discard(db, keep_lock_file=True)
        os.replace(staging, target)
    except BaseException:
        remove_copy(staging)
        raise
    fsync_folder(target.parent)
    restored = _open_restored(target, backup_passphrase, key is None, db.now, counts)
    return RestoredNew(restored, counts)


def _discard(db: Database, *, keep_lock_file: bool = False) -> None:
    """Close the new, empty database `db` and remove its file (and log, and lock file)."""
    db.close()
    remove_copy(db.path)
    if not keep_lock_file:
        lock_path_for(db.path).unlink(missing_ok=True)


def _open_restored(
    target: Path, passphrase: Passphrase | None, plain: bool, clock: Clock, counts: RowCounts
) -> Database:
    """The restored copy opened (its schema brought up to date) and its restore recorded."""
    db = Database.open(target, passphrase=passphrase, unencrypted=plain, clock=clock)
    try:
        _record_restore(db, counts)
        audit_sealing.restored(db)  # the audit trail's head follows the restored file
    except BaseException:
        db.close()
        raise
    return db


def _copy_to_new(backup: Path, backup_key: Key | None, target: Path, key: Key | None) -> RowCounts:
    """The copy put at `target` under the lock, refusing anything already there."""
    with translated(target):
        lock = DatabaseLock.acquire(target)
        try:
            refuse_taken(target)
            return place_copy(backup, backup_key, target, key)
        finally:
            lock.release()


def _record_restore(db: Database, counts: RowCounts) -> None:
    with Session(db.engine) as session, session.begin():
        detail = f"backup restored: {sum(counts.values())} rows"
        record_event(session, db, AuditAction.RESTORE, "database", None, detail)
