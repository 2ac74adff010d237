"""Setting up a circle in few moves: groups offered as people read them and narrowed by typing,
a group seated as soon as it is chosen with its usual keeper keeping, the group field ready
for typing, and Ctrl+Enter to start."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rp_desktop.domain.records import Group
from rp_desktop.services import people
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.run_circle import runner as runner_module
from rp_desktop.ui.run_circle.chime import SilentChime
from rp_desktop.ui.run_circle.seating import Attendee, SeatingList
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from tests.ui.conftest import type_text
from tests.ui.tasks.sample_window import sample_school


@pytest.fixture
def setup(qtbot: QtBot, db: Database) -> CircleSetupTab:
    sample_school(db)
    tab = CircleSetupTab(db, 2025)
    qtbot.addWidget(tab)
    return tab


def groups(db: Database) -> list[Group]:
    return people.list_groups(db, school_year=2025)


def advisory(db: Database, name: str) -> Group:
    return next(g for g in groups(db) if g.name == name)


def seated(seating: SeatingList) -> list[Attendee]:
    return seating.attendees()


def test_groups_come_as_people_read_them_and_narrow_as_one_types(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    combo = setup.seating.group
    names = [combo.itemText(i) for i in range(1, combo.count())]
    assert names.index("Advisory 9-A (19)") < names.index("Advisory 10-A (19)")
    assert combo.count() > 15
    assert combo.isEditable()
    assert setup.seating.staff.isEditable()  # so is the list of staff
    setup.show()
    qtbot.waitExposed(setup)
    setup.activateWindow()
    qtbot.waitUntil(combo.hasFocus)
    type_text(combo.lineEdit(), "11-b")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentData() == advisory(db, "Advisory 11-B").id


def test_choosing_a_group_seats_it_with_its_usual_keeper_keeping(
    db: Database, setup: CircleSetupTab
) -> None:
    assert setup.seating.count.text() == (
        "Nobody seated yet: type a group's name above, or add people one by one."
    )
    group = advisory(db, "Advisory 10-A")
    select_data(setup.seating.group, group.id)
    attendees = seated(setup.seating)
    members = people.group_members(db, group.id)
    assert [a.student_id for a in attendees[1:]] == [s.id for s in members]
    assert attendees[0].staff_id == group.keeper_id  # the keeper sits first ...
    assert setup.seating.keeper_index() == 0  # ... keeps ...
    assert setup.seating.start_index() == 0  # ... and starts each round
    assert "(keeper, starts each round)" in setup.seating.seats.item(0).text()


def test_another_group_chosen_takes_the_place_of_the_first(
    db: Database, setup: CircleSetupTab
) -> None:
    first, second = advisory(db, "Advisory 9-A"), advisory(db, "Advisory 9-B")
    select_data(setup.seating.group, first.id)
    select_data(setup.seating.group, second.id)
    attendees = seated(setup.seating)
    assert attendees[0].staff_id == second.keeper_id
    assert {a.student_id for a in attendees[1:]} == {
        s.id for s in people.group_members(db, second.id)
    }


def test_once_the_seats_are_changed_a_second_group_joins_the_first(
    db: Database, setup: CircleSetupTab
) -> None:
    first, second = advisory(db, "Advisory 9-A"), advisory(db, "Advisory 9-B")
    select_data(setup.seating.group, first.id)
    setup.seating.seat(Attendee.other("Rosa Delgado"))  # a guest: the circle is now its own
    select_data(setup.seating.group, second.id)
    students = {a.student_id for a in seated(setup.seating) if a.student_id}
    assert students == {s.id for g in (first, second) for s in people.group_members(db, g.id)}
    assert setup.seating.attendees()[setup.seating.keeper_index() or 0].staff_id == (
        first.keeper_id  # the keeper chosen first stays the keeper
    )


def test_a_keeper_already_chosen_is_kept(db: Database, setup: CircleSetupTab) -> None:
    group = advisory(db, "Advisory 12-A")
    other = next(m for m in people.list_staff(db) if m.id != group.keeper_id)
    setup.seating.seat(Attendee.staff(other))
    setup.seating.seat_group(group.id)
    attendees = seated(setup.seating)
    assert attendees[setup.seating.keeper_index() or 0].staff_id == other.id
    assert group.keeper_id not in {a.staff_id for a in attendees}


def test_shown_the_group_field_has_the_keys_and_ctrl_enter_starts(
    qtbot: QtBot, db: Database, setup: CircleSetupTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner_module, "make_chime", SilentChime)
    setup.show()
    qtbot.waitExposed(setup)
    setup.activateWindow()
    qtbot.waitUntil(setup.seating.group.hasFocus)
    # what the field shows is selected: typing replaces it
    assert setup.seating.group.lineEdit().selectedText() == "Type or choose a group…"
    select_data(setup.seating.group, advisory(db, "Advisory 10-B").id)
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    runner = setup.runner
    assert runner is not None
    qtbot.addWidget(runner.console)
    qtbot.addWidget(runner.wall)
    assert runner.console.isVisible()
    assert runner.choice.keeper_id == advisory(db, "Advisory 10-B").keeper_id
    assert runner.choice.purpose == "Community-building circle"  # the plan's own name
    runner.session.stop()
