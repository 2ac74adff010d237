"""The sample school's preparation and scheduled meetings: a pre-conference checklist for each
person before every repair-harm circle, conference and re-entry circle held (the process
explained, willing to meet, consent a few days before, a few safety concerns, supporters
chosen), so that every meeting held keeps the consent rule; a few meetings planned on open cases
over the next two weeks (and one whose day passed unmarked), some with the person harmed still
to be asked or choosing a letter or a go-between; and some meetings cancelled in the past, each
with its reason."""

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlalchemy import Connection, insert, select

from rp_desktop.db.models import (
    CaseParticipantRow,
    CaseRow,
    MeetingAttendeeRow,
    MeetingRow,
    PreparationRow,
    StaffRow,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus, Willingness
from rp_desktop.domain.continuum.preparation import NEEDS_CONSENT
from rp_desktop.domain.vocabulary import CaseStatus, MeetingKind, Role, StaffRole
from rp_desktop.services.demo.continuum.school import ContinuumSchool

W = Willingness
# Who is prepared: the people who take part, not the staff running the meeting.
PREPARED_ROLES = frozenset(set(Role) - {Role.STAFF, Role.FACILITATOR})
SAFETY_CONCERNS = (
    "Not on the same bus home until this is settled",
    "Sit apart at lunch for now",
    "Worried about comments online; the counselor checks in daily",
    "Wants an adult beside them the whole time",
)
SUPPORTERS = ("A parent", "An older sister", "A grandparent", "A friend from class",
              "Their advisory teacher", "The coach", "An aunt")  # fmt: skip
NOTES = ("", "", "", "Prefers to speak second", "Asked for a short meeting",
         "Would like to bring a written statement")  # fmt: skip
# A person harmed's choice before a meeting still ahead: some not asked yet, some indirect.
AHEAD_CHOICES = (W.WILLING, W.NOT_ASKED, W.INDIRECT_LETTER, W.INDIRECT_GO_BETWEEN)
AHEAD_WEIGHTS = (55, 20, 15, 10)
RECENT_DAYS = 120  # a meeting is planned on an open case of the last few months
PLANNED_SHARE = 0.7  # of those cases (two at least, MOST_PLANNED at most)
MOST_PLANNED = 8
CANCELLED_SHARE = 0.04  # of the cases, a meeting called off
CANCEL_REASONS = (
    "A student was absent that day",
    "The family could not come that day",
    "School closed for snow",
    "Moved after the testing week",
    "The person harmed asked for more time",
    "The facilitator was out sick",
)
START_TIMES = tuple(time(h, m) for h in range(8, 16) for m in (0, 15, 30, 45))


@dataclass
class _Case:
    id: int
    occurred_on: date
    closed_on: date | None
    people: dict[int, Role] = field(default_factory=dict)  # participant id: role
    consent_meetings: list[date] = field(default_factory=list)  # held, needing consent
    pre_conference_sides: set[int] = field(default_factory=set)


def add_preparation(school: ContinuumSchool) -> dict[str, int]:
    rng = school.rng("preparation")
    cases = _cases(school.connection)
    prepared: dict[int, dict[str, object]] = {}
    for case in cases.values():
        if case.consent_meetings:
            first = min(case.consent_meetings)
            for pid, role in case.people.items():
                if role in PREPARED_ROLES:
                    prepared[pid] = _held_preparation(rng, case, first, pid)
    planned = _planned(school, rng, cases, prepared)
    cancelled = _cancelled(school, rng, cases)
    attendees = _insert(school.connection, prepared.values(), planned + cancelled)
    return {
        "preparations": len(prepared),
        "planned_meetings": len(planned),
        "meetings": len(planned) + len(cancelled),
        "meeting_attendees": attendees,
    }


def _cases(connection: Connection) -> dict[int, _Case]:
    cases = {
        cid: _Case(cid, on, closed_on if status == CaseStatus.CLOSED else None)
        for cid, on, status, closed_on in connection.execute(
            select(CaseRow.id, CaseRow.occurred_on, CaseRow.status, CaseRow.closed_on).order_by(
                CaseRow.id
            )
        )
    }
    for pid, cid, role in connection.execute(
        select(CaseParticipantRow.id, CaseParticipantRow.case_id, CaseParticipantRow.role).order_by(
            CaseParticipantRow.id
        )
    ):
        cases[cid].people[pid] = Role(role)
    for cid, kind, on in connection.execute(
        select(MeetingRow.case_id, MeetingRow.kind, MeetingRow.held_on)
        .where(MeetingRow.status == MeetingStatus.HELD)
        .order_by(MeetingRow.id)
    ):
        if MeetingKind(kind) in NEEDS_CONSENT:
            cases[cid].consent_meetings.append(on)
    for cid, pid in connection.execute(
        select(MeetingRow.case_id, MeetingAttendeeRow.participant_id)
        .join(MeetingAttendeeRow, MeetingAttendeeRow.meeting_id == MeetingRow.id)
        .where(MeetingRow.kind == MeetingKind.PRE_CONFERENCE)
    ):
        cases[cid].pre_conference_sides.add(pid)
    return cases


def _held_preparation(
    rng: random.Random, case: _Case, meeting: date, pid: int
) -> dict[str, object]:
    """Before a meeting that was held (everyone came): explained, willing, consent a few days
    before it, never before the case."""
    consent = max(case.occurred_on, meeting - timedelta(days=rng.randint(1, 4)))
    return _row(rng, pid, consent, W.WILLING, explained=True)


def _row(
    rng: random.Random, pid: int, consent: date | None, choice: Willingness, *, explained: bool
) -> dict[str, object]:
    chose_supporters = rng.random() < 0.6
    return {
        "participant_id": pid,
        "met_on": consent,
        "explained": explained,
        "willingness": choice,
        "safety_concerns": rng.choice(SAFETY_CONCERNS) if rng.random() < 0.08 else "",
        "supporters_chosen": chose_supporters,
        "supporters": rng.choice(SUPPORTERS) if chose_supporters else "",
        "consent_on": consent if choice not in (W.NOT_ASKED, W.NOT_WILLING) else None,
        "note": rng.choice(NOTES),
    }


def _planned(
    school: ContinuumSchool,
    rng: random.Random,
    cases: dict[int, _Case],
    prepared: dict[int, dict[str, object]],
) -> list[dict[str, object]]:
    """A few meetings planned on open cases over the next two weeks, the first one's day
    already passed without it being marked held."""
    today = school.today
    recent = [
        c
        for c in cases.values()
        if c.closed_on is None
        and c.occurred_on >= today - timedelta(days=RECENT_DAYS)
        and _taking_part(c)
    ]
    many = min(MOST_PLANNED, max(2, int(len(recent) * PLANNED_SHARE)), len(recent))
    chosen = rng.sample(recent, many)
    facilitators = _facilitators(school.connection)
    meetings: list[dict[str, object]] = []
    for number, case in enumerate(chosen):
        if number == 0:  # its day has passed, and nobody marked it: "Was this held?"
            on = _school_day(today - timedelta(days=1), back=True)
        else:  # the next two in the coming week (Home shows them), the rest in two weeks
            on = _school_day(today + timedelta(days=rng.randint(1, 6 if number < 3 else 13)))
        kind = _planned_kind(rng, case)
        if kind in NEEDS_CONSENT:
            _prepare_ahead(rng, case, min(on, today), prepared)
        meetings.append(_meeting(case, kind, max(on, case.occurred_on), MeetingStatus.PLANNED,
                                 rng.choice(START_TIMES), rng.choice(facilitators)))  # fmt: skip
    return meetings


def _planned_kind(rng: random.Random, case: _Case) -> MeetingKind:
    both = (Role.PERSON_HARMED, Role.PERSON_WHO_CAUSED_HARM)
    sides = {p for p, r in case.people.items() if r in both}
    if sides and sides <= case.pre_conference_sides:
        return MeetingKind.FORMAL_CONFERENCE
    return rng.choice((MeetingKind.REPAIR_HARM_CIRCLE, MeetingKind.AGREEMENT_FOLLOW_UP))


def _prepare_ahead(
    rng: random.Random, case: _Case, before: date, prepared: dict[int, dict[str, object]]
) -> None:
    """A meeting still ahead: the person harmed's choice as it stands, the others mostly
    willing; anyone prepared already for a meeting held keeps that."""
    for pid, role in case.people.items():
        if role not in PREPARED_ROLES or pid in prepared:
            continue
        harmed = role is Role.PERSON_HARMED
        choice = rng.choices(AHEAD_CHOICES, AHEAD_WEIGHTS)[0] if harmed else W.WILLING
        consent = max(case.occurred_on, before - timedelta(days=rng.randint(0, 3)))
        asked = choice is not W.NOT_ASKED
        prepared[pid] = _row(rng, pid, consent if asked else None, choice, explained=asked)


def _cancelled(
    school: ContinuumSchool, rng: random.Random, cases: dict[int, _Case]
) -> list[dict[str, object]]:
    """Meetings called off in the past, on a few cases, each with its reason."""
    today = school.today
    facilitators = _facilitators(school.connection)
    meetings = []
    for case in cases.values():
        if rng.random() >= CANCELLED_SHARE or case.occurred_on >= today - timedelta(days=2):
            continue
        if not _taking_part(case):
            continue
        last = min(today - timedelta(days=1), case.closed_on or today)
        span = (last - case.occurred_on).days
        if span < 1:
            continue
        day = _school_day(case.occurred_on + timedelta(days=rng.randint(1, min(span, 20))))
        on = day if day <= last else last
        row = _meeting(case, MeetingKind.AGREEMENT_FOLLOW_UP, on, MeetingStatus.CANCELLED,
                       rng.choice(START_TIMES), rng.choice(facilitators))  # fmt: skip
        row["cancel_reason"] = rng.choice(CANCEL_REASONS)
        meetings.append(row)
    return meetings


def _meeting(
    case: _Case, kind: MeetingKind, on: date, status: MeetingStatus, at: time, staff: int | None
) -> dict[str, object]:
    return {
        "case_id": case.id,
        "kind": kind,
        "held_on": on,
        "facilitator_id": staff,
        "duration_minutes": None,
        "notes": "",
        "status": status,
        "starts_at": at,
        "cancel_reason": "",
        "proceed_reason": "",
        "keep_answers": False,
        "_people": [p for p, r in case.people.items() if r in PREPARED_ROLES],
    }


def _taking_part(case: _Case) -> bool:
    return any(role in PREPARED_ROLES for role in case.people.values())


def _facilitators(connection: Connection) -> list[int | None]:
    roles = (StaffRole.COUNSELOR, StaffRole.RP_COORDINATOR, StaffRole.SOCIAL_WORKER)
    found = connection.scalars(
        select(StaffRow.id).where(StaffRow.role.in_(roles)).order_by(StaffRow.id)
    ).all()
    return list(found) or [None]


def _school_day(day: date, *, back: bool = False) -> date:
    """`day`, or the nearest weekday (before it with `back`, else after it)."""
    step = timedelta(days=-1 if back else 1)
    while day.weekday() >= 5:
        day += step
    return day


def _insert(
    connection: Connection,
    preparations: Iterable[dict[str, object]],
    meetings: list[dict[str, object]],
) -> int:
    """The preparations, then each meeting with the people of its case who take part; how
    many attendees were written."""
    rows = list(preparations)
    if rows:
        connection.execute(insert(PreparationRow), rows)
    links: list[dict[str, object]] = []
    for meeting in meetings:
        people = meeting.pop("_people")
        assert isinstance(people, list)
        key = connection.execute(insert(MeetingRow).values(**meeting)).inserted_primary_key
        assert key is not None
        links += [{"meeting_id": key[0], "participant_id": p} for p in people]
    if links:
        connection.execute(insert(MeetingAttendeeRow), links)
    return len(links)
