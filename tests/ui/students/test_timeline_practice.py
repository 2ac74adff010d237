"""A student's everyday practice (a chat, a check-in) is on their timeline, by its kind and
note, and a tick of its own takes it off; a log grown into a case opens that case."""

from datetime import timedelta

from pytestqt.qtbot import QtBot

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import PracticeFields
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.timeline import TimelineKind, TimelineShow
from rp_desktop.services.casework.cases import list_categories
from rp_desktop.services.continuum.practice import log_practice, open_case_from_practice
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import add_student
from rp_desktop.services.students.timeline import student_timeline
from rp_desktop.ui.students.timeline import StudentTimeline


def test_a_chat_and_a_check_in_are_on_the_timeline(qtbot: QtBot, db: Database) -> None:
    ana = add_student(db, StudentFields("S-1001", "Ana", "Muñoz", "", 7, "7B"))
    liam = add_student(db, StudentFields("S-1002", "Liam", "O'Brien", "", 7, "7B"))
    category_id = list_categories(db)[0].id
    today = db.today()
    chat = PracticeFields(
        PracticeKind.RESTORATIVE_CHAT,
        today - timedelta(days=2),
        minutes=5,
        note="Hallway, about the lockers",
        student_ids=(ana.id, liam.id),
    )
    chat_id = log_practice(db, chat).id
    check_in = PracticeFields(PracticeKind.CHECK_IN_OUT, today, student_ids=(ana.id,))
    log_practice(db, check_in)
    log_practice(db, PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, today, tally=4))
    case_id = open_case_from_practice(db, chat_id, category_id, "It grew.")

    entries = [e for e in student_timeline(db, ana.id) if e.kind is TimelineKind.PRACTICE]
    assert [(e.on, e.status, e.text, e.case_id) for e in entries] == [
        (today, "check_in_out", "", None),
        (today - timedelta(days=2), "restorative_chat", "Hallway, about the lockers", case_id),
    ]
    assert all(e.role is None for e in entries)  # everyday practice gives no harm role

    window = StudentTimeline(db, ana.id)
    qtbot.addWidget(window)
    rows = {
        (window.table.item(row, 1).text(), window.table.item(row, 3).text())
        for row in range(window.table.rowCount())
    }
    assert {
        ("Everyday practice", "Check-in/check-out"),
        ("Everyday practice", "Restorative chat"),
    } <= rows
    window.kinds[TimelineShow.PRACTICE].setChecked(False)
    assert TimelineKind.PRACTICE not in {e.kind for e in window.shown()}
    window.kinds[TimelineShow.PRACTICE].setChecked(True)
    opened: list[int] = []
    window.caseRequested.connect(opened.append)
    chat_row = next(i for i, e in enumerate(window.shown()) if e.record_id == chat_id)
    window.table.selectRow(chat_row)
    window._open_case()
    assert opened == [case_id]
