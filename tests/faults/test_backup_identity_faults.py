"""Issue 12, fault 2 and the backup half of fault 9: backups are kept by the database's identity,
not its file name, and a backup's audit event is written only once its copy is verified.

Fault 2: two databases both called school.db, in different folders, backed up in turn into the
default backups folder, landed in the same `backups/school/` and thinned each other's away.
Fault 9: `backup --out missing/x.db` recorded a backup audit event and then failed with
"something unexpected"."""

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import AuditEventRow
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student
from tests.cli.conftest import Outcome, Run, run  # noqa: F401 (the fixture)
from tests.conftest import FakeClock, table_rows


def backup_events(db: Database) -> int:
    with Session(db.engine) as session:
        found = session.scalars(
            select(AuditEventRow.id).where(AuditEventRow.action == AuditAction.BACKUP)
        ).all()
    return len(found)


def test_fault_2_two_databases_named_school_db_keep_their_own_backups(
    tmp_path: Path, clock: FakeClock
) -> None:
    first_path, second_path = tmp_path / "north" / "school.db", tmp_path / "south" / "school.db"
    with (
        open_database(first_path, unencrypted=True, clock=clock) as first,
        open_database(second_path, unencrypted=True, clock=clock) as second,
    ):
        assert first.identity != second.identity
        made: dict[str, list[Path]] = {first.identity: [], second.identity: []}
        # A day of half-hourly backups of each in turn: enough for thinning to remove some.
        for number in range(24):
            for db, name in ((first, "Aster"), (second, "Birch")):
                add_student(db, StudentFields(f"{name}-{number}", name, "Example", grade=7))
                made[db.identity].append(backups.make_backup(db, BackupReason.SCHEDULED).path)
            clock.advance(minutes=30)
        for db in (first, second):
            listed = backups.list_backups(db.path, check=False)
            assert listed, "every backup of this database was thinned away"
            assert {b.path for b in listed} <= set(made[db.identity])
            newest = table_rows(listed[0].path)["student"]
            assert len(newest) == 24  # the newest backup is of this database, whole
            assert backups.backups_folder(db).name == db.identity


def test_fault_9_the_backup_event_is_written_only_after_the_verified_copy(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = backup_events(db)

    def copy_fails(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "copy_database", copy_fails)
    with pytest.raises(OSError, match="No space left"):
        backups.make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
    assert backup_events(db) == before  # no event for a backup that was not made
    monkeypatch.undo()

    made = backups.make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
    assert backup_events(db) == before + 1
    assert not backups.changes_since_last_backup(db, folder=tmp_path / "backups")
    # The copy holds the state it was made of; its own event came after it.
    assert [row[3] for row in table_rows(made.path)["audit_event"]].count("backup") == before


def test_fault_9_backup_out_into_a_missing_folder_is_refused_plainly(
    run: Run,  # noqa: F811
    db_path: Path,
    tmp_path: Path,
) -> None:
    with open_database(db_path, unencrypted=True) as db:
        before = backup_events(db)
    target = tmp_path / "missing" / "x.db"

    outcome: Outcome = run("backup", "--db", str(db_path), "--out", str(target))

    assert outcome.code == 1
    assert f"The folder {target.parent} does not exist" in outcome.err
    assert "unexpected" not in outcome.err
    assert not target.parent.exists()
    with open_database(db_path, unencrypted=True) as db:
        assert backup_events(db) == before
