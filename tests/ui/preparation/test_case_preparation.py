"""Preparation and consent in a case's window: a conference planned for next Tuesday at 10:30,
the person harmed's choice not yet asked so Mark held opens the form with the rule in plain
words and a reason to go ahead; each person's checklist filled in from the Preparation tab; a
planned circle cancelled with the reason. Today is Tuesday 2026-03-10 (the fake clock)."""

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from rp_desktop.domain.casework.records import MeetingFields
from rp_desktop.domain.continuum.kinds import MeetingStatus, Willingness
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import CaseStatus, MeetingKind, Role, Tier
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.casework import cases, meetings
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.case.meeting_form import MeetingForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.preparation.form import PreparationForm
from rp_desktop.ui.words.formatting import format_date
from tests.ui.choosing import answer_text
from tests.ui.conftest import School, type_text

LEFT = Qt.MouseButton.LeftButton
NEXT_TUESDAY = date(2026, 3, 17)
IN_BOX = QPoint(8, 8)  # a check box's tick, where a click toggles it


@pytest.fixture
def window(qtbot, db: Database, school_db: School) -> CaseWindow:  # type: ignore[no-untyped-def]
    """Dariusz caused harm, Nou was harmed, the counselor facilitates."""
    nou, dariusz = school_db.members[1], school_db.members[2]
    case = cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Shoving at the lockers; a phone was broken.",
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
                ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
                ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
            ),
        ),
    )
    win = CaseWindow(db, case.id, school_name="Riverside Middle School")
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    return win


def shown_form(qtbot, kind: type[QWidget]) -> QWidget:  # type: ignore[no-untyped-def]
    def found() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    qtbot.waitUntil(lambda: len(found()) == 1)
    return found()[0]


def first_column(window: CaseWindow) -> list[str]:
    table = window.meetings.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_a_conference_planned_then_held_with_a_reason_to_go_ahead(
    qtbot, db: Database, window: CaseWindow
) -> None:
    form = window.new_meeting()
    assert isinstance(form, MeetingForm)
    select_data(form.kind, MeetingKind.FORMAL_CONFERENCE)
    assert form.when.consent.isVisible()  # held today, Nou not asked: the rule shows at once
    select_data(form.when.status, MeetingStatus.PLANNED)
    assert not form.when.consent.isVisible()
    assert not form.when.proceed_reason.isVisible()
    form.held_on.setDate(QDate(2026, 3, 17))
    select_data(form.when.starts_at, time(10, 30))
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible()
    [when] = first_column(window)
    assert when.startswith("Planned · ")
    assert format_date(NEXT_TUESDAY) in when
    assert "10:30" in when
    assert window.detail.case.fields.status is CaseStatus.OPEN  # planned: nothing moved on

    # Mark held: Nou's choice was never asked, so the form opens with Held and the rule.
    window.meetings.table.selectRow(0)
    qtbot.mouseClick(window.meetings.held, LEFT)
    held = shown_form(qtbot, MeetingForm)
    assert isinstance(held, MeetingForm)
    assert held.when.status.currentData() == MeetingStatus.HELD
    assert held.held_on.date() == QDate(2026, 3, 10)  # planned ahead, held today
    assert "not recorded" in held.when.consent.text()
    assert held.when.proceed_reason.isVisible()
    qtbot.mouseClick(held.save_button, LEFT)
    assert held.isVisible()
    assert "Record it under Preparation" in held.problem_text("proceed_reason")
    held.when.proceed_reason.setFocus()
    type_text(held.when.proceed_reason, "Nou asked to go ahead the same day; asked in person.")
    qtbot.mouseClick(held.save_button, LEFT)
    assert not held.isVisible()
    assert first_column(window) == [format_date(date(2026, 3, 10))]
    saved = casework.get_case_detail(db, window.detail.case.id)
    assert saved.meetings[0].fields.status is MeetingStatus.HELD
    assert saved.case.fields.status is CaseStatus.MEETING_HELD
    # Opened again to correct it, it is not asked again.
    again = window.open_meeting(saved.meetings[0].id)
    assert isinstance(again, MeetingForm)
    assert not again.when.consent.isVisible()
    assert again.when.proceed_reason.isVisible()  # the reason given stays in sight
    again.reject()


def test_each_person_is_prepared_from_the_preparation_tab(
    qtbot, db: Database, window: CaseWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.tabs.setCurrentWidget(window.preparation)
    panel = window.preparation
    assert panel.waiting.isVisible()  # the person harmed has not been asked
    assert not panel.edit.isEnabled()
    panel.table.selectRow(1)  # Nou, the person harmed
    qtbot.mouseClick(panel.edit, LEFT)
    form = shown_form(qtbot, PreparationForm)
    assert isinstance(form, PreparationForm)
    assert "Nou" not in form.windowTitle()  # the role, never the name
    assert form.windowTitle() == "Preparation · Person harmed"
    qtbot.mouseClick(form.explained, LEFT, pos=IN_BOX)
    select_data(form.willingness, Willingness.INDIRECT_LETTER)
    form.safety.setFocus()
    type_text(form.safety, "Not on the same bus")
    qtbot.mouseClick(form.consent_on.given, LEFT, pos=IN_BOX)
    form.consent_on.day.setDate(QDate(2026, 3, 5))
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible()
    cells = [panel.table.item(1, column).text() for column in range(6)]
    consent = format_date(date(2026, 3, 5))
    assert cells[1:] == ["✓", "Indirect: a letter", "Not on the same bus", "", consent]
    assert not panel.waiting.isVisible()

    # A repair-harm circle today: Nou chose a letter, so marking it held asks why.
    case_id = window.detail.case.id
    planned = MeetingFields(
        MeetingKind.REPAIR_HARM_CIRCLE, date(2026, 3, 10), status=MeetingStatus.PLANNED
    )
    planned_id = meetings.record_meeting(db, case_id, planned).id
    window.reload()
    window.tabs.setCurrentWidget(window.meetings)
    window.meetings.table.selectRow(0)
    qtbot.mouseClick(window.meetings.held, LEFT)
    held = shown_form(qtbot, MeetingForm)
    assert isinstance(held, MeetingForm)
    assert "chose not to meet" in held.when.consent.text()
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: True)
    held.reject()

    # Cancelled instead, with the reason asked.
    monkeypatch.setattr(dialogs, "wait_for", answer_text("Nou's letter is not ready"))
    qtbot.mouseClick(window.meetings.cancel, LEFT)
    [when] = first_column(window)
    assert when.startswith("Cancelled · ")
    assert when.endswith("Nou's letter is not ready")
    cancelled = casework.get_case_detail(db, case_id).meetings[0]
    assert (cancelled.id, cancelled.fields.status) == (planned_id, MeetingStatus.CANCELLED)
    window.meetings.table.selectRow(0)
    assert not window.meetings.held.isEnabled()
    assert not window.meetings.cancel.isEnabled()
