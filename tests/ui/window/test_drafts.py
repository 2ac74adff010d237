"""Drafts as the user types: kept after a pause, left behind when the app dies, offered back at
the next start with every value, gone once saved or discarded, and a full disk said plainly."""

import logging
import sqlite3
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from sqlalchemy.exc import OperationalError

from rp_desktop import app
from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import MeetingKind, Role, Tier
from rp_desktop.services import drafts
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.case.meeting_form import MeetingForm
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.students.form import StudentForm
from rp_desktop.ui.window.drafts import DraftsDialog
from rp_desktop.ui.window.main_window import MainWindow
from rp_desktop.ui.window.reopening import reopen_draft
from tests.ui.conftest import School, type_text

YEAR = 2025


def pause(qtbot, form: RecordForm) -> None:  # type: ignore[no-untyped-def]
    """The user stops typing: the debounce timer, started by the typing, runs out now."""
    assert form.draft.timer.isActive()
    form.draft.timer.setInterval(0)
    form.draft.timer.start()
    with qtbot.waitSignal(form.draft.timer.timeout, timeout=5000):
        pass


def kill(form: RecordForm) -> None:
    """The app dies: the form goes without being saved, cancelled or closed."""
    shiboken6.delete(form)


def new_case_form(window: MainWindow) -> CaseForm:
    window.show_view("tier2")
    window.tier2.new_record()
    return window.tier2.findChildren(CaseForm)[-1]


def add_student(form: CaseForm, search: str, role: Role) -> None:
    type_text(form.people.student_picker.search, search)
    form.people.student_picker.search.returnPressed.emit()
    select_data(form.people._rows[-1].role, role)


@pytest.fixture
def case_id(db: Database, school_db: School) -> int:
    nou, dariusz = school_db.members[1], school_db.members[2]
    return cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Shoving at the lockers.",
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
                ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
                ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
            ),
        ),
    ).id


def test_a_student_form_keeps_a_draft_after_a_pause_and_saving_deletes_it(
    qtbot, window: MainWindow, db: Database
) -> None:
    window.students.new_record()
    form = window.students.findChildren(StudentForm)[-1]
    type_text(form.first_name, "Wilhelmina")
    assert drafts.list_drafts(db) == []  # nothing is written while the user is typing
    pause(qtbot, form)
    [draft] = drafts.list_drafts(db)
    assert (draft.form, draft.label, draft.record_id) == ("student", "New student", None)
    assert draft.fields["values"]["first_name"] == "Wilhelmina"
    assert "Wilhelmina" not in draft.label

    type_text(form.student_number, "700999")
    type_text(form.last_name, "Okonkwo-Baptiste")
    select_data(form.grade, 7)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert drafts.list_drafts(db) == []


def test_a_case_form_left_by_a_crash_comes_back_whole(
    qtbot, window: MainWindow, db: Database
) -> None:
    form = new_case_form(window)
    form.occurred_on.setDate(QDate(2026, 3, 6))
    form.place.setCurrentText("By the vending machines")
    form.category.setCurrentIndex(2)
    type_text(form.description, "Seat argument at lunch turned into pushing.")
    add_student(form, "xiong", Role.PERSON_HARMED)
    type_text(form.people.other_name, "Grandmother of Nou")
    qtbot.mouseClick(form.people.add_other, Qt.MouseButton.LeftButton)
    select_data(form.people._rows[-1].role, Role.SUPPORTER)
    typed = form.values()
    pause(qtbot, form)
    kill(form)

    [draft] = drafts.list_drafts(db)
    assert draft.label == "New Tier 2 case"
    restored = reopen_draft(window, db, YEAR, draft)
    qtbot.addWidget(restored)
    assert isinstance(restored, CaseForm)
    assert restored.values() == typed
    assert [r.name.text() for r in restored.people._rows] == ["Nou Xiong", "Grandmother of Nou"]
    assert restored.is_changed()  # closing it would ask first

    saved: list[int] = []
    restored.saved.connect(saved.append)
    restored.accept()
    assert drafts.list_drafts(db) == []
    case = cases.get_case(db, saved[0])
    assert case.fields.place == "By the vending machines"
    assert [p.fields.role for p in case.participants] == [Role.PERSON_HARMED, Role.SUPPORTER]


