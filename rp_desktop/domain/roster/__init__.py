"""A school's roster export, judged: which column is which, what a grade looks like, which rows
can be imported, and what importing them would change. Pure: the service reads the bytes and the
database, this package judges text; `rp_desktop.ui.words.roster` puts its problems into words.

Problems name a row, a column and what is wrong, never a student's name. A grade may be quoted
(it is not a name); a name never is.
"""

from rp_desktop.domain.roster.changes import (
    Change,
    RosterChanges,
    RosterResult,
    RosterSource,
    StudentChange,
    roster_changes,
)
from rp_desktop.domain.roster.fields import (
    NAME_FIELDS,
    REQUIRED_FIELDS,
    ColumnField,
    RosterField,
)
from rp_desktop.domain.roster.headers import (
    ALIASES,
    Columns,
    find_columns,
    header_key,
    header_score,
    parse_grade,
)
from rp_desktop.domain.roster.problems import (
    ENCODING_ISSUES,
    RefusalReason,
    RosterIssue,
    RosterProblem,
    RosterRefused,
    refusal_reason,
    rows_with_problems,
)
from rp_desktop.domain.roster.rows import RosterRow, check_rows
from rp_desktop.domain.roster.text_checks import looks_garbled

__all__ = [
    "ALIASES",
    "ENCODING_ISSUES",
    "NAME_FIELDS",
    "REQUIRED_FIELDS",
    "Change",
    "ColumnField",
    "Columns",
    "RefusalReason",
    "RosterChanges",
    "RosterField",
    "RosterIssue",
    "RosterProblem",
    "RosterRefused",
    "RosterResult",
    "RosterRow",
    "RosterSource",
    "StudentChange",
    "check_rows",
    "find_columns",
    "header_key",
    "header_score",
    "looks_garbled",
    "parse_grade",
    "refusal_reason",
    "roster_changes",
    "rows_with_problems",
]
