"""Referrals on the real main window: Home's queue lists the waiting ones without naming a
student, New referral takes one in, and triage (Enter on a line) decides it: a case opens in its
own window, a missing reason is said beside its field, and the queue reads again."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from rp_desktop.domain.continuum.kinds import ReferralDecision
from rp_desktop.domain.continuum.referrals import Referral, ReferralFields
from rp_desktop.domain.vocabulary import Role
from rp_desktop.services import people
from rp_desktop.services.continuum import referrals
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.home.tab import HomeTab
from rp_desktop.ui.referrals.form import ReferralForm
from rp_desktop.ui.referrals.triage import TriageForm
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School, type_text
from tests.ui.tasks.moves import Moves
from tests.ui.tasks.sample_window import open_window


def refer(db: Database, school: School, *, days: int | None, on: date) -> Referral:
    teacher = next(m for m in people.list_staff(db) if m.last_name == "Lindqvist")
    return referrals.add_referral(
        db,
        ReferralFields(
            received_on=on,
            referred_by_staff_id=teacher.id,
            what_happened="Shoving at the lockers after the bell.",
            asks_for="A conversation between them.",
            suspension_proposed=days is not None,
            suspension_days=days,
            suspension_proposed_by_staff_id=school.counselor_id if days else None,
            student_ids=(school.members[0].id, school.members[1].id),
        ),
    )


def home_of(qtbot: QtBot, db: Database) -> tuple[MainWindow, HomeTab]:
    window = open_window(qtbot, db)
    home = window.home
    home.reload()
    return window, home


def active(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), kind))
    found = QApplication.activeWindow()
    assert found is not None
    return found


def decide(triage: TriageForm) -> QPushButton:
    """The Decide button, found afresh: a drop-down's list opening inside the main window can
    leave PySide's wrapper of `save_button` stale while the button itself lives on."""
    return next(b for b in triage.findChildren(QPushButton) if b.text() == "Decide")


def lines(home: HomeTab) -> list[str]:
    card = home.referrals.lines
    return [card.item(row).text() for row in range(card.count())]


