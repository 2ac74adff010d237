"""The continuum view's rows: every practice held in the period with its level (domain.reports.
continuum), its month and how many times it counts (a tally of affective statements counts each
time, anything else once); and the students each level reached.

A student is in a practice log through practice_log_student, in a circle through its attendance,
in a case meeting through the meeting's attendees (their case participant's student). Only held
circles and meetings count; planned and cancelled ones are not practice yet.
"""

from collections import defaultdict
from typing import Any

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import (
    CaseParticipantRow,
    CircleAttendanceRow,
    CommunityCircleRow,
    MeetingAttendeeRow,
    MeetingRow,
    PracticeLogRow,
    PracticeLogStudentRow,
    StudentRow,
)
from rp_desktop.domain.continuum.kinds import ContinuumLevel, MeetingStatus
from rp_desktop.domain.reports.continuum import (
    CIRCLE_LEVEL,
    LEVEL_KEYS,
    LEVELS,
    level_key,
    meeting_kinds_at,
    practice_kinds_at,
)
from rp_desktop.domain.reports.keys import measure_key
from rp_desktop.domain.reports.measures import share
from rp_desktop.domain.reports.model import Period
from rp_desktop.domain.vocabulary import CircleStatus
from rp_desktop.services.reports.counts import Cells, sum_cells
from rp_desktop.services.reports.facts import AnySelect, in_period, month_of
from rp_desktop.services.reports.grouping import Grouping

STUDENTS = measure_key("students")
SHARE = measure_key("share")
# The kind of record behind each part's `rec`, in the order continuum_parts gives them.
PART_RECORDS = ("practice_log", "circle", "meeting")


def continuum_parts(period: Period, with_students: bool) -> list[tuple[str, AnySelect]]:
    """The rows of the continuum view, by the kind of record they count: `rec`, `day`, `series`
    (the level's key), `cat` (the month), `value` (times it counts), and with students one row
    per student of the record."""
    parts: list[tuple[str, AnySelect]] = []
    for level in LEVELS:
        if practice_kinds_at(level):
            parts.append(("practice_log", _logs(level, period, with_students)))
        if meeting_kinds_at(level):
            parts.append(("meeting", _meetings(level, period, with_students)))
        if level is CIRCLE_LEVEL:
            parts.append(("circle", _circles(period, with_students)))
    return parts


def _logs(level: ContinuumLevel, period: Period, with_students: bool) -> AnySelect:
    log = PracticeLogRow
    stmt = select(
        log.id.label("rec"),
        log.happened_on.label("day"),
        literal(level_key(level)).label("series"),
        month_of(log.happened_on).label("cat"),
        log.tally.label("value"),
    ).where(log.kind.in_(practice_kinds_at(level)), in_period(log.happened_on, period))
    if with_students:
        stmt = stmt.join(PracticeLogStudentRow, PracticeLogStudentRow.log_id == log.id)
        stmt = stmt.add_columns(PracticeLogStudentRow.student_id.label("student"))
    return stmt


def _meetings(level: ContinuumLevel, period: Period, with_students: bool) -> AnySelect:
    stmt = select(
        MeetingRow.id.label("rec"),
        MeetingRow.held_on.label("day"),
        literal(level_key(level)).label("series"),
        month_of(MeetingRow.held_on).label("cat"),
        literal(1).label("value"),
    ).where(*_held_meetings(level, period))
    if with_students:
        stmt = _with_attendees(stmt)
    return stmt


def _circles(period: Period, with_students: bool) -> AnySelect:
    circle = CommunityCircleRow
    stmt = select(
        circle.id.label("rec"),
        circle.held_on.label("day"),
        literal(level_key(CIRCLE_LEVEL)).label("series"),
        month_of(circle.held_on).label("cat"),
        literal(1).label("value"),
    ).where(circle.status == CircleStatus.HELD, in_period(circle.held_on, period))
    if with_students:
        stmt = stmt.join(CircleAttendanceRow, CircleAttendanceRow.circle_id == circle.id)
        stmt = stmt.add_columns(CircleAttendanceRow.student_id.label("student"))
    return stmt


def _held_meetings(level: ContinuumLevel, period: Period) -> tuple[Any, ...]:
    return (
        MeetingRow.kind.in_(meeting_kinds_at(level)),
        MeetingRow.status == MeetingStatus.HELD,
        in_period(MeetingRow.held_on, period),
    )


