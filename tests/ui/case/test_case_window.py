"""A case from start to close in its window: four people, a guided meeting, an agreement with
three items, a follow-up, closing; the printed agreement; the due list and the timeline."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPdf import QPdfDocument

from rp_desktop.domain.casework.records import AgreementFields, AgreementItemFields
from rp_desktop.domain.records import CaseFields, ParticipantFields, StudentFields
from rp_desktop.domain.timeline import TimelineKind
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    AuditAction,
    CaseStatus,
    ClosureReason,
    MeetingKind,
    Role,
    Tier,
)
from rp_desktop.services.casework import agreements, cases
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.case import printing as printing_module
from rp_desktop.ui.case.agreement_form import AgreementForm
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.case.meeting_form import MeetingForm
from rp_desktop.ui.case.step_forms import CloseCaseForm, FollowUpForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.home.due_list import DueList
from rp_desktop.ui.students.timeline import StudentTimeline
from tests.ui.conftest import School, type_text


@pytest.fixture
def case_id(db: Database, school_db: School) -> int:
    """A Tier 2 case with four people: Dariusz caused harm, Nou was harmed, Nou's grandmother
    supports, the counselor facilitates."""
    nou, dariusz = school_db.members[1], school_db.members[2]
    case = cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Shoving at the lockers; a phone was broken.",
            place="Hallway",
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
                ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
                ParticipantFields(Role.FAMILY_MEMBER, other_name="Yer Xiong (grandmother)"),
                ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
            ),
        ),
    )
    return case.id


@pytest.fixture
def window(qtbot, db: Database, case_id: int) -> CaseWindow:  # type: ignore[no-untyped-def]
    opened: list[int] = []
    win = CaseWindow(db, case_id, school_name="Riverside Middle School", open_student=opened.append)
    win.opened_students = opened  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    return win


def save(qtbot, form) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def test_a_case_from_first_meeting_to_closing(qtbot, db, window: CaseWindow, case_id) -> None:
    # A guided meeting: three came; the person who caused harm answers first.
    meeting = window.new_meeting()
    assert isinstance(meeting, MeetingForm)
    select_data(meeting.kind, MeetingKind.RESTORATIVE_CONVERSATION)
    people = {p.fields.role: p for p in window.detail.case.participants}
    meeting.attendees.tick(
        frozenset(
            people[role].id
            for role in (Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED, Role.FACILITATOR)
        )
    )
    meeting._people_changed()
    assert meeting.answers.people.item(0).text() == "Dariusz Kowalczyk"  # speaks first
    answers = meeting.answers
    assert not answers.keep.isChecked()  # a short summary each, by default
    type_text(answers.first_answer(), "Owned up; will pay for the phone — sorry.")
    answers.people.setCurrentRow(1)
    type_text(answers.first_answer(), "Wants to tell his grandmother, Yer, himself.")
    save(qtbot, meeting)
    assert not meeting.isVisible()
    assert window.meetings.table.rowCount() == 1
    detail = casework.get_case_detail(db, case_id)
    saved = detail.meetings[0].fields
    assert dict(saved.summaries) == {
        people[Role.PERSON_WHO_CAUSED_HARM].id: "Owned up; will pay for the phone — sorry.",
        people[Role.PERSON_HARMED].id: "Wants to tell his grandmother, Yer, himself.",
    }
    assert (saved.keep_answers, saved.answers) == (False, ())
    assert detail.case.fields.status is CaseStatus.MEETING_HELD

    # An agreement with three items.
    form = window.edit_agreement()
    assert isinstance(form, AgreementForm)
    form.items.add_item()
    form.items.add_item()
    rows = form.items._rows
    for row, (what, role) in zip(
        rows,
        (
            ("Pay toward a new phone screen", Role.PERSON_WHO_CAUSED_HARM),
            ("Check in with the counselor on Fridays", Role.PERSON_WHO_CAUSED_HARM),
            ("Let the counselor know if anything else happens", Role.PERSON_HARMED),
        ),
        strict=True,
    ):
        type_text(row.what, what)
        select_data(row.owner, ("participant", people[role].id))
        row.due.setDate(QDate(2026, 3, 20))
    save(qtbot, form)
    assert not form.isVisible()
    assert window.agreement.table.rowCount() == 3
    window.agreement.table.selectRow(0)
    window.agreement.done.click()
    assert window.agreement.summary.text() == "33% of the items are done."

    # A follow-up entry, then closing.
    follow = window.step_form("follow_up")
    assert isinstance(follow, FollowUpForm)
    type_text(follow.note, "Talked with both at lunch; things are calmer.")
    save(qtbot, follow)
    assert window.follow_up.table.rowCount() == 1
    closing = window.step_form("close")
    assert isinstance(closing, CloseCaseForm)
    save(qtbot, closing)
    assert closing.isVisible()
    assert closing.problem_text("closure_reason") == "Choose why the case was closed."
    select_data(closing.reason, ClosureReason.AGREEMENT_PARTLY_KEPT)
    save(qtbot, closing)
    assert not closing.isVisible()
    assert "Closed" in window.facts.text()
    assert casework.get_case_detail(db, case_id).closed_on == date(2026, 3, 10)


def test_an_agreement_item_without_an_owner_is_pointed_out(qtbot, window: CaseWindow) -> None:
    form = window.edit_agreement()
    row = form.items._rows[0]
    type_text(row.what, "Repair the locker door")
    save(qtbot, form)
    assert form.isVisible()
    assert row.problem.isVisible()
    assert row.problem.text()
    assert row.what.text() == "Repair the locker door"  # nothing typed is lost


def test_the_printed_agreement_names_only_this_case(
    qtbot, db, window: CaseWindow, case_id, school_db: School, tmp_path: Path, monkeypatch
) -> None:
    other = students.add_student(db, StudentFields("700777", "Wojciech", "Zielonka", grade=7))
    cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 4),
            category_id=1,
            description="Another matter entirely.",
            participants=(ParticipantFields(Role.PERSON_HARMED, student_id=other.id),),
        ),
    )
    casework.set_private_note(db, case_id, "Grandmother works nights; call after 4.")
    people = {p.fields.role: p for p in window.detail.case.participants}
    agreements.save_agreement(
        db,
        case_id,
        AgreementFields(
            made_on=date(2026, 3, 9),
            items=(
                AgreementItemFields(
                    "Pay toward a new phone screen",
                    owner_participant_id=people[Role.PERSON_WHO_CAUSED_HARM].id,
                    due_on=date(2026, 3, 20),
                ),
            ),
        ),
    )
    window.reload()
    out = tmp_path / "agreement.pdf"
    monkeypatch.setattr(printing_module, "choose_pdf_path", lambda parent, name: out)
    monkeypatch.setattr(printing_module, "open_file", lambda path: True)
    assert window.save_agreement_pdf(window.detail.agreements[0].id) == out
    document = QPdfDocument()
    document.load(str(out))
    assert document.pageCount() == 1
    text = "".join(document.getAllText(0).text().split())
    for expected in ("Paytowardanewphonescreen", "DariuszKowalczyk", "NouXiong", "MarisolQuintero"):
        assert expected in text
    for absent in ("Zielonka", "Wojciech", "Anothermatter", "Grandmotherworksnights", "Shoving"):
        assert absent not in text
    assert not list(tmp_path.glob(".agreement.pdf.*"))  # no temporary file left beside it


def test_an_agreement_printed_into_a_missing_folder_is_not_written_or_counted(
    qtbot, db, window: CaseWindow, case_id, tmp_path: Path, monkeypatch
) -> None:
    from rp_desktop.services import audit
    from rp_desktop.ui import dialogs

    owner = window.detail.case.participants[0]
    agreements.save_agreement(
        db,
        case_id,
        AgreementFields(
            made_on=date(2026, 3, 9),
            items=(AgreementItemFields("Say sorry", owner.id, due_on=date(2026, 3, 20)),),
        ),
    )
    window.reload()
    out = tmp_path / "gone" / "agreement.pdf"
    told: list[Path] = []
    monkeypatch.setattr(printing_module, "choose_pdf_path", lambda parent, name: out)
    monkeypatch.setattr(dialogs, "show_not_written", lambda parent, path: told.append(path))
    printed_before = len(audit.list_events(db, action=AuditAction.PRINT).rows)

    assert window.save_agreement_pdf(window.detail.agreements[0].id) is None

    assert told == [out]
    assert not out.parent.exists()
    assert len(audit.list_events(db, action=AuditAction.PRINT).rows) == printed_before


def test_the_private_note_is_saved_and_asked_about_before_closing(
    qtbot, db, window: CaseWindow, case_id, monkeypatch
) -> None:
    from rp_desktop.ui import dialogs

    window.show()
    type_text(window.note, "Ask about the bus stop.")
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: False)
    window.close()
    assert window.isVisible()  # unsaved note: the window stays
    window.save_note()
    assert casework.get_case_detail(db, case_id).private_note == "Ask about the bus stop."
    window.close()
    assert not window.isVisible()


def test_double_clicking_a_student_opens_their_timeline(window: CaseWindow, school_db) -> None:
    window._person_chosen(window.people.item(0))
    window._person_chosen(window.people.item(2))  # the grandmother is not a student
    assert window.opened_students == [school_db.members[2].id]  # type: ignore[attr-defined]


def test_the_due_list_and_marking_an_item(qtbot, db, case_id, window: CaseWindow) -> None:
    people = {p.fields.role: p for p in window.detail.case.participants}
    owner = people[Role.PERSON_WHO_CAUSED_HARM].id
    agreements.save_agreement(
        db,
        case_id,
        AgreementFields(
            made_on=date(2026, 3, 3),
            items=(
                AgreementItemFields(
                    "Late already", owner_participant_id=owner, due_on=date(2026, 3, 5)
                ),
                AgreementItemFields(
                    "Due Friday", owner_participant_id=owner, due_on=date(2026, 3, 13)
                ),
                AgreementItemFields(
                    "Next month", owner_participant_id=owner, due_on=date(2026, 4, 13)
                ),
            ),
        ),
    )
    due = DueList(db)
    qtbot.addWidget(due)
    assert [i.description for i in due.overdue.shown_items] == ["Late already"]
    assert [i.description for i in due.soon.shown_items] == ["Due Friday"]
    assert due.overdue_title.text() == "1 item is overdue"
    opened: list[int] = []
    due.caseRequested.connect(opened.append)
    due.overdue.selectRow(0)
    due.open_case.click()
    assert opened == [case_id]
    due.done.click()
    assert due.overdue.shown_items == []
    statuses = [
        item.fields.status
        for a in casework.get_case_detail(db, case_id).agreements
        for item in a.items
    ]
    assert AgreementStatus.DONE in statuses


def test_a_students_timeline(qtbot, db, case_id, school_db: School) -> None:
    dariusz = school_db.members[2]
    timeline = StudentTimeline(db, dariusz.id)
    qtbot.addWidget(timeline)
    kinds = [entry.kind for entry in timeline.shown()]
    assert TimelineKind.CASE in kinds
    assert kinds.count(TimelineKind.CIRCLE) == 3  # everything shows when it opens
    assert timeline.windowTitle() == "Student timeline"
    row = next(i for i, e in enumerate(timeline.shown()) if e.kind is TimelineKind.CASE)
    assert timeline.table.item(row, 3).text() == "Person who caused harm"
    everything = " ".join(
        timeline.table.item(r, c).text()
        for r in range(timeline.table.rowCount())
        for c in range(timeline.table.columnCount())
    )
    assert "Xiong" not in everything  # the other people of the case stay out
    opened: list[int] = []
    timeline.caseRequested.connect(opened.append)
    timeline.table.selectRow(row)
    timeline._open_case()
    assert opened == [case_id]


def test_the_hold_box_keeps_the_case_from_removal(qtbot, db, case_id, window: CaseWindow) -> None:
    from rp_desktop.services.safekeeping.retention import removal

    assert not window.hold.isChecked()
    assert "never removed" in window.hold.text()
    changes: list[bool] = []
    window.changed.connect(lambda: changes.append(True))

    qtbot.mouseClick(window.hold, Qt.MouseButton.LeftButton)

    assert removal.is_on_hold(db, case_id)
    assert changes == [True]  # the lists may show it
    again = CaseWindow(db, case_id, school_name="Riverside Middle School")
    qtbot.addWidget(again)
    assert again.hold.isChecked()  # read back from the database
    again.reload()  # a reload neither clears it nor writes it again
    assert again.hold.isChecked()
    assert changes == [True]
    qtbot.mouseClick(again.hold, Qt.MouseButton.LeftButton)
    assert not removal.is_on_hold(db, case_id)
