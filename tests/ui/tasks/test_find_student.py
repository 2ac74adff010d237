"""Task: find a student by an accented surname typed without accents, and see their timeline
(at most 3 moves; it took 1 click + 5 keys and the timeline opened empty). Click Students,
type the name (the search box has the keys), Enter opens the one match's timeline, which shows
everything: their circles, their case and what they agreed to."""

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.students.timeline import StudentTimeline
from tests.ui.tasks.moves import Moves
from tests.ui.tasks.sample_window import (
    WANTED,
    accented_student_with_a_history,
    click_tab,
    open_window,
    sample_school,
)


def test_find_student(qtbot: QtBot, db: Database) -> None:
    sample_school(db)
    student, typed = accented_student_with_a_history(db)
    window = open_window(qtbot, db)

    moves = Moves(qtbot)
    click_tab(moves, window, "Students")
    search = window.students.search
    qtbot.waitUntil(search.hasFocus)  # the list is shown: its search box has the keys
    moves.type(typed)
    moves.key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), StudentTimeline))
    moves.assert_within("find_student")

    shown = QApplication.activeWindow()
    assert isinstance(shown, StudentTimeline)
    assert shown.student.id == student.id
    kinds = Counter(entry.kind for entry in shown.shown())
    assert all(kinds[kind] for kind in WANTED), kinds
    assert shown.table.rowCount() == len(shown.entries)  # everything, nothing hidden
    whats = {shown.table.item(row, 1).text() for row in range(shown.table.rowCount())}
    assert {"Circle", "Case"} <= whats
    assert shown.empty.isHidden()
