"""Demographic fields from the roster: cleaning values, recognising headers, rows and the
roster changes."""

import pytest

from rp_desktop.domain.records import Student, StudentFields
from rp_desktop.domain.roster import (
    Change,
    RosterField,
    RosterIssue,
    RosterProblem,
    RosterRow,
    RosterSource,
    check_rows,
    find_columns,
    roster_changes,
)
from rp_desktop.domain.roster.demographics import (
    HEADER_SYNONYMS,
    MAX_VALUE_LENGTH,
    DemographicField,
    changed_fields,
    clean_value,
    demographic_field,
    merged,
)
from rp_desktop.ui.words.roster import changed_value, describe_located, field_words

D = DemographicField
BASE = ["Student ID", "First Name", "Last Name", "Grade"]


def test_the_field_keys_are_fixed() -> None:
    assert [field.value for field in D] == [
        "gender",
        "race_ethnicity",
        "special_education",
        "english_learner",
        "economically_disadvantaged",
    ]
    assert demographic_field("english_learner") is D.ENGLISH_LEARNER
    assert demographic_field("first_name") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Two or   more\u00a0races ", "Two or more races"),
        ("", ""),
        ("   ", ""),
        ("Female", "Female"),
        ("x" * 61, "x" * 60),
        ("a" * 59 + " b", "a" * 59),  # cut at 60, and the trailing space goes too
    ],
)
def test_values_are_trimmed_collapsed_and_cut_to_the_column(text: str, expected: str) -> None:
    assert clean_value(D.RACE_ETHNICITY, text) == expected
    assert len(expected) <= MAX_VALUE_LENGTH


@pytest.mark.parametrize("field", [D.SPECIAL_EDUCATION, D.ENGLISH_LEARNER])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Y", "Yes"),
        ("yes", "Yes"),
        (" TRUE ", "Yes"),
        ("1", "Yes"),
        ("n", "No"),
        ("No", "No"),
        ("false", "No"),
        ("0", "No"),
        ("Monitored", "Monitored"),  # a status that is neither is kept as written
        ("", ""),
    ],
)
def test_yes_no_fields_say_yes_or_no(field: DemographicField, text: str, expected: str) -> None:
    assert clean_value(field, text) == expected


def test_gender_is_not_a_yes_no_field() -> None:
    assert clean_value(D.GENDER, "N") == "N"
    assert clean_value(D.ECONOMICALLY_DISADVANTAGED, "y") == "Yes"


@pytest.mark.parametrize("field", list(D))
def test_every_synonym_finds_its_field_in_any_spelling(field: DemographicField) -> None:
    for synonym in HEADER_SYNONYMS[field]:
        for spelling in (synonym, synonym.upper(), synonym.replace(" ", "_"), synonym.lower()):
            found, problems = find_columns([*BASE, "Email", spelling])
            assert problems == [], spelling
            assert found.demographics == {field: 5}, spelling
            assert found.header(field) == spelling


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("sex", D.GENDER),
        ("race/ethnicity", D.RACE_ETHNICITY),
        ("race_ethnicity", D.RACE_ETHNICITY),
        ("Ethnicity", D.RACE_ETHNICITY),
        ("IEP", D.SPECIAL_EDUCATION),
        ("sped", D.SPECIAL_EDUCATION),
        ("special education", D.SPECIAL_EDUCATION),
        ("EL", D.ENGLISH_LEARNER),
        ("lep", D.ENGLISH_LEARNER),
        ("english learner", D.ENGLISH_LEARNER),
        ("free/reduced lunch", D.ECONOMICALLY_DISADVANTAGED),
        ("Econ Disadv", D.ECONOMICALLY_DISADVANTAGED),
        ("FRL", D.ECONOMICALLY_DISADVANTAGED),
    ],
)
def test_the_headers_schools_write_are_recognised(header: str, field: DemographicField) -> None:
    found, _problems = find_columns([*BASE, header])
    assert found.demographics == {field: 4}


def test_a_504_plan_is_not_special_education_and_names_are_not_moved() -> None:
    found, problems = find_columns(["504", "Gender", *BASE])
    assert problems == []
    assert found.demographics == {D.GENDER: 1}
    assert found.index == {
        RosterField.STUDENT_NUMBER: 2,
        RosterField.FIRST_NAME: 3,
        RosterField.LAST_NAME: 4,
        RosterField.GRADE: 5,
    }


def test_two_columns_for_one_field_are_refused_in_words() -> None:
    _found, problems = find_columns([*BASE, "Gender", "Sex"])
    assert problems == [
        RosterProblem(RosterIssue.TWO_COLUMNS, field=D.GENDER, columns=("Gender", "Sex"))
    ]
    assert describe_located(problems[0]) == (
        'more than one column could be the gender: "Gender", "Sex"'
    )


