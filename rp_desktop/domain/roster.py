"""A school's roster export, judged: which column is which, what a grade looks like, which rows
can be imported, and what importing them would change. Pure: the service reads the bytes and the
database, this module judges text.

Problems name a row, a column and what is wrong, never a student's name. A grade may be quoted
(it is not a name); a name never is.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from rp_desktop.domain.records import Student, StudentFields
from rp_desktop.domain.validation import Problem, validate_student
from rp_desktop.domain.vocabulary import HIGHEST_GRADE, LOWEST_GRADE


class RosterField(StrEnum):
    """What a column holds; the values are the names of StudentFields' fields."""

    STUDENT_NUMBER = "student_number"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    PREFERRED_NAME = "preferred_name"
    GRADE = "grade"
    HOMEROOM = "homeroom"


REQUIRED_FIELDS = (
    RosterField.STUDENT_NUMBER,
    RosterField.FIRST_NAME,
    RosterField.LAST_NAME,
    RosterField.GRADE,
)
NAME_FIELDS = (RosterField.FIRST_NAME, RosterField.LAST_NAME, RosterField.PREFERRED_NAME)

# Headers that student information systems write, compared by `header_key`.
ALIASES: dict[RosterField, tuple[str, ...]] = {
    RosterField.STUDENT_NUMBER: (
        "Student Number", "Student ID", "Student No", "Student Num", "Student #", "Stu Num",
        "Stu #", "Stu ID", "Perm ID", "Permanent ID", "Perm Number", "Local ID",
        "Local Student ID", "SIS ID", "Student Code",
    ),
    RosterField.FIRST_NAME: (
        "First Name", "First", "Legal First", "Legal First Name", "Given Name",
        "Student First Name", "FName",
    ),
    RosterField.LAST_NAME: (
        "Last Name", "Last", "Surname", "Family Name", "Legal Last", "Legal Last Name",
        "Student Last Name", "LName",
    ),
    RosterField.PREFERRED_NAME: (
        "Preferred Name", "Preferred First Name", "Preferred First", "Pref Name",
        "Pref First Name", "Nickname", "Nick Name", "Goes By", "Known As",
    ),
    RosterField.GRADE: (
        "Grade", "Grade Level", "Gr", "Grd", "Grade Lvl", "Current Grade", "Student Grade",
    ),
    RosterField.HOMEROOM: (
        "Homeroom", "Home Room", "HR", "Home Rm", "Homeroom Number", "Homeroom Name",
        "Advisory", "Advisory Group",
    ),
}  # fmt: skip


def header_key(header: str) -> str:
    """A header without case, spaces, underscores or punctuation: "Student_Number" and
    "student number" and "StudentNumber" all give "studentnumber"."""
    return "".join(ch for ch in header.casefold() if ch.isalnum() or ch == "#")