def test_an_edited_case_comes_back_with_its_people_as_drafted(
    qtbot, db: Database, case_id: int
) -> None:
    case = cases.get_case(db, case_id)
    form = CaseForm(db, Tier.TARGETED, case)  # killed below, so not handed to qtbot
    form.people._remove(form.people._rows[0])  # Dariusz taken off
    type_text(form.people.other_name, "Yer Xiong (grandmother)")
    form.people.add_other.click()
    type_text(form.description, " A phone was broken.")
    typed = form.values()
    pause(qtbot, form)
    kill(form)

    [draft] = drafts.list_drafts(db)
    assert (draft.record_id, draft.label) == (case_id, f"Tier 2 case {case_id}")
    restored = reopen_draft(None, db, YEAR, draft)
    qtbot.addWidget(restored)
    assert restored.values() == typed
    assert len(restored.people.participants()) == 3
    assert restored.is_changed()
    restored.accept()
    assert [p.display_name for p in cases.get_case(db, case_id).participants] == [
        "Nou Xiong",
        "Marisol Quintero",
        "Yer Xiong (grandmother)",
    ]
    assert drafts.list_drafts(db) == []


def test_a_meeting_draft_brings_back_who_came_their_summaries_and_kept_answers(
    qtbot, db: Database, case_id: int
) -> None:
    window = CaseWindow(db, case_id, school_name="Riverside Middle School")
    qtbot.addWidget(window)
    form = window.new_meeting()
    assert isinstance(form, MeetingForm)
    select_data(form.kind, MeetingKind.REPAIR_HARM_CIRCLE)
    people = {p.fields.role: p for p in window.detail.case.participants}
    came = [people[Role.PERSON_WHO_CAUSED_HARM], people[Role.PERSON_HARMED]]
    for row in range(form.attendees.count()):
        if form.attendees.item(row).data(Qt.ItemDataRole.UserRole) in {p.id for p in came}:
            form.attendees.item(row).setCheckState(Qt.CheckState.Checked)
    type_text(form.answers._summary(came[1].id), "Wants space at lunch — ¡gracias!")
    form.answers.keep.setChecked(True)  # the facilitator keeps the answers word for word
    answer = form.answers._edit(came[0], RestorativeQuestion.WHAT_HAPPENED)
    type_text(answer, "I pushed him — lo siento.")
    type_text(form.notes, "Both calmer by the end.")
    typed = form.values()
    assert len(typed.answers) == 1
    assert typed.keep_answers
    assert typed.summaries == ((came[1].id, "Wants space at lunch — ¡gracias!"),)
    pause(qtbot, form)
    kill(form)

    [draft] = drafts.list_drafts(db)
    assert draft.label == f"New meeting, case {case_id}"
    restored = reopen_draft(window, db, YEAR, draft)
    assert isinstance(restored, MeetingForm)
    assert restored.values() == typed
    assert restored.answers.people.count() == 2  # their pages are back, in speaking order


def test_the_next_start_offers_the_draft_and_restores_it(
    qtbot, window: MainWindow, db: Database, db_path: Path, monkeypatch
) -> None:
    window.students.new_record()
    form = window.students.findChildren(StudentForm)[-1]
    type_text(form.first_name, "Wilhelmina")
    pause(qtbot, form)
    kill(form)
    window.close()
    db.close()  # the app died; now it starts again

    offered: list[list[str]] = []

    def ask(_db: Database, found: list[drafts.Draft], _parent: object = None) -> list[drafts.Draft]:
        offered.append([d.label for d in found])
        return found

    monkeypatch.setattr(DraftsDialog, "ask", staticmethod(ask))
    started = app.main(db_path, exec=False)
    assert isinstance(started, MainWindow)
    qtbot.addWidget(started)
    try:
        assert offered == [["New student"]]
        [restored] = started.findChildren(StudentForm)
        assert restored.isVisible()
        assert restored.first_name.text() == "Wilhelmina"
    finally:
        started.database.close()


def test_no_offer_when_there_are_no_drafts(
    qtbot, db: Database, school_db: School, db_path: Path, monkeypatch
) -> None:
    db.close()
    monkeypatch.setattr(DraftsDialog, "ask", staticmethod(lambda *_: pytest.fail("offered")))
    started = app.main(db_path, exec=False)
    assert isinstance(started, MainWindow)
    qtbot.addWidget(started)
    started.database.close()