def test_rows_carry_every_demographic_column_cleaned() -> None:
    found, _problems = find_columns([*BASE, "ELL", "Race"])
    rows, problems = check_rows(
        found,
        [
            (2, ("S-1", "Ana", "Muñoz", "7", "Y", " Hispanic  or Latino ")),
            (3, ("S-2", "Liam", "Ng", "7", "", "")),
        ],
        legacy_text=False,
    )
    assert problems == []
    assert [row.demographics for row in rows] == [
        {D.ENGLISH_LEARNER: "Yes", D.RACE_ETHNICITY: "Hispanic or Latino"},
        {D.ENGLISH_LEARNER: "", D.RACE_ETHNICITY: ""},
    ]


def test_damaged_text_in_a_demographic_column_is_refused_without_the_value() -> None:
    found, _problems = find_columns([*BASE, "Ethnicity"])
    rows, problems = check_rows(
        found, [(2, ("S-1", "Ana", "Muñoz", "7", "Hispanic\x07"))], legacy_text=False
    )
    assert rows == []
    assert problems == [RosterProblem(RosterIssue.UNPRINTABLE, 2, D.RACE_ETHNICITY, "Ethnicity")]
    assert describe_located(problems[0]) == (
        'row 2: the race/ethnicity (column "Ethnicity") holds a line break or an invisible '
        "control character"
    )


def test_merging_replaces_the_roster_s_fields_and_keeps_the_others() -> None:
    before = {D.GENDER: "Female", D.ENGLISH_LEARNER: "Yes", D.SPECIAL_EDUCATION: "No"}
    from_roster = {D.ENGLISH_LEARNER: "No", D.SPECIAL_EDUCATION: "", D.RACE_ETHNICITY: "Asian"}
    after = merged(before, from_roster)
    assert after == {D.GENDER: "Female", D.RACE_ETHNICITY: "Asian", D.ENGLISH_LEARNER: "No"}
    assert list(after) == [D.GENDER, D.RACE_ETHNICITY, D.ENGLISH_LEARNER]
    assert changed_fields(before, after) == (
        "race_ethnicity",
        "special_education",
        "english_learner",
    )


def _student(sid: int, number: str) -> Student:
    return Student(sid, number, "Ana", "Muñoz", "", 7, "7B", True)


def _row(number_in_file: int, number: str, **values: str) -> RosterRow:
    demographics = {D(key): value for key, value in values.items()}
    return RosterRow(
        number_in_file, StudentFields(number, "Ana", "Muñoz", "", 7, "7B"), demographics
    )


def test_roster_changes_count_demographic_changes_like_other_changes() -> None:
    found, _problems = find_columns([*BASE, "Homeroom", "Gender", "ELL"])
    source = RosterSource("UTF-8", ",", found)
    kept = {1: {D.GENDER: "Female", D.ENGLISH_LEARNER: "No"}, 2: {D.GENDER: "Male"}}
    changes = roster_changes(
        [
            _row(2, "S-1", gender="Female", english_learner="Yes"),
            _row(3, "S-2", gender="Male", english_learner=""),
            _row(4, "S-3", gender="", english_learner="No"),
            _row(5, "S-4", gender="Nonbinary", english_learner="No"),
        ],
        [_student(1, "S-1"), _student(2, "S-2"), _student(3, "S-3")],
        source,
        full_roster=False,
        demographics=kept,
    )
    assert [(s.change, s.changed) for s in changes.students] == [
        (Change.UPDATED, ("english_learner",)),
        (Change.UNCHANGED, ()),
        (Change.UPDATED, ("english_learner",)),
        (Change.ADDED, ()),
    ]
    assert changes.students[0].demographics_before == kept[1]
    assert changes.students[0].demographics == {D.GENDER: "Female", D.ENGLISH_LEARNER: "Yes"}
    assert changes.students[3].demographics == {D.GENDER: "Nonbinary", D.ENGLISH_LEARNER: "No"}
    assert (changes.added, changes.updated, changes.unchanged) == (1, 2, 1)
    # What the preview shows for a change: the field's words, the value before and after.
    third = changes.students[2]
    assert field_words(third.changed[0]) == "English learner"
    assert changed_value(third, "english_learner", before=True) == ""
    assert changed_value(third, "english_learner", before=False) == "No"


def test_a_file_without_the_column_leaves_the_values_alone() -> None:
    found, _problems = find_columns([*BASE, "Homeroom"])
    changes = roster_changes(
        [_row(2, "S-1")],
        [_student(1, "S-1")],
        RosterSource("UTF-8", ",", found),
        full_roster=False,
        demographics={1: {D.GENDER: "Female"}},
    )
    assert changes.students[0].change == Change.UNCHANGED
    assert changes.students[0].demographics == {D.GENDER: "Female"}
