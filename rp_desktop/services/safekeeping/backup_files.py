"""Backup files: names that say when a backup was taken, why and which audit event was the
newest in it; the backups found in a folder; whether one opens and may be restored; thinning.
Nothing here opens the database itself."""

import re
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from rp_desktop.db import schema
from rp_desktop.db.cipher import Key, is_plain_sqlite
from rp_desktop.db.read_only import open_read_only, schema_revision
from rp_desktop.domain.safekeeping.backup_thinning import backups_to_keep

# A backup made just before a restore outlives ordinary thinning for this long, so a restore
# of the wrong backup can be undone even after a day of scheduled backups.
KEEP_BEFORE_RESTORE = timedelta(days=30)
# Backups made just before a restore or a purge, kept this long whatever thinning says.
KEPT_REASONS = frozenset({"before-restore", "before-purge"})
_NAME = re.compile(
    r"^(?P<stamp>\d{4}-\d\d-\d\d_\d{6})Z_(?P<reason>[a-z-]+)_e(?P<event>\d+)-(?P<hash>[0-9a-f]{8})"
    r"(?:-\d+)?\.db$"
)
STAMP = "%Y-%m-%d_%H%M%S"


class BackupReason(StrEnum):
    SCHEDULED = "scheduled"
    CLOSING = "closing"
    BY_HAND = "by-hand"
    BEFORE_RESTORE = "before-restore"
    BEFORE_PURGE = "before-purge"
    COMMAND_LINE = "command-line"


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    reason: BackupReason
    size: int
    newest_event: tuple[int, str]  # (id, first 8 hex digits of its hash); (0, "00000000")
    readable: bool | None  # opens with the database's key; None when not checked


class Unfit(StrEnum):
    """Why a file cannot be restored."""

    UNREADABLE = "unreadable"
    DAMAGED = "damaged"
    NOT_RP_DESKTOP = "not_rp_desktop"
    TOO_NEW = "too_new"
    SAME_FILE = "same_file"


_UNFIT_SENTENCES = {
    Unfit.UNREADABLE: "That backup cannot be opened with this database's passphrase.",
    Unfit.DAMAGED: "That backup is damaged; choose another.",
    Unfit.NOT_RP_DESKTOP: "That file is not an RP Desktop backup.",
    Unfit.TOO_NEW: "That backup was made by a newer version of RP Desktop.",
    Unfit.SAME_FILE: "That file is the database itself, not a backup of it.",
}


class RestoreRefused(ValueError):
    """Nothing was changed: the chosen file cannot be restored."""

    def __init__(self, reason: Unfit) -> None:
        self.reason = reason
        super().__init__(_UNFIT_SENTENCES[reason])


def require_restorable(backup: Path, key: Key | None) -> None:
    """Refuse (RestoreRefused) a backup that does not open with `key`, is not ours, is too
    new or is damaged."""
    try:
        with closing(open_read_only(backup, key)) as connection:
            revision = schema_revision(connection)
            sound = connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except Exception as error:  # sqlite3 and SQLCipher errors alike: it does not open
        raise RestoreRefused(Unfit.UNREADABLE) from error
    if revision is None:
        raise RestoreRefused(Unfit.NOT_RP_DESKTOP)
    if revision not in schema.KNOWN_REVISIONS:
        raise RestoreRefused(Unfit.TOO_NEW)
    if not sound:
        raise RestoreRefused(Unfit.DAMAGED)


def free_name(folder: Path, at: datetime, reason: BackupReason, event: tuple[int, str]) -> Path:
    """A new file name in `folder` for a backup taken `at` for `reason` with `event` newest."""
    base = f"{at.strftime(STAMP)}Z_{reason}_e{event[0]}-{event[1]}"
    path, number = folder / f"{base}.db", 1
    while path.exists() or path.with_name(path.name + ".partial").exists():
        number += 1
        path = folder / f"{base}-{number}.db"
    return path


def damaged_name(db_path: Path, now: datetime) -> str:
    """The name a database that cannot be opened is kept under, beside where it was."""
    return f"{db_path.stem}.damaged-{now.astimezone(UTC).strftime(STAMP)}.db"


def found_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first, not opened."""
    found = [_parse(path) for path in folder.glob("*.db")] if folder.is_dir() else []
    return sorted(
        (b for b in found if b is not None),
        key=lambda b: (b.taken_at, b.newest_event[0]),  # two in one second: the later event
        reverse=True,
    )


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None or match["reason"] not in BackupReason._value2member_map_:
        return None
    taken_at = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
    event = (int(match["event"]), match["hash"])
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return Backup(path, taken_at, BackupReason(match["reason"]), size, event, None)


def with_readable(backup: Backup, key: Key | None) -> Backup:
    """`backup`, saying whether it opens with `key` (None: the database is plain)."""
    if is_plain_sqlite(backup.path) != (key is None):
        return replace(backup, readable=False)  # a plain backup of an encrypted one, or back
    try:
        with closing(open_read_only(backup.path, key)) as connection:
            readable = schema_revision(connection) is not None
    except Exception:  # sqlite3 and SQLCipher errors alike: it does not open
        readable = False
    return replace(backup, readable=readable)


def thin(folder: Path, now: datetime, spare: Path | None) -> None:
    """Remove the backups thinning does not keep, and copies a crash left half-made."""
    backups = found_backups(folder)
    keep = backups_to_keep([b.taken_at.astimezone() for b in backups], now.astimezone())
    for backup in backups:
        recent_restore = backup.reason.value in KEPT_REASONS and (
            now - backup.taken_at < KEEP_BEFORE_RESTORE
        )
        spared = spare is not None and backup.path.resolve() == spare.resolve()
        if backup.taken_at.astimezone() not in keep and not recent_restore and not spared:
            backup.path.unlink(missing_ok=True)
    for partial in folder.glob("*.db.partial"):
        partial.unlink(missing_ok=True)
