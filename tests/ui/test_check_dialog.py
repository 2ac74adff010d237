"""Help > Check database: every check said in plain words, the audit trail's first broken link
named, and the open database left working."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from rp_desktop.domain.records import StudentFields
from rp_desktop.services import checking, students
from rp_desktop.services.opening import (
    Database,
    NotADatabase,
    Passphrase,
    Unreadable,
    open_database,
)
from rp_desktop.ui import check_dialog
from rp_desktop.ui.check_dialog import CheckDialog, open_check_dialog
from tests.conftest import FakeClock
from tests.ui.conftest import School


@pytest.fixture
def dialog(qtbot, db: Database, school_db: School) -> CheckDialog:  # type: ignore[no-untyped-def]
    shown = CheckDialog(db)
    qtbot.addWidget(shown)
    return shown


def test_it_says_it_is_checking_until_it_has_checked(dialog: CheckDialog) -> None:
    assert dialog.headline.text().startswith("Checking the database")
    assert not dialog.trail.isEnabled()
    assert dialog.report is None
    assert dialog.windowTitle() == "Check database"


def test_a_healthy_database_is_in_good_order(dialog: CheckDialog, db: Database) -> None:
    dialog.run_check()
    assert dialog.report is not None
    assert dialog.report.ok
    assert dialog.headline.text() == "The database is in good order."
    assert dialog.details.text().splitlines() == [
        "✓  The file is whole: SQLite's integrity check found nothing wrong.",
        "✓  Every record's links to other records hold.",
        "✓  The audit trail is whole: all 8 events are as they were written.",
        "",
        "It holds 4 student records, 3 circles and 0 cases.",
    ]
    assert dialog.trail.isEnabled()
    students.add_student(db, StudentFields("700105", "Tove", "Lindgren", grade=7))  # still works


def test_an_altered_audit_trail_is_named(dialog: CheckDialog, db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_event WHERE id = 4"))
    dialog.run_check()
    assert dialog.headline.text().startswith("Something is wrong with the database.")
    assert "✗  The audit trail was altered at event 5 (an event before it was removed)." in (
        dialog.details.text().splitlines()
    )
    assert "font-weight: bold" in dialog.headline.styleSheet()


def test_an_unreadable_file_is_said_plainly(
    dialog: CheckDialog, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(_db: Database) -> None:
        raise NotADatabase(db.path, Unreadable.DAMAGED)

    monkeypatch.setattr(checking, "check_open_database", damaged)
    dialog.run_check()
    assert dialog.headline.text() == "The database is damaged and cannot be read safely."
    assert dialog.report is None
    assert not dialog.trail.isEnabled()


def test_an_encrypted_database_gets_sqlcipher_s_check_too(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    clock: FakeClock,
) -> None:
    passphrase = Passphrase("velvet compass after rain")
    with open_database(tmp_path / "sealed.db", passphrase=passphrase, clock=clock) as db:
        students.add_student(db, StudentFields("700101", "Xochitl", "Ibarra", grade=7))
        dialog = CheckDialog(db)
        qtbot.addWidget(dialog)
        dialog.run_check()
    assert "✓  Every encrypted page is as it was written (SQLCipher's check)." in (
        dialog.details.text().splitlines()
    )
    assert "Xochitl" not in dialog.details.text() + dialog.headline.text()


def test_open_check_dialog_checks_then_waits(
    db: Database, school_db: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[CheckDialog] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(dialog)  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr(check_dialog.CheckDialog, "exec", exec_)
    open_check_dialog(None, db)
    (dialog,) = shown
    assert dialog.report is not None
    assert dialog.report.ok
    dialog.close()
    dialog.deleteLater()


def test_the_audit_trail_opens_from_the_result(
    dialog: CheckDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(check_dialog, "open_audit_viewer", lambda *args: opened.append(args))
    dialog.run_check()
    dialog.trail.click()
    assert len(opened) == 1
