"""Every empty list says what to do next, in one sentence: nothing recorded yet, a search that
finds nothing, or filters that leave nothing."""

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rp_desktop.services import school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.lists.list_tab import ListTab
from rp_desktop.ui.students import roster_wizard
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import type_text


@pytest.fixture
def new_school(qtbot: QtBot, db: Database) -> MainWindow:
    """A school just set up: no students, no cases, no circles."""
    window = MainWindow(db, school.set_up_school(db, "Lakeview Elementary", 2025))
    qtbot.addWidget(window)
    return window


def shown_list(window: MainWindow, view: str) -> ListTab:
    window.show_view(view)
    tab = window.current_list()
    assert tab is not None
    return tab


def sentence(tab: ListTab) -> str:
    assert tab.pages.currentWidget() is tab.empty
    text = tab.empty.text()
    assert "\n" not in text  # one sentence, not a stack of lines
    return text


def test_a_new_schools_lists_say_what_to_do_first(new_school: MainWindow) -> None:
    students = shown_list(new_school, "students")
    assert sentence(students) == (
        "No students yet. Import your roster: File > Import the roster… (Ctrl+I), "
        "or the button above."
    )
    assert students.import_button.text() == "Import the roster…"
    assert sentence(shown_list(new_school, "tier2")) == (
        "No Tier 2 cases yet. Choose New (Ctrl+N) to record what happened and who was in it."
    )
    assert sentence(shown_list(new_school, "tier3")).startswith("No Tier 3 cases yet. ")
    assert "New (Ctrl+N)" in sentence(shown_list(new_school, "tier1"))


def test_the_import_button_opens_the_roster_wizard(
    qtbot: QtBot, new_school: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(
        roster_wizard.RosterWizard, "ask", classmethod(lambda cls, db, parent: asked.append(db))
    )
    students = shown_list(new_school, "students")
    new_school.show()
    qtbot.mouseClick(students.import_button, Qt.MouseButton.LeftButton)
    assert asked == [new_school.database]


def test_a_search_that_finds_no_one_says_so_with_what_was_typed(window: MainWindow) -> None:
    students = shown_list(window, "students")
    type_text(students.search, "Zyzzyva")
    assert sentence(students) == (
        'No one matches "Zyzzyva". Check the spelling or clear the search.'
    )
    students.search.clear()
    assert students.pages.currentWidget() is students.table
    cases = shown_list(window, "tier2")
    type_text(cases.search, "trampoline")
    assert sentence(cases) == (
        'No case matches "trampoline". Check the spelling or clear the search.'
    )


def test_filters_that_leave_nothing_say_how_to_widen_them(window: MainWindow) -> None:
    cases = shown_list(window, "tier2")
    cases.status.setCurrentIndex(1)
    assert sentence(cases) == (
        'No case matches these filters. Choose "Any status" and "Any date" to see them all.'
    )