_FIELD_OF_KEY = {header_key(alias): field for field, names in ALIASES.items() for alias in names}


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each field is in a row, and the header row as the file wrote it."""

    headers: tuple[str, ...]
    index: dict[RosterField, int]

    def header(self, field: RosterField) -> str:
        return self.headers[self.index[field]]


def header_score(headers: Sequence[str]) -> int:
    """How many different fields a row of headers names; the header row scores highest."""
    return len({_FIELD_OF_KEY[key] for key in map(header_key, headers) if key in _FIELD_OF_KEY})


def parse_grade(text: str) -> int | None:
    """The grade ("K", "KG", "PK", "Pre-K", "09", "9th", "Grade 9", "12"; -1 is Pre-K and 0 is
    K), or None for anything that is not a grade from Pre-K to 12."""
    value = text.strip()
    if re.fullmatch(r"[+-]?\d{1,2}", value):
        number = int(value)
    else:
        key = re.sub(r"[\s._-]", "", value.casefold())
        key = re.sub(r"^(grade|gr)|grade$", "", key)
        if key in _GRADE_WORDS:
            return _GRADE_WORDS[key]
        ordinal = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", key)
        if ordinal is None:
            return None
        number = int(ordinal.group(1))
    return number if LOWEST_GRADE <= number <= HIGHEST_GRADE else None


_GRADE_WORDS = {
    **dict.fromkeys(("pk", "prek", "prekindergarten", "pk3", "pk4", "k4", "preschool"), -1),
    **dict.fromkeys(("k", "kg", "kn", "k5", "kinder", "kindergarten"), 0),
}


class RosterIssue(StrEnum):
    # the file as a whole
    EMPTY_FILE = "empty_file"
    SPREADSHEET_FILE = "spreadsheet_file"
    NOT_TEXT = "not_text"
    DAMAGED_UTF8 = "damaged_utf8"
    DAMAGED_UTF16 = "damaged_utf16"
    UNKNOWN_ENCODING = "unknown_encoding"
    NOT_A_TABLE = "not_a_table"
    MISSING_COLUMN = "missing_column"
    TWO_COLUMNS = "two_columns"
    NO_STUDENTS = "no_students"
    # one row
    BROKEN_QUOTES = "broken_quotes"
    EXTRA_CELLS = "extra_cells"
    MISSING_VALUE = "missing_value"
    TOO_LONG = "too_long"
    NOT_A_GRADE = "not_a_grade"
    SPACES_IN_NUMBER = "spaces_in_number"
    NUMBER_ROUNDED = "number_rounded"
    DUPLICATE_NUMBER = "duplicate_number"
    GARBLED_TEXT = "garbled_text"
    LOST_CHARACTERS = "lost_characters"
    UNPRINTABLE = "unprintable"


# Problems that saving the file again as "CSV UTF-8" is likely to cure.
ENCODING_ISSUES = frozenset(
    {
        RosterIssue.DAMAGED_UTF8,
        RosterIssue.DAMAGED_UTF16,
        RosterIssue.UNKNOWN_ENCODING,
        RosterIssue.GARBLED_TEXT,
        RosterIssue.LOST_CHARACTERS,
    }
)


@dataclass(frozen=True, slots=True)
class RosterProblem:
    """`row` counts the file's rows as a spreadsheet does (the first row is 1); `column` is a
    header as the file wrote it; `value` is only ever a grade, never a name."""

    issue: RosterIssue
    row: int | None = None
    field: RosterField | None = None
    column: str = ""
    value: str = ""
    other_row: int | None = None
    limit: int | None = None
    columns: tuple[str, ...] = ()


class RosterRefused(Exception):
    """The file was not imported and nothing was changed; `problems` says why, row by row."""

    def __init__(self, problems: Sequence[RosterProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(refusal_summary(self.problems))


def find_columns(headers: Sequence[str]) -> tuple[Columns, list[RosterProblem]]:
    """The fields' columns, or the problems that make the header row unusable."""
    found: dict[RosterField, list[int]] = {}
    for index, header in enumerate(headers):
        field = _FIELD_OF_KEY.get(header_key(header))
        if field is not None:
            found.setdefault(field, []).append(index)
    problems = [
        RosterProblem(RosterIssue.TWO_COLUMNS, field=field, columns=tuple(headers[i] for i in at))
        for field, at in found.items()
        if len(at) > 1
    ]
    problems += [
        RosterProblem(RosterIssue.MISSING_COLUMN, field=field)
        for field in REQUIRED_FIELDS
        if field not in found
    ]
    return Columns(tuple(headers), {field: at[0] for field, at in found.items()}), problems


# Text that went through the wrong encoding somewhere. UTF-8 read as Windows-1252 turns "é"
# into "Ã©" and "ł" into "Å‚": a lead letter, then characters that stood for continuation bytes.
_CP1252_80_9F = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_CONTINUATION = "\u0080-\u00bf" + _CP1252_80_9F
# After a capital, quotes, dashes and a no-break space are plausible ("JOSÉ’S", "JOSÉ–LUIS").
_NOT_AFTER_A_CAPITAL = "\u0080-\u009f\u00a1-\u00bf" + "".join(
    ch for ch in _CP1252_80_9F if ch not in "‘’“”•–—"
)
_UTF8_SEEN_AS_CP1252 = re.compile(
    f"[ÂÃ][{_CONTINUATION}]|[Ä-ß][{_NOT_AFTER_A_CAPITAL}]"
    f"|[à-ï][{_CONTINUATION}]{{2}}|[ð-ô][{_CONTINUATION}]{{3}}"
)
# Read as Windows-1252, other encodings give runs of accented letters (Cyrillic, Greek, Arabic
# code pages), symbols inside words (Mac Roman, DOS, Central European) or capitals after small
# letters ("JosŽ"). Names in Windows-1252 itself have none of these.
_LETTER_RUN = re.compile("[À-ÖØ-öø-ÿ]{3,}")
_ODD_SYMBOLS = "€‚ƒ„…†‡ˆ‰‹›•˜™¢£¤¥¦§¨©«¬®¯±²³µ¶¸¹»¼½¾¿¡×÷Ÿ"
_SYMBOL_BY_LETTER = re.compile(f"[^\\W\\d_][{_ODD_SYMBOLS}]|[{_ODD_SYMBOLS}][^\\W\\d_]")
_CAPITAL_AFTER_SMALL = re.compile("[a-zß-ÿ][ŠŒŽ]")
_DASH_INSIDE_WORD = re.compile("[^\\W\\d_][–—][a-zß-ÿ]")
_LEGACY_SIGNS = (_LETTER_RUN, _SYMBOL_BY_LETTER, _CAPITAL_AFTER_SMALL, _DASH_INSIDE_WORD)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_QUESTION_MARK_IN_WORD = re.compile(r"[^\W\d_]\?[^\W\d_]")
_SCIENTIFIC = re.compile(r"\d+(\.\d+)?[eE]\+\d+")


