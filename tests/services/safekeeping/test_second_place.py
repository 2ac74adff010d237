"""The second place: a verified copy of each backup, with its manifest, under
`<place>/RP Desktop backups/<identity>/` when the place is there; its own thinning; and the
backup on this laptop made whatever happens to the second place (missing, full, unwritable)."""

import errno
import os
import stat
from pathlib import Path

import pytest

from rp_desktop.services.safekeeping import backups, second_place
from rp_desktop.services.safekeeping.backup_files import (
    file_sha256,
    found_backups,
    manifest_path,
    read_manifest,
    write_manifest,
)
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.second_place import Missed, second_place_folder
from tests.conftest import FakeClock


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def place(tmp_path: Path) -> Path:
    drive = tmp_path / "E" / "Backups"
    drive.mkdir(parents=True)
    return drive


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_reachable_second_place_gets_a_verified_copy_with_its_manifest(
    db: Database, folder: Path, place: Path
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder, second_place=place)

    assert made.second is not None
    assert made.second.missed is None
    copy = made.second.path
    assert copy == second_place_folder(place, db.identity) / made.path.name
    assert copy.parent == place / "RP Desktop backups" / db.identity
    assert file_sha256(copy) == file_sha256(made.path)
    assert read_manifest(copy) == read_manifest(made.path) == made.manifest
    assert mode(copy) == 0o600
    assert mode(manifest_path(copy)) == 0o600
    assert [b.taken_at for b in found_backups(copy.parent)] == [made.taken_at]
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name, copy.name + ".json"]


def test_a_missing_second_place_is_said_and_the_backup_is_made(
    db: Database, folder: Path, tmp_path: Path
) -> None:
    drive = tmp_path / "F" / "not connected"
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder, second_place=drive)
    assert made.path.exists()
    assert made.second is not None
    assert made.second.missed is Missed.NOT_CONNECTED
    assert made.second.path is None
    assert not drive.exists()  # nothing made up where the drive should be


def test_a_full_second_place_is_said_and_leaves_nothing_half_made(
    db: Database, folder: Path, place: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    written: list[int] = []

    def full_after_a_little(handle: int, data: bytes | memoryview) -> int:
        if written:  # the first chunk fits; then the drive is full
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(real_write(handle, data[:4096]))
        return written[-1]

    monkeypatch.setattr(second_place.os, "write", full_after_a_little)
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder, second_place=place)
    monkeypatch.undo()

    assert made.second is not None
    assert made.second.missed is Missed.FULL
    assert made.path.exists()
    assert read_manifest(made.path) is not None
    assert list(second_place_folder(place, db.identity).iterdir()) == []
    assert not backups.changes_since_last_backup(db, folder=folder)


def test_a_copy_that_reads_back_differently_is_removed(
    db: Database, folder: Path, place: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(second_place, "file_sha256", lambda _path: "0" * 64)
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder, second_place=place)
    assert made.second is not None
    assert made.second.missed is Missed.NOT_VERIFIED
    assert list(second_place_folder(place, db.identity).iterdir()) == []


def test_a_second_place_that_cannot_be_written_is_said(
    db: Database, folder: Path, place: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A read-only share; chmod would not stop the tests' root user, so the refusal is given.
    def refused(*_args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(second_place, "_copy_bytes", refused)
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder, second_place=place)
    assert made.second is not None
    assert made.second.missed is Missed.NOT_WRITABLE
    assert made.path.exists()


def test_the_second_place_is_thinned_by_the_same_rules(
    db: Database, folder: Path, place: Path, clock: FakeClock
) -> None:
    for _ in range(20):  # one a day, as in the backups folder's own thinning test
        backups.make_backup(db, BackupReason.SCHEDULED, folder=folder, second_place=place)
        clock.advance(days=1)
    there = second_place_folder(place, db.identity)
    here = sorted(p.name for p in folder.iterdir())
    assert len(list(there.glob("*.db"))) == 9
    assert sorted(p.name for p in there.iterdir()) == here


def test_a_manifest_the_disk_refuses_leaves_no_half_written_file(
    db: Database, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    assert made.manifest is not None
    manifest_path(made.path).unlink()

    def full(handle: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_manifest(made.path, made.manifest)
    monkeypatch.undo()
    assert sorted(p.name for p in folder.iterdir()) == [made.path.name]
