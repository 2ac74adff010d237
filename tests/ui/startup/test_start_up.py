"""Start-up as a user meets it: the welcome on an empty database, a database that cannot be
opened, and the window on a school that is set up."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rp_desktop import app
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services import school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import DatabaseInUse
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui import dialogs
from rp_desktop.ui.passphrase.forms import NewDatabaseChoice, NewDatabaseDialog
from rp_desktop.ui.startup.welcome import Welcomed, WelcomeDialog
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import type_text

SECRET = Passphrase("lantern maple river quiet")


def test_setting_up_a_school_at_the_welcome(qtbot, db: Database) -> None:
    dialog = WelcomeDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.school_year.currentText() == "2025-26"  # March 2026 is in that school year
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0
    assert dialog.name_problem.text() == "This needs to be filled in."
    type_text(dialog.school_name, "Escuela Benito Juárez")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert school.school_info(db) == dialog.school
    assert dialog.school is not None
    assert dialog.school.name == "Escuela Benito Juárez"


def test_first_run_shows_the_welcome_then_the_window(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Database] = []

    def welcome(db: Database, parent: object = None) -> Welcomed:
        asked.append(db)
        return Welcomed(db, school.set_up_school(db, "Lakeview Elementary", 2025))

    monkeypatch.setattr(WelcomeDialog, "ask", staticmethod(welcome))
    monkeypatch.setattr(NewDatabaseDialog, "ask", staticmethod(lambda: NewDatabaseChoice(SECRET)))
    window = app.main(db_path, exec=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert len(asked) == 1
        assert window.database.encrypted
        assert "Lakeview Elementary" in window.windowTitle()
        assert window.isVisible()
    finally:
        window.database.close()


def test_quitting_at_the_welcome_opens_no_window(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(WelcomeDialog, "ask", staticmethod(lambda db, parent=None: None))
    monkeypatch.setattr(NewDatabaseDialog, "ask", staticmethod(lambda: NewDatabaseChoice(None)))
    assert app.main(db_path, exec=False) is None
    open_database(db_path, unencrypted=True).close()  # the lock was released


def test_a_database_in_use_is_explained_not_opened(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Exception] = []
    monkeypatch.setattr(dialogs, "show_database_error", lambda parent, error: shown.append(error))
    with open_database(db_path, unencrypted=True):
        assert app.main(db_path, exec=False) is None
    assert len(shown) == 1
    assert isinstance(shown[0], DatabaseInUse)
    text = dialogs.database_error_text(shown[0])
    assert "already open" in text
    assert "Traceback" not in text


def test_the_window_title_and_status_bar_name_the_school_never_a_student(
    window: MainWindow,
) -> None:
    assert window.windowTitle() == "RP Desktop — Riverside Middle School"
    status = " ".join(w.text() for w in window.statusBar().findChildren(type(window.tier1.count)))
    assert "2025-26" in status
    for name in ("Xochitl", "Xiong", "Kowalczyk", "Haddad"):
        assert name not in window.windowTitle()
        assert name not in status


def test_the_last_tab_is_remembered(qtbot, db: Database, school_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    first = MainWindow(db, school_db.info)
    qtbot.addWidget(first)
    first.show_view("students")
    first.close()
    second = MainWindow(db, school_db.info)
    qtbot.addWidget(second)
    second.restore_state(QSettings())
    assert second.current_list() is second.students


def test_sample_data_from_the_welcome(qtbot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from rp_desktop.ui.startup import welcome

    monkeypatch.setattr(welcome, "SAMPLE_STUDENTS", 30)
    monkeypatch.setattr(welcome, "SAMPLE_YEARS", 1)
    dialog = WelcomeDialog(db)
    qtbot.addWidget(dialog)
    dialog.sample.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert dialog.school is not None
    assert dialog.school == school.school_info(db)
    window = MainWindow(db, dialog.school)
    qtbot.addWidget(window)
    window.show_view("students")
    assert window.students.model.total == 30


def test_a_folder_that_cannot_be_written_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    shown: list[OSError] = []
    monkeypatch.setattr(dialogs, "show_folder_error", lambda parent, error: shown.append(error))
    monkeypatch.setattr(NewDatabaseDialog, "ask", staticmethod(lambda: NewDatabaseChoice(SECRET)))
    assert app.main(blocked / "school.db", exec=False) is None
    assert len(shown) == 1
