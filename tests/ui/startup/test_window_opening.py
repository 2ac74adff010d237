"""After the database opens: the window's frame is on screen first and fills itself once drawn
(the page shown read, the other pages built afterwards, one at a time); a page asked for sooner
is built at once, in its own tab, without a tab change. And the recovery screen, which can be
the first screen, finds the backups once it is drawn."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from rp_desktop.domain.safekeeping.files import Unreadable
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import NotADatabase
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui.home.tab import HomeTab
from rp_desktop.ui.safekeeping.recovery import RecoveryDialog
from rp_desktop.ui.startup.window import open_window
from rp_desktop.ui.students.tab import StudentsTab
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School


def test_the_frame_is_drawn_first_then_home_reads_and_the_pages_follow(
    qtbot, db: Database, school_db: School
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(db)
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.windowTitle() == "RP Desktop — Riverside Middle School"
    assert window.tabs.tabText(4) == "Students"
    assert window.pages() == []  # the frame only: no page built, nothing read
    qtbot.waitUntil(lambda: len(window.pages()) == 5)  # Home, then the four lists
    assert isinstance(window.tabs.currentWidget(), HomeTab)
    assert window.home.summary is not None
    assert window.home.recent.lines.count() > 0
    assert window.reports.built() is None  # the reports wait until shown, as before


def test_a_page_asked_for_sooner_is_built_at_once_in_its_own_tab(
    qtbot, db: Database, school_db: School
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(db, school_db.info)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(2)  # Tier 2 shown: built and read
    assert window.pages() == [window.tier2]
    with qtbot.assertNotEmitted(window.tabs.currentChanged):
        students = window.students
    assert isinstance(students, StudentsTab)
    assert window.tabs.indexOf(students) == 4
    assert window.tabs.tabText(4) == "Students"
    assert window.tabs.currentIndex() == 2
    assert window.pages() == [window.tier2, students]  # Home and the others: not yet
    window.show_view("students")
    assert window.tabs.currentWidget() is students
    assert students.model.total == 4  # read when shown


@pytest.fixture
def emptied_with_a_backup(db_path: Path) -> Path:
    with open_database(db_path, unencrypted=True) as db:
        backups.make_backup(db, BackupReason.CLOSING)
    db_path.write_bytes(b"")
    return db_path


def test_the_recovery_screen_finds_the_backups_once_it_is_drawn(
    qtbot, emptied_with_a_backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def drawn_then_quit(dialog: RecoveryDialog) -> int:
        qtbot.addWidget(dialog)
        assert dialog.backups == []  # not looked for before the screen is drawn
        assert dialog.backups_note.text() == "Looking for backups of this database…"
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: len(dialog.backups) == 1)
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        assert dialog.restore_button.isVisibleTo(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RecoveryDialog, "exec", drawn_then_quit)
    problem = NotADatabase(emptied_with_a_backup, Unreadable.EMPTY)
    assert RecoveryDialog.ask(emptied_with_a_backup, problem) is None
    assert any(text.startswith("Put a backup in place of this file") for text in seen)
