"""What each person said, on a meeting's form and in the case's window: a short summary each
by default, with the restorative questions as the facilitator's guide; the answers word for word
only behind "Keep the answers word for word", and unticking it asks before removing them."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from rp_desktop.domain.casework.records import (
    AgreementFields,
    AgreementItemFields,
    AnswerFields,
    MeetingFields,
    RestorativeQuestion,
)
from rp_desktop.domain.casework.restorative import FOR_PERSON_WHO_CAUSED_HARM
from rp_desktop.domain.records import Case, ParticipantFields
from rp_desktop.domain.vocabulary import MeetingKind, Role
from rp_desktop.services.casework import agreements
from rp_desktop.services.casework import case_detail as casework
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.case import printing
from rp_desktop.ui.case.agreement_pdf import agreement_html
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.case.meeting_form import MeetingForm
from rp_desktop.ui.what_was_said import asking
from rp_desktop.ui.what_was_said.drafts import AnswersDraft
from rp_desktop.ui.words.labels import label
from tests.services.conftest import audit_rows, table_count
from tests.ui.conftest import School, open_tier2_case, type_text

Q = RestorativeQuestion
WHY = (
    "What a student says should not become evidence for discipline: keep a short summary and "
    "the agreement."
)


@pytest.fixture(autouse=True)
def closing_discards(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left with something typed in is closed when the test ends, its changes let go."""
    monkeypatch.setattr(dialogs, "confirm_discard", lambda _parent: True)


@pytest.fixture
def case(db: Database, school_db: School) -> Case:
    """Dariusz caused harm, Nou was harmed, the counselor facilitates."""
    nou, dariusz = school_db.members[1], school_db.members[2]
    return open_tier2_case(
        db,
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
        ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
        ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
    )


def kept_meeting(db: Database, case: Case) -> int:
    """A meeting whose answers were kept word for word (as migration 0009 marks old ones)."""
    caused, harmed, _ = case.participants
    fields = MeetingFields(
        MeetingKind.RESTORATIVE_CONVERSATION,
        date(2026, 3, 3),
        attendee_ids=frozenset({caused.id, harmed.id}),
        answers=(
            AnswerFields(caused.id, Q.WHAT_HAPPENED, "I pushed him."),
            AnswerFields(caused.id, Q.THINKING_AT_THE_TIME, "Nothing much."),
            AnswerFields(harmed.id, Q.HARDEST_THING, "The phone."),
        ),
        keep_answers=True,
        summaries=((harmed.id, "Wants the phone fixed"),),
    )
    return casework.record_meeting(db, case.id, fields).id


def new_form(qtbot: QtBot, db: Database, case: Case) -> MeetingForm:
    form = MeetingForm(db, casework.get_case_detail(db, case.id))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_by_default_the_questions_guide_a_summary_per_person(
    qtbot: QtBot, db: Database, case: Case
) -> None:
    form = new_form(qtbot, db, case)
    answers = form.answers
    assert not answers.keep.isChecked()
    assert answers.why.text() == WHY
    assert answers.why.isVisible()
    page = answers.pages.currentWidget()
    shown = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    assert "Summary of what they said (a few words)" in shown
    assert [label(q) for q in FOR_PERSON_WHO_CAUSED_HARM] == [
        t for t in shown if t in {label(q) for q in Q}
    ]  # the guide: every question of the role, in order, as text
    boxes = [w for w in page.findChildren(QPlainTextEdit) if w.isVisible()]
    assert boxes == [answers.first_answer()]  # one box: the summary
    type_text(boxes[0], "Owned up — will pay for the phone.")
    fields = form.values()
    caused = case.participants[0]
    assert fields.summaries == ((caused.id, "Owned up — will pay for the phone."),)
    assert (fields.keep_answers, fields.answers) == (False, ())


def test_ticking_keep_shows_a_box_per_question_and_tab_goes_through_them(
    qtbot: QtBot, db: Database, case: Case
) -> None:
    form = new_form(qtbot, db, case)
    answers = form.answers
    qtbot.mouseClick(answers.keep, Qt.MouseButton.LeftButton, pos=answers.keep.rect().center())
    assert answers.keep.isChecked()
    page = answers.pages.currentWidget()
    boxes = [w for w in page.findChildren(QPlainTextEdit) if w.isVisible()]
    assert len(boxes) == 1 + len(FOR_PERSON_WHO_CAUSED_HARM)  # the summary, then each answer
    boxes[0].setFocus()
    for box in boxes[1:]:  # Tab from each box to the next, never caught in one
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        assert form.focusWidget() is box
    type_text(boxes[1], "I pushed him.")
    qtbot.keyClick(boxes[-1], Qt.Key.Key_Tab)
    assert not answers.pages.isAncestorOf(form.focusWidget())  # on out of the page
    fields = form.values()
    caused = case.participants[0]
    assert fields.keep_answers
    assert fields.answers == (AnswerFields(caused.id, Q.WHAT_HAPPENED, "I pushed him."),)


def test_a_meeting_whose_answers_were_kept_opens_with_the_tick_on_and_the_answers(
    qtbot: QtBot, db: Database, case: Case
) -> None:
    meeting_id = kept_meeting(db, case)
    detail = casework.get_case_detail(db, case.id)
    (meeting,) = detail.meetings
    form = MeetingForm(db, detail, meeting)
    qtbot.addWidget(form)
    form.show()
    assert form.answers.keep.isChecked()
    page = form.answers.pages.currentWidget()
    texts = [w.toPlainText() for w in page.findChildren(QPlainTextEdit) if w.isVisible()]
    assert texts[:3] == ["", "I pushed him.", "Nothing much."]
    assert form.values() == meeting.fields  # nothing changed by opening it
    assert meeting.id == meeting_id