def looks_garbled(text: str, *, legacy_text: bool) -> bool:
    """Whether `text` shows signs of having been read in the wrong encoding. `legacy_text` says
    it was decoded as Windows-1252, where more signs are telling."""
    if _UTF8_SEEN_AS_CP1252.search(text):
        return True
    return legacy_text and any(sign.search(text) for sign in _LEGACY_SIGNS)


@dataclass(frozen=True, slots=True)
class RosterRow:
    """A row that can be imported: the row number and the student as the file has them."""

    row: int
    fields: StudentFields


def check_rows(
    columns: Columns, records: Iterable[tuple[int, Sequence[str]]], *, legacy_text: bool
) -> tuple[list[RosterRow], list[RosterProblem]]:
    """The rows that can be imported, and every problem of the others; blank rows are skipped."""
    rows: list[RosterRow] = []
    problems: list[RosterProblem] = []
    first_row_of: dict[str, int] = {}
    for number, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        fields, found = _read_row(columns, number, cells, legacy_text)
        student_number = _cell(columns, cells, RosterField.STUDENT_NUMBER)
        if student_number in first_row_of:
            found.append(
                _located(
                    RosterIssue.DUPLICATE_NUMBER,
                    number,
                    columns,
                    RosterField.STUDENT_NUMBER,
                    other_row=first_row_of[student_number],
                )
            )
        elif student_number:
            first_row_of[student_number] = number
        problems += found
        if fields is not None and not found:
            rows.append(RosterRow(number, fields))
    return rows, problems


def _read_row(
    columns: Columns, number: int, cells: Sequence[str], legacy_text: bool
) -> tuple[StudentFields | None, list[RosterProblem]]:
    width = len(columns.headers)
    if any(cell.strip() for cell in cells[width:]):
        return None, [RosterProblem(RosterIssue.EXTRA_CELLS, row=number, limit=width)]
    text = {field: _cell(columns, cells, field) for field in RosterField}
    problems = [
        _located(issue, number, columns, field)
        for field in columns.index
        if (issue := _text_issue(field, text[field], legacy_text)) is not None
    ]
    grade = parse_grade(text[RosterField.GRADE])
    if grade is None:
        problems.append(_grade_problem(number, columns, text[RosterField.GRADE]))
    fields = _fields(text, grade)
    for found in validate_student(fields):
        if found.field != RosterField.GRADE:
            issue = _ISSUE_OF_PROBLEM.get(found.problem, RosterIssue.MISSING_VALUE)
            field = RosterField(found.field)
            problems.append(_located(issue, number, columns, field, limit=found.limit))
    if _SCIENTIFIC.fullmatch(fields.student_number):
        problems.append(
            _located(RosterIssue.NUMBER_ROUNDED, number, columns, RosterField.STUDENT_NUMBER)
        )
    return fields, problems


def _fields(text: dict[RosterField, str], grade: int | None) -> StudentFields:
    return StudentFields(
        student_number=text[RosterField.STUDENT_NUMBER],
        first_name=text[RosterField.FIRST_NAME],
        last_name=text[RosterField.LAST_NAME],
        preferred_name=text[RosterField.PREFERRED_NAME],
        grade=grade,
        homeroom=text[RosterField.HOMEROOM],
    )


_ISSUE_OF_PROBLEM = {
    Problem.REQUIRED: RosterIssue.MISSING_VALUE,
    Problem.TOO_LONG: RosterIssue.TOO_LONG,
    Problem.HAS_SPACES: RosterIssue.SPACES_IN_NUMBER,
}


