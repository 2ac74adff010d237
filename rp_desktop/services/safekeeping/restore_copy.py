"""Putting a copy of a backup in a place: the keys that open it and encrypt the copy, checked
first; the copy made beside its place, checked, flushed and renamed into it, so the file there
is whole or absent; and refusing a place that is taken."""

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rp_desktop.db.backup import copy_into_place
from rp_desktop.db.cipher import Key, is_plain_sqlite, key_for_file, may_be_encrypted, new_key
from rp_desktop.db.models import CaseRow, CommunityCircleRow, StaffRow, StudentRow, SupportPlanRow
from rp_desktop.domain.safekeeping.findings import RowCounts
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.backup_files import (
    RestoreRefused,
    Unfit,
    require_restorable,
    unfit_by_look,
)
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import PassphraseNeeded, WrongPassphrase, translated


def refuse_taken(target: Path) -> None:
    """Refuse a place where a file is, or where an earlier database left its log (it would be
    replayed onto the copy)."""
    for name in (target.name, target.name + "-wal", target.name + "-journal"):
        taken = target.with_name(name)
        if taken.exists() or taken.is_symlink():
            raise FileExistsError(17, "There is already a file there", str(taken))


def place_copy(backup: Path, backup_key: Key | None, target: Path, key: Key | None) -> RowCounts:
    """Copy `backup` (opened with `backup_key`) to a name beside `target`, encrypted with `key`,
    check it, flush it and rename it to `target`: the file there is whole or absent."""
    if key is None and backup_key is not None:
        raise ValueError("a plain copy of an encrypted backup is never made")
    with translated(target):
        return copy_into_place(backup, backup_key, target, key)


def backup_key_for(backup: Path, passphrase: Passphrase | None) -> Key | None:
    """The key `passphrase` gives for the backup at `backup` (derived with its own salt), not
    yet checked; None for a plain backup. Raises RestoreRefused for a file that cannot be a
    backup, PassphraseNeeded for an encrypted one without a passphrase."""
    if (unfit := unfit_by_look(backup)) is not None:
        raise RestoreRefused(unfit)
    if is_plain_sqlite(backup):
        return None
    if passphrase is None:
        if may_be_encrypted(backup):
            raise PassphraseNeeded(backup)
        raise RestoreRefused(Unfit.NOT_RP_DESKTOP)
    try:
        return key_for_file(backup, passphrase)
    except ValueError:  # shorter than a salt: not a backup at all
        raise RestoreRefused(Unfit.NOT_RP_DESKTOP) from None


def keys_for_restore(
    backup: Path, passphrase: Passphrase | None, backup_passphrase: Passphrase | None
) -> tuple[Key | None, Key | None]:
    """The backup's key, checked (RestoreRefused otherwise), and the restored copy's: the same
    one, or a new one from `passphrase` when the backup has its own `backup_passphrase`."""
    backup_key = backup_key_for(backup, backup_passphrase or passphrase)
    try:
        require_restorable(backup, backup_key)
    except RestoreRefused as refused:
        if refused.reason is Unfit.UNREADABLE:  # its first page does not read with that key
            raise WrongPassphrase(backup) from refused
        raise
    if backup_key is None or backup_passphrase is None or passphrase is None:
        return backup_key, backup_key
    if passphrase.reveal() == backup_passphrase.reveal():
        return backup_key, backup_key
    return backup_key, new_key(passphrase)


def new_folders(folder: Path) -> list[Path]:
    """Make `folder` and whatever above it is missing; the folders made, outermost first."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    missing.reverse()
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def require_new(db: Database) -> None:
    """Refuse (ValueError) a database that holds records: only a new one may be replaced."""
    with Session(db.engine) as session:
        for row in (StudentRow, StaffRow, CaseRow, CommunityCircleRow, SupportPlanRow):
            if session.scalar(select(func.count()).select_from(row)):
                raise ValueError("this database holds records: it is not a new one")
