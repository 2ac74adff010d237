"""Which rows of a roster can be imported, and every problem of the others."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.roster.demographics import DemographicField, DemographicValues, clean_value
from rp_desktop.domain.roster.fields import ColumnField, RosterField, by_leading_zeros, number_key
from rp_desktop.domain.roster.headers import Columns, parse_grade
from rp_desktop.domain.roster.problems import RosterIssue, RosterProblem
from rp_desktop.domain.roster.text_checks import invisible_in, text_issue
from rp_desktop.domain.validation import Problem, validate_student

_SCIENTIFIC = re.compile(r"\d+(\.\d+)?[eE]\+\d+")


@dataclass(frozen=True, slots=True)
class RosterRow:
    """A row that can be imported: the row number and the student as the file has them.
    `demographics` has every demographic column of the file, cleaned; "" for an empty cell."""

    row: int
    fields: StudentFields
    demographics: DemographicValues = field(default_factory=dict)


def check_rows(
    columns: Columns, records: Iterable[tuple[int, Sequence[str]]], *, legacy_text: bool
) -> tuple[list[RosterRow], list[RosterProblem]]:
    """The rows that can be imported, and every problem of the others; blank rows are skipped."""
    rows: list[RosterRow] = []
    problems: list[RosterProblem] = []
    # (row, number) by number_key: "00123" and "123" are one student number
    first_row_of: dict[str, tuple[int, str]] = {}
    for number, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        fields, found = _read_row(columns, number, cells, legacy_text)
        if fields is not None:
            found += _demographic_problems(columns, number, cells, legacy_text)
        student_number = _cell(columns, cells, RosterField.STUDENT_NUMBER)
        key = number_key(student_number)
        if key in first_row_of:
            found.append(_duplicate(number, columns, student_number, first_row_of[key]))
        elif student_number:
            first_row_of[key] = (number, student_number)
        problems += found
        if fields is not None and not found:
            rows.append(RosterRow(number, fields, _demographics(columns, cells)))
    return rows, problems


def _duplicate(
    row: int, columns: Columns, student_number: str, first: tuple[int, str]
) -> RosterProblem:
    """Row `row` repeats the student number of an earlier row, or differs from it only by
    leading zeros: both rows are named."""
    other_row, other_number = first
    issue = RosterIssue.DUPLICATE_NUMBER
    if by_leading_zeros(student_number, other_number):
        issue = RosterIssue.DUPLICATE_BUT_ZEROS
    return _located(issue, row, columns, RosterField.STUDENT_NUMBER, other_row=other_row)


def _read_row(
    columns: Columns, number: int, cells: Sequence[str], legacy_text: bool
) -> tuple[StudentFields | None, list[RosterProblem]]:
    width = len(columns.headers)
    if any(cell.strip() for cell in cells[width:]):
        return None, [RosterProblem(RosterIssue.EXTRA_CELLS, row=number, limit=width)]
    text = {field: _cell(columns, cells, field) for field in RosterField}
    problems = [
        _text_problem(issue, number, columns, field, text[field])
        for field in columns.index
        if (issue := text_issue(field, text[field], legacy_text)) is not None
    ]
    grade = parse_grade(text[RosterField.GRADE])
    if grade is None:
        problems.append(_grade_problem(number, columns, text[RosterField.GRADE]))
    fields = _fields(text, grade)
    for found in validate_student(fields):
        # the grade and text that is not text are said above, once
        if found.field != RosterField.GRADE and found.problem not in _SAID_BY_TEXT_ISSUE:
            issue = _ISSUE_OF_PROBLEM.get(found.problem, RosterIssue.MISSING_VALUE)
            field = RosterField(found.field)
            problems.append(_located(issue, number, columns, field, limit=found.limit))
    if _SCIENTIFIC.fullmatch(fields.student_number):
        problems.append(
            _located(RosterIssue.NUMBER_ROUNDED, number, columns, RosterField.STUDENT_NUMBER)
        )
    return fields, problems


def _demographic_problems(
    columns: Columns, number: int, cells: Sequence[str], legacy_text: bool
) -> list[RosterProblem]:
    """Damaged text in a demographic column is refused like a damaged name: kept, it would
    make a group of its own in every report."""
    found = []
    for demographic in columns.demographics:
        text = _cell(columns, cells, demographic)
        if (issue := text_issue(demographic, text, legacy_text)) is not None:
            found.append(_text_problem(issue, number, columns, demographic, text))
    return found


def _demographics(columns: Columns, cells: Sequence[str]) -> dict[DemographicField, str]:
    return {
        demographic: clean_value(demographic, _cell(columns, cells, demographic))
        for demographic in DemographicField
        if demographic in columns.demographics
    }


def _fields(text: dict[RosterField, str], grade: int | None) -> StudentFields:
    return StudentFields(
        student_number=text[RosterField.STUDENT_NUMBER],
        first_name=text[RosterField.FIRST_NAME],
        last_name=text[RosterField.LAST_NAME],
        preferred_name=text[RosterField.PREFERRED_NAME],
        grade=grade,
        homeroom=text[RosterField.HOMEROOM],
    )


_SAID_BY_TEXT_ISSUE = (Problem.INVISIBLE_CHARACTER,)
_ISSUE_OF_PROBLEM = {
    Problem.REQUIRED: RosterIssue.MISSING_VALUE,
    Problem.TOO_LONG: RosterIssue.TOO_LONG,
    Problem.HAS_SPACES: RosterIssue.SPACES_IN_NUMBER,
}


def _cell(columns: Columns, cells: Sequence[str], field: ColumnField) -> str:
    index = columns.column(field)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _located(
    issue: RosterIssue,
    row: int,
    columns: Columns,
    field: ColumnField,
    *,
    other_row: int | None = None,
    limit: int | None = None,
) -> RosterProblem:
    return RosterProblem(issue, row, field, columns.header(field), other_row=other_row, limit=limit)


def _text_problem(
    issue: RosterIssue, row: int, columns: Columns, field: ColumnField, text: str
) -> RosterProblem:
    problem = _located(issue, row, columns, field)
    if issue == RosterIssue.INVISIBLE:
        problem = replace(problem, character=invisible_in(field, text))
    return problem


def _grade_problem(row: int, columns: Columns, text: str) -> RosterProblem:
    if not text:
        return _located(RosterIssue.MISSING_VALUE, row, columns, RosterField.GRADE)
    # Quote the value only when it cannot be a name: short, with a digit, plain characters.
    quotable = len(text) <= 8 and re.fullmatch(r"[A-Za-z .+-]*\d[A-Za-z0-9 .+-]*", text)
    problem = _located(RosterIssue.NOT_A_GRADE, row, columns, RosterField.GRADE)
    return replace(problem, value=text if quotable else "")
