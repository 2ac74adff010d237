"""What importing a roster's rows would change for the students already kept."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rp_desktop.domain.records import Student, StudentFields
from rp_desktop.domain.roster.demographics import DemographicValues, changed_fields, merged
from rp_desktop.domain.roster.fields import RosterField
from rp_desktop.domain.roster.headers import Columns
from rp_desktop.domain.roster.rows import RosterRow


class Change(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    MARKED_INACTIVE = "marked_inactive"


@dataclass(frozen=True, slots=True)
class RosterSource:
    """How the file was read: its encoding, separator, and which column holds what."""

    encoding: str
    delimiter: str
    columns: Columns
    header_row: int = 1


@dataclass(frozen=True, slots=True)
class StudentChange:
    """One student and what the import does to them. `fields` and `demographics` are the
    student afterwards; `changed` names the fields that change (a StudentFields name, a
    DemographicField value, or "active" when a student comes back or leaves)."""

    change: Change
    fields: StudentFields
    row: int | None = None  # None for a student the file does not list
    student_id: int | None = None  # None for a new student
    changed: tuple[str, ...] = ()
    before: StudentFields | None = None
    demographics: DemographicValues = field(default_factory=dict)
    demographics_before: DemographicValues = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RosterChanges:
    students: tuple[StudentChange, ...]
    full_roster: bool
    source: RosterSource

    def count(self, change: Change) -> int:
        return sum(1 for student in self.students if student.change == change)

    @property
    def added(self) -> int:
        return self.count(Change.ADDED)

    @property
    def updated(self) -> int:
        return self.count(Change.UPDATED)

    @property
    def unchanged(self) -> int:
        return self.count(Change.UNCHANGED)

    @property
    def marked_inactive(self) -> int:
        return self.count(Change.MARKED_INACTIVE)


@dataclass(frozen=True, slots=True)
class RosterResult:
    """An import that was carried out, and the changes it made."""

    changes: RosterChanges


_COMPARED = ("first_name", "last_name", "preferred_name", "grade", "homeroom")


def roster_changes(
    rows: Sequence[RosterRow],
    existing: Iterable[Student],
    source: RosterSource,
    *,
    full_roster: bool,
    demographics: Mapping[int, DemographicValues] | None = None,
) -> RosterChanges:
    """What importing `rows` does to the students already kept: matched by student number.
    A full roster marks active students the file does not list inactive. `demographics` holds
    the values kept, by student id; a demographic column the file has replaces them."""
    by_number = {student.student_number: student for student in existing}
    kept = demographics or {}
    present = set(source.columns.index)
    students = [
        _row_change(row, by_number.get(row.fields.student_number), present, kept) for row in rows
    ]
    if full_roster:
        listed = {row.fields.student_number for row in rows}
        students += [
            StudentChange(Change.MARKED_INACTIVE, student.fields(), None, student.id, ("active",))
            for student in by_number.values()
            if student.active and student.student_number not in listed
        ]
    return RosterChanges(tuple(students), full_roster, source)


def _row_change(
    row: RosterRow,
    student: Student | None,
    present: set[RosterField],
    kept: Mapping[int, DemographicValues],
) -> StudentChange:
    demographics_before = kept.get(student.id, {}) if student else {}
    demographics = merged(demographics_before, row.demographics)
    if student is None:
        return StudentChange(Change.ADDED, row.fields, row.row, demographics=demographics)
    before = student.fields()
    after = row.fields
    # A column the file does not have keeps what was kept (a preferred name typed by hand).
    if RosterField.PREFERRED_NAME not in present:
        after = replace(after, preferred_name=before.preferred_name)
    if RosterField.HOMEROOM not in present:
        after = replace(after, homeroom=before.homeroom)
    changed = tuple(name for name in _COMPARED if getattr(after, name) != getattr(before, name))
    changed += changed_fields(demographics_before, demographics)
    if not student.active:
        changed += ("active",)
    change = Change.UPDATED if changed else Change.UNCHANGED
    return StudentChange(
        change, after, row.row, student.id, changed, before, demographics, demographics_before
    )
