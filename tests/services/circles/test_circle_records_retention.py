"""Removing old records takes what circles did with them: the staff at an old circle, an old
group's agreements, a run's seats with each person's part in an old case. Today is 2026-03-10;
keeping 3 school years, everything before 1 August 2022 goes."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseRow, GroupRow
from rp_desktop.domain.circle.types import RoundPlan, TurnRecord
from rp_desktop.domain.circle_runs import CircleRunFields, SeatedPerson
from rp_desktop.domain.vocabulary import CaseStatus, CircleKind, CircleStage, GroupKind, Role
from rp_desktop.services.casework import cases
from rp_desktop.services.circles.group_agreements import group_agreements
from rp_desktop.services.circles.runs import save_circle_run
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention import removal
from tests.services.casework.test_cases import case as case_fields
from tests.services.conftest import Roster, table_count

LONG_AGO = datetime(2021, 10, 5, 14, 0, tzinfo=UTC)
WENT = ("circle_staff_attendance", "group_agreement", "run_seat", "circle_run", "meeting")


def old_run(roster: Roster, **changes: object) -> CircleRunFields:
    fields = CircleRunFields(
        seats=(
            SeatedPerson(0, "Ms D", True, staff_id=roster.counselor_id, role="keeper"),
            SeatedPerson(1, "Ana", student_id=roster.ana.id, role=Role.PERSON_HARMED.value),
            SeatedPerson(2, "Mr B", staff_id=roster.teacher_id),
        ),
        rounds=(RoundPlan(CircleStage.CHECK_IN, "One word"),),
        turns=(TurnRecord(0, 1, 0.0, 20.0, False),),
        started_at=LONG_AGO,
        ended_at=LONG_AGO + timedelta(minutes=20),
        running_seconds=1200,
        keeper_id=roster.counselor_id,
    )
    return replace(fields, **changes)  # type: ignore[arg-type]


def test_an_old_circle_and_an_old_conference_go_with_what_they_recorded(
    db: Database, roster: Roster
) -> None:
    with Session(db.engine) as session, session.begin():
        group = GroupRow(name="Advisory 2021", kind=GroupKind.ADVISORY, school_year=2021)
        session.add(group)
        session.flush()
        group_id = group.id
    agreed = ("We listen", "We pass when we need to", "We start on time")
    save_circle_run(
        db,
        old_run(
            roster,
            group_id=group_id,
            kind=CircleKind.VALUES_AND_GUIDELINES,
            group_agreements=agreed,
        ),
    )
    case = cases.open_case(db, case_fields(roster, occurred_on=date(2021, 10, 1)))
    save_circle_run(db, old_run(roster, case_id=case.id))
    with Session(db.engine) as session, session.begin():
        old = session.get(CaseRow, case.id)
        assert old is not None
        old.status, old.closed_on = CaseStatus.CLOSED, date(2021, 11, 1)
    assert len(group_agreements(db, group_id)) == 3
    assert all(table_count(db, table) > 0 for table in WENT)

    removal.purge(db, 3, confirm_counts=removal.preview_purge(db, 3).counts)

    for table in WENT:
        assert table_count(db, table) == 0, table
    assert table_count(db, "staff") == 2  # the staff themselves stay