def test_the_offer_restores_discards_after_asking_or_waits(
    qtbot, db: Database, clock, monkeypatch
) -> None:
    drafts.save_draft(db, "student:new:1", "student", None, "New student", {"values": {}})
    clock.advance(minutes=3)
    drafts.save_draft(db, "case:new:2", "case", None, "New Tier 3 case", {"values": {}})
    dialog = DraftsDialog(db, drafts.list_drafts(db))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert dialog.list.item(0).text().startswith("New Tier 3 case — last typed ")
    assert len(dialog.selected()) == 2  # all chosen at first

    answers = iter([False, True])
    monkeypatch.setattr(dialogs, "confirm", lambda *_: next(answers))
    dialog.list.clearSelection()
    dialog.list.item(0).setSelected(True)
    dialog.discard_selected()  # "Keep it"
    assert len(drafts.list_drafts(db)) == 2
    dialog.discard_selected()  # "Discard"
    assert [d.key for d in drafts.list_drafts(db)] == ["student:new:1"]
    assert dialog.list.count() == 1

    dialog.list.selectAll()
    dialog.restore_selected()
    assert [d.key for d in dialog.chosen] == ["student:new:1"]
    later = DraftsDialog(db, drafts.list_drafts(db))
    qtbot.addWidget(later)
    later.later_button.click()
    assert later.chosen == []
    assert len(drafts.list_drafts(db)) == 1  # Later keeps it for the next start


def test_undoing_every_change_or_discarding_forgets_the_draft(
    qtbot, window: MainWindow, db: Database, monkeypatch
) -> None:
    window.students.new_record()
    form = window.students.findChildren(StudentForm)[-1]
    type_text(form.homeroom, "7-Blue")
    pause(qtbot, form)
    assert len(drafts.list_drafts(db)) == 1
    form.homeroom.clear()
    pause(qtbot, form)
    assert drafts.list_drafts(db) == []

    type_text(form.homeroom, "7-Green")
    pause(qtbot, form)
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: True)
    form.reject()
    assert not form.isVisible()
    assert drafts.list_drafts(db) == []


def test_a_form_only_being_read_keeps_no_draft(qtbot, db: Database, school_db: School) -> None:
    form = StudentForm(db, school_db.members[0])
    qtbot.addWidget(form)
    form.set_read_only(True)
    form.homeroom.setText("changed by the program")
    assert not form.draft.timer.isActive()
    form.draft.save_now()
    assert drafts.list_drafts(db) == []


