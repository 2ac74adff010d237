"""Saving a circle that was run: the run with its seats, rounds and turns, and the record it
makes, in one transaction: a Tier 1 circle, or a meeting on the case it was run for. One audit
event, on that record, names the run by id."""

import math
from collections.abc import Iterator, Sequence

from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaseRow,
    CircleRunRow,
    MeetingAttendeeRow,
    MeetingRow,
    RunRoundRow,
    RunSeatRow,
    TurnRow,
)
from rp_desktop.domain.circle.types import RoundPlan, Timing, TurnRecord
from rp_desktop.domain.circle_runs import CircleRunFields, SavedRun, SeatedPerson
from rp_desktop.domain.records import CircleFields
from rp_desktop.domain.validation import LONGEST_CIRCLE_MINUTES
from rp_desktop.domain.vocabulary import AuditAction, CircleStatus
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import load_case
from rp_desktop.services.circles.records import add_circle
from rp_desktop.services.safekeeping.database import Database


def save_circle_run(db: Database, fields: CircleRunFields) -> SavedRun:
    """Save the run and its record; nothing is saved if any part fails."""
    with Session(db.engine) as session, session.begin():
        run = _add_run(session, fields)
        circle_id = meeting_id = None
        if fields.case_id is None:
            circle = add_circle(session, db, _circle_fields(db, fields), f"run={run.id}")
            run.community_circle_id = circle_id = circle.id
        else:
            meeting = _add_meeting(session, db, fields, run.id)
            run.meeting_id = meeting_id = meeting.id
        return SavedRun(run.id, circle_id, meeting_id, fields.case_id)


def minutes_of(running_seconds: float) -> int:
    """A circle's length in whole minutes for its record: at least one, at most the longest."""
    return min(max(1, math.ceil(running_seconds / 60)), LONGEST_CIRCLE_MINUTES)


def _add_run(session: Session, fields: CircleRunFields) -> CircleRunRow:
    run = CircleRunRow(
        plan_id=fields.plan_id,
        group_id=fields.group_id,
        talking_piece=fields.talking_piece,
        started_at=fields.started_at,
        ended_at=fields.ended_at,
    )
    seats = _seats(fields.seats)
    run.seats = list(seats.values())
    run.rounds = _rounds(fields.rounds)
    session.add(run)
    session.flush()
    session.add_all(_turns(run.id, fields.turns, seats))
    session.flush()
    return run


def _seats(people: Sequence[SeatedPerson]) -> dict[int, RunSeatRow]:
    """A seat for each person, in the order they sat, by the engine's seat key."""
    return {
        person.key: RunSeatRow(
            position=position,
            student_id=person.student_id,
            staff_id=person.staff_id,
            label=person.label,
            is_keeper=person.is_keeper,
        )
        for position, person in enumerate(people)
    }


def _rounds(plans: Sequence[RoundPlan]) -> list[RunRoundRow]:
    return [
        RunRoundRow(
            number=number,
            stage=plan.stage,
            prompt_text=plan.prompt,
            timing=plan.timing,
            budget_seconds=None if plan.timing is Timing.NONE else _whole(plan.seconds),
        )
        for number, plan in enumerate(plans)
    ]


def _turns(
    run_id: int, turns: Sequence[TurnRecord], seats: dict[int, RunSeatRow]
) -> Iterator[TurnRow]:
    """The turns, each pointing at its seat (saved, so it has an id)."""
    for turn in turns:
        yield TurnRow(
            run_id=run_id,
            round_number=turn.round_index,
            seat_id=seats[turn.seat_key].id,
            start_offset_ms=round(turn.start * 1000),
            duration_ms=round(turn.duration * 1000),
            passed=turn.passed,
        )


def _circle_fields(db: Database, fields: CircleRunFields) -> CircleFields:
    return CircleFields(
        held_on=fields.started_at.astimezone().date(),
        status=CircleStatus.HELD,
        kind=fields.kind,
        group_id=fields.group_id,
        keeper_id=fields.keeper_id,
        purpose=fields.purpose[:200],
        duration_minutes=minutes_of(fields.running_seconds),
        attendee_ids=frozenset(p.student_id for p in fields.seats if p.student_id is not None),
    )


def _add_meeting(
    session: Session, db: Database, fields: CircleRunFields, run_id: int
) -> MeetingRow:
    assert fields.case_id is not None
    case = load_case(session, fields.case_id)  # or CaseNotFound
    meeting = MeetingRow(
        case_id=fields.case_id,
        kind=fields.meeting_kind,
        held_on=fields.started_at.astimezone().date(),
        facilitator_id=fields.keeper_id,
        duration_minutes=minutes_of(fields.running_seconds),
    )
    session.add(meeting)
    session.flush()
    attendees = _seated_participants(case, fields)
    session.add_all(
        MeetingAttendeeRow(meeting_id=meeting.id, participant_id=participant_id)
        for participant_id in attendees
    )
    detail = f"case={fields.case_id} attendees={len(attendees)} run={run_id}"
    record_event(session, db, AuditAction.CREATE, "meeting", meeting.id, detail)
    return meeting


def _seated_participants(case: CaseRow, fields: CircleRunFields) -> set[int]:
    """The case's participants who sat in the circle: its students and staff, matched by who
    they are (someone named only in the case, a parent, has no seat to match)."""
    students = {p.student_id for p in fields.seats if p.student_id is not None}
    staff = {p.staff_id for p in fields.seats if p.staff_id is not None}
    return {
        participant.id
        for participant in case.participants
        if participant.student_id in students or participant.staff_id in staff
    }


def _whole(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds)
