"""A made-up school of a few hundred students, with accented surnames, groups with their usual
keepers, a year of circles and a few cases: what the counted tasks run on."""

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rp_desktop.services import school
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.demo import build_demo_school
from rp_desktop.services.safekeeping.database import Database
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