def _with_attendees(stmt: AnySelect) -> AnySelect:
    """One row per student who attended the meeting (staff and caregivers have no student)."""
    return (
        stmt.join(MeetingAttendeeRow, MeetingAttendeeRow.meeting_id == MeetingRow.id)
        .join(CaseParticipantRow, CaseParticipantRow.id == MeetingAttendeeRow.participant_id)
        .where(CaseParticipantRow.student_id.is_not(None))
        .add_columns(CaseParticipantRow.student_id.label("student"))
    )


def continuum_cells(session: Session, period: Period, grouping: Grouping | None) -> Cells:
    """Times each level was practised, per month (or per group of the students in it)."""
    cells: dict[tuple[str, str], float | None] = defaultdict(float)
    for _, part in continuum_parts(period, with_students=grouping is not None):
        # Each part alone: a level's records come from up to two tables, whose ids can meet.
        for cell, number in sum_cells(session, [part], grouping).items():
            cells[cell] = (cells[cell] or 0) + (number or 0)
    return dict(cells)


def reached_parts(period: Period) -> list[AnySelect]:
    """Active students at each level: `rec` and `student` are the student, `series` the level."""
    parts = []
    for level in LEVELS:
        key = literal(level_key(level)).label("series")
        if practice_kinds_at(level):
            parts.append(
                select(PracticeLogStudentRow.student_id.label("rec"), key)
                .join(PracticeLogRow, PracticeLogRow.id == PracticeLogStudentRow.log_id)
                .where(
                    PracticeLogRow.kind.in_(practice_kinds_at(level)),
                    in_period(PracticeLogRow.happened_on, period),
                )
            )
        if meeting_kinds_at(level):
            attended = _with_attendees(select(key).select_from(MeetingRow))
            parts.append(
                attended.where(*_held_meetings(level, period)).with_only_columns(
                    CaseParticipantRow.student_id.label("rec"), key
                )
            )
        if level is CIRCLE_LEVEL:
            parts.append(
                select(CircleAttendanceRow.student_id.label("rec"), key)
                .join(CommunityCircleRow, CommunityCircleRow.id == CircleAttendanceRow.circle_id)
                .where(
                    CommunityCircleRow.status == CircleStatus.HELD,
                    in_period(CommunityCircleRow.held_on, period),
                )
            )
    return [
        part.join(StudentRow, StudentRow.id == part.selected_columns.rec).where(StudentRow.active)
        for part in parts
    ]


def reached_by_level(session: Session, period: Period, grouping: Grouping | None) -> Cells:
    """Without a breakdown: per level, the active students reached (measure:students) and their
    share of every active student (measure:share). With one: per group and level, the share of
    the group's active students reached (every group of active students gets a number)."""
    students: dict[tuple[str, str], set[int]] = defaultdict(set)
    for part in reached_parts(period):
        rows = part.subquery()
        once = select(rows.c.rec, rows.c.series).distinct().subquery()
        stmt = select(once.c.rec, once.c.series)
        if grouping is None:
            for student, series in session.execute(stmt):
                students[series, STUDENTS].add(student)
            continue
        stmt, value = grouping.attach(stmt, once.c.rec)
        for student, series, raw in session.execute(stmt.add_columns(value)):
            students[grouping.key(raw), series].add(student)
    enrolled = _active_students(session, grouping)
    if grouping is None:
        whole = enrolled.get("", 0)
        cells: Cells = {}
        for key in LEVEL_KEYS:
            count = len(students.get((key, STUDENTS), ()))
            cells[key, STUDENTS] = count
            cells[key, SHARE] = share(count, whole)
        return cells
    return {
        (group, key): share(len(students.get((group, key), ())), size)
        for group, size in enrolled.items()
        for key in LEVEL_KEYS
    }


def _active_students(session: Session, grouping: Grouping | None) -> dict[str, int]:
    """Active students per group ("" for everyone, without a breakdown)."""
    active = select(StudentRow.id).where(StudentRow.active)
    if grouping is None:
        return {"": session.scalar(select(func.count()).select_from(active.subquery())) or 0}
    rows = active.subquery()
    stmt, value = grouping.attach(select(rows.c.id).select_from(rows), rows.c.id)
    counted = session.execute(
        stmt.with_only_columns(value, func.count(func.distinct(rows.c.id))).group_by(value)
    )
    found: dict[str, int] = defaultdict(int)
    for raw, number in counted:
        found[grouping.key(raw)] += number
    return dict(found)
