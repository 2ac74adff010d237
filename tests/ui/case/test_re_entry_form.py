"""The re-entry form lets the day the student returned be entered and changed; the case shows
it. A day ahead of today is pointed out beside the field and nothing typed is lost."""

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt

from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import Role, Tier, Tier3Kind
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.case.support_plan_forms import ReEntryForm
from tests.ui.conftest import School, type_text


def re_entry_window(qtbot, db: Database, school_db: School) -> CaseWindow:  # type: ignore[no-untyped-def]
    case = cases.open_case(
        db,
        CaseFields(
            tier=Tier.INTENSIVE,
            occurred_on=date(2026, 2, 20),
            category_id=1,
            description="Back after three days away.",
            tier3_kind=Tier3Kind.RE_ENTRY,
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=school_db.members[2].id),
            ),
        ),
    )
    window = CaseWindow(db, case.id, school_name="Riverside Middle School", open_student=print)
    qtbot.addWidget(window)
    return window


def test_the_return_day_is_entered_and_shown(qtbot, db: Database, school_db: School) -> None:
    window = re_entry_window(qtbot, db, school_db)
    form = window.step_form("re_entry")
    assert isinstance(form, ReEntryForm)
    assert not form.returned_on.isEnabled()  # not back yet
    type_text(form.supports, "His advisor checks in each morning.")
    tick = QPoint(8, form.returned.height() // 2)  # the box itself: the row is wider
    qtbot.mouseClick(form.returned, Qt.MouseButton.LeftButton, pos=tick)
    assert form.returned_on.isEnabled()
    form.returned_on.setDate(QDate(2026, 3, 11))  # tomorrow: not a return that happened
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.problem_text("returned_on") == (
        "This date is in the future. Choose today or an earlier day."
    )
    assert form.supports.toPlainText() == "His advisor checks in each morning."
    form.returned_on.setDate(QDate(2026, 2, 24))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    plan = casework.get_case_detail(db, window.detail.case.id).re_entry_plan
    assert plan is not None
    assert plan.returned_on == date(2026, 2, 24)
    assert "Returned on" in window.tier3.re_entry.text()

    again = window.step_form("re_entry")  # changed later
    assert isinstance(again, ReEntryForm)
    assert again.returned.isChecked()
    assert again.returned_on.date() == QDate(2026, 2, 24)
    again.returned_on.setDate(QDate(2026, 2, 23))
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    changed = casework.get_case_detail(db, window.detail.case.id).re_entry_plan
    assert changed is not None
    assert changed.returned_on == date(2026, 2, 23)
