"""The timeline window shows a closed case as its category and outcome ("Closed: Agreement
kept"), with no harm role anywhere on its rows; an open case still shows the student's role.
Riverside Middle (tests/ui/conftest.py): Xochitl Ibarra caused harm in two Tier 2 cases."""

from datetime import date

from pytestqt.qtbot import QtBot

from rp_desktop.domain.records import ParticipantFields
from rp_desktop.domain.vocabulary import ClosureReason, Role
from rp_desktop.services.casework import cases
from rp_desktop.services.casework.case_detail import close_case
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.students.timeline import StudentTimeline
from rp_desktop.ui.words.labels import label
from tests.ui.conftest import School, open_tier2_case

ROLE_WORDS = tuple(label(role) for role in Role)


def rows_of_case(window: StudentTimeline, case_id: int) -> list[list[str]]:
    table = window.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row, entry in enumerate(window.shown())
        if entry.case_id == case_id
    ]


def test_closed_by_outcome_open_by_role(qtbot: QtBot, db: Database, school_db: School) -> None:
    xochitl, nou = school_db.members[0], school_db.members[1]
    people = (
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=xochitl.id),
        ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
    )
    closed = open_tier2_case(db, *people)
    close_case(db, closed.id, ClosureReason.AGREEMENT_KEPT, date(2026, 3, 9))
    still_open = open_tier2_case(db, *people, description="Name-calling in the hallway.")
    category = cases.get_case(db, closed.id).category_name
    window = StudentTimeline(db, xochitl.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    (shut,) = rows_of_case(window, closed.id)
    assert shut[1] == "Case"
    assert shut[3] == "Closed: Agreement kept"
    assert shut[4] == category
    for cell in shut:
        for role in ROLE_WORDS:
            assert role not in cell, (cell, role)
    (working,) = rows_of_case(window, still_open.id)
    assert working[3] == "Person who caused harm"
