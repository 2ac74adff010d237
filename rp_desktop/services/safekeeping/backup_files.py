"""Backup files: names that say when a backup was taken, why and which audit event was the
newest in it; the manifest beside each; the backups found in a folder; whether one opens and
may be restored; thinning. Nothing here opens the database itself."""

import hashlib
import json
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from rp_desktop.db import schema
from rp_desktop.db.cipher import Key, is_plain_sqlite, may_be_encrypted
from rp_desktop.db.read_only import database_identity, open_read_only, schema_revision
from rp_desktop.domain.safekeeping.backup_thinning import backups_to_keep
from rp_desktop.domain.safekeeping.findings import RowCounts

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


MANIFEST_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a backup holds, written beside it (`<backup>.json`) once the copy is verified: no
    one's name, only counts, the database's identity and the newest audit event. To add a
    field, add it here with a default: writing and reading follow."""

    database_identity: str
    taken_at: datetime  # UTC
    reason: str
    schema_revision: str
    counts: RowCounts
    newest_event_id: int
    newest_event_hash: str  # the whole hash
    size: int
    sha256: str
    format: int = MANIFEST_FORMAT
    # The newest event's keyed seal (audit_seal.py): a witness, outside the database, of how
    # far its audit trail had come. None for a trail from before seals.
    newest_seal: str | None = None


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
    manifest: Manifest | None = None  # None for a backup from before manifests


class Unfit(StrEnum):
    """Why a file cannot be restored."""

    UNREADABLE = "unreadable"
    DAMAGED = "damaged"
    NOT_RP_DESKTOP = "not_rp_desktop"
    TOO_NEW = "too_new"
    SAME_FILE = "same_file"
    OTHER_DATABASE = "other_database"


_UNFIT_SENTENCES = {
    Unfit.UNREADABLE: (
        "That backup does not open with this passphrase: it was made under another one, "
        "or its first page is damaged."
    ),
    Unfit.DAMAGED: (
        "That backup is damaged (it is incomplete or its pages do not read); choose another."
    ),
    Unfit.NOT_RP_DESKTOP: "That file is not an RP Desktop database or backup; choose another.",
    Unfit.TOO_NEW: "That backup was made by a newer version of RP Desktop.",
    Unfit.SAME_FILE: "That file is the database itself, not a backup of it.",
    Unfit.OTHER_DATABASE: (
        "That backup is of a different database, not of this one; restore it onto a new "
        "path, where there is no database yet."
    ),
}
SQLITE_CORRUPT = 11  # "database disk image is malformed": the key opened it, a page is bad


class RestoreRefused(ValueError):
    """Nothing was changed: the chosen file cannot be restored."""

    def __init__(self, reason: Unfit) -> None:
        self.reason = reason
        super().__init__(_UNFIT_SENTENCES[reason])


def unfit_by_look(backup: Path) -> Unfit | None:
    """What is wrong with `backup`, judged from outside: an empty file is what is left of a
    backup; None when it may be one."""
    try:
        size = backup.stat().st_size
    except OSError:
        return Unfit.NOT_RP_DESKTOP
    return None if size else Unfit.DAMAGED


def require_restorable(backup: Path, key: Key | None, identity: str | None = None) -> None:
    """Refuse (RestoreRefused) a backup that does not open with `key`, is not ours, is too
    new, is damaged, or (when `identity` is given) is a backup of another database."""
    backup = backup.expanduser().absolute()
    if (unfit := unfit_by_look(backup)) is not None:
        raise RestoreRefused(unfit)
    plain = is_plain_sqlite(backup)
    if plain and key is not None:  # a plain backup is never put in an encrypted database
        raise RestoreRefused(Unfit.UNREADABLE)
    if not plain and key is None:
        raise RestoreRefused(_unreadable(None, backup))
    try:
        with closing(open_read_only(backup, key)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            _require_ours(connection, identity)
    except RestoreRefused:
        raise
    except Exception as error:  # sqlite3 and SQLCipher errors alike: it does not open
        raise RestoreRefused(_unreadable(error, backup)) from error


def _unreadable(error: Exception | None, backup: Path) -> Unfit:
    """Why `backup` does not read (`error`; None: no key to read it with). A plain file, or an
    encrypted one whose key opened its first page, is damaged. Otherwise the key does not fit
    (or the first page is damaged, which looks the same), if it is whole pages as an encrypted
    database is; if not, it is another kind of file (or lost most of its first page)."""
    if is_plain_sqlite(backup) or getattr(error, "sqlite_errorcode", None) == SQLITE_CORRUPT:
        return Unfit.DAMAGED
    return Unfit.UNREADABLE if may_be_encrypted(backup) else Unfit.NOT_RP_DESKTOP


def _require_ours(connection: sqlite3.Connection, identity: str | None) -> None:
    revision = schema_revision(connection)
    if revision is None:
        raise RestoreRefused(Unfit.NOT_RP_DESKTOP)
    if revision not in schema.KNOWN_REVISIONS:
        raise RestoreRefused(Unfit.TOO_NEW)
    if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise RestoreRefused(Unfit.DAMAGED)
    theirs = database_identity(connection)
    if identity and theirs is not None and theirs != identity:
        raise RestoreRefused(Unfit.OTHER_DATABASE)


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def write_manifest(backup: Path, manifest: Manifest) -> Path:
    """Write `manifest` beside `backup`, all at once (a reader never sees half of it), 0600."""
    data = asdict(manifest) | {"taken_at": manifest.taken_at.astimezone(UTC).isoformat()}
    target = manifest_path(backup)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(handle, "wb") as out:  # writes it all, however the disk takes it
            out.write(json.dumps(data, indent=2, sort_keys=True).encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)  # a full disk leaves no half-written manifest
        raise
    return target


def read_manifest(backup: Path) -> Manifest | None:
    """The manifest beside `backup`; None when there is none or it cannot be read."""
    try:
        data = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
        known = {f.name for f in fields(Manifest)}
        values = {k: v for k, v in data.items() if k in known}
        values["taken_at"] = datetime.fromisoformat(values["taken_at"]).astimezone(UTC)
        return Manifest(**values)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


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
    found = Backup(path, taken_at, BackupReason(match["reason"]), size, event, None)
    manifest = read_manifest(path)
    if manifest is None or manifest.reason not in BackupReason._value2member_map_:
        return found
    # The manifest says it more exactly (the time to the microsecond, the whole hash).
    return replace(
        found,
        taken_at=manifest.taken_at,
        reason=BackupReason(manifest.reason),
        newest_event=(manifest.newest_event_id, manifest.newest_event_hash[:8]),
        manifest=manifest,
    )


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
            manifest_path(backup.path).unlink(missing_ok=True)
    for partial in [*folder.glob("*.db.partial"), *folder.glob("*.db.json.partial")]:
        partial.unlink(missing_ok=True)
