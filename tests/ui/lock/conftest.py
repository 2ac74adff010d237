"""What the lock's tests share: a fake monotonic clock, a school with a case and a circle, and
the main window over it."""

from datetime import date

import pytest

from rp_desktop.domain.records import CaseFields, CircleFields, ParticipantFields
from rp_desktop.domain.vocabulary import CircleKind, Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School

CASE_STORY = "Quokka-shaped eraser flung across the cafeteria"
CIRCLE_NOTE = "Talked about the marmalade festival in Zephyrhills"


class FakeMonotonic:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, minutes: float) -> None:
        self.seconds += minutes * 60


@pytest.fixture
def ticks() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def case_id(db: Database, school_db: School) -> int:
    xochitl, nou = school_db.members[0], school_db.members[1]
    circles.record_circle(
        db,
        CircleFields(
            held_on=date(2026, 3, 10),
            kind=CircleKind.COMMUNITY_BUILDING,
            group_id=school_db.advisory_id,
            purpose="Weekend check-in",
            notes=CIRCLE_NOTE,
            attendee_ids=frozenset(s.id for s in school_db.members),
        ),
    )
    case = cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 9),
            category_id=1,
            description=CASE_STORY,
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=nou.id),
                ParticipantFields(Role.PERSON_HARMED, student_id=xochitl.id),
            ),
        ),
    )
    return case.id


@pytest.fixture
def main(qtbot, db: Database, school_db: School, case_id: int, ticks: FakeMonotonic):  # type: ignore[no-untyped-def]
    window = MainWindow(db, school_db.info, idle_clock=ticks)
    qtbot.addWidget(window)
    window.show()
    window.watch_input()  # what a timer does once the window has settled
    window.show_view("tier1")
    return window
