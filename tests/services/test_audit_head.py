"""The audit trail's head, kept outside the database: written after each commit that added events
(0600, replaced atomically, one file per database identity), never on a rollback; compared at
opening before anything is written; not compared for a copy elsewhere (a backup); reset by a
restore and when the user has seen the finding."""

import json
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.audit_seal import Behind, Head
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import audit_head, audit_sealing
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.backup_files import read_manifest
from rp_desktop.services.safekeeping.backups import BackupReason, make_backup
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.safekeeping.restoring import restore_backup, restore_in_place
from rp_desktop.services.students.records import add_student
from tests.conftest import FakeClock


def add(db: Database, count: int, first: int = 0) -> None:
    for number in range(first, first + count):
        add_student(db, StudentFields(f"H-{number}", "Perpetua", f"Vance{number}", grade=9))


def newest(path: Path) -> Head:
    with closing(sqlite3.connect(path)) as connection:
        event_id, seal = connection.execute(
            "SELECT id, seal FROM audit_event ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return Head(event_id, seal)


def truncate(path: Path, keep: int) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DELETE FROM audit_event WHERE id > ?", (keep,))


def test_each_commit_that_adds_events_moves_the_head(db: Database) -> None:
    add(db, 3)
    record = audit_head.read_head(db.identity)
    assert record is not None
    assert record.head == newest(db.path)
    assert record.path == str(db.path)
    file = audit_head.head_file(db.identity)
    assert file is not None
    assert file.parent.name == "audit-heads"
    assert file.name == f"{db.identity}.json"
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert json.loads(file.read_text())["newest_id"] == record.head.event_id
    assert [p.name for p in file.parent.iterdir()] == [file.name]  # no temporary left


def test_a_rolled_back_transaction_does_not_move_the_head(db: Database) -> None:
    add(db, 1)
    before = audit_head.read_head(db.identity)

    def failing_save() -> None:
        with Session(db.engine) as session, session.begin():
            record_event(session, db, AuditAction.UPDATE, "student", 1, "field=grade")
            session.flush()
            raise RuntimeError("the save failed")

    with pytest.raises(RuntimeError):
        failing_save()
    assert audit_head.read_head(db.identity) == before


def test_opening_finds_a_database_behind_its_head(db_path: Path, clock: FakeClock) -> None:
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        add(db, 6)
    truncate(db_path, 2)
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        found = audit_sealing.unseen_finding(db)
        assert found is not None
        assert (found.kind, found.missing, found.newest_id) == (Behind.MISSING, 4, 2)
        add(db, 2, first=100)  # later saves do not erase it
        assert audit_sealing.unseen_finding(db) == found
        audit_sealing.finding_seen(db)
        assert audit_sealing.unseen_finding(db) is None
    assert check_database(db_path).ok  # seen, and the database taken as it is


def test_a_copy_elsewhere_is_not_compared(db: Database, tmp_path: Path) -> None:
    add(db, 2)
    made = make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
    add(db, 3, first=10)
    report = check_database(made.path)  # older than the head, but it is a backup
    assert report.behind is None
    assert report.ok


def test_restoring_an_older_backup_resets_the_head(db: Database, tmp_path: Path) -> None:
    add(db, 2)
    made = make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
    add(db, 5, first=10)
    restore_backup(db, made.path, folder=tmp_path / "backups")
    record = audit_head.read_head(db.identity)
    assert record is not None
    assert record.head == newest(db.path)
    assert record.behind is None
    assert check_database(db.path).ok


def test_an_unreadable_head_file_is_ignored(db: Database) -> None:
    add(db, 1)
    file = audit_head.head_file(db.identity)
    assert file is not None
    file.write_text("{not json", encoding="utf-8")
    assert audit_head.read_head(db.identity) is None
    add(db, 1, first=5)  # and written afresh at the next save
    assert audit_head.read_head(db.identity) is not None


def test_an_identity_that_is_not_a_plain_name_gets_no_file() -> None:
    assert audit_head.head_file("../../etc/passwd") is None
    assert audit_head.head_file("") is None


def test_a_backup_put_in_place_of_a_broken_database_resets_the_head(
    db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        add(db, 2)
        made = make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
        add(db, 4, first=10)
        identity = db.identity
    restore_in_place(db_path, made.path, None, clock())
    record = audit_head.read_head(identity)
    assert record is not None
    assert record.head == newest(db_path)
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        assert audit_sealing.unseen_finding(db) is None
    assert check_database(db_path).ok


def test_every_backup_s_manifest_holds_the_newest_seal(db: Database, tmp_path: Path) -> None:
    add(db, 3)
    before = newest(db.path)
    made = make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
    assert made.manifest is not None
    assert (made.manifest.newest_event_id, made.manifest.newest_seal) == (
        before.event_id,
        before.seal,
    )
    assert read_manifest(made.path) == made.manifest
