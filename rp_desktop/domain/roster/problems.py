"""What can be wrong with a roster file or one of its rows, as enums and numbers.

Problems name a row, a column and what is wrong, never a student's name. A grade may be quoted
(it is not a name); a name never is.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rp_desktop.domain.roster.fields import ColumnField


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
    DUPLICATE_BUT_ZEROS = "duplicate_but_zeros"  # the same number once leading zeros are ignored
    AMBIGUOUS_NUMBER = "ambiguous_number"  # matches several students kept, leading zeros aside
    CELL_TOO_LONG = "cell_too_long"  # longer than the csv module reads: not a roster, likely
    GARBLED_TEXT = "garbled_text"
    LOST_CHARACTERS = "lost_characters"
    UNPRINTABLE = "unprintable"
    INVISIBLE = "invisible"  # a format character (Unicode Cf): a zero-width space, a bidi override


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
    header as the file wrote it; `value` is only ever a grade, never a name (nor a demographic
    value); `character` is an invisible character found (INVISIBLE), shown by its code point."""

    issue: RosterIssue
    row: int | None = None
    field: ColumnField | None = None
    column: str = ""
    value: str = ""
    other_row: int | None = None
    limit: int | None = None
    columns: tuple[str, ...] = ()
    character: str = ""


class RefusalReason(StrEnum):
    """What a refusal's one-sentence summary says, in order of precedence."""

    ENCODING = "encoding"  # saving the file as "CSV UTF-8" is likely to cure it
    SPREADSHEET = "spreadsheet"  # a workbook, not a CSV file
    UNREADABLE = "unreadable"  # the file as a whole cannot be read as a roster
    ROWS = "rows"  # some rows have problems; the others could be imported


def refusal_reason(problems: Sequence[RosterProblem]) -> RefusalReason:
    """Which summary fits `problems`."""
    issues = {problem.issue for problem in problems}
    if issues & ENCODING_ISSUES:
        return RefusalReason.ENCODING
    if RosterIssue.SPREADSHEET_FILE in issues:
        return RefusalReason.SPREADSHEET
    if not rows_with_problems(problems) or any(problem.row is None for problem in problems):
        return RefusalReason.UNREADABLE
    return RefusalReason.ROWS


def rows_with_problems(problems: Sequence[RosterProblem]) -> int:
    """How many different rows `problems` name."""
    return len({problem.row for problem in problems if problem.row is not None})


class RosterRefused(Exception):
    """The file was not imported and nothing was changed; `problems` says why, row by row.

    Its text is a plain English summary without names, for logs and scripts; the ui words it
    (`rp_desktop.ui.words.roster`)."""

    def __init__(self, problems: Sequence[RosterProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(_summary_in_english(self.problems))


_SAVE_AS_UTF8 = 'Save the file from the spreadsheet program as "CSV UTF-8" and try again.'
_WHY_IN_ENGLISH = {
    RefusalReason.ENCODING: (
        f"its text is not in an encoding RP Desktop can read safely. {_SAVE_AS_UTF8}"
    ),
    RefusalReason.SPREADSHEET: f"it is a spreadsheet workbook, not a CSV file. {_SAVE_AS_UTF8}",
    RefusalReason.UNREADABLE: "the file cannot be read as a roster.",
}


def _summary_in_english(problems: Sequence[RosterProblem]) -> str:
    reason = refusal_reason(problems)
    if reason in _WHY_IN_ENGLISH:
        why = _WHY_IN_ENGLISH[reason]
    elif (rows := rows_with_problems(problems)) == 1:
        why = "1 row has a problem."
    else:
        why = f"{rows} rows have problems."
    return f"The roster was not imported and nothing was changed: {why}"
