"""Closing a case of harm asks whether the person harmed feels the harm was repaired; the answer
shows with the case and can be corrected. A concern is not asked, and its meetings ask its
student none of the questions of harm."""

from datetime import date

from PySide6.QtCore import Qt

from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import CaseStatus, CategoryKind, ClosureReason, Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.case.step_forms import CloseCaseForm
from rp_desktop.ui.forms.widgets import select_data
from tests.ui.conftest import School


def open_window(qtbot, db: Database, case_id: int) -> CaseWindow:  # type: ignore[no-untyped-def]
    window = CaseWindow(db, case_id, school_name="Riverside Middle School", open_student=print)
    qtbot.addWidget(window)
    return window


def harm_case(db: Database, school_db: School) -> int:
    nou, dariusz = school_db.members[1], school_db.members[2]
    return cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Shoving at the lockers; a phone was broken.",
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
                ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
            ),
        ),
    ).id


def close(qtbot, window: CaseWindow, felt: RepairFelt | None) -> CloseCaseForm:  # type: ignore[no-untyped-def]
    form = window.step_form("close")
    assert isinstance(form, CloseCaseForm)
    select_data(form.reason, ClosureReason.AGREEMENT_KEPT)
    if felt is not None:
        assert form.repair_felt is not None
        select_data(form.repair_felt, felt)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    return form


def test_closing_a_harm_case_asks_and_shows_the_answer(
    qtbot, db: Database, school_db: School
) -> None:
    case_id = harm_case(db, school_db)
    window = open_window(qtbot, db, case_id)
    form = close(qtbot, window, RepairFelt.PARTLY)
    assert form.repair_felt is not None
    assert form.repair_felt.accessibleName() == (
        "Does the person harmed feel the harm was repaired?"
    )
    assert cases.get_case(db, case_id).repair_felt is RepairFelt.PARTLY
    assert "Person harmed feels repaired: Partly" in window.facts.text()
    assert window.buttons["close"].text() == "Change the closing…"

    again = window.step_form("close")  # later, the answer is corrected
    assert isinstance(again, CloseCaseForm)
    assert again.repair_felt is not None
    assert again.repair_felt.currentData() == RepairFelt.PARTLY
    assert again.reason.currentData() == ClosureReason.AGREEMENT_KEPT
    select_data(again.repair_felt, RepairFelt.YES)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert cases.get_case(db, case_id).repair_felt is RepairFelt.YES
    assert "Person harmed feels repaired: Yes" in window.facts.text()


def test_a_concern_is_closed_without_the_question(qtbot, db: Database, school_db: School) -> None:
    concern = next(c.id for c in cases.list_categories(db) if c.kind is CategoryKind.CONCERN)
    case_id = cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=concern,
            description="A check-in she asked for.",
            participants=(ParticipantFields(Role.STUDENT, student_id=school_db.members[0].id),),
        ),
    ).id
    window = open_window(qtbot, db, case_id)
    form = close(qtbot, window, None)
    assert form.repair_felt is None
    assert "repaired" not in window.facts.text()
    assert cases.get_case(db, case_id).repair_felt is None


def test_a_concern_meeting_asks_the_student_none_of_the_questions_of_harm(
    qtbot, db: Database, school_db: School
) -> None:
    concern = next(c.id for c in cases.list_categories(db) if c.kind is CategoryKind.CONCERN)
    case_id = cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=concern,
            description="A check-in she asked for.",
            participants=(
                ParticipantFields(Role.STUDENT, student_id=school_db.members[0].id),
                ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
            ),
        ),
    ).id
    window = open_window(qtbot, db, case_id)
    meeting = window.new_meeting()
    everyone = frozenset(p.id for p in window.detail.case.participants)
    meeting.answers.show_people(everyone)
    # Their page has no question of harm, only the summary of what they said.
    first = meeting.answers.first_answer()
    assert first is not None
    assert first.accessibleName() == "Summary of what they said (a few words)"
    assert meeting.answers.people.count() == 1  # the student; the facilitator asks
    assert meeting.answers.answers(everyone) == ()
    meeting.remember_initial()
    meeting.close()


def test_closing_through_the_case_form_asks_too(qtbot, db: Database, school_db: School) -> None:
    case_id = harm_case(db, school_db)
    window = open_window(qtbot, db, case_id)
    form = window.edit_details()
    assert isinstance(form, CaseForm)
    assert not form.repair.asked
    assert form.isVisible()
    assert not form.repair.combo.isVisible()  # the case is open: nothing to ask yet
    select_data(form.status, CaseStatus.CLOSED)
    select_data(form.closure_reason, ClosureReason.AGREEMENT_KEPT)
    assert form.repair.asked
    assert form.repair.combo.isVisible()
    select_data(form.repair.combo, RepairFelt.NO)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert cases.get_case(db, case_id).repair_felt is RepairFelt.NO
    assert "Person harmed feels repaired: No" in window.facts.text()

    reopening = window.edit_details()  # reopened: the answer on closing goes with the closing
    assert isinstance(reopening, CaseForm)
    assert reopening.repair.combo.currentData() == RepairFelt.NO
    select_data(reopening.status, CaseStatus.FOLLOWING_UP)
    assert not reopening.repair.combo.isVisible()
    qtbot.mouseClick(reopening.save_button, Qt.MouseButton.LeftButton)
    assert cases.get_case(db, case_id).repair_felt is None
