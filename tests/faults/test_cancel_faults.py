"""Cancel leaves nothing half-written, on every path that can be cancelled: the record export
and the district package (no file, no hidden folder, an earlier export untouched), the retention
purge (nothing removed, no purge in the audit trail) and a restore (the database as it was; the
backup of the present state, once made, stays). Past the point of no return Cancel is refused
and the work finishes. No threads here: Cancel is asked from the progress report itself."""

from pathlib import Path

import pytest

from rp_desktop.domain.progress import Cancelled, Stoppable
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.exports.district.package import write_district_package
from rp_desktop.services.exports.names import EXPORT_NAMES
from rp_desktop.services.exports.records.export import export_records
from rp_desktop.services.exports.records.files import RECORD_FILES
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backup_files import BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.restoring import RESTORE_STEPS, restore_backup
from rp_desktop.services.safekeeping.retention import removal
from rp_desktop.services.safekeeping.retention.removal import PURGE_STEPS
from tests.conftest import digest
from tests.services.conftest import audit_rows, table_count
from tests.services.exports.school import YEAR_2025, build_export_school
from tests.services.safekeeping.test_retention import EXPECTED, build


def cancelled_at(step: str) -> Stoppable:
    """A Progress whose user presses Cancel when `step` is reported; the next report stops."""
    stop = Stoppable(lambda _done, _total, told, _c: stop.cancel() if told == step else None)
    return stop


def folder_state(folder: Path) -> dict[str, str]:
    """Every entry of `folder`, hidden ones too, with its content's digest."""
    return {p.name: digest(p) if p.is_file() else "folder" for p in sorted(folder.iterdir())}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "notes.txt").write_text("the user's own", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "step", ["students.csv", "attendance", "cases.csv", "re_entry_plans.csv", "README.txt"]
)
def test_cancel_leaves_no_record_export_file(db: Database, out: Path, step: str) -> None:
    build_export_school(db)
    before = folder_state(out)
    step = "circle_attendance.csv" if step == "attendance" else step
    with pytest.raises(Cancelled):
        export_records(db, out, progress=cancelled_at(step))
    assert folder_state(out) == before  # no file, no hidden staging folder
    assert AuditAction.EXPORT not in {row.action for row in audit_rows(db)}


def test_cancel_keeps_an_earlier_export_whole_when_replacing(db: Database, out: Path) -> None:
    build_export_school(db)
    export_records(db, out, YEAR_2025)
    before = folder_state(out)
    last = RECORD_FILES[-1].name
    with pytest.raises(Cancelled):
        export_records(db, out, replace=True, progress=cancelled_at(last))
    assert folder_state(out) == before


@pytest.mark.parametrize("step", ["counting", "practices_by_month.csv", "README.txt"])
def test_cancel_leaves_no_district_package_file(db: Database, out: Path, step: str) -> None:
    build_export_school(db)
    before = folder_state(out)
    with pytest.raises(Cancelled):
        write_district_package(db, out, YEAR_2025, progress=cancelled_at(step))
    assert folder_state(out) == before
    assert not any((out / name).exists() for name in EXPORT_NAMES)


def test_cancel_is_refused_once_the_files_are_moving_into_place(db: Database, out: Path) -> None:
    build_export_school(db)
    stop = Stoppable(lambda _d, _t, _s, cancellable: None if cancellable else stop.cancel())
    summary = export_records(db, out, progress=stop)
    assert not stop.asked  # refused: the export finished whole
    assert all((out / file.name).exists() for file in summary.files)


TABLES = ("case", "community_circle", "circle_run", "support_plan", "student", "audit_event")


@pytest.mark.parametrize("step", PURGE_STEPS[:-1])
def test_cancel_removes_nothing(db: Database, step: str) -> None:
    build(db)
    preview = removal.preview_purge(db, 3)
    assert preview.counts == EXPECTED
    before = {table: table_count(db, table) for table in TABLES}
    with pytest.raises(Cancelled):
        removal.purge(db, 3, confirm_counts=preview.counts, progress=cancelled_at(step))
    assert {table: table_count(db, table) for table in TABLES} == before
    assert AuditAction.PURGE not in {row.action for row in audit_rows(db)}
    assert removal.preview_purge(db, 3).counts == EXPECTED  # all still there to remove


def test_a_purge_past_its_commit_is_not_cancelled(db: Database) -> None:
    build(db)
    preview = removal.preview_purge(db, 3)
    stop = Stoppable(lambda _d, _t, _s, cancellable: None if cancellable else stop.cancel())
    assert removal.purge(db, 3, confirm_counts=preview.counts, progress=stop) == EXPECTED
    assert not stop.asked


def students_in(db: Database) -> int:
    return table_count(db, "student")


@pytest.fixture
def backed_up(db: Database, tmp_path: Path) -> Path:
    """A backup of the export school; the database has lost its demographics since."""
    build_export_school(db)
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM student_demographic")
    return made.path


@pytest.mark.parametrize("step", RESTORE_STEPS[:2])
def test_cancel_restores_nothing_and_keeps_the_backup_of_the_present(
    db: Database, backed_up: Path, tmp_path: Path, step: str
) -> None:
    folder = tmp_path / "backups"
    before = table_count(db, "student_demographic")
    kept = {p.name for p in folder.glob("*.db")}
    with pytest.raises(Cancelled):
        restore_backup(db, backed_up, folder=folder, progress=cancelled_at(step))
    assert table_count(db, "student_demographic") == before == 0  # as it was
    assert AuditAction.RESTORE not in {row.action for row in audit_rows(db)}
    made = {p.name for p in folder.glob("*.db")} - kept
    # Cancelled while checking: no backup made yet; while backing up: the backup stays.
    assert len(made) == (0 if step == "checking" else 1)
    assert not db.path.with_name(db.path.name + ".restoring").exists()


def test_a_restore_putting_its_copy_in_place_is_not_cancelled(
    db: Database, backed_up: Path, tmp_path: Path
) -> None:
    stop = Stoppable(lambda _d, _t, _s, cancellable: None if cancellable else stop.cancel())
    restore_backup(db, backed_up, folder=tmp_path / "backups", progress=stop)
    assert not stop.asked
    assert table_count(db, "student_demographic") > 0  # the backup's rows are back
