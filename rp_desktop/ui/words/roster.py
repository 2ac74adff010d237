"""A refused roster's problems in words: English templates, passed through the caller's
`translate` (the ui's tr). Pure Python, without Qt, so that the command line can use it too."""

from collections.abc import Callable, Sequence

from rp_desktop.domain.characters import code_point
from rp_desktop.domain.roster import (
    ALIASES,
    REQUIRED_FIELDS,
    ColumnField,
    RefusalReason,
    RosterField,
    RosterIssue,
    RosterProblem,
    StudentChange,
    refusal_reason,
    rows_with_problems,
)
from rp_desktop.domain.roster.demographics import (
    HEADER_SYNONYMS,
    DemographicField,
    demographic_field,
)

FIELD_WORDS: dict[ColumnField, str] = {
    RosterField.STUDENT_NUMBER: "student number",
    RosterField.FIRST_NAME: "first name",
    RosterField.LAST_NAME: "last name",
    RosterField.PREFERRED_NAME: "preferred name",
    RosterField.GRADE: "grade",
    RosterField.HOMEROOM: "homeroom",
    DemographicField.GENDER: "gender",
    DemographicField.RACE_ETHNICITY: "race/ethnicity",
    DemographicField.SPECIAL_EDUCATION: "special education",
    DemographicField.ENGLISH_LEARNER: "English learner",
    DemographicField.ECONOMICALLY_DISADVANTAGED: "economically disadvantaged",
}


def field_words(name: str) -> str:
    """The English words for a field named in StudentChange.changed ("active" is not one)."""
    return FIELD_WORDS[demographic_field(name) or RosterField(name)]


def changed_value(student: StudentChange, name: str, *, before: bool) -> str | int | None:
    """What a field named in `student.changed` held before the import, or holds after it: text
    ("" for none, an unknown demographic value included) or, for the grade, a number."""
    if (demographic := demographic_field(name)) is not None:
        values = student.demographics_before if before else student.demographics
        return values.get(demographic, "")
    fields = student.before if before else student.fields
    assert fields is not None, "only an updated student has values before"
    value: str | int | None = getattr(fields, name)
    return value


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
    RosterIssue.DUPLICATE_BUT_ZEROS: (
        "the student number is the one on row {other_row} once leading zeros are ignored "
        "(0123 and 123 are one number)"
    ),
    RosterIssue.AMBIGUOUS_NUMBER: (
        "the student number matches {limit} students already kept once leading zeros are "
        "ignored; write it exactly as the right one has it"
    ),
    RosterIssue.CELL_TOO_LONG: (
        "a cell of this row is over {limit:,} characters long; is this the roster file?"
    ),
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
    RosterIssue.INVISIBLE: (
        'the {field} (column "{column}") contains an invisible character ({character}); retype it'
    ),
}
# What a refusal says when it is not about rows; "Save as CSV UTF-8" follows those that cure.
_WHOLE_FILE = {
    RefusalReason.ENCODING: (
        "The roster was not imported and nothing was changed: its text is not in an "
        "encoding RP Desktop can read safely."
    ),
    RefusalReason.SPREADSHEET: (
        "The roster was not imported and nothing was changed: it is a spreadsheet "
        "workbook, not a CSV file."
    ),
    RefusalReason.UNREADABLE: (
        "The roster was not imported and nothing was changed: the file cannot be read as a roster."
    ),
}
_CURED_BY_SAVING = (RefusalReason.ENCODING, RefusalReason.SPREADSHEET)


def _same(text: str) -> str:
    return text


def example_header(field: ColumnField) -> str:
    if isinstance(field, DemographicField):
        return HEADER_SYNONYMS[field][0]
    return ALIASES[field][0]


def optional_fields() -> tuple[ColumnField, ...]:
    """The columns a roster may have besides the required ones, in the order they are listed."""
    student = tuple(field for field in RosterField if field not in REQUIRED_FIELDS)
    return (*student, *DemographicField)


def needed_columns(translate: Callable[[str], str] = _same) -> str:
    """Which columns a roster file needs and which it may have, by their usual headers, in
    plain words; taken from the roster's own lists, so they cannot drift apart."""
    required = ", ".join(example_header(field) for field in REQUIRED_FIELDS)
    optional = ", ".join(example_header(field) for field in optional_fields())
    other = example_header(RosterField.STUDENT_NUMBER)
    alias = next(a for a in ALIASES[RosterField.STUDENT_NUMBER] if a != other)
    return "\n".join(
        (
            translate("Columns the file needs: {required}.").format(required=required),
            translate("Columns it may have: {optional}.").format(optional=optional),
            translate(
                "The usual headers of student information systems are known too (such as "
                '"{alias}" for {other}); other columns are left out, in any order.'
            ).format(alias=alias, other=other),
        )
    )


def describe(problem: RosterProblem, translate: Callable[[str], str] = _same) -> str:
    """The problem as a short clause, without its row number."""
    field = problem.field
    return translate(SENTENCES[problem.issue]).format(
        field=translate(FIELD_WORDS[field]) if field else "",
        example=example_header(field) if field else "",
        column=problem.column,
        columns=", ".join(f'"{column}"' for column in problem.columns),
        value=f' "{problem.value}"' if problem.value else "",
        other_row=problem.other_row,
        limit=problem.limit,
        character=code_point(problem.character) if problem.character else "",
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
    reason = refusal_reason(problems)
    if reason in _CURED_BY_SAVING:
        return f"{translate(_WHOLE_FILE[reason])} {translate(SAVE_AS_UTF8)}"
    if reason in _WHOLE_FILE:
        return translate(_WHOLE_FILE[reason])
    if rows_with_problems(problems) == 1:
        return translate(
            "The roster was not imported and nothing was changed: 1 row has a problem."
        )
    return translate(
        "The roster was not imported and nothing was changed: {count} rows have problems."
    ).format(count=rows_with_problems(problems))


ROWS_LISTED = 20  # a roster of 2,000 students padded anew would list every row


def matched_but_zeros(rows: Sequence[int], translate: Callable[[str], str] = _same) -> str:
    """What a preview says of rows that matched a student kept only once leading zeros were
    ignored ("00123" in the file, "123" kept): "" when there are none."""
    if not rows:
        return ""
    listed = ", ".join(str(row) for row in rows[:ROWS_LISTED])
    if len(rows) > ROWS_LISTED:
        listed = translate("{rows} and {more:,} more").format(
            rows=listed, more=len(rows) - ROWS_LISTED
        )
    if len(rows) == 1:
        return translate(
            "1 row matched a student already kept only once leading zeros were ignored: "
            "row {rows}. That student keeps the number as it was kept."
        ).format(rows=listed)
    return translate(
        "{count} rows matched a student already kept only once leading zeros were ignored: "
        "rows {rows}. Those students keep their numbers as they were kept."
    ).format(count=f"{len(rows):,}", rows=listed)
