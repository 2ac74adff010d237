"""Where a database's backups are kept, and which are there (and whether anything changed since
the newest): `backups/<identity>/` in the user's data folder, keyed by the database's identity
(a UUID made once with it and carried by every copy, migration 0007), never by its file name:
two databases both called school.db keep their own backups.

Backups made before this lived in `backups/<file name>/`. When a database is opened or backed
up, the ones there that are of this database are moved into its folder: a backup's name holds
its newest audit event's id and the first 8 hex digits of that event's hash, and a database
that has that event with that hash made that backup (no need to open it). The others are left
where they are.

A database that cannot be opened has no identity to go by. For it (the recovery screen),
`backups/index.json` remembers which identity each database path had when it was last opened
or backed up: {absolute path: identity}; its backups are looked for there and in the old
folder named after the file.
"""

import json
import os
from pathlib import Path

import platformdirs
from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.cipher import Key
from rp_desktop.db.models import AuditEventRow
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.safekeeping.backup_files import (
    Backup,
    found_backups,
    manifest_path,
    with_readable,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.files import APP_NAME

INDEX = "index.json"


def backups_root() -> Path:
    """The folder that holds every database's backups folder, in the user's data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "backups"


def backups_folder(db: Database, root: Path | None = None) -> Path:
    """Where the backups of `db` go: named after its identity (a database from before the
    identity, never opened since, has none: then after its file name, as before)."""
    return (root or backups_root()) / (db.identity or db.path.stem)


def settle_backups(db: Database, root: Path | None = None) -> Path:
    """The backups folder of `db`, made ready: its path remembered in the index, and its
    backups still in the old folder named after the file moved in. Returns the folder."""
    base = root or backups_root()
    folder = backups_folder(db, base)
    if db.identity:
        remember_identity(base, db.path, db.identity)
        adopt_old_backups(db, base / db.path.stem, folder)
    return folder


def adopt_old_backups(db: Database, old: Path, folder: Path) -> list[Path]:
    """Move the backups in `old` that are of `db` (see the module's note) into `folder`, each
    with its manifest; leave the others. Returns where the moved ones are now."""
    found = found_backups(old)
    if not found:
        return []
    hashes = _hashes(db, found)
    ours = [b for b in found if _is_of(db, b, hashes)]
    moved = []
    for backup in ours:
        target = folder / backup.path.name
        if target.exists():
            continue  # never overwrite: it stays where it was, and is still listed there
        folder.mkdir(parents=True, exist_ok=True)
        os.replace(backup.path, target)
        if manifest_path(backup.path).exists():
            os.replace(manifest_path(backup.path), manifest_path(target))
        moved.append(target)
    return moved


def list_backups(
    db_path: Path, key: Key | None = None, *, folder: Path | None = None, check: bool = True
) -> list[Backup]:
    """The backups of the database at `db_path`, newest first, from `folder` or, without one,
    wherever they may be for that path (folders_for_path). With `check`, each
    is opened with `key` (None: the database is plain) to say whether it can be restored."""
    folders = [folder] if folder is not None else folders_for_path(db_path)
    backups = sorted(
        (b for f in folders for b in found_backups(f)),
        key=lambda b: (b.taken_at, b.newest_event[0]),
        reverse=True,
    )
    if not check:
        return backups
    return [with_readable(b, key) for b in backups]


def changes_since_last_backup(db: Database, *, folder: Path | None = None) -> bool:
    """True when the database has an audit event, other than a backup's, after its newest
    backup's newest event (or that event is not in it, or there is no backup)."""
    backups = list_backups(db.path, folder=folder or backups_folder(db), check=False)
    if not backups:
        return True
    newest_id, prefix = backups[0].newest_event
    with Session(db.engine) as session:
        held = session.scalar(select(AuditEventRow.hash).where(AuditEventRow.id == newest_id))
        if newest_id and (held is None or not held.startswith(prefix)):
            return True  # a restore put an older state back since: anything may differ
        later = select(AuditEventRow.id).where(
            AuditEventRow.id > newest_id, AuditEventRow.action != AuditAction.BACKUP
        )
        return session.scalar(later.limit(1)) is not None


def folders_for_path(db_path: Path, root: Path | None = None) -> list[Path]:
    """Where the backups of the database at `db_path` may be, without opening it: the folder
    of the identity it had when last opened here, and the old one named after the file."""
    base = root or backups_root()
    identity = read_index(base).get(_key(db_path))
    folders = [base / identity] if identity else []
    return [*folders, base / db_path.stem]


def read_index(root: Path) -> dict[str, str]:
    """{absolute database path: identity}; empty when there is no index or it is unreadable."""
    try:
        data = json.loads((root / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def remember_identity(root: Path, db_path: Path, identity: str) -> None:
    """Record `identity` for `db_path` in the index (rewritten all at once, 0600)."""
    index = read_index(root)
    if index.get(_key(db_path)) == identity:
        return
    index[_key(db_path)] = identity
    root.mkdir(parents=True, exist_ok=True)
    partial = root / (INDEX + ".partial")
    partial.unlink(missing_ok=True)
    handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(handle, json.dumps(index, indent=2, sort_keys=True).encode("utf-8"))
    finally:
        os.close(handle)
    os.replace(partial, root / INDEX)


def _key(db_path: Path) -> str:
    return str(db_path.expanduser().resolve())


def _hashes(db: Database, found: list[Backup]) -> dict[int, str]:
    """The hashes of the audit events the backups in `found` name as their newest."""
    ids = {b.newest_event[0] for b in found if b.newest_event[0] > 0}
    with Session(db.engine) as session:
        rows = session.execute(
            select(AuditEventRow.id, AuditEventRow.hash).where(AuditEventRow.id.in_(ids))
        ).all()
    return {row.id: row.hash for row in rows}


def _is_of(db: Database, backup: Backup, hashes: dict[int, str]) -> bool:
    if backup.manifest is not None:
        return backup.manifest.database_identity == db.identity
    event_id, prefix = backup.newest_event
    return event_id in hashes and hashes[event_id].startswith(prefix)
