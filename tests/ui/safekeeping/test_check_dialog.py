"""Help > Check database: every check said in plain words, the audit trail's first broken link
named, and the open database left working."""

import logging
from pathlib import Path

import pytest
from sqlalchemy import text

from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping import checking
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import NotADatabase
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from rp_desktop.ui.safekeeping import check_dialog
from rp_desktop.ui.safekeeping.check_dialog import CheckDialog, open_check_dialog
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
        "✓  The audit trail is whole: all 8 events are as they were written. It is sealed "
        "with the public key of an unencrypted database, which catches accidental edits but "
        "not deliberate ones.",
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
    assert "✗  Event 4 is missing." in dialog.details.text().splitlines()
    assert "font-weight: bold" in dialog.headline.styleSheet()


def test_an_event_rewritten_with_its_hashes_recomputed_is_named(
    dialog: CheckDialog, db: Database
) -> None:
    from tests.faults.test_audit_faults import rechain_from

    with db.engine.begin() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("UPDATE audit_event SET actor = 'someone.else' WHERE id = 3")
        rechain_from(driver, 3)
    dialog.run_check()
    assert "✗  The audit trail was altered at event 3 (the event was changed)." in (
        dialog.details.text().splitlines()
    )


def test_missing_newest_events_are_named(dialog: CheckDialog, db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_event WHERE id > 5"))
    dialog.run_check()
    assert (
        "✗  The newest 3 events of the audit trail are missing: the database was rolled back "
        "or lost its recent changes."
    ) in dialog.details.text().splitlines()


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
    assert "It is sealed with the database's key." in dialog.details.text()
    assert "Xochitl" not in dialog.details.text() + dialog.headline.text()


def test_open_check_dialog_checks_on_a_worker_while_the_dialog_shows(
    qtbot,  # type: ignore[no-untyped-def]
    db: Database,
    school_db: School,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    go_on = threading.Event()
    checked_on: list[str] = []
    real_check = checking.check_open_database

    def slow_check(database: Database) -> checking.CheckReport:
        checked_on.append(threading.current_thread().name)
        go_on.wait(timeout=10)
        return real_check(database)

    monkeypatch.setattr(checking, "check_open_database", slow_check)
    monkeypatch.setattr(check_dialog.dialogs, "wait_for", lambda dialog: 0)
    dialog = open_check_dialog(None, db)
    qtbot.addWidget(dialog)
    # The window's thread is free while the check runs: the dialog says it is checking.
    assert dialog.report is None
    assert dialog.headline.text().startswith("Checking the database")
    assert not dialog.busy.isHidden()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        go_on.set()
    assert checked_on == ["check-database"]
    assert dialog.report is not None
    assert dialog.report.ok
    assert dialog.busy.isHidden()
    assert dialog.trail.isEnabled()


def test_a_check_that_ends_after_its_dialog_was_deleted_is_dropped_quietly(
    qtbot,  # type: ignore[no-untyped-def]
    db: Database,
    school_db: School,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import threading

    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    go_on = threading.Event()
    real_check = checking.check_open_database
    reports: list[checking.CheckReport] = []

    def slow_check(database: Database) -> checking.CheckReport:
        go_on.wait(timeout=10)
        reports.append(real_check(database))
        return reports[-1]

    monkeypatch.setattr(checking, "check_open_database", slow_check)
    dialog = CheckDialog(db)
    dialog.start_check()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)  # gone before the check ends
    with caplog.at_level(logging.INFO, logger=check_dialog.__name__):
        go_on.set()
        dialog.wait()  # an error on the worker would fail the test (pytest reports it)
    assert len(reports) == 1  # the check ran to its end ...
    assert reports[0].ok
    # ... and its result was dropped, with a line in the log rather than an error.
    assert caplog.messages == ["The database check finished after its window was closed."]


def test_the_audit_trail_opens_from_the_result(
    dialog: CheckDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(check_dialog, "open_audit_viewer", lambda *args: opened.append(args))
    dialog.run_check()
    dialog.trail.click()
    assert len(opened) == 1
