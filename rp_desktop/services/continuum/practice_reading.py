"""Practice logs read back as records, many at once: their students' and staff members' names
in a few queries for the whole list, not a few for each log (a list of 200 logs read in one
go, whatever the size of the school)."""

from collections import defaultdict
from collections.abc import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import PracticeLogRow, PracticeLogStudentRow, StaffRow, StudentRow
from rp_desktop.domain.continuum.practice import PracticeFields, PracticeLog
from rp_desktop.domain.records import person_name

CHUNK = 500  # ids in one IN (...), well under any database's limit on parameters


def practice_records(session: Session, rows: Sequence[PracticeLogRow]) -> list[PracticeLog]:
    """`rows` as records, in their order."""
    log_ids = [row.id for row in rows]
    students = _students_by_log(session, log_ids)
    staff = _staff_names(session, {row.staff_id for row in rows if row.staff_id is not None})
    return [_record(row, students.get(row.id, []), staff) for row in rows]


def practice_record(session: Session, row: PracticeLogRow) -> PracticeLog:
    """One log as a record (the session flushes it first, so a change shows)."""
    [record] = practice_records(session, [row])
    return record


def _record(
    row: PracticeLogRow, students: list[tuple[int, str]], staff: dict[int, str]
) -> PracticeLog:
    fields = PracticeFields(
        kind=row.kind,
        happened_on=row.happened_on,
        minutes=row.minutes,
        tally=row.tally,
        staff_id=row.staff_id,
        note=row.note,
        student_ids=tuple(sorted(sid for sid, _ in students)),
    )
    return PracticeLog(
        id=row.id,
        fields=fields,
        student_names=tuple(name for _, name in students),
        staff_name=staff.get(row.staff_id, "") if row.staff_id is not None else "",
        case_id=row.case_id,
    )


def _students_by_log(session: Session, log_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """Each log's students as (id, name), by last name then first."""
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for chunk in _chunks(log_ids):
        rows = session.execute(
            select(
                PracticeLogStudentRow.log_id,
                StudentRow.id,
                StudentRow.first_name,
                StudentRow.last_name,
                StudentRow.preferred_name,
            )
            .join(StudentRow, StudentRow.id == PracticeLogStudentRow.student_id)
            .where(PracticeLogStudentRow.log_id.in_(chunk))
            .order_by(StudentRow.last_name, StudentRow.first_name, StudentRow.id)
        )
        for log_id, student_id, first, last, preferred in rows:
            found[log_id].append((student_id, person_name(first, last, preferred)))
    return found


def _staff_names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = [staff_id for staff_id in ids if staff_id is not None]
    names: dict[int, str] = {}
    for chunk in _chunks(wanted):
        rows = session.execute(
            select(StaffRow.id, StaffRow.first_name, StaffRow.last_name).where(
                StaffRow.id.in_(chunk)
            )
        )
        names.update((sid, person_name(first, last)) for sid, first, last in rows)
    return names


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]
