"""Columns sized by what they hold, at 1280x720 and 1366x768 on a sample school: no header is
cut, the Students list's Status no longer takes half the width, and "People involved" on the
Tier 2 and Tier 3 lists is wide enough for two names (the whole list is in its tooltip)."""

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.lists.list_tab import ListTab
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.tasks.sample_window import open_window, sample_school

SIZES = [(1280, 720), (1366, 768)]
PADDING = 8  # the cell's own margins, a little less than the view gives


@pytest.fixture(params=SIZES, ids=["1280x720", "1366x768"])
def window(request: pytest.FixtureRequest, qtbot: QtBot, db: Database) -> MainWindow:
    sample_school(db)
    window = open_window(qtbot, db)
    window.resize(*request.param)
    return window


def shown_list(qtbot: QtBot, window: MainWindow, view: str) -> ListTab:
    window.show_view(view)
    tab = window.current_list()
    assert tab is not None
    qtbot.waitUntil(lambda: tab.table.isVisible() and tab.model.rowCount() > 0)
    return tab


def assert_headers_whole(tab: ListTab) -> None:
    header = tab.table.horizontalHeader()
    for column in range(header.count()):
        title = tab.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.sectionSizeHint(column), f"{title!r} is cut"


def test_the_students_columns_fit_their_contents(qtbot: QtBot, window: MainWindow) -> None:
    tab = shown_list(qtbot, window, "students")
    assert_headers_whole(tab)
    header = tab.table.horizontalHeader()
    status = header.count() - 1
    assert header.sectionSize(status) <= tab.table.sizeHintForColumn(status) + 40
    assert header.sectionSize(status) < tab.table.viewport().width() // 4
    for column in range(header.count()):
        assert header.sectionSize(column) >= tab.table.sizeHintForColumn(column)


@pytest.mark.parametrize("view", ["tier2", "tier3"])
def test_people_involved_shows_two_names_whole(qtbot: QtBot, window: MainWindow, view: str) -> None:
    tab = shown_list(qtbot, window, view)
    assert_headers_whole(tab)
    table = tab.table
    people = tab.model.columnCount() - 1
    assert tab.model.headerData(people, Qt.Orientation.Horizontal) == "People involved"
    width = table.horizontalHeader().sectionSize(people)
    right = table.horizontalHeader().sectionViewportPosition(people) + width
    assert right <= table.viewport().width()  # in sight without scrolling sideways
    metrics = table.fontMetrics()
    for row in range(tab.model.rowCount()):
        index = tab.model.index(row, people)
        text = index.data()
        two_names = ", ".join(text.split(", ")[:2])
        assert metrics.horizontalAdvance(two_names) + PADDING <= width, two_names
        assert index.data(Qt.ItemDataRole.ToolTipRole) == text  # all of them, on hover