def _cell(columns: Columns, cells: Sequence[str], field: RosterField) -> str:
    index = columns.index.get(field)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _located(
    issue: RosterIssue,
    row: int,
    columns: Columns,
    field: RosterField,
    *,
    other_row: int | None = None,
    limit: int | None = None,
) -> RosterProblem:
    return RosterProblem(issue, row, field, columns.header(field), other_row=other_row, limit=limit)


def _text_issue(field: RosterField, text: str, legacy_text: bool) -> RosterIssue | None:
    if _CONTROL.search(text):
        return RosterIssue.UNPRINTABLE
    if "\ufffd" in text or (field in NAME_FIELDS and _QUESTION_MARK_IN_WORD.search(text)):
        return RosterIssue.LOST_CHARACTERS
    if looks_garbled(text, legacy_text=legacy_text):
        return RosterIssue.GARBLED_TEXT
    return None


def _grade_problem(row: int, columns: Columns, text: str) -> RosterProblem:
    if not text:
        return _located(RosterIssue.MISSING_VALUE, row, columns, RosterField.GRADE)
    # Quote the value only when it cannot be a name: short, with a digit, plain characters.
    quotable = len(text) <= 8 and re.fullmatch(r"[A-Za-z .+-]*\d[A-Za-z0-9 .+-]*", text)
    problem = _located(RosterIssue.NOT_A_GRADE, row, columns, RosterField.GRADE)
    return replace(problem, value=text if quotable else "")


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
class PlannedStudent:
    """One student and what the import does to them. `fields` is the student afterwards;
    `changed` names the fields that change ("active" when a student comes back or leaves)."""

    change: Change
    fields: StudentFields
    row: int | None = None  # None for a student the file does not list
    student_id: int | None = None  # None for a new student
    changed: tuple[str, ...] = ()
    before: StudentFields | None = None


@dataclass(frozen=True, slots=True)
class RosterPlan:
    students: tuple[PlannedStudent, ...]
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
    """An import that was carried out, as planned."""

    plan: RosterPlan


_COMPARED = ("first_name", "last_name", "preferred_name", "grade", "homeroom")


def plan_roster(
    rows: Sequence[RosterRow],
    existing: Iterable[Student],
    source: RosterSource,
    *,
    full_roster: bool,
) -> RosterPlan:
    """What importing `rows` does to the students already kept: matched by student number.
    A full roster marks active students the file does not list inactive."""
    by_number = {student.student_number: student for student in existing}
    present = set(source.columns.index)
    planned = [_plan_row(row, by_number.get(row.fields.student_number), present) for row in rows]
    if full_roster:
        listed = {row.fields.student_number for row in rows}
        planned += [
            PlannedStudent(Change.MARKED_INACTIVE, student.fields(), None, student.id, ("active",))
            for student in by_number.values()
            if student.active and student.student_number not in listed
        ]
    return RosterPlan(tuple(planned), full_roster, source)


def _plan_row(row: RosterRow, student: Student | None, present: set[RosterField]) -> PlannedStudent:
    if student is None:
        return PlannedStudent(Change.ADDED, row.fields, row.row)
    before = student.fields()
    after = row.fields
    # A column the file does not have keeps what was kept (a preferred name typed by hand).
    if RosterField.PREFERRED_NAME not in present:
        after = replace(after, preferred_name=before.preferred_name)
    if RosterField.HOMEROOM not in present:
        after = replace(after, homeroom=before.homeroom)
    changed = tuple(name for name in _COMPARED if getattr(after, name) != getattr(before, name))
    if not student.active:
        changed += ("active",)
    change = Change.UPDATED if changed else Change.UNCHANGED
    return PlannedStudent(change, after, row.row, student.id, changed, before)


