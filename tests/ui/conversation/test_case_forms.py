"""The faults of the case's own forms that made a conversation four forms (issue 13), each
tested by its name: saving a case opens it, a meeting starts from its case, staff have their
own questions, an agreement is at the meeting of its day, the view does not jump."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from rp_desktop.domain.casework.records import CaseDetail, MeetingFields, RestorativeQuestion
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import MeetingKind, Role, Tier
from rp_desktop.services.casework import case_detail, cases, meetings
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.case.agreement_form import AgreementForm
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.case.meeting_form import MeetingForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.window.main_window import MainWindow
from rp_desktop.ui.words.labels import label
from tests.ui.conftest import School, open_tier2_case, type_text

Q = RestorativeQuestion
TODAY = date(2026, 3, 10)


@pytest.fixture
def detail(db: Database, school_db: School) -> CaseDetail:
    """Dariusz caused harm, Nou was harmed, the counselor is on the case as staff."""
    nou, dariusz = school_db.members[1], school_db.members[2]
    case = open_tier2_case(
        db,
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
        ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
        ParticipantFields(Role.STAFF, staff_id=school_db.counselor_id),
    )
    return case_detail.get_case_detail(db, case.id)


def test_saving_a_new_case_opens_its_window(qtbot: QtBot, window: MainWindow, db) -> None:
    window.show_view("tier2")
    window.tier2.new_record()
    form = window.tier2.findChildren(CaseForm)[-1]
    form.category.setCurrentIndex(1)
    type_text(form.description, "Name-calling in the hallway.")
    type_text(form.people.student_picker.search, "amani")
    form.people.student_picker.search.returnPressed.emit()
    select_data(form.people._rows[0].role, Role.PERSON_HARMED)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    opened = [w for w in window.windows._windows.values() if isinstance(w, CaseWindow)]
    assert [w.detail.case.id for w in opened] == [window.tier2.model.record(0).id]
    assert opened[0].isVisible()
    window.windows.close_all()


def test_editing_a_case_does_not_open_another_window(qtbot: QtBot, db, detail) -> None:
    form = CaseForm(db, Tier.TARGETED, detail.case)
    qtbot.addWidget(form)
    opened: list[int] = []
    form.caseOpened.connect(opened.append)
    type_text(form.description, " Again.")
    form.accept()
    assert opened == []
    assert not form.isVisible()


def test_a_new_meeting_has_the_facilitator_of_its_case(qtbot: QtBot, db, detail, school_db):
    form = MeetingForm(db, detail)
    qtbot.addWidget(form)
    assert form.facilitator.currentData() == school_db.counselor_id
    assert form.facilitator.currentText() != "Not recorded"


def test_a_new_meeting_has_everyone_on_the_case_ticked_as_there(qtbot: QtBot, db, detail):
    form = MeetingForm(db, detail)
    qtbot.addWidget(form)
    assert form.attendees.ids() == {p.id for p in detail.case.participants}
    assert form.answers.people.count() == 3  # a page each, the person who caused harm first


def test_the_staff_facilitator_is_asked_their_own_questions_never_the_harm_sets(
    qtbot: QtBot, db, detail
) -> None:
    form = MeetingForm(db, detail)
    qtbot.addWidget(form)
    staff_page = form.answers.pages.widget(3)
    texts = [w.text() for w in staff_page.findChildren(QLabel)]
    prompts = texts[texts.index("The questions to ask:") + 1 :]  # the guide, after the summary
    assert prompts == [label(Q.WHAT_YOU_SAW), label(Q.WHAT_YOU_NEED)]
    harmed_page = form.answers.pages.widget(2)
    harmed_prompts = [w.text() for w in harmed_page.findChildren(QLabel)][1:]
    assert label(Q.HARDEST_THING) in harmed_prompts


def test_the_facilitator_asks_and_has_no_page_of_answers(qtbot: QtBot, db, school_db) -> None:
    case = cases.open_case(
        db,
        CaseFields(
            Tier.TARGETED,
            TODAY,
            1,
            "Words at recess.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[0].id),
                ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
            ),
        ),
    )
    form = MeetingForm(db, case_detail.get_case_detail(db, case.id))
    qtbot.addWidget(form)
    assert form.facilitator.currentData() == school_db.counselor_id
    assert len(form.attendees.ids()) == 2  # the facilitator is there
    assert form.answers.people.count() == 1  # but answers nothing


def test_a_new_agreement_is_at_the_meeting_held_that_day(qtbot: QtBot, db, detail) -> None:
    everyone = frozenset(p.id for p in detail.case.participants)
    held = meetings.record_meeting(
        db,
        detail.case.id,
        MeetingFields(MeetingKind.RESTORATIVE_CONVERSATION, TODAY, attendee_ids=everyone),
    )
    form = AgreementForm(db, case_detail.get_case_detail(db, detail.case.id))
    qtbot.addWidget(form)
    assert form.meeting.currentData() == held.id
    form.made_on.setDate(form.made_on.date().addDays(-1))  # a day with no meeting
    assert form.meeting.currentData() is None
    form.made_on.setDate(form.made_on.date().addDays(1))
    assert form.meeting.currentData() == held.id


def test_an_agreement_made_from_a_meeting_is_at_that_meeting_and_dated_with_it(
    qtbot: QtBot, db, detail
) -> None:
    earlier = meetings.record_meeting(
        db,
        detail.case.id,
        MeetingFields(MeetingKind.IMPROMPTU_CONFERENCE, date(2026, 3, 4)),
    )
    fresh = case_detail.get_case_detail(db, detail.case.id)
    form = AgreementForm(db, fresh, meeting_id=earlier.id)
    qtbot.addWidget(form)
    assert form.meeting.currentData() == earlier.id
    assert form.values().made_on == date(2026, 3, 4)


def test_after_next_person_their_name_and_first_questions_are_at_the_top(
    qtbot: QtBot, db, detail
) -> None:
    form = MeetingForm(db, detail)
    qtbot.addWidget(form)
    form.resize(1000, 560)
    form.show()
    qtbot.waitExposed(form)
    area = form.findChild(QScrollArea)
    assert area is not None
    answers = form.answers
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())  # at the bottom
    qtbot.mouseClick(answers.next, Qt.MouseButton.LeftButton, pos=answers.next.rect().center())
    page = answers.pages.currentWidget()
    heading, first_question = page.findChildren(QLabel)[:2]
    for widget in (heading, first_question, answers.first_answer(), answers.next):
        assert not widget.visibleRegion().isEmpty(), widget
    assert form.focusWidget() is answers.first_answer()


def test_adding_an_item_does_not_make_the_form_scroll_jump(qtbot: QtBot, db, detail) -> None:
    form = AgreementForm(db, detail)
    qtbot.addWidget(form)
    for _ in range(30):  # taller than the screen: the form scrolls
        form.items.add_item()
    form.remember_initial()  # closing at the end asks nothing
    form.show()
    qtbot.waitExposed(form)
    form.resize(1000, 360)
    QApplication.processEvents()
    bar = form.scroll_area.verticalScrollBar()
    form.scroll_area.ensureWidgetVisible(form.items.add, 0, 0)
    before = bar.value()
    assert before > 0  # the form is scrolled
    for _ in range(2):
        qtbot.mouseClick(form.items.add, Qt.MouseButton.LeftButton)
        QApplication.processEvents()  # the new line is laid out and drawn
    assert bar.value() == before
    assert len(form.items.items()) == 33
    form.remember_initial()


def test_what_will_be_done_is_the_widest_column_and_the_due_date_has_words(
    qtbot: QtBot, db, detail
) -> None:
    form = AgreementForm(db, detail)
    qtbot.addWidget(form)
    form.resize(1000, 600)
    form.show()
    qtbot.waitExposed(form)
    row = form.items._rows[0]
    assert row.what.width() > row.owner.width()
    assert row.what.width() > row.due.width()
    assert not form.items.findChildren(QCheckBox)  # every item has a due date, said as such
    headers = [w.text() for w in form.items.findChildren(QLabel) if w.text()]
    assert headers[:4] == ["What will be done", "Who", "Due by", "Status"]