def test_unticking_asks_and_no_keeps_the_answers(
    qtbot: QtBot, db: Database, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_meeting(db, case)
    detail = casework.get_case_detail(db, case.id)
    form = MeetingForm(db, detail, detail.meetings[0])
    qtbot.addWidget(form)
    form.show()
    asked: list[str] = []
    monkeypatch.setattr(asking.dialogs, "confirm", lambda _p, _t, text, *_: asked.append(text))
    keep = form.answers.keep
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton, pos=keep.rect().center())
    assert asked == ["Remove the 3 answers kept word for word?"]  # and the answer is no
    assert keep.isChecked()
    assert len(form.values().answers) == 3


def test_unticking_removes_the_answers_once_the_user_says_so(
    qtbot: QtBot, db: Database, case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = kept_meeting(db, case)
    detail = casework.get_case_detail(db, case.id)
    form = MeetingForm(db, detail, detail.meetings[0])
    qtbot.addWidget(form)
    form.show()
    questions: list[str] = []

    def confirm(_parent: object, _title: str, text: str, *_: object) -> bool:
        questions.append(text)
        return True

    monkeypatch.setattr(asking.dialogs, "confirm", confirm)
    keep = form.answers.keep
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton, pos=keep.rect().center())
    assert questions == ["Remove the 3 answers kept word for word?"]
    assert not keep.isChecked()
    before = len(audit_rows(db))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    (meeting,) = casework.get_case_detail(db, case.id).meetings
    assert (meeting.fields.keep_answers, meeting.fields.answers) == (False, ())
    assert meeting.fields.summaries == ((case.participants[1].id, "Wants the phone fixed"),)
    assert table_count(db, "meeting_answer") == 0
    assert audit_rows(db)[before].detail.endswith("answers=0 answers_removed=3")
    assert meeting.id == meeting_id


def test_one_answer_is_asked_about_in_the_singular(monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(asking.dialogs, "confirm", lambda _p, _t, text, *_: said.append(text))
    asking.remove_answers(None, 1)
    asking.remove_answers(None, 2)
    assert said == [
        "Remove the answer kept word for word?",
        "Remove the 2 answers kept word for word?",
    ]


def test_the_case_shows_the_summaries_and_answers_only_when_kept(
    qtbot: QtBot, db: Database, case: Case
) -> None:
    caused, harmed, _ = case.participants
    casework.record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.RESTORATIVE_CONVERSATION,
            date(2026, 3, 2),
            attendee_ids=frozenset({caused.id, harmed.id}),
            summaries=((caused.id, "Owned up"), (harmed.id, "Wants space")),
        ),
    )
    kept_meeting(db, case)
    window = CaseWindow(db, case.id, school_name="Riverside Middle School")
    qtbot.addWidget(window)
    said = window.meetings.said
    assert said.toPlainText() == "Choose a meeting to read what was said."
    window.meetings.table.selectRow(0)  # summaries only
    text = said.toPlainText()
    assert "Owned up" in text
    assert "Wants space" in text
    assert "kept word for word" not in text
    window.meetings.table.selectRow(1)  # kept word for word
    text = said.toPlainText()
    assert "Answers kept word for word:" in text
    assert "“I pushed him.”" in text
    assert label(Q.WHAT_HAPPENED) in text
    assert "Wants the phone fixed" in text


def test_the_printed_agreement_has_no_summary_and_no_answer(db: Database, case: Case) -> None:
    """The agreement is the record: what each said never goes on the page signed."""
    meeting_id = kept_meeting(db, case)
    caused = case.participants[0]
    agreements.save_agreement(
        db,
        case.id,
        AgreementFields(
            date(2026, 3, 3),
            meeting_id,
            items=(AgreementItemFields("Pay toward the phone", caused.id, None, date(2026, 4, 3)),),
        ),
    )
    detail = casework.get_case_detail(db, case.id)
    page = agreement_html(printing.agreement_sheet("Riverside", detail, detail.agreements[0]))
    assert "Pay toward the phone" in page  # the page drawn is this one
    for said in ("I pushed him.", "Nothing much.", "The phone.", "Wants the phone fixed"):
        assert said not in page


def test_a_summary_too_long_is_said_under_what_each_said_and_nothing_is_lost(
    qtbot: QtBot, db: Database, case: Case
) -> None:
    form = new_form(qtbot, db, case)
    too_long = "Said a great deal. " * 60  # over a thousand characters
    form.answers.first_answer().setPlainText(too_long)  # type: ignore[union-attr]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()  # not saved, still open
    assert form.problem_text("answers") == "This is too long: keep it under 1000 characters."
    assert form.answers.first_answer().toPlainText() == too_long  # type: ignore[union-attr]
    assert table_count(db, "meeting") == 0


def test_a_draft_from_before_summaries_brings_its_answers_back_kept() -> None:
    old = [
        {"participant": 4, "question": "what_happened", "text": "I pushed."},
        {"participant": 4, "question": "not_a_question", "text": "Lost."},
        "damaged",
    ]
    assert AnswersDraft.read(old) == AnswersDraft(True, {(4, Q.WHAT_HAPPENED): "I pushed."}, {})
    now = AnswersDraft(False, {(4, Q.WHAT_HAPPENED): ""}, {4: "Owned up", 5: ""})
    assert now.state() == {
        "keep": False,
        "answers": [],
        "summaries": [{"participant": 4, "text": "Owned up"}],
    }
    assert AnswersDraft.read(now.state()) == AnswersDraft(False, {}, {4: "Owned up"})
    assert AnswersDraft.read(None) == AnswersDraft(False, {}, {})
