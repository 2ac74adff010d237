"""A made-up school of a few hundred students, with accented surnames, groups with their usual
keepers, a year of circles and a few cases: what the counted tasks run on."""

from collections import Counter

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rp_desktop.domain.records import ListQuery, Student
from rp_desktop.domain.search import fold
from rp_desktop.domain.timeline import TimelineKind
from rp_desktop.services import school
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.demo import build_demo_school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.services.students import timeline
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.tasks.moves import Moves

STUDENTS = 300


def sample_school(db: Database) -> None:
    """The sample building (one school year) with the circle library, as the app starts it."""
    build_demo_school(db, students=STUDENTS, years=1)
    library_seed.ensure_circle_library(db)


def open_window(qtbot: QtBot, db: Database, view: str = "home") -> MainWindow:
    """The main window as a person finds it: shown at 1280x720, active, on `view`."""
    info = school.school_info(db)
    assert info is not None
    window = MainWindow(db, info)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show_view(view)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def click_tab(moves: Moves, window: MainWindow, title: str) -> None:
    """One click on the tab that reads `title`."""
    bar = window.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    point: QPoint = bar.tabRect(index).center()
    moves.click(bar, point, what=f"the {title!r} tab")


WANTED = {TimelineKind.CIRCLE, TimelineKind.CASE, TimelineKind.AGREEMENT_ITEM}


def accented_student_with_a_history(db: Database) -> tuple[Student, str]:
    """A student whose surname has an accent, who sat in circles, is part of a case and agreed
    to something; and their name as typed without accents, which finds them alone."""
    for student in students.list_students(db, ListQuery(), 0, 1000).rows:
        if fold(student.last_name) == student.last_name.casefold():
            continue  # no accent to leave out
        kinds = Counter(entry.kind for entry in timeline.student_timeline(db, student.id))
        typed = fold(f"{student.first_name} {student.last_name}")
        has_all = all(kinds[kind] for kind in WANTED) and typed.isascii()
        if has_all and students.list_students(db, ListQuery(text=typed), 0, 2).total == 1:
            return student, typed
    raise AssertionError("the sample school has no such student: the task cannot be shown")
