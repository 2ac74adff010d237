"""Students' demographic values: which fields the roster has, one student's values, and writing
the changes of a roster import.

The values only ever come from the roster (or the demo building); nobody types them. A field
without a row is unknown. Rows go with their student (ON DELETE CASCADE).
"""

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Table, bindparam, delete, insert, select
from sqlalchemy.orm import Session

from rp_desktop.db.models import StudentDemographicRow
from rp_desktop.domain.roster import Change, StudentChange
from rp_desktop.domain.roster.demographics import (
    DemographicField,
    DemographicValues,
    demographic_field,
)
from rp_desktop.services.safekeeping.database import Database


def fields_in_use(db: Database) -> list[DemographicField]:
    """The fields at least one student has a value for, in DemographicField order."""
    with Session(db.engine) as session:
        keys = set(session.scalars(select(StudentDemographicRow.field).distinct()))
    return [field for field in DemographicField if field.value in keys]


def values_for_student(db: Database, student_id: int) -> dict[DemographicField, str]:
    """One student's known values, in DemographicField order; empty when none is known."""
    with Session(db.engine) as session:
        rows = session.execute(
            select(StudentDemographicRow.field, StudentDemographicRow.value).where(
                StudentDemographicRow.student_id == student_id
            )
        )
        found = {demographic_field(key): value for key, value in rows}
    return {field: found[field] for field in DemographicField if field in found}


def kept_values(session: Session) -> dict[int, dict[DemographicField, str]]:
    """Every student's values by student id: what a roster import compares its columns with."""
    kept: dict[int, dict[DemographicField, str]] = {}
    rows = session.execute(
        select(
            StudentDemographicRow.student_id,
            StudentDemographicRow.field,
            StudentDemographicRow.value,
        )
    )
    for student_id, key, value in rows:
        if (field := demographic_field(key)) is not None:
            kept.setdefault(student_id, {})[field] = value
    return kept


def write_roster_changes(
    session: Session, students: Iterable[StudentChange], id_of_number: Mapping[str, int]
) -> int:
    """Write the demographic values a roster import changes: all known values of an added
    student (found by student number in `id_of_number`), and each changed field of an updated
    one (an empty value forgets it). Returns how many values changed."""
    forgotten: list[dict[str, object]] = []
    written: list[dict[str, object]] = []
    changes = 0
    for student in students:
        if student.change == Change.ADDED:
            student_id = id_of_number[student.fields.student_number]
            fields = list(student.demographics)
        elif student.change == Change.UPDATED and student.student_id is not None:
            student_id = student.student_id
            fields = [field for field in DemographicField if field.value in student.changed]
            forgotten += [{"who": student_id, "which": field.value} for field in fields]
        else:
            continue
        changes += len(fields)
        written += _rows(student_id, student.demographics, fields)
    _forget(session, forgotten)
    _insert(session, written)
    return changes


def write_values(session: Session, values: Mapping[int, DemographicValues]) -> int:
    """Set students' values outright (the demo building): each given field replaces what was
    kept, an empty value forgets it. Returns how many values are kept afterwards."""
    forgotten: list[dict[str, object]] = [
        {"who": student_id, "which": field.value}
        for student_id, fields in values.items()
        for field in fields
    ]
    written = [
        row for student_id, fields in values.items() for row in _rows(student_id, fields, fields)
    ]
    _forget(session, forgotten)
    _insert(session, written)
    return len(written)


def _rows(
    student_id: int, values: DemographicValues, fields: Iterable[DemographicField]
) -> list[dict[str, object]]:
    return [
        {"student_id": student_id, "field": field.value, "value": values[field]}
        for field in fields
        if values.get(field)
    ]


def _table() -> Table:
    # Core statements on the table: a plain executemany, many times faster than the ORM's
    # bulk path for the tens of thousands of rows a district roster has.
    table = StudentDemographicRow.__table__
    assert isinstance(table, Table)
    return table


def _insert(session: Session, rows: Sequence[Mapping[str, object]]) -> None:
    if rows:
        session.execute(insert(_table()), rows)


def _forget(session: Session, keys: Sequence[Mapping[str, object]]) -> None:
    if not keys:
        return
    table = _table()
    session.execute(
        delete(table).where(
            table.c.student_id == bindparam("who"), table.c.field == bindparam("which")
        ),
        keys,
    )
