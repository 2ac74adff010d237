"""Task: log a restorative chat with one student (at most 6 moves; before, there was no way to
log one). Ctrl+Shift+L opens "Log a practice"; 2 chooses a restorative chat (5 minutes); Tab
goes to the students; the name typed and Enter take the one match; Enter saves."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.records import ListQuery, Student
from rp_desktop.services.continuum import practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from tests.ui.tasks.moves import Moves
from tests.ui.tasks.test_log_practice_tally import home_of_the_sample_school, open_the_form


def a_student_found_alone(db: Database) -> tuple[Student, str]:
    """A student whose first and last name, typed, find them alone."""
    for student in students.list_students(db, ListQuery(), 0, 200).rows:
        typed = f"{student.first_name} {student.last_name}"
        alone = len(students.find_students(db, typed)) == 1
        if typed.isascii() and alone:
            return student, typed
    raise AssertionError("no student of the sample school is found alone by name")


def test_log_practice_chat(qtbot: QtBot, db: Database) -> None:
    window = home_of_the_sample_school(qtbot, db)
    student, typed = a_student_found_alone(db)
    before = len(practice.practice_for_student(db, student.id))
    logging = practice.usual_staff_id(db)  # whoever logged last is offered

    moves = Moves(qtbot)
    form = open_the_form(qtbot, moves, window)
    moves.key(Qt.Key.Key_2)
    moves.key(Qt.Key.Key_Tab)
    assert form.students.picker.search.hasFocus()
    moves.type(typed)
    moves.key(Qt.Key.Key_Return)
    assert form.students.student_ids() == (student.id,)
    moves.key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    moves.assert_within("log_practice_chat")

    logs = practice.practice_for_student(db, student.id)
    assert len(logs) == before + 1
    chat = logs[0]  # today's, the newest
    assert chat.fields.kind is PracticeKind.RESTORATIVE_CHAT
    assert chat.fields.happened_on == db.today()
    assert chat.fields.minutes == 5
    assert chat.fields.staff_id == logging
    assert chat.fields.student_ids == (student.id,)
    assert window.statusBar().currentMessage() == "Logged: a restorative chat with 1 student"