# Problems in words: English templates, passed through the caller's `translate` (the ui's tr).
FIELD_WORDS = {
    RosterField.STUDENT_NUMBER: "student number",
    RosterField.FIRST_NAME: "first name",
    RosterField.LAST_NAME: "last name",
    RosterField.PREFERRED_NAME: "preferred name",
    RosterField.GRADE: "grade",
    RosterField.HOMEROOM: "homeroom",
}
SAVE_AS_UTF8 = 'Save the file from the spreadsheet program as "CSV UTF-8" and try again.'
SENTENCES = {
    RosterIssue.EMPTY_FILE: "the file is empty",
    RosterIssue.SPREADSHEET_FILE: "the file is a spreadsheet workbook, not a CSV file",
    RosterIssue.NOT_TEXT: "the file is not a text file",
    RosterIssue.DAMAGED_UTF8: "the file is UTF-8 text with a broken character near this row",
    RosterIssue.DAMAGED_UTF16: "the file is UTF-16 text with a broken character in it",
    RosterIssue.UNKNOWN_ENCODING: (
        "the file is neither UTF-8 nor Windows-1252 text, and its encoding cannot be told"
    ),
    RosterIssue.NOT_A_TABLE: (
        "the file is not a table of columns separated by commas, semicolons or tabs"
    ),
    RosterIssue.MISSING_COLUMN: 'there is no column for the {field} (a header such as "{example}")',
    RosterIssue.TWO_COLUMNS: "more than one column could be the {field}: {columns}",
    RosterIssue.NO_STUDENTS: "the file has a header row but no students",
    RosterIssue.BROKEN_QUOTES: "the quotation marks in this row do not pair up",
    RosterIssue.EXTRA_CELLS: (
        "the row has more cells than the {limit} columns of the header "
        "(a value with a separator in it needs quotation marks)"
    ),
    RosterIssue.MISSING_VALUE: 'the {field} (column "{column}") is empty',
    RosterIssue.TOO_LONG: 'the {field} (column "{column}") is longer than {limit} characters',
    RosterIssue.NOT_A_GRADE: "the grade{value} is not a grade from PK to 12",
    RosterIssue.SPACES_IN_NUMBER: "the student number has spaces in it",
    RosterIssue.NUMBER_ROUNDED: (
        "the student number was turned into a rounded number by a spreadsheet (like 1.2E+11)"
    ),
    RosterIssue.DUPLICATE_NUMBER: "the student number is also on row {other_row}",
    RosterIssue.GARBLED_TEXT: (
        'the {field} (column "{column}") looks garbled, as if the file had been saved '
        "in another encoding"
    ),
    RosterIssue.LOST_CHARACTERS: (
        'the {field} (column "{column}") has letters that an earlier conversion replaced'
    ),
    RosterIssue.UNPRINTABLE: (
        'the {field} (column "{column}") holds a line break or an invisible control character'
    ),
}


def _same(text: str) -> str:
    return text


def describe(problem: RosterProblem, translate: Callable[[str], str] = _same) -> str:
    """The problem as a short clause, without its row number."""
    field = problem.field
    return translate(SENTENCES[problem.issue]).format(
        field=translate(FIELD_WORDS[field]) if field else "",
        example=ALIASES[field][0] if field else "",
        column=problem.column,
        columns=", ".join(f'"{column}"' for column in problem.columns),
        value=f' "{problem.value}"' if problem.value else "",
        other_row=problem.other_row,
        limit=problem.limit,
    )


def describe_located(problem: RosterProblem, translate: Callable[[str], str] = _same) -> str:
    """'row 14: the grade "13" is not a grade from PK to 12', or the clause alone."""
    clause = describe(problem, translate)
    if problem.row is None:
        return clause
    return translate("row {row}: {problem}").format(row=problem.row, problem=clause)


def refusal_summary(
    problems: Sequence[RosterProblem], translate: Callable[[str], str] = _same
) -> str:
    """One sentence: the roster was not imported, why, and what to do."""
    issues = {problem.issue for problem in problems}
    if issues & ENCODING_ISSUES:
        reason = translate(
            "The roster was not imported and nothing was changed: its text is not in an "
            "encoding RP Desktop can read safely."
        )
        return f"{reason} {translate(SAVE_AS_UTF8)}"
    if RosterIssue.SPREADSHEET_FILE in issues:
        reason = translate(
            "The roster was not imported and nothing was changed: it is a spreadsheet "
            "workbook, not a CSV file."
        )
        return f"{reason} {translate(SAVE_AS_UTF8)}"
    rows = {problem.row for problem in problems if problem.row is not None}
    if not rows or any(problem.row is None for problem in problems):
        return translate(
            "The roster was not imported and nothing was changed: the file cannot be read as "
            "a roster."
        )
    if len(rows) == 1:
        return translate(
            "The roster was not imported and nothing was changed: 1 row has a problem."
        )
    return translate(
        "The roster was not imported and nothing was changed: {count} rows have problems."
    ).format(count=len(rows))
