"""A wellbeing concern is not harm: its meeting's form asks no one the restorative questions of
harm (not the student, not a supporter, not a family member, not staff); each person's part is a
short summary. The same people in a case of harm are given their role's questions."""

from dataclasses import replace

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from rp_desktop.domain.casework.restorative import questions_for, questions_in_case
from rp_desktop.domain.records import ParticipantFields
from rp_desktop.domain.vocabulary import CategoryKind, Role
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.casework.cases import list_categories
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.meeting_form import MeetingForm
from rp_desktop.ui.words.labels import label
from tests.ui.conftest import School, open_tier2_case

QUESTION_WORDS = {label(q) for role in Role for q in questions_for(role)}


def test_no_one_in_a_concern_is_asked_the_questions_of_harm() -> None:
    for role in Role:
        assert questions_in_case(role, CategoryKind.CONCERN) == ()
        assert questions_in_case(role, CategoryKind.HARM) == questions_for(role)
    assert questions_in_case(None, CategoryKind.HARM) == ()


def questions_on_each_page(qtbot: QtBot, db: Database, case_id: int) -> list[list[str]]:
    form = MeetingForm(db, casework.get_case_detail(db, case_id))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    asked = []
    for row in range(form.answers.people.count()):
        form.answers.people.setCurrentRow(row)
        page = form.answers.pages.currentWidget()
        shown = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
        asked.append([text for text in shown if text in QUESTION_WORDS])
        assert "Summary of what they said (a few words)" in shown
    form.close()
    return asked


def test_a_concern_meeting_asks_for_summaries_only(
    qtbot: QtBot, db: Database, school_db: School
) -> None:
    student, supporter = school_db.members[1], school_db.members[2]
    people = (
        ParticipantFields(Role.STUDENT, student_id=student.id),
        ParticipantFields(Role.SUPPORTER, student_id=supporter.id),
        ParticipantFields(Role.STAFF, staff_id=school_db.counselor_id),
    )
    harm_case = open_tier2_case(db, *people[1:])
    assert questions_on_each_page(qtbot, db, harm_case.id) == [
        [label(q) for q in questions_for(Role.SUPPORTER)],
        [label(q) for q in questions_for(Role.STAFF)],
    ]
    concern = next(c for c in list_categories(db) if c.kind is CategoryKind.CONCERN)
    concern_case = casework.get_case_detail(db, open_tier2_case(db, *people).id).case
    concern_fields = replace(concern_case.fields, category_id=concern.id)
    from rp_desktop.services.casework.cases import update_case

    update_case(db, concern_case.id, concern_fields)
    assert questions_on_each_page(qtbot, db, concern_case.id) == [[], [], []]
