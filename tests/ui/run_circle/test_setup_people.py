"""Setting up a circle with the people who came: a group seated at once, those not here today
marked with a click or a key (and seated again as easily), the purpose the plan gives or the
keeper types, the kind of circle the template is for, and the plan's time for the seated group.
"""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.circle.wall import Sitter
from rp_desktop.domain.library import PlanFields, PlannedRound
from rp_desktop.domain.records import Group
from rp_desktop.domain.vocabulary import CircleKind, CircleStage, Role
from rp_desktop.services import people
from rp_desktop.services.circles import library
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.run_circle import runner as runner_module
from rp_desktop.ui.run_circle.chime import SilentChime
from rp_desktop.ui.run_circle.rounds_editor import RoundsEditor
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.seating import Attendee, SeatingList
from rp_desktop.ui.run_circle.setting_up.plan_words import round_plan, template_kind
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from tests.services.circles.test_shipped_library import TEMPLATE_KEYS
from tests.ui.conftest import type_text
from tests.ui.tasks.sample_window import sample_school

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def setup(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> CircleSetupTab:
    sample_school(db)
    monkeypatch.setattr(runner_module, "make_chime", SilentChime)  # no sound in a test
    monkeypatch.setattr(dialogs, "confirm_end_circle", lambda parent: True)
    monkeypatch.setattr(dialogs, "confirm_close_unsaved_circle", lambda parent: True)
    tab = CircleSetupTab(db, 2025)
    qtbot.addWidget(tab)
    tab.resize(1280, 680)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
    return tab


def advisory(db: Database, name: str = "Advisory 10-A") -> Group:
    return next(g for g in people.list_groups(db, school_year=2025) if g.name == name)


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible(), widget
    assert widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_seat(qtbot: QtBot, seating: SeatingList, row: int) -> None:
    item = seating.seats.item(row)
    seating.seats.scrollToItem(item)
    point = seating.seats.visualItemRect(item).center()
    qtbot.mouseClick(seating.seats.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert seating.seats.currentRow() == row


def key(
    qtbot: QtBot, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, which, modifier)


def names(attendees: list[Attendee]) -> list[str]:
    return [a.name for a in attendees]


def student_ids(attendees: list[Attendee]) -> set[int]:
    return {a.student_id for a in attendees if a.student_id is not None}


def start(qtbot: QtBot, tab: CircleSetupTab) -> CircleRunner:
    tab.seating.seats.setFocus()
    key(qtbot, Qt.Key.Key_Return, CTRL)
    runner = tab.runner
    assert runner is not None, tab.problem.text()
    qtbot.addWidget(runner.console)
    qtbot.addWidget(runner.wall)
    return runner


# -- not here today -----------------------------------------------------------------------------
def test_a_student_not_here_leaves_the_ring_and_comes_back_to_their_seat(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    seating = setup.seating
    select_data(seating.group, advisory(db).id)
    seated = seating.attendees()
    assert not seating.away.isVisible()  # nobody is away: the list takes no room
    click_seat(qtbot, seating, 3)
    click(qtbot, seating.not_here)  # a click ...
    seating.seats.setFocus()
    key(qtbot, Qt.Key.Key_N, ALT)  # ... or Alt+N: the next seat was chosen, so two go
    assert names(seating.not_here_today()) == names(seated[3:5])
    assert names(seating.attendees()) == names(seated[:3] + seated[5:])
    assert seating.away.isVisible()
    assert seating.count.text() == (
        f"{len(seated) - 2} seated · 2 not here. Drag to change the order."
    )
    assert seating.absent_student_ids() == student_ids(seated[3:5])
    seating.away.people.setCurrentRow(0)
    click(qtbot, seating.away.back)  # back in the circle, in the seat they had
    assert names(seating.attendees())[3] == seated[3].name
    seating.away.people.setFocus()
    key(qtbot, Qt.Key.Key_Return)  # Enter on the list seats the other one again
    assert names(seating.attendees()) == names(seated)
    assert seating.not_here_today() == []
    assert not seating.away.isVisible()
    assert seating.count.text() == f"{len(seated)} seated. Drag to change the order."


def test_delete_takes_a_seat_away_asking_nothing(
    qtbot: QtBot, db: Database, setup: CircleSetupTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "wait_for", lambda *args: pytest.fail("nothing is asked"))
    seating = setup.seating
    select_data(seating.group, advisory(db).id)
    seated = seating.attendees()
    click_seat(qtbot, seating, 2)
    key(qtbot, Qt.Key.Key_Delete)
    assert names(seating.attendees()) == names(seated[:2] + seated[3:])
    assert seating.not_here_today() == []  # removed, not marked away


def test_seating_someone_marked_not_here_takes_them_off_that_list(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    seating = setup.seating
    select_data(seating.group, advisory(db).id)
    late = seating.attendees()[4]
    click_seat(qtbot, seating, 4)
    click(qtbot, seating.not_here)
    search = seating.picker.search
    search.setFocus()
    type_text(search, late.name)  # they came after all: found by name and seated
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert late.name in names(seating.attendees())
    assert seating.not_here_today() == []


def test_choosing_another_group_forgets_who_was_not_here(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    seating = setup.seating
    select_data(seating.group, advisory(db).id)
    click_seat(qtbot, seating, 1)
    click(qtbot, seating.not_here)
    seating.clear()
    assert seating.not_here_today() == []
    assert not seating.away.isVisible()


def test_the_saved_circle_does_not_count_those_not_here(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    seating = setup.seating
    group = advisory(db)
    select_data(seating.group, group.id)
    click_seat(qtbot, seating, 2)
    click(qtbot, seating.not_here)
    click(qtbot, seating.not_here)
    away = student_ids(seating.not_here_today())
    here = student_ids(seating.attendees())
    runner = start(qtbot, setup)
    assert runner.choice.absent_student_ids == frozenset(away)
    assert runner.choice.group_id == group.id
    runner.console.press("end")
    assert runner.result is not None
    circle = runner.result.community_circle_id
    with db.engine.connect() as connection:
        present = connection.execute(
            text(f"SELECT student_id FROM circle_attendance WHERE circle_id = {circle}")
        )
        assert {row[0] for row in present} == here
    assert len(away) == 2
    assert not here & away


def test_tab_goes_through_the_seats_the_buttons_and_the_not_here_list_and_out(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    seating = setup.seating
    select_data(seating.group, advisory(db).id)
    click_seat(qtbot, seating, 1)
    click(qtbot, seating.not_here)
    seating.seats.setFocus()
    reached: list[QWidget] = []
    for _ in range(12):
        key(qtbot, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.append(focused)
    order = [seating.up, seating.down, seating.make_keeper, seating.make_start]
    order += [seating.not_here, seating.remove, seating.away.people, seating.away.back]
    assert reached[: len(order)] == order
    assert setup.rounds.isAncestorOf(reached[len(order)])  # on to the plan: never trapped


# -- the purpose and the kind ---------------------------------------------------------------------
def test_the_purpose_and_the_kind_come_by_tab_after_the_plan(
    qtbot: QtBot, setup: CircleSetupTab
) -> None:
    setup.library_button.setFocus()
    reached = []
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [setup.purpose, setup.kind, setup.piece]
    assert setup.purpose.accessibleName() == "Purpose"
    assert setup.kind.accessibleName() == "Kind of circle"


def test_the_purpose_is_the_plans_own_name_without_template(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    assert setup.purpose.text() == "Community-building circle"
    plan = setup.rounds.plan
    assert plan.currentText() == "Template: Community-building circle"  # as the list shows it
    choose_plan(qtbot, setup, "Academic circle")
    assert setup.purpose.text() == "Academic circle"
    select_data(setup.seating.group, advisory(db).id)
    assert start(qtbot, setup).choice.purpose == "Academic circle"


def test_a_purpose_typed_stays_until_cleared(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    setup.purpose.setFocus()
    setup.purpose.selectAll()
    type_text(setup.purpose, "Getting ready for the field trip")
    choose_plan(qtbot, setup, "Academic circle")  # a later plan does not write over it
    assert setup.purpose.text() == "Getting ready for the field trip"
    select_data(setup.seating.group, advisory(db).id)
    runner = start(qtbot, setup)
    assert runner.choice.purpose == "Getting ready for the field trip"
    runner.session.stop()
    setup.purpose.setFocus()
    setup.purpose.selectAll()
    key(qtbot, Qt.Key.Key_Backspace)  # cleared: the plan's name again
    cleared = setup.choice()
    assert cleared is not None
    assert cleared.purpose == "Academic circle"
    choose_plan(qtbot, setup, "Community-building circle")
    assert setup.purpose.text() == "Community-building circle"


def test_a_long_plan_list_is_searched_by_typing_and_the_purpose_has_no_template(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    """With more plans than a drop-down shows, the plan is chosen by typing part of its name:
    the purpose is the plan's name, never the "Template: " the list shows before it."""
    for number in range(20):
        library.save_plan(db, PlanFields(f"Our plan {number}", rounds=(check_in(),)))
    setup.rounds.reload_plans()
    combo = setup.rounds.plan
    assert combo.isEditable()
    line = combo.lineEdit()
    line.setFocus()
    line.selectAll()
    type_text(line, "academic")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert setup.purpose.text() == "Academic circle"
    assert setup.kind.currentData() == CircleKind.ACADEMIC


def test_the_kind_of_circle_comes_from_the_template(
    qtbot: QtBot, db: Database, setup: CircleSetupTab
) -> None:
    assert setup.kind.currentData() == CircleKind.COMMUNITY_BUILDING
    choose_plan(qtbot, setup, "Academic circle")
    assert setup.kind.currentData() == CircleKind.ACADEMIC
    own = library.save_plan(db, PlanFields("Our own plan", rounds=(check_in(),)))
    setup.rounds.reload_plans()
    choose_plan(qtbot, setup, own.name)
    assert setup.purpose.text() == "Our own plan"
    assert setup.kind.currentData() == CircleKind.ACADEMIC  # a plan of one's own says none


def test_every_template_has_a_kind_and_its_spanish_twin_the_same() -> None:
    for key_ in TEMPLATE_KEYS:
        assert template_kind(key_) is not None, key_
        assert template_kind(f"{key_}-es") is template_kind(key_)
    assert template_kind("values-and-agreement") is CircleKind.VALUES_AND_GUIDELINES
    assert template_kind(None) is None
    assert template_kind("not-shipped") is None


# -- who sits as what, and the plan's time ---------------------------------------------------------
def test_seats_carry_their_role_place_in_the_case_and_caregiver(
    db: Database, setup: CircleSetupTab
) -> None:
    seating = setup.seating
    seating.seat(Attendee("Ana Ruiz", Sitter("Ana", "Ruiz"), role=Role.SUPPORTER.value))
    aunt = Attendee(
        "Lucia Paz", Sitter("Lucia", "Paz"), role="family_member", participant_id=7, caregiver_id=3
    )
    namesake = Attendee("Lucia Paz", Sitter("Lucia", "Paz"), caregiver_id=4)
    assert seating.seat(aunt)
    assert seating.seat(namesake)  # two caregivers of one name both sit
    assert not seating.seat(aunt)  # the same caregiver once
    choice = setup.choice()
    assert choice is not None
    seat = choice.seats[1]
    assert (seat.role, seat.participant_id, seat.caregiver_id) == ("family_member", 7, 3)
    assert choice.seats[0].role == Role.SUPPORTER.value


def test_rounds_keep_their_roles_and_second_language() -> None:
    planned = PlannedRound(
        CircleStage.AGREEMENT,
        "What will we do?",
        to_roles=("keeper",),
        second_text="¿Qué vamos a hacer?",
        second_language="es",
    )
    round_ = round_plan(planned)
    assert round_.to_roles == ("keeper",)
    assert round_.directed
    assert round_.second_prompt == "¿Qué vamos a hacer?"


def test_the_plans_time_is_for_the_people_seated(
    qtbot: QtBot, db: Database, setup: CircleSetupTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whenever the seats change the planner hears how many sit and in which roles (its total
    is "about 38 minutes for 24 people"). Needs RoundsEditor.set_people (the library branch)."""
    told: list[tuple[int, dict[str, int]]] = []
    real = RoundsEditor.set_people

    def listen(editor: RoundsEditor, count: int, roles: dict[str, int]) -> None:
        told.append((count, dict(roles)))
        real(editor, count, roles)

    monkeypatch.setattr(RoundsEditor, "set_people", listen)
    seating = setup.seating
    select_data(seating.group, advisory(db).id)
    count = len(seating.attendees())
    assert told[-1] == (count, {"keeper": 1})
    click_seat(qtbot, seating, 2)
    click(qtbot, seating.not_here)
    assert told[-1] == (count - 1, {"keeper": 1})
    seating.seat(Attendee("Ana Ruiz", Sitter("Ana", "Ruiz"), role=Role.SUPPORTER.value))
    assert told[-1] == (count, {"keeper": 1, Role.SUPPORTER.value: 1})


# -- helpers ---------------------------------------------------------------------------------------
def check_in() -> PlannedRound:
    return PlannedRound(CircleStage.CHECK_IN, "One word for today?", Timing.PER_SPEAKER, 30)


def plan_rows(tab: CircleSetupTab) -> Iterator[tuple[int, str]]:
    combo = tab.rounds.plan
    for index in range(combo.count()):
        plan = combo.itemData(index)
        if plan is not None:
            yield index, plan.name


def choose_plan(qtbot: QtBot, tab: CircleSetupTab, name: str) -> None:
    """Choose a plan as a person does: open the list, click the plan."""
    combo = tab.rounds.plan
    index = next(i for i, plan_name in plan_rows(tab) if plan_name == name)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    item = combo.model().index(index, 0)
    view.scrollTo(item)  # a long list: scrolled to the plan first, as a person would
    rect = view.visualRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: combo.currentIndex() == index)