def test_a_full_disk_while_typing_is_said_plainly_and_the_text_stays(
    qtbot, window: MainWindow, db: Database, monkeypatch, caplog
) -> None:
    def full(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(drafts, "save_draft", full)
    window.students.new_record()
    form = window.students.findChildren(StudentForm)[-1]
    with caplog.at_level(logging.ERROR):
        type_text(form.first_name, "Wilhelmina")
        pause(qtbot, form)
        type_text(form.last_name, "Okonkwo")
        pause(qtbot, form)
    assert not form.draft.notice.isHidden()
    assert form.draft.notice.text() == (
        "Your draft could not be saved: the disk is full. What you typed is still here."
    )
    assert form.first_name.text() == "Wilhelmina"
    assert caplog.text.count("saving a draft failed") == 1  # once, not at every pause
    assert "Wilhelmina" not in caplog.text
    assert "disk is full" not in caplog.text  # the driver's message is not logged


def test_a_save_that_finds_the_disk_full_keeps_the_form_and_the_draft(
    qtbot, window: MainWindow, db: Database, monkeypatch
) -> None:
    window.students.new_record()
    form = window.students.findChildren(StudentForm)[-1]
    type_text(form.student_number, "700998")
    type_text(form.first_name, "Wilhelmina")
    type_text(form.last_name, "Okonkwo")
    select_data(form.grade, 6)
    pause(qtbot, form)

    def full(*_args: object, **_options: object) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    told: list[object] = []
    monkeypatch.setattr(students, "add_student", full)
    monkeypatch.setattr(drafts, "save_draft", full)
    monkeypatch.setattr(dialogs, "show_disk_full", told.append)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert told == [form]
    assert form.isVisible()
    assert form.first_name.text() == "Wilhelmina"
    [draft] = drafts.list_drafts(db)
    assert draft.fields["values"]["last_name"] == "Okonkwo"


def test_the_disk_full_message_is_plain(monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    dialogs.show_disk_full(None)
    assert shown == [
        "The disk is full, so this was not saved. Free some space and press Save again; "
        "what you typed is still here."
    ]


def test_a_file_size_limit_keeps_the_earlier_draft_and_the_text(
    qtbot, window: MainWindow, db: Database, db_path: Path
) -> None:
    """A real refusal from the operating system: the largest file the process may write is
    set just above the database's files, then a long description is saved as a draft."""
    import resource

    form = new_case_form(window)
    type_text(form.description, "Seat argument at lunch.")
    pause(qtbot, form)
    long_text = "Notes from the hallway, kept word for word. " * 8000  # about 350 KB
    form.description.setPlainText(long_text)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    limit = max(p.stat().st_size for p in db_path.parent.iterdir() if p.is_file()) + 8192
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        form.draft.save_now()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert not form.draft.notice.isHidden()
    # SQLite reports the refused write as "disk I/O error"; with a file-size limit on the
    # process that means no room, and the notice says so.
    assert form.draft.notice.text() == (
        "Your draft could not be saved: the disk is full. What you typed is still here."
    )
    assert form.description.toPlainText() == long_text
    [draft] = drafts.list_drafts(db)
    assert draft.fields["values"]["description"] == "Seat argument at lunch."
    form.draft.save_now()  # space again: the next save goes through and the notice goes
    assert form.draft.notice.isHidden()
    assert drafts.list_drafts(db)[0].fields["values"]["description"] == long_text


FORMS = (
    "student",
    "case",
    "circle",
    "prompt",
    "meeting",
    "preparation",
    "agreement",
    "support_plan",
    "progress",
    "re_entry",
    "follow_up",
    "tier_change",
    "close_case",
)


@pytest.mark.parametrize("kind", FORMS)
def test_every_form_keeps_a_draft_that_reopens_as_the_same_form(
    qtbot, db: Database, case_id: int, school_db: School, kind: str
) -> None:
    form = _new_form(db, case_id, school_db, kind)
    qtbot.addWidget(form)
    text = next(
        (w for w in form.fields.values() if isinstance(w, QLineEdit | QPlainTextEdit)), None
    )
    if text is not None:
        type_text(text, "Typed before the power cut")
    else:  # closing a case: only choices
        form.fields["closure_reason"].setCurrentIndex(2)  # type: ignore[attr-defined]
    if kind == "agreement":
        type_text(form.items._rows[0].what, "Repair the locker door")  # type: ignore[attr-defined]
        form.items.add_item()  # type: ignore[attr-defined]
        form.items._rows[1].due.setDate(QDate(2026, 3, 20))  # type: ignore[attr-defined]
    if kind == "circle":  # the advisory, all ticked, then one of them away
        select_data(form.group, school_db.advisory_id)  # type: ignore[attr-defined]
        form.attendance.students.item(1).setCheckState(Qt.CheckState.Unchecked)  # type: ignore[attr-defined]
        assert len(form.values().attendee_ids) == 3
    assert form.draft.timer.isActive()
    form.draft.save_now()
    [draft] = drafts.list_drafts(db)
    assert draft.form == kind
    assert "Typed" not in draft.label
    restored = reopen_draft(None, db, YEAR, draft)
    qtbot.addWidget(restored)
    assert type(restored) is type(form)
    assert restored.values() == form.values()
    assert restored.draft.key == draft.key  # it goes on replacing the same draft


def _new_form(db: Database, case_id: int, school_db: School, kind: str) -> RecordForm:
    from rp_desktop.domain.casework.support_plans import SupportPlanFields
    from rp_desktop.services.casework import case_detail as casework
    from rp_desktop.services.casework import support_plans
    from rp_desktop.ui.case.agreement_form import AgreementForm
    from rp_desktop.ui.case.step_forms import CloseCaseForm, FollowUpForm, TierChangeForm
    from rp_desktop.ui.case.support_plan_forms import ProgressForm, ReEntryForm, SupportPlanForm
    from rp_desktop.ui.circles.form import CircleForm
    from rp_desktop.ui.preparation.form import PreparationForm
    from rp_desktop.ui.run_circle.prompts import PromptForm

    detail = casework.get_case_detail(db, case_id)
    makers = {
        "student": lambda: StudentForm(db),
        "case": lambda: CaseForm(db, Tier.INTENSIVE),
        "circle": lambda: CircleForm(db, school_year=YEAR),
        "prompt": lambda: PromptForm(db, None),
        "meeting": lambda: MeetingForm(db, detail),
        "preparation": lambda: PreparationForm(db, detail, detail.case.participants[0].id),
        "agreement": lambda: AgreementForm(db, detail),
        "support_plan": lambda: SupportPlanForm(db, detail),
        "re_entry": lambda: ReEntryForm(db, detail),
        "follow_up": lambda: FollowUpForm(db, detail),
        "tier_change": lambda: TierChangeForm(db, detail),
        "close_case": lambda: CloseCaseForm(db, detail),
    }
    if kind == "progress":
        plan = support_plans.save_support_plan(
            db,
            SupportPlanFields(school_db.members[1].id, "Calm lunches", start_on=date(2026, 3, 9)),
            case_id=case_id,
        )
        return ProgressForm(db, plan)
    return makers[kind]()
