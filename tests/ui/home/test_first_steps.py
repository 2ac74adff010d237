"""Home after "Set up my school": a short checklist, each line one action away and ticked when
its fact is true, gone once every step is done or hidden for good; and "New conversation"."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from rp_desktop.domain.first_steps import Step
from rp_desktop.domain.records import CircleFields, StudentFields
from rp_desktop.domain.vocabulary import CircleStatus, StaffRole
from rp_desktop.services import school
from rp_desktop.services.circles import records as circles
from rp_desktop.services.people import list_groups, list_staff
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import add_student
from rp_desktop.ui import dialogs
from rp_desktop.ui.home.first_steps import DONE_MARK, TO_DO_MARK
from rp_desktop.ui.home.staff_dialog import StaffDialog
from rp_desktop.ui.home.tab import HomeTab
from tests.ui.conftest import School, type_text


@pytest.fixture
def new_school(db: Database) -> Database:
    school.set_up_school(db, "Juniper Ridge Middle", 2025)
    return db


@pytest.fixture
def home(qtbot: QtBot, new_school: Database) -> HomeTab:
    tab = HomeTab(new_school)
    qtbot.addWidget(tab)
    tab.resize(1280, 680)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def recorder(signal) -> list[object]:  # type: ignore[no-untyped-def]
    got: list[object] = []
    signal.connect(lambda *args: got.append(args[0] if args else None))
    return got


def click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible(), button.text()
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_school_sees_four_steps_each_one_action_away(home: HomeTab) -> None:
    card = home.first_steps
    assert card.isVisible()
    assert [card.marks[step].text() for step in Step] == [TO_DO_MARK] * 4
    assert [card.buttons[step].text() for step in Step] == [
        "Import the roster…",
        "Add staff…",
        "Make homeroom groups",
        "Run a circle",
    ]
    roster = card.texts[Step.ROSTER].text()
    for column in ("Student Number", "First Name", "Last Name", "Grade"):
        assert column in roster  # the columns the roster needs, from the roster's own list
    assert "sample file" in roster
    for step in Step:
        assert card.buttons[step].accessibleName()
        assert card.buttons[step].width() >= card.buttons[step].sizeHint().width()


def test_the_roster_and_circle_lines_ask_the_window(qtbot: QtBot, home: HomeTab) -> None:
    roster = recorder(home.rosterImportRequested)
    run = recorder(home.runCircleRequested)
    click(qtbot, home.first_steps.buttons[Step.ROSTER])
    click(qtbot, home.first_steps.buttons[Step.CIRCLE])
    assert roster == [None]
    assert run == [None]


def test_staff_are_added_from_the_checklist_and_the_step_is_ticked(
    qtbot: QtBot, home: HomeTab, new_school: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_in(dialog: QDialog) -> int:
        assert isinstance(dialog, StaffDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.focusWidget() is dialog.first_name  # focus starts in the first field
        click(qtbot, dialog.add_button)  # nothing typed: said, nothing added
        assert dialog.problem.text() == "First name: This needs to be filled in."
        type_text(dialog.first_name, "Rowan")
        assert dialog.problem.isHidden()  # gone as soon as it is being fixed
        qtbot.keyClick(dialog.first_name, Qt.Key.Key_Tab)
        type_text(dialog.last_name, "Teague-Ó")
        qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)  # Enter adds
        assert dialog.problem.isHidden()
        assert dialog.first_name.text() == ""  # ready for the next one
        assert dialog.kept.item(0).text() == "Rowan Teague-Ó · Counselor"
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(dialogs, "wait_for", fill_in)
    changed = recorder(home.recordsChanged)
    click(qtbot, home.first_steps.buttons[Step.STAFF])
    [member] = list_staff(new_school)
    assert (member.first_name, member.last_name, member.role) == (
        "Rowan",
        "Teague-Ó",
        StaffRole.COUNSELOR,
    )
    assert home.first_steps.marks[Step.STAFF].text() == DONE_MARK
    assert not home.first_steps.buttons[Step.STAFF].isVisible()
    assert changed == [None]


def test_groups_need_a_roster_with_homerooms_and_are_then_made_at_once(
    qtbot: QtBot, home: HomeTab, new_school: Database
) -> None:
    card = home.first_steps
    click(qtbot, card.buttons[Step.GROUPS])
    assert card.note.isVisible()
    assert card.note.text().endswith("import a roster with a Homeroom column first.")
    assert card.marks[Step.GROUPS].text() == TO_DO_MARK
    for number, homeroom in (("1", "8-A"), ("2", "8-B"), ("3", "8-A")):
        add_student(new_school, StudentFields(number, "Ilse", "Marchetti", "", 8, homeroom))
    home.reload()  # the window reads again after the roster import
    assert card.marks[Step.ROSTER].text() == DONE_MARK
    changed = recorder(home.recordsChanged)
    click(qtbot, card.buttons[Step.GROUPS])
    assert card.note.text() == "Made 2 groups."
    assert [g.name for g in list_groups(new_school, 2025)] == ["Homeroom 8-A", "Homeroom 8-B"]
    assert card.marks[Step.GROUPS].text() == DONE_MARK
    assert changed == [None]


def test_the_list_goes_once_every_step_is_done(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    tab = HomeTab(db)
    qtbot.addWidget(tab)
    tab.show()
    # Riverside has students, staff, a group and circles: nothing left to do.
    assert not tab.first_steps.isVisible()


def test_a_school_that_has_done_all_but_the_circle_still_sees_it(
    qtbot: QtBot, home: HomeTab, new_school: Database
) -> None:
    circles.record_circle(
        new_school, CircleFields(held_on=date(2026, 3, 12), status=CircleStatus.PLANNED)
    )
    home.reload()
    assert home.first_steps.marks[Step.CIRCLE].text() == DONE_MARK
    assert home.first_steps.isVisible()


def test_hide_this_list_hides_it_for_good(
    qtbot: QtBot, home: HomeTab, new_school: Database
) -> None:
    click(qtbot, home.first_steps.hide_button)
    assert not home.first_steps.isVisible()
    again = HomeTab(new_school)
    qtbot.addWidget(again)
    again.show()
    assert not again.first_steps.isVisible()  # kept in the school's database


def test_new_conversation_is_on_home_and_fits(qtbot: QtBot, home: HomeTab) -> None:
    button = home.new_conversation
    assert button.text() == "New conversation"
    assert "&" not in button.text()  # no shortcut in its label
    assert button.accessibleName()
    assert button.isVisible()
    assert button.width() >= button.sizeHint().width()
    asked = recorder(home.newConversation)
    click(qtbot, button)
    assert asked == [None]


def test_in_the_window_the_roster_line_imports_and_ticks_and_the_circle_line_goes_there(
    qtbot: QtBot, new_school: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rp_desktop.ui.students import roster_sample
    from rp_desktop.ui.students.roster_wizard import RosterWizard
    from rp_desktop.ui.window.main_window import MainWindow

    sample = tmp_path / "roster.csv"
    sample.write_bytes(roster_sample.sample_roster())

    def import_sample(dialog: QDialog) -> int:
        assert isinstance(dialog, RosterWizard)
        dialog.show()
        assert dialog.columns.text.isVisible()  # the columns it needs, before any file
        dialog.load(sample)
        click(qtbot, dialog.import_button)
        return dialog.result()

    info = school.school_info(new_school)
    assert info is not None
    window = MainWindow(new_school, info)
    qtbot.addWidget(window)
    window.show()
    window.show_view("home")
    home = window.home
    qtbot.waitUntil(lambda: home.first_steps.isVisible())
    monkeypatch.setattr(dialogs, "wait_for", import_sample)
    click(qtbot, home.first_steps.buttons[Step.ROSTER])
    assert home.first_steps.marks[Step.ROSTER].text() == DONE_MARK  # read again at once
    assert home.first_steps.marks[Step.STAFF].text() == TO_DO_MARK
    click(qtbot, home.first_steps.buttons[Step.CIRCLE])
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Run a circle"
