"""A list from the keyboard: shown, it takes typing; Enter in the search box opens the only
match, or the row chosen; with several matches Enter goes to the first, a second Enter opens
it; Down goes from the search box into the table."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rp_desktop.ui.students.tab import StudentsTab
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School, type_text


@pytest.fixture
def students(qtbot: QtBot, window: MainWindow) -> StudentsTab:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.show_view("students")
    tab = window.students
    qtbot.waitUntil(tab.search.hasFocus)  # shown, the list takes typing at once
    return tab


def opened_by(tab: StudentsTab) -> list[int]:
    opened: list[int] = []
    tab.timelineRequested.disconnect()  # the test sees the request, no window opens
    tab.timelineRequested.connect(opened.append)
    return opened


def test_enter_in_the_search_opens_the_only_match(
    qtbot: QtBot, students: StudentsTab, school_db: School
) -> None:
    opened = opened_by(students)
    type_text(students.search, "kowalczyk")
    qtbot.keyClick(students.search, Qt.Key.Key_Return)
    assert opened == [school_db.members[2].id]


def test_with_several_matches_enter_goes_to_the_first_and_opens_it_next(
    qtbot: QtBot, students: StudentsTab
) -> None:
    opened = opened_by(students)
    type_text(students.search, "a")  # Haddad, Ibarra, Kowalczyk...
    assert students.model.total > 1
    qtbot.keyClick(students.search, Qt.Key.Key_Return)
    assert opened == []  # which one was meant is not known yet
    assert QApplication.focusWidget() is students.table
    first = students.model.record(0)
    assert students.selected_record() == first
    qtbot.keyClick(students.table, Qt.Key.Key_Return)
    assert opened == [first.id]


def test_enter_in_the_search_opens_the_row_chosen(
    qtbot: QtBot, students: StudentsTab, school_db: School
) -> None:
    opened = opened_by(students)
    nou = school_db.members[1]
    students.select_record(nou.id)
    students.search.setFocus()
    qtbot.keyClick(students.search, Qt.Key.Key_Enter)
    assert opened == [nou.id]


def test_down_goes_from_the_search_into_the_table(qtbot: QtBot, students: StudentsTab) -> None:
    opened = opened_by(students)
    qtbot.keyClick(students.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is students.table
    assert students.selected_record() == students.model.record(0)
    qtbot.keyClick(students.table, Qt.Key.Key_Down)
    assert students.selected_record() == students.model.record(1)
    qtbot.keyClick(students.table, Qt.Key.Key_Return)
    assert opened == [students.model.record(1).id]
