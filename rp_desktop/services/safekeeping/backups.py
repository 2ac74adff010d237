"""Backups of a school's database: made, listed, restored (also in place of a database that
cannot be opened); the district's recovery copy. The files themselves are in backup_files.py.

Backups live in the user's data folder, in `backups/<database name>/`, encrypted under the
database's own key. A backup's file name says when it was taken (UTC), why, and which audit
event was the newest in it; since every change writes an audit event, comparing that with the
database's newest event tells whether anything changed since, without opening the backup. The
names hold no one's name.
"""

from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from rp_desktop.db.backup import copy_database, export_database
from rp_desktop.db.cipher import Key, new_key
from rp_desktop.db.models import AuditEventRow
from rp_desktop.db.read_only import open_read_only
from rp_desktop.domain.safekeeping.findings import RowCounts
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.backup_files import (
    Backup,
    BackupReason,
    RestoreRefused,
    Unfit,
    damaged_name,
    found_backups,
    free_name,
    thin,
    with_readable,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import BackupFailed, translated
from rp_desktop.services.safekeeping.files import APP_NAME, key_for
from rp_desktop.services.safekeeping.passphrases import require_good_passphrase

__all__ = [
    "Backup",
    "BackupMade",
    "BackupReason",
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
]


@dataclass(frozen=True, slots=True)
class BackupMade:
    path: Path
    taken_at: datetime
    counts: RowCounts

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


class SamePassphrase(ValueError):
    def __init__(self) -> None:
        super().__init__("The recovery passphrase must not be the database's own passphrase.")


def backups_folder(db_path: Path, root: Path | None = None) -> Path:
    """Where the backups of the database at `db_path` go."""
    base = root or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "backups"
    return base / db_path.stem


def make_backup(
    db: Database,
    reason: BackupReason,
    *,
    folder: Path | None = None,
    out: Path | None = None,
    spare: Path | None = None,
) -> BackupMade:
    """Back up `db` into its backups folder (or to `out`, a file that must not exist yet),
    verified; then thin the folder, sparing `spare` (a backup about to be restored). The audit
    event is written first, so the copy holds it."""
    return complete_backup(db, begin_backup(db, reason, folder=folder, out=out, spare=spare))


@dataclass(frozen=True, slots=True)
class PendingBackup:
    """A backup whose audit event is written and whose copy is still to be made."""

    target: Path
    taken_at: datetime
    folder: Path | None  # None for a copy to a file of the user's choosing
    spare: Path | None


def begin_backup(
    db: Database,
    reason: BackupReason,
    *,
    folder: Path | None = None,
    out: Path | None = None,
    spare: Path | None = None,
) -> PendingBackup:
    """The half of a backup that writes to the database (its audit event), for the thread that
    does the writing: a second writer would make the user's own saves fail while it wrote."""
    newest = _record_backup(db, str(reason))
    taken_at = db.now().astimezone(UTC)
    if out is not None:
        return PendingBackup(out, taken_at, None, None)
    folder = folder or backups_folder(db.path)
    folder.mkdir(parents=True, exist_ok=True)
    return PendingBackup(free_name(folder, taken_at, reason, newest), taken_at, folder, spare)


def complete_backup(db: Database, pending: PendingBackup) -> BackupMade:
    """The other half, which only reads the database and so may run on a worker thread while
    the user saves: copy it, check the copy, and thin the folder."""
    # In the backups folder, the copy takes its name only once it is whole and checked.
    folder = pending.folder
    copy = (
        pending.target
        if folder is None
        else pending.target.with_name(pending.target.name + ".partial")
    )
    with translated(db.path):
        counts = copy_database(db.path, copy, db.key)
    if folder is not None:
        copy.replace(pending.target)
        thin(folder, db.now(), pending.spare)
    return BackupMade(pending.target, pending.taken_at, counts)


def list_backups(
    db_path: Path, key: Key | None = None, *, folder: Path | None = None, check: bool = True
) -> list[Backup]:
    """The backups of the database at `db_path`, newest first. With `check`, each is opened
    with `key` (None: the database is plain) to say whether it can be restored into it."""
    backups = found_backups(folder or backups_folder(db_path))
    if not check:
        return backups
    return [with_readable(b, key) for b in backups]


def changes_since_last_backup(db: Database, *, folder: Path | None = None) -> bool:
    """True when the database has an audit event its newest backup does not (or has none)."""
    backups = list_backups(db.path, folder=folder, check=False)
    if not backups:
        return True
    with Session(db.engine) as session:
        return _newest_event(session) != backups[0].newest_event


def make_recovery_copy(db: Database, passphrase: Passphrase, target: Path) -> RowCounts:
    """An encrypted copy of the database under the district's own passphrase, checked by
    opening it with that passphrase. Raises WeakPassphrase, or SamePassphrase for the
    database's own (a recovery copy under it would recover nothing when that one is lost)."""
    require_good_passphrase(passphrase)
    if db.check_passphrase(passphrase):
        raise SamePassphrase()
    _record_backup(db, "recovery copy")
    with translated(db.path):
        counts = export_database(db.path, db.key, target, new_key(passphrase))
    try:
        with closing(open_read_only(target, key_for(target, passphrase))) as copy:
            if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupFailed("the recovery copy failed its check")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return counts


def _record_backup(db: Database, what: str) -> tuple[int, str]:
    """Write the audit event of a backup (counts only); return the newest event after it."""
    with Session(db.engine) as session, session.begin():
        # Claim the write lock before reading: a transaction that reads first and then
        # writes fails at once ("database is locked") if another connection wrote in between,
        # where one that starts by writing waits its turn.
        session.execute(text("UPDATE audit_event SET id = id WHERE 0"))
        rows = sum(_row_counts(session).values())
        record_event(session, db, AuditAction.BACKUP, "database", None, f"{what}: {rows} rows")
        session.flush()
        return _newest_event(session)


def _row_counts(session: Session) -> RowCounts:
    names = session.scalars(
        text("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ).all()
    return {n: int(session.scalar(text(f'SELECT count(*) FROM "{n}"')) or 0) for n in names}


def _newest_event(session: Session) -> tuple[int, str]:
    row = session.execute(
        select(AuditEventRow.id, AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1)
    ).first()
    return (0, "0" * 8) if row is None else (row.id, row.hash[:8])
