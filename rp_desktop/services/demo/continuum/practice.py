"""The sample school's everyday practice, on each school day before today: the counselors'
tallies of affective statements (no names), restorative chats with one or two students, a few
students checked in and out most days, now and then an impromptu conference of three or four,
and a few positive observations. None has grown into a case."""

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert, select

from rp_desktop.db.models import PracticeLogRow, PracticeLogStudentRow, StaffRow, StudentRow
from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.vocabulary import StaffRole
from rp_desktop.services.demo.calendar import school_calendar
from rp_desktop.services.demo.continuum.school import ContinuumSchool
from rp_desktop.services.demo.stamps import Stamps

# Who logs restorative practice most: the people whose work it is.
PRACTITIONERS = (StaffRole.COUNSELOR, StaffRole.SOCIAL_WORKER, StaffRole.RP_COORDINATOR)
CHECKED_IN = 6  # students on a check-in/check-out plan each year
TALLYING_TEACHERS = 3  # teachers who keep a tally of their affective statements too
NOTES = (
    "",
    "",
    "",
    "Hallway, after lunch",
    "Bus line, before first period",
    "Cafeteria",
    "After a hard morning",
    "Back from the nurse",
    "Group work in science",
    "Passing period",
    "Recess: a game gone wrong",
)
CHAT_MINUTES = (3, 5, 5, 5, 8, 10)
CONFERENCE_MINUTES = (10, 15, 15, 20)


@dataclass
class _Logs:
    """The rows drawn so far, with the ids they will have."""

    next_id: int
    logs: list[dict[str, Any]]
    links: list[dict[str, int]]

    def add(self, day: date, kind: PracticeKind, when: Any, **fields: Any) -> None:
        students = fields.pop("students", ())
        log_id = self.next_id
        self.next_id += 1
        row = {"minutes": None, "tally": 1, "note": "", "staff_id": None, **fields}
        self.logs.append(
            {"id": log_id, "kind": kind, "happened_on": day, **row}
            | {"created_at": when, "updated_at": when}
        )
        self.links += [{"log_id": log_id, "student_id": sid} for sid in sorted(set(students))]


def add_practice(school: ContinuumSchool) -> dict[str, int]:
    """Every school day's practice logs; their count under `practice_logs`."""
    rng = school.rng("practice")
    connection = school.connection
    staff = _staff(school)
    practitioners = [sid for sid, role in staff if role in PRACTITIONERS] or [s for s, _ in staff]
    teachers = [sid for sid, role in staff if role is StaffRole.TEACHER]
    newest = connection.scalar(select(PracticeLogRow.id).order_by(PracticeLogRow.id.desc()))
    logs = _Logs((newest or 0) + 1, [], [])
    stamps = Stamps(school.today)
    for year in school.years:
        students = _students(school, current=year == school.years[-1])
        if not students or not practitioners:
            continue
        checked_in = rng.sample(students, min(CHECKED_IN, len(students)))
        for day in school_calendar(year).school_days():
            if day >= school.today:
                break
            people = _People(rng, practitioners, teachers, students, checked_in)
            _one_day(logs, rng, day, people, stamps)
    if logs.logs:
        connection.execute(insert(PracticeLogRow), logs.logs)
    if logs.links:
        connection.execute(insert(PracticeLogStudentRow), logs.links)
    return {"practice_logs": len(logs.logs)}


@dataclass(frozen=True)
class _People:
    rng: random.Random
    practitioners: list[int]
    teachers: list[int]
    students: list[int]
    checked_in: list[int]

    def practitioner(self) -> int:
        return self.rng.choice(self.practitioners)

    def some_students(self, low: int, high: int) -> list[int]:
        return self.rng.sample(self.students, min(len(self.students), self.rng.randint(low, high)))


def _one_day(logs: _Logs, rng: random.Random, day: date, people: _People, stamps: Stamps) -> None:
    """One school day: tallies of the day's affective statements, the most frequent practice
    of all; a chat or two; check-ins; now and then more."""
    _tallies(logs, rng, day, people, stamps)
    for _ in range(rng.choice((1, 1, 2, 2, 3, 3, 4))):
        logs.add(
            day,
            PracticeKind.RESTORATIVE_CHAT,
            stamps.on(rng, day),
            minutes=rng.choice(CHAT_MINUTES),
            staff_id=people.practitioner(),
            note=rng.choice(NOTES),
            students=people.some_students(1, 1 if rng.random() < 0.75 else 2),
        )
    _check_ins(logs, rng, day, people, stamps)
    _now_and_then(logs, rng, day, people, stamps)


def _tallies(logs: _Logs, rng: random.Random, day: date, people: _People, stamps: Stamps) -> None:
    """Most practitioners tally their statements most days; a few teachers who keep a tally
    log theirs too."""
    for staff_id in people.practitioners:
        if rng.random() < 0.7:
            tally = rng.randint(3, 12)
            logs.add(
                day,
                PracticeKind.AFFECTIVE_STATEMENT,
                stamps.on(rng, day),
                tally=tally,
                staff_id=staff_id,
            )
    for staff_id in people.teachers[:TALLYING_TEACHERS]:
        if rng.random() < 0.5:
            tally = rng.randint(2, 8)
            logs.add(
                day,
                PracticeKind.AFFECTIVE_STATEMENT,
                stamps.on(rng, day),
                tally=tally,
                staff_id=staff_id,
            )


def _check_ins(logs: _Logs, rng: random.Random, day: date, people: _People, stamps: Stamps) -> None:
    for student in people.checked_in:
        if rng.random() < 0.5:
            logs.add(
                day,
                PracticeKind.CHECK_IN_OUT,
                stamps.on(rng, day),
                minutes=5,
                staff_id=people.practitioner(),
                students=[student],
            )


def _now_and_then(
    logs: _Logs, rng: random.Random, day: date, people: _People, stamps: Stamps
) -> None:
    if rng.random() < 0.12:
        logs.add(
            day,
            PracticeKind.IMPROMPTU_CONFERENCE,
            stamps.on(rng, day),
            minutes=rng.choice(CONFERENCE_MINUTES),
            staff_id=people.practitioner(),
            note=rng.choice(NOTES),
            students=people.some_students(3, 4),
        )
    if rng.random() < 0.08:
        logs.add(
            day,
            PracticeKind.POSITIVE_OBSERVATION,
            stamps.on(rng, day),
            staff_id=rng.choice(people.teachers or people.practitioners),
            students=people.some_students(1, 1),
        )


def _staff(school: ContinuumSchool) -> list[tuple[int, StaffRole]]:
    rows = school.connection.execute(
        select(StaffRow.id, StaffRow.role).where(StaffRow.active).order_by(StaffRow.id)
    )
    return [(row.id, StaffRole(row.role)) for row in rows]


def _students(school: ContinuumSchool, *, current: bool) -> list[int]:
    """This year's students are the active ones; earlier years', anyone on record."""
    query = select(StudentRow.id).order_by(StudentRow.id)
    if current:
        query = query.where(StudentRow.active)
    return list(school.connection.scalars(query))
