"""Saving a circle that was run: the run with its seats, rounds and turns, and the record it
makes, in one transaction: a Tier 1 circle, or a meeting on the case it was run for. One audit
event, on that record, names the run by id."""

import math
from collections.abc import Iterator, Mapping, Sequence

from sqlalchemy.orm import Session

from rp_desktop.db.models import CircleRunRow, RunRoundRow, RunSeatRow, TurnRow
from rp_desktop.domain.circle.types import RoundPlan, Timing, TurnRecord
from rp_desktop.domain.circle_runs import CircleRunFields, SavedRun, SeatedPerson
from rp_desktop.domain.records import CircleFields
from rp_desktop.domain.validation import (
    LONGEST_CIRCLE_MINUTES,
    FieldProblem,
    InvalidInput,
    Problem,
)
from rp_desktop.domain.vocabulary import CircleStatus
from rp_desktop.services.circles.group_agreements import add_group_agreements
from rp_desktop.services.circles.records import add_circle
from rp_desktop.services.circles.run_meeting import add_run_meeting
from rp_desktop.services.safekeeping.database import Database


def save_circle_run(db: Database, fields: CircleRunFields) -> SavedRun:
    """Save the run and its record; nothing is saved if any part fails (InvalidInput says
    what, CaseNotFound when the case is gone)."""
    with Session(db.engine) as session, session.begin():
        run = _add_run(session, fields)
        circle_id = meeting_id = None
        minutes = minutes_of(fields.running_seconds)
        if fields.case_id is None:
            circle_id = _add_circle(session, db, fields, run.id)
            run.community_circle_id = circle_id
        else:
            meeting = add_run_meeting(session, db, fields, run.id, minutes)
            run.meeting_id = meeting_id = meeting.id
        return SavedRun(run.id, circle_id, meeting_id, fields.case_id)


def _add_circle(session: Session, db: Database, fields: CircleRunFields, run_id: int) -> int:
    """The Tier 1 circle the run records, and the group's agreements made in it."""
    if fields.agreement:  # items of a case's agreement, with no case
        raise InvalidInput([FieldProblem("agreement", Problem.NOT_IN_CASE)])
    circle_fields = circle_fields_of(fields)
    circle = add_circle(session, db, circle_fields, f"run={run_id}")
    assert circle_fields.held_on is not None
    add_group_agreements(
        session, db, fields.group_id, circle.id, circle_fields.held_on, fields.group_agreements
    )
    return circle.id


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
    run.rounds = _rounds(fields.rounds, {key: seat.position for key, seat in seats.items()})
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
            caregiver_id=person.caregiver_id,
            label=person.label,
            is_keeper=person.is_keeper,
            role=person.role,
        )
        for position, person in enumerate(people)
    }


def _rounds(plans: Sequence[RoundPlan], positions: Mapping[int, int]) -> list[RunRoundRow]:
    """The rounds as run; a directed round keeps the roles it went to, or its seats by their
    place in the ring (a seat key is the engine's, a position the record's)."""
    return [
        RunRoundRow(
            number=number,
            stage=plan.stage,
            prompt_text=plan.prompt,
            timing=plan.timing,
            budget_seconds=None if plan.timing is Timing.NONE else _whole(plan.seconds),
            to_roles=",".join(plan.to_roles),
            to_seats=",".join(str(positions[key]) for key in plan.to_seats if key in positions),
            second_text=plan.second_prompt,
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


def circle_fields_of(fields: CircleRunFields) -> CircleFields:
    """The Tier 1 record of a run: the students who sat and were not marked absent, the staff
    who sat (the keeper among them when seated), and every other adult as a count: a parent,
    a caregiver, a guest (the record of a Tier 1 circle names no family)."""
    seats = fields.seats
    students = {p.student_id for p in seats if p.student_id is not None}
    return CircleFields(
        held_on=fields.started_at.astimezone().date(),
        status=CircleStatus.HELD,
        kind=fields.kind,
        group_id=fields.group_id,
        keeper_id=fields.keeper_id,
        purpose=fields.purpose[:200],
        duration_minutes=minutes_of(fields.running_seconds),
        attendee_ids=frozenset(students - fields.absent_student_ids),
        staff_ids=frozenset(p.staff_id for p in seats if p.staff_id is not None),
        guests=sum(1 for p in seats if p.student_id is None and p.staff_id is None),
    )


def _whole(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds)
