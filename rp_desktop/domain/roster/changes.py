"""What importing a roster's rows would change for the students already kept."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rp_desktop.domain.records import Student, StudentFields
from rp_desktop.domain.roster.demographics import DemographicValues, changed_fields, merged
from rp_desktop.domain.roster.fields import RosterField, number_key
from rp_desktop.domain.roster.headers import Columns
from rp_desktop.domain.roster.problems import RosterIssue, RosterProblem, RosterRefused
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
    # matched to a student kept under the same number but for leading zeros ("00123" and
    # "123"); the student keeps the number as it was kept
    matched_but_zeros: bool = False


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

    @property
    def rows_matched_but_zeros(self) -> tuple[int, ...]:
        """The rows that matched a student kept only once leading zeros were ignored."""
        return tuple(s.row for s in self.students if s.matched_but_zeros and s.row is not None)


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
    """What importing `rows` does to the students already kept: matched by student number,
    exactly or else once leading zeros are ignored (number_key). A full roster marks active
    students the file does not list inactive. `demographics` holds the values kept, by
    student id; a demographic column the file has replaces them. Raises RosterRefused for a
    row whose number matches several students kept, leading zeros aside."""
    kept_students = list(existing)
    match = _Matcher(kept_students, source.columns)
    kept = demographics or {}
    present = set(source.columns.index)
    students = [_row_change(row, match(row), present, kept) for row in rows]
    if match.ambiguous:
        raise RosterRefused(match.ambiguous)
    if full_roster:
        listed = {student.student_id for student in students}
        students += [
            StudentChange(Change.MARKED_INACTIVE, student.fields(), None, student.id, ("active",))
            for student in kept_students
            if student.active and student.id not in listed
        ]
    return RosterChanges(tuple(students), full_roster, source)


class _Matcher:
    """Finds the student kept for a row: the one with its student number, or else the only
    one with the same number once leading zeros are ignored. A row that matches several that
    way is noted in `ambiguous` (the students kept before numbers were compared so)."""

    def __init__(self, existing: Sequence[Student], columns: Columns) -> None:
        self.columns = columns
        self.by_number = {student.student_number: student for student in existing}
        self.by_key: dict[str, list[Student]] = {}
        for student in existing:
            self.by_key.setdefault(number_key(student.student_number), []).append(student)
        self.ambiguous: list[RosterProblem] = []

    def __call__(self, row: RosterRow) -> tuple[Student | None, bool]:
        number = row.fields.student_number
        if number in self.by_number:
            return self.by_number[number], False
        alike = self.by_key.get(number_key(number), [])
        if len(alike) > 1:
            self.ambiguous.append(
                RosterProblem(
                    RosterIssue.AMBIGUOUS_NUMBER,
                    row.row,
                    RosterField.STUDENT_NUMBER,
                    self.columns.header(RosterField.STUDENT_NUMBER),
                    limit=len(alike),
                )
            )
        return (alike[0], True) if len(alike) == 1 else (None, False)


def _row_change(
    row: RosterRow,
    matched: tuple[Student | None, bool],
    present: set[RosterField],
    kept: Mapping[int, DemographicValues],
) -> StudentChange:
    student, but_zeros = matched
    demographics_before = kept.get(student.id, {}) if student else {}
    demographics = merged(demographics_before, row.demographics)
    if student is None:
        return StudentChange(Change.ADDED, row.fields, row.row, demographics=demographics)
    before = student.fields()
    # The number stays as it was kept: "00123" in the file matched student "123".
    after = replace(row.fields, student_number=before.student_number)
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
        change,
        after,
        row.row,
        student.id,
        changed,
        before,
        demographics,
        demographics_before,
        but_zeros,
    )