def test_the_queue_shows_the_oldest_first_and_names_no_student(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    refer(db, school_db, days=None, on=date(2026, 3, 5))
    refer(db, school_db, days=3, on=date(2026, 3, 2))
    _window, home = home_of(qtbot, db)
    assert lines(home) == [
        "2026-03-02 · from G. Lindqvist\n2 students · suspension proposed: 3 days",
        "2026-03-05 · from G. Lindqvist\n2 students",
    ]
    assert home.referrals.note.text() == "2 waiting, oldest first"
    shown = "\n".join(lines(home))
    assert not any(s.first_name in shown or s.last_name in shown for s in school_db.members)
    grids = [home.layout().itemAt(i).layout() for i in range(home.layout().count())]
    (grid,) = [g for g in grids if isinstance(g, QGridLayout)]
    placed = {grid.itemAtPosition(1, column).widget() for column in range(3)}
    assert placed == {home.referrals, home.cases, home.recent}
    assert grid.itemAtPosition(1, 0).widget() is home.referrals


def test_a_referral_is_taken_in_from_home(qtbot: QtBot, db: Database, school_db: School) -> None:
    _window, home = home_of(qtbot, db)
    assert home.referrals.pages.currentWidget() is home.referrals.empty
    moves = Moves(qtbot)
    moves.click(home.referrals.new_referral)
    form = active(qtbot, ReferralForm)
    assert isinstance(form, ReferralForm)
    moves.click(form.save_button)  # nothing typed yet: each problem beside its field
    assert form.problem_text("referred_by") == "Choose who referred, or type their name."
    assert form.problem_text("what_happened") == "Say in a few words what happened."
    assert form.problem_text("student_ids") == "Add at least one student."
    type_text(form.referrer.picker.search, "Lindq")
    qtbot.keyClick(form.referrer.picker.search, Qt.Key.Key_Return)  # the one match is taken
    assert form.referrer.chosen.text() == "Gunnar Lindqvist · Teacher"
    type_text(form.students.picker.search, "Xóchitl")
    qtbot.keyClick(form.students.picker.search, Qt.Key.Key_Return)
    type_text(form.what_happened, "Took a phone and passed it round.")
    moves.click(form.proposed)
    assert form.days.isVisible()
    form.days.setFocus()
    form.days.selectAll()
    type_text(form.days, "2")
    moves.click(form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert lines(home) == [
        "2026-03-10 · from G. Lindqvist\n1 student · suspension proposed: 2 days"
    ]
    (saved,) = referrals.waiting_referrals(db)[0]
    assert saved.fields.student_ids == (school_db.members[0].id,)
    assert saved.fields.suspension_days == 2


def test_triage_to_a_tier2_case_opens_its_window(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    referral = refer(db, school_db, days=3, on=date(2026, 3, 2))
    _window, home = home_of(qtbot, db)
    moves = Moves(qtbot)
    moves.click_row(home.referrals.lines, 0)
    qtbot.keyClick(home.referrals.lines, Qt.Key.Key_Return)
    triage = active(qtbot, TriageForm)
    assert isinstance(triage, TriageForm)
    assert "<b>Students:</b> Xochitl Ibarra, Nou Xiong" in triage.summary.text()
    assert not triage.category.isVisible()
    moves.click(triage.decision.buttons[ReferralDecision.TIER2_CASE])
    assert triage.category.isVisible()
    assert not triage.practice_kind.isVisible()
    category = triage.category.itemText(0)
    moves.click(triage.category)  # a long list, narrowed by typing: the entry typed is taken
    moves.type(category)
    assert triage.category.currentText() == category
    (_, first), (_, second) = triage.roles.combos
    moves.choose(first, "Person who caused harm")
    moves.click(decide(triage))  # the second student has no part yet
    assert triage.isVisible()
    assert triage.roles.problem.text() == "Choose this person's role in the case."
    moves.choose(second, "Person harmed")
    moves.click(decide(triage))
    case_window = active(qtbot, CaseWindow)
    assert isinstance(case_window, CaseWindow)
    decided = referrals.get_referral(db, referral.id)
    assert decided.decision is ReferralDecision.TIER2_CASE
    assert case_window.detail.case.id == decided.case_id
    assert home.referrals.pages.currentWidget() is home.referrals.empty


@pytest.mark.parametrize("reason", ["", "Settled between them the same day."])
def test_no_action_needs_its_reason(
    qtbot: QtBot, db: Database, school_db: School, reason: str
) -> None:
    referral = refer(db, school_db, days=None, on=date(2026, 3, 2))
    _window, home = home_of(qtbot, db)
    triage = home.referrals.triage(referral.id)
    assert triage is not None
    qtbot.waitExposed(triage)
    moves = Moves(qtbot)
    moves.click(triage.decision.buttons[ReferralDecision.NO_ACTION])
    type_text(triage.reason, reason)
    moves.click(triage.save_button)
    if reason:
        qtbot.waitUntil(lambda: not triage.isVisible())
        assert referrals.get_referral(db, referral.id).decision_reason == reason
    else:
        assert triage.problem_text("reason") == "This needs to be filled in."
        assert referrals.get_referral(db, referral.id).waiting


def test_file_has_new_referral_and_home_reads_again(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    window, home = home_of(qtbot, db)
    (action,) = [
        a for a in window.menuBar().actions()[0].menu().actions() if "referral" in a.text()
    ]
    action.trigger()
    form = active(qtbot, ReferralForm)
    assert isinstance(form, ReferralForm)
    assert form.windowTitle() == "New referral"
    type_text(form.referrer.other_name, "Pat Okafor (bus driver)")
    form.students.add(school_db.members[3].id, school_db.members[3].display_name)
    type_text(form.what_happened, "Shouting at the back of the bus.")
    Moves(qtbot).click(form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert lines(home) == ["2026-03-10 · from Pat Okafor (bus driver)\n1 student"]


def test_triage_to_a_quick_log(qtbot: QtBot, db: Database, school_db: School) -> None:
    referral = refer(db, school_db, days=None, on=date(2026, 3, 9))
    _window, home = home_of(qtbot, db)
    moves = Moves(qtbot)
    moves.double_click_row(home.referrals.lines, 0)
    triage = active(qtbot, TriageForm)
    assert isinstance(triage, TriageForm)
    moves.click(triage.decision.buttons[ReferralDecision.QUICK_LOG])
    assert not triage.category.isVisible()
    moves.click(decide(triage))
    assert triage.problem_text("practice_kind") == "Choose the practice."
    moves.choose(triage.practice_kind, "Restorative chat")
    moves.click(decide(triage))
    qtbot.waitUntil(lambda: not triage.isVisible())
    decided = referrals.get_referral(db, referral.id)
    assert decided.decision is ReferralDecision.QUICK_LOG
    assert decided.practice_log_id is not None
    assert lines(home) == []


def test_a_referral_corrected_during_triage_shows_again_with_the_parts_chosen(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    referral = refer(db, school_db, days=None, on=date(2026, 3, 9))
    _window, home = home_of(qtbot, db)
    triage = home.referrals.triage(referral.id)
    assert triage is not None
    qtbot.waitExposed(triage)
    moves = Moves(qtbot)
    moves.click(triage.decision.buttons[ReferralDecision.TIER2_CASE])
    moves.choose(triage.roles.combos[0][1], "Person harmed")
    moves.click(triage.edit_referral)
    form = active(qtbot, ReferralForm)
    assert isinstance(form, ReferralForm)
    assert form.windowTitle() == f"Referral {referral.id}"
    type_text(form.students.picker.search, "Kowalczyk")
    qtbot.keyClick(form.students.picker.search, Qt.Key.Key_Return)
    moves.click(form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert "Dariusz Kowalczyk" in triage.summary.text()
    roles = triage.roles.roles()
    assert [student for student, _role in roles] == sorted(s.id for s in school_db.members[:3])
    assert roles[0][1] is Role.PERSON_HARMED  # chosen before the correction, kept
    assert roles[2][1] is None
