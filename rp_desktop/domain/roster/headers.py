"""Which column is which: the headers student information systems write, and what a grade
looks like in them."""

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rp_desktop.domain.roster.demographics import HEADER_SYNONYMS, DemographicField
from rp_desktop.domain.roster.fields import REQUIRED_FIELDS, ColumnField, RosterField
from rp_desktop.domain.roster.problems import RosterIssue, RosterProblem
from rp_desktop.domain.vocabulary import HIGHEST_GRADE, LOWEST_GRADE

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
_DEMOGRAPHIC_OF_KEY = {
    header_key(alias): field for field, names in HEADER_SYNONYMS.items() for alias in names
}


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each field is in a row, and the header row as the file wrote it. `demographics`
    holds the optional demographic columns the file has."""

    headers: tuple[str, ...]
    index: dict[RosterField, int]
    demographics: dict[DemographicField, int] = dataclasses.field(default_factory=dict)

    def column(self, field: ColumnField) -> int | None:
        if isinstance(field, DemographicField):
            return self.demographics.get(field)
        return self.index.get(field)

    def header(self, field: ColumnField) -> str:
        index = self.column(field)
        assert index is not None, "only a column the file has has a header"
        return self.headers[index]


def header_score(headers: Sequence[str]) -> int:
    """How many different fields a row of headers names; the header row scores highest."""
    return len({_FIELD_OF_KEY[key] for key in map(header_key, headers) if key in _FIELD_OF_KEY})


def find_columns(headers: Sequence[str]) -> tuple[Columns, list[RosterProblem]]:
    """The fields' columns, or the problems that make the header row unusable."""
    found: dict[RosterField, list[int]] = {}
    demographics: dict[DemographicField, list[int]] = {}
    for index, header in enumerate(headers):
        key = header_key(header)
        if (field := _FIELD_OF_KEY.get(key)) is not None:
            found.setdefault(field, []).append(index)
        elif (demographic := _DEMOGRAPHIC_OF_KEY.get(key)) is not None:
            demographics.setdefault(demographic, []).append(index)
    every: list[tuple[ColumnField, list[int]]] = [*found.items(), *demographics.items()]
    problems = [
        RosterProblem(RosterIssue.TWO_COLUMNS, field=field, columns=tuple(headers[i] for i in at))
        for field, at in every
        if len(at) > 1
    ]
    problems += [
        RosterProblem(RosterIssue.MISSING_COLUMN, field=field)
        for field in REQUIRED_FIELDS
        if field not in found
    ]
    columns = Columns(
        tuple(headers),
        {field: at[0] for field, at in found.items()},
        {field: at[0] for field, at in demographics.items()},
    )
    return columns, problems


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
