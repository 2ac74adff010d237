"""Task: log a tally of 3 affective statements (at most 4 moves; before, there was no way to
log one). Ctrl+Shift+L opens "Log a practice" on an affective statement, today; Tab goes to
how many times, 3 is typed, Enter saves; the status bar says what was logged."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import PracticeFields
from rp_desktop.services.continuum import practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.practice.dialog import LogPracticeDialog
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.tasks.moves import Moves
from tests.ui.tasks.sample_window import open_window, sample_school

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def home_of_the_sample_school(qtbot: QtBot, db: Database) -> MainWindow:
    sample_school(db)
    return open_window(qtbot, db, "home")


def open_the_form(qtbot: QtBot, moves: Moves, window: MainWindow) -> LogPracticeDialog:
    """Ctrl+Shift+L: one key, from anywhere in the main window."""
    moves.key(Qt.Key.Key_L, CTRL_SHIFT, to=QApplication.focusWidget() or window)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), LogPracticeDialog))
    form = QApplication.activeWindow()
    assert isinstance(form, LogPracticeDialog)
    qtbot.waitExposed(form)
    return form


def test_log_practice_tally(qtbot: QtBot, db: Database) -> None:
    window = home_of_the_sample_school(qtbot, db)
    before = practice.practice_count(db)
    logging = practice.usual_staff_id(db)  # whoever logged last is offered
    assert logging is not None  # the sample school has logged before

    moves = Moves(qtbot)
    form = open_the_form(qtbot, moves, window)
    moves.key(Qt.Key.Key_Tab)
    assert form.tally.hasFocus()
    moves.type("3")
    moves.key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    moves.assert_within("log_practice_tally")

    assert practice.practice_count(db) == before + 1
    [newest] = practice.recent_practice(db, limit=1)  # today's, entered last
    assert newest.fields == PracticeFields(
        PracticeKind.AFFECTIVE_STATEMENT, db.today(), tally=3, staff_id=logging
    )
    assert window.statusBar().currentMessage() == "Logged: 3 affective statements"
