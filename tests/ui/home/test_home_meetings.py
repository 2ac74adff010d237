"""Home's This week card shows the case meetings coming up and those not marked held, by kind,
day, time, case number and category: never a student's name. Enter or a double-click opens the
case. Today is Tuesday 2026-03-10 (the fake clock)."""

from datetime import date, time

from PySide6.QtCore import Qt

from rp_desktop.domain.casework.records import MeetingFields
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.records import ParticipantFields
from rp_desktop.domain.vocabulary import MeetingKind, Role
from rp_desktop.services.casework import meetings
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.home.tab import HomeTab
from rp_desktop.ui.preparation.meetings_panel import short_day
from rp_desktop.ui.words.formatting import format_time
from tests.ui.conftest import School, open_tier2_case
from tests.ui.home.test_home_tab import double_click, recorder, texts


def test_meetings_coming_up_and_those_not_marked(qtbot, db: Database, school_db: School) -> None:
    nou, dariusz = school_db.members[1], school_db.members[2]
    case = open_tier2_case(
        db,
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
        ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
    )
    planned = MeetingStatus.PLANNED
    for kind, on, at in (
        (MeetingKind.FORMAL_CONFERENCE, date(2026, 3, 12), time(10, 30)),
        (MeetingKind.PRE_CONFERENCE, date(2026, 3, 9), None),
    ):
        meetings.record_meeting(db, case.id, MeetingFields(kind, on, status=planned, starts_at=at))
    tab = HomeTab(db)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()

    lines = texts(tab.week)
    category = case.category_name
    assert lines[:2] == [
        f"Was this held? Meeting · Pre-conference · {short_day(date(2026, 3, 9))}\n"
        f"Case {case.id} · {category}",
        f"Meeting · Formal conference · {short_day(date(2026, 3, 12))} "
        f"{format_time(time(10, 30))}\nCase {case.id} · {category}",
    ]
    for line in lines:
        for student in school_db.members:
            assert student.first_name not in line
            assert student.last_name not in line
    opened = recorder(tab.caseOpenRequested)
    double_click(qtbot, tab.week.lines, 1)
    assert opened == [case.id]
    tab.week.lines.setFocus()
    tab.week.lines.setCurrentRow(0)
    qtbot.keyClick(tab.week.lines, Qt.Key.Key_Return)
    assert opened == [case.id, case.id]
