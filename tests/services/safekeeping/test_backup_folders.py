"""Backups folders keyed by the database's identity: the old folder named after the file is
adopted (this database's backups moved in, the others left), and a database that cannot be
opened still finds its backups through the index."""

import json
import os
import shutil
import stat
from pathlib import Path

from rp_desktop.domain.records import StudentFields
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backup_files import found_backups, manifest_path
from rp_desktop.services.safekeeping.backup_folders import (
    INDEX,
    backups_folder,
    backups_root,
    folders_for_path,
    read_index,
    settle_backups,
)
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student
from tests.conftest import FakeClock


def old_style_backup(db: Database, old: Path, clock: FakeClock, *, manifest: bool) -> Path:
    """A backup as the version before this one left it: in `backups/<file name>/`."""
    made = backups.make_backup(db, BackupReason.SCHEDULED, folder=old)
    if not manifest:
        manifest_path(made.path).unlink()
    clock.advance(minutes=30)
    return made.path


def test_the_backups_of_this_database_are_adopted_from_the_old_folder(
    tmp_path: Path, clock: FakeClock
) -> None:
    root = tmp_path / "backups"
    old = root / "school"
    with open_database(tmp_path / "other" / "school.db", unencrypted=True, clock=clock) as other:
        add_student(other, StudentFields("B-1", "Birch", "Example", grade=7))
        theirs = old_style_backup(other, old, clock, manifest=False)
    with open_database(tmp_path / "school.db", unencrypted=True, clock=clock) as db:
        add_student(db, StudentFields("A-1", "Aster", "Example", grade=7))
        ours = old_style_backup(db, old, clock, manifest=False)
        add_student(db, StudentFields("A-2", "Aster", "Example", grade=8))
        ours_too = old_style_backup(db, old, clock, manifest=True)

        folder = settle_backups(db, root)

        assert folder == root / db.identity == backups_folder(db, root)
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            [ours.name, ours_too.name, ours_too.name + ".json"]
        )
        assert [p.name for p in old.iterdir()] == [theirs.name]  # not ours: left where it was
        listed = backups.list_backups(db.path, folder=folder, check=False)
        assert [b.path.name for b in listed] == [ours_too.name, ours.name]
        assert listed[0].manifest is not None
        assert listed[1].manifest is None
        assert settle_backups(db, root) == folder  # a second time: nothing more to do
        assert len(list(folder.glob("*.db"))) == 2


def test_a_name_already_in_the_new_folder_is_never_overwritten(
    db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    root = tmp_path / "backups"
    made = old_style_backup(db, root / "school", clock, manifest=False)
    folder = backups_folder(db, root)
    folder.mkdir(parents=True)
    (folder / made.name).write_bytes(b"already here")
    settle_backups(db, root)
    assert made.exists()
    assert (folder / made.name).read_bytes() == b"already here"


def test_a_database_that_cannot_be_opened_finds_its_backups_through_the_index(
    tmp_path: Path, clock: FakeClock
) -> None:
    root = tmp_path / "backups"
    path = tmp_path / "school.db"
    with open_database(path, unencrypted=True, clock=clock) as db:
        made = backups.make_backup(db, BackupReason.BY_HAND, folder=settle_backups(db, root))
        identity = db.identity
    old = old_style_backup_beside(root, made.path)
    path.write_bytes(b"\0" * 4096)  # damaged beyond opening: no identity to read

    assert read_index(root) == {str(path.resolve()): identity}
    assert stat.S_IMODE(os.stat(root / INDEX).st_mode) == 0o600
    assert folders_for_path(path, root) == [root / identity, root / "school"]
    found = sorted(b.path for f in folders_for_path(path, root) for b in found_backups(f))
    assert found == sorted([made.path, old])


def test_without_a_folder_the_listing_looks_where_the_index_says(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "school.db"
    with open_database(path, unencrypted=True, clock=clock) as db:
        made = backups.make_backup(db, BackupReason.BY_HAND)  # the user's own backups folder
        identity = db.identity
    assert made.path.parent == backups_root() / identity
    path.write_bytes(b"not a database any more")
    assert [b.path for b in backups.list_backups(path, check=False)] == [made.path]


def test_an_unreadable_index_is_read_as_empty(tmp_path: Path) -> None:
    (tmp_path / INDEX).write_text("{not json", encoding="utf-8")
    assert read_index(tmp_path) == {}
    (tmp_path / INDEX).write_text(json.dumps(["a", "list"]), encoding="utf-8")
    assert read_index(tmp_path) == {}


def old_style_backup_beside(root: Path, backup: Path) -> Path:
    """A copy of `backup` under another time, in the old folder named after the file."""
    old = root / "school"
    old.mkdir(parents=True)
    target = old / backup.name.replace("2026-03-10", "2026-03-09")
    shutil.copyfile(backup, target)
    return target
