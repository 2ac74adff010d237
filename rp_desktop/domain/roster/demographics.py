"""The demographic fields a school's roster may carry about a student, so disproportionality
reports can compare groups of students (issue 6).

These values are confidential: they are read inside the app and leave it only as suppressed
aggregates. They come from the roster, never typed by hand, and are kept as the roster words
them (cleaned of stray spaces), except yes/no fields, whose many spellings would otherwise split
one group into several ("Y", "yes", "TRUE", "1"). An empty cell means unknown: no value is kept.
"""

from collections.abc import Mapping
from enum import StrEnum


class DemographicField(StrEnum):
    """A demographic field; the value is the key stored in `student_demographic.field` and used
    in report keys, so it never changes."""

    GENDER = "gender"
    RACE_ETHNICITY = "race_ethnicity"
    SPECIAL_EDUCATION = "special_education"
    ENGLISH_LEARNER = "english_learner"
    ECONOMICALLY_DISADVANTAGED = "economically_disadvantaged"


_BY_KEY = {field.value: field for field in DemographicField}


def demographic_field(key: str) -> DemographicField | None:
    """The field whose key is `key`, or None for any other text (a key from a later version)."""
    return _BY_KEY.get(key)


# A student's values by field; a field without a value is absent (unknown).
DemographicValues = Mapping[DemographicField, str]

MAX_VALUE_LENGTH = 60  # the column's width

# Fields whose roster values say yes or no, written "Yes" and "No" whatever the roster wrote.
YES_NO_FIELDS = frozenset(
    {
        DemographicField.SPECIAL_EDUCATION,
        DemographicField.ENGLISH_LEARNER,
        DemographicField.ECONOMICALLY_DISADVANTAGED,
    }
)
YES = "Yes"
NO = "No"
_YES_WORDS = frozenset({"y", "yes", "true", "1"})
_NO_WORDS = frozenset({"n", "no", "false", "0"})

# Headers that rosters use for each field, compared the way other roster headers are (without
# case, spaces or punctuation). A 504 plan is not special education and is left out on purpose.
HEADER_SYNONYMS: dict[DemographicField, tuple[str, ...]] = {
    DemographicField.GENDER: ("Gender", "Sex"),
    DemographicField.RACE_ETHNICITY: ("Race/Ethnicity", "Race", "Ethnicity", "Race_Ethnicity"),
    DemographicField.SPECIAL_EDUCATION: (
        "Special Education", "IEP", "SPED", "Special_Education",
    ),
    DemographicField.ENGLISH_LEARNER: (
        "English Learner", "ELL", "EL", "English_Learner", "LEP",
    ),
    DemographicField.ECONOMICALLY_DISADVANTAGED: (
        "Economically Disadvantaged", "FRL", "Free/Reduced Lunch", "Econ Disadv",
    ),
}  # fmt: skip


def clean_value(field: DemographicField, text: str) -> str:
    """The value to keep for a roster cell: spaces trimmed and collapsed, at most
    MAX_VALUE_LENGTH characters, yes/no spellings as "Yes"/"No"; "" means unknown."""
    value = " ".join(text.split())
    if field in YES_NO_FIELDS:
        word = value.casefold()
        if word in _YES_WORDS:
            return YES
        if word in _NO_WORDS:
            return NO
    return value[:MAX_VALUE_LENGTH].rstrip()


def merged(
    before: DemographicValues, from_roster: DemographicValues
) -> dict[DemographicField, str]:
    """A student's values after an import: each field the roster has replaces what was kept
    (an empty cell forgets it); fields the roster lacks keep their values. In field order."""
    after = {**before, **from_roster}
    return {field: after[field] for field in DemographicField if after.get(field)}


def changed_fields(before: DemographicValues, after: DemographicValues) -> tuple[str, ...]:
    """The fields whose value differs, in field order, by their keys."""
    return tuple(
        field.value for field in DemographicField if before.get(field, "") != after.get(field, "")
    )
