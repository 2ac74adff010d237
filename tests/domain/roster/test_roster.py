"""Judging a roster export: headers, grades, rows, garbled text, the roster changes, and the
words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rp_desktop.domain.records import Student, StudentFields
from rp_desktop.domain.roster import (
    ALIASES,
    Change,
    Columns,
    RosterField,
    RosterIssue,
    RosterProblem,
    RosterRefused,
    RosterRow,
    RosterSource,
    check_rows,
    find_columns,
    header_key,
    header_score,
    looks_garbled,
    parse_grade,
    roster_changes,
)
from rp_desktop.domain.roster.fields import number_key
from rp_desktop.ui.words.roster import describe, describe_located, refusal_summary

HEADERS = ("Student Number", "First Name", "Last Name", "Preferred Name", "Grade", "Homeroom")


def columns(*headers: str) -> Columns:
    found, problems = find_columns(headers or HEADERS)
    assert problems == []
    return found


def test_header_keys_ignore_case_spaces_underscores_and_punctuation() -> None:
    spellings = ["Student_Number", "student number", "StudentNumber", "STUDENT-NUMBER", "Stu. #"]
    assert [header_key(s) for s in spellings[:4]] == ["studentnumber"] * 4
    assert header_key("Stu. #") == "stu#"
    assert header_key("\ufeffGrade\u00a0Level ") == "gradelevel"


@pytest.mark.parametrize("field", list(RosterField))
def test_every_alias_finds_its_field(field: RosterField) -> None:
    for alias in ALIASES[field]:
        for spelling in (alias, alias.upper(), alias.replace(" ", "_"), alias.replace(" ", "")):
            found, _problems = find_columns(["Email", spelling])
            assert found.index == {field: 1}, spelling


def test_columns_are_found_in_any_order_and_extra_columns_are_ignored() -> None:
    headers = ["Gender", "Gr", "Surname", "Email", "Legal First", "Perm ID", "HR", "Nickname"]
    found, problems = find_columns(headers)
    assert problems == []
    assert found.index == {
        RosterField.GRADE: 1,
        RosterField.LAST_NAME: 2,
        RosterField.FIRST_NAME: 4,
        RosterField.STUDENT_NUMBER: 5,
        RosterField.HOMEROOM: 6,
        RosterField.PREFERRED_NAME: 7,
    }
    assert found.header(RosterField.GRADE) == "Gr"
    assert header_score(headers) == 6


def test_missing_and_doubled_columns_are_named() -> None:
    _found, problems = find_columns(["Student ID", "Student Number", "First Name", "Grade"])
    assert problems == [
        RosterProblem(
            RosterIssue.TWO_COLUMNS,
            field=RosterField.STUDENT_NUMBER,
            columns=("Student ID", "Student Number"),
        ),
        RosterProblem(RosterIssue.MISSING_COLUMN, field=RosterField.LAST_NAME),
    ]
    assert describe(problems[0]) == (
        'more than one column could be the student number: "Student ID", "Student Number"'
    )
    assert describe(problems[1]) == (
        'there is no column for the last name (a header such as "Last Name")'
    )


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("PK", -1),
        ("Pre-K", -1),
        ("pre k", -1),
        ("-1", -1),
        ("K", 0),
        ("KG", 0),
        ("kindergarten", 0),
        ("0", 0),
        ("00", 0),
        ("1", 1),
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("09", 9),
        ("9th", 9),
        (" 9 ", 9),
        ("Grade 10", 10),
        ("11th grade", 11),
        ("12", 12),
    ],
)
def test_grades_as_exports_write_them(text: str, grade: int) -> None:
    assert parse_grade(text) == grade


@pytest.mark.parametrize("text", ["13", "-2", "TK", "", "nine", "9.5", "12th13", "K-12", "100"])
def test_impossible_grades_are_refused(text: str) -> None:
    assert parse_grade(text) is None


UNICODE_NAMES = [
    "María José",
    "García-Núñez",
    "O'Connor",
    "D’Angelo",
    "Nguyễn Thị Minh Khai",
    "Nou Yia",
    "Łukasz Wiśniewski",
    "Алёна Смирнова",
    "ليلى حداد",
    "Ἀλέξανδρος",
    "김민준",
    "Zoë Ørsted-Ødegård",
    "JOSÉ–LUIS",
    "Mª José",
    "Sinéad Ní Bhriain",
    "Þórunn Æsa",
]


@pytest.mark.parametrize("name", UNICODE_NAMES)
def test_real_names_do_not_look_garbled(name: str) -> None:
    assert not looks_garbled(name, legacy_text=False)


def _cp1252_ok(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("name", [n for n in UNICODE_NAMES if _cp1252_ok(n)])
def test_names_windows_1252_can_hold_do_not_look_garbled_in_it(name: str) -> None:
    assert not looks_garbled(name, legacy_text=True)


def read_as_windows_1252(data: bytes) -> str:
    """As Windows reads bytes in code page 1252: the five undefined bytes become C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize(
    "name", ["María José", "García-Núñez", "Nguyễn", "Łukasz", "Алёна", "ليلى", "Zoë", "Ødegård"]
)
def test_utf8_read_as_windows_1252_looks_garbled(name: str) -> None:
    garbled = read_as_windows_1252(name.encode("utf-8"))
    assert looks_garbled(garbled, legacy_text=False)
    assert looks_garbled(garbled, legacy_text=True)


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("Алёна Смирнова", "cp1251"),
        ("Ελένη", "cp1253"),
        ("ليلى", "cp1256"),
        ("José Muñoz", "mac_roman"),
        ("Muñoz", "mac_roman"),
        ("Łukasz", "cp1250"),
        ("José", "cp437"),
    ],
)
def test_other_code_pages_read_as_windows_1252_look_garbled(name: str, encoding: str) -> None:
    garbled = read_as_windows_1252(name.encode(encoding))
    assert looks_garbled(garbled, legacy_text=True)


# Letters of many scripts, none of them the symbols garbling leaves behind.
NAME_LETTERS = st.characters(
    categories=("Lu", "Ll", "Lo", "Zs"),
    exclude_characters="ŠšŒœŽžŸƒªºµ\u00a0",
    max_codepoint=0xD7A3,
)


@given(st.text(NAME_LETTERS | st.sampled_from("'-’ "), max_size=40))
def test_names_made_of_letters_never_look_garbled_in_unicode(name: str) -> None:
    assert not looks_garbled(name, legacy_text=False)


def rows_of(*cells: tuple[str, ...], first_row: int = 2) -> list[tuple[int, tuple[str, ...]]]:
    return list(enumerate(cells, start=first_row))


def test_good_rows_are_tidied_and_kept_exactly() -> None:
    rows, problems = check_rows(
        columns(),
        rows_of(
            (" 001234 ", " María José", "García-Núñez ", "Majo", "09", "9-B"),
            ("S-7", "Nguyễn", "Thị Minh", "", "K", ""),
            ("", "", "", "", "", ""),
        ),
        legacy_text=False,
    )
    assert problems == []
    assert rows == [
        RosterRow(2, StudentFields("001234", "María José", "García-Núñez", "Majo", 9, "9-B")),
        RosterRow(3, StudentFields("S-7", "Nguyễn", "Thị Minh", "", 0, "")),
    ]


def test_every_bad_row_is_reported_with_its_row_and_column() -> None:
    found = columns("Perm ID", "Legal First", "Surname", "Gr")
    _rows, problems = check_rows(
        found,
        rows_of(
            ("1", "Ana", "Muñoz", "13"),
            ("2", "", "O'Brien", "7"),
            ("1", "Liam", "Walsh", "7"),
            ("3 4", "Zoë", "Adeyemi", ""),
            ("5", "Nou Yia", "Xiong", "Mariam"),
            ("6", "Ana", "Smith", " Jr.", "8"),
            ("1.23457E+11", "Ama", "Owusu", "8"),
            ("7", "Ana\u0007", "Nguy\ufffdn", "8"),
        ),
        legacy_text=False,
    )
    described = [describe_located(problem) for problem in problems]
    assert described == [
        'row 2: the grade "13" is not a grade from PK to 12',
        'row 3: the first name (column "Legal First") is empty',
        "row 4: the student number is also on row 2",
        'row 5: the grade (column "Gr") is empty',
        "row 5: the student number has spaces in it",
        "row 6: the grade is not a grade from PK to 12",
        "row 7: the row has more cells than the 4 columns of the header "
        "(a value with a separator in it needs quotation marks)",
        "row 8: the student number was turned into a rounded number by a spreadsheet "
        "(like 1.2E+11)",
        'row 9: the first name (column "Legal First") holds a line break or an invisible '
        "control character",
        'row 9: the last name (column "Surname") has letters that an earlier conversion replaced',
    ]
    for name in ("Ana", "Muñoz", "O'Brien", "Mariam", "Nou Yia", "Smith", "Nguy"):
        assert not any(name in text for text in described)


def test_a_name_too_long_is_reported_with_the_limit() -> None:
    _rows, problems = check_rows(
        columns(), rows_of(("1", "A" * 101, "B", "", "5", "")), legacy_text=False
    )
    assert problems == [
        RosterProblem(RosterIssue.TOO_LONG, 2, RosterField.FIRST_NAME, "First Name", limit=100)
    ]


def test_a_question_mark_inside_a_name_is_a_lost_letter() -> None:
    _rows, problems = check_rows(
        columns(), rows_of(("1", "Ana", "Nguy?n", "", "5", "")), legacy_text=False
    )
    assert [p.issue for p in problems] == [RosterIssue.LOST_CHARACTERS]


SOURCE = RosterSource("UTF-8", ",", columns())


def student(sid: int, number: str, grade: int = 7, active: bool = True) -> Student:
    return Student(sid, number, "Ana", "Muñoz", "Anita", grade, "7B", active)


def row(number_in_file: int, number: str, grade: int = 7, preferred: str = "Anita") -> RosterRow:
    return RosterRow(number_in_file, StudentFields(number, "Ana", "Muñoz", preferred, grade, "7B"))


def test_roster_changes_add_update_and_leave_alone_by_student_number() -> None:
    existing = [student(1, "S-1"), student(2, "S-2"), student(3, "S-3", active=False)]
    changes = roster_changes(
        [row(2, "S-1"), row(3, "S-2", grade=8), row(4, "S-3"), row(5, "S-4")],
        existing,
        SOURCE,
        full_roster=False,
    )
    assert [(s.change, s.student_id, s.changed) for s in changes.students] == [
        (Change.UNCHANGED, 1, ()),
        (Change.UPDATED, 2, ("grade",)),
        (Change.UPDATED, 3, ("active",)),
        (Change.ADDED, None, ()),
    ]
    assert changes.students[1].before == existing[1].fields()
    assert (changes.added, changes.updated, changes.unchanged, changes.marked_inactive) == (
        1,
        2,
        1,
        0,
    )


def test_a_full_roster_marks_active_students_it_leaves_out_inactive() -> None:
    existing = [student(1, "S-1"), student(2, "S-2"), student(3, "S-3", active=False)]
    partial = roster_changes([row(2, "S-1")], existing, SOURCE, full_roster=False)
    assert partial.marked_inactive == 0
    full = roster_changes([row(2, "S-1")], existing, SOURCE, full_roster=True)
    leaving = [s for s in full.students if s.change == Change.MARKED_INACTIVE]
    assert [(s.student_id, s.row, s.changed) for s in leaving] == [(2, None, ("active",))]


def test_a_column_the_file_lacks_keeps_what_was_kept() -> None:
    source = RosterSource("UTF-8", ",", columns("Student #", "First", "Last", "Grade", "HR"))
    changes = roster_changes(
        [row(2, "S-1", preferred="")], [student(1, "S-1")], source, full_roster=False
    )
    assert changes.students[0].change == Change.UNCHANGED
    assert changes.students[0].fields.preferred_name == "Anita"
    with_column = roster_changes(
        [row(2, "S-1", preferred="")], [student(1, "S-1")], SOURCE, full_roster=False
    )
    assert with_column.students[0].changed == ("preferred_name",)


def test_summaries_say_what_to_do_in_one_sentence() -> None:
    grade = RosterProblem(RosterIssue.NOT_A_GRADE, 4, RosterField.GRADE, "Grade", value="13")
    twice = RosterProblem(RosterIssue.MISSING_VALUE, 4, RosterField.LAST_NAME, "Last Name")
    other = RosterProblem(RosterIssue.MISSING_VALUE, 9, RosterField.LAST_NAME, "Last Name")
    assert refusal_summary([grade, twice]) == (
        "The roster was not imported and nothing was changed: 1 row has a problem."
    )
    assert refusal_summary([grade, other]).endswith("2 rows have problems.")
    encoding = refusal_summary([RosterProblem(RosterIssue.UNKNOWN_ENCODING, 3)])
    assert encoding.endswith(
        'Save the file from the spreadsheet program as "CSV UTF-8" and try again.'
    )
    assert refusal_summary([RosterProblem(RosterIssue.EMPTY_FILE)]).endswith(
        "the file cannot be read as a roster."
    )
    assert describe_located(RosterProblem(RosterIssue.EMPTY_FILE)) == "the file is empty"


def test_every_issue_has_words_and_a_translation_is_used() -> None:
    for issue in RosterIssue:
        problem = RosterProblem(issue, 2, RosterField.GRADE, "Gr", "13", 1, 40, ("A", "B"))
        assert describe(problem)
        assert describe(problem, lambda text: f"«{text}»").startswith("«")


@pytest.mark.parametrize(
    ("number", "key"),
    [("00123", "123"), ("123", "123"), ("000", "0"), ("0", "0"), ("S-00123", "S-00123"),
     ("0012A", "0012A"), ("\u0660\u0661", "\u0660\u0661")],  # Arabic-Indic digits: as they are
)  # fmt: skip
def test_a_number_of_digits_alone_is_compared_without_its_leading_zeros(
    number: str, key: str
) -> None:
    assert number_key(number) == key


def test_leading_zeros_match_a_student_kept_who_keeps_the_number_kept() -> None:
    existing = [student(1, "123"), student(2, "0045"), student(3, "S-007")]
    changes = roster_changes(
        [row(2, "00123", grade=8), row(3, "45"), row(4, "S-7")],
        existing,
        SOURCE,
        full_roster=True,
    )
    assert [(s.change, s.student_id, s.fields.student_number) for s in changes.students] == [
        (Change.UPDATED, 1, "123"),
        (Change.UNCHANGED, 2, "0045"),
        (Change.ADDED, None, "S-7"),  # not all digits: compared exactly
        (Change.MARKED_INACTIVE, 3, "S-007"),
    ]
    assert changes.rows_matched_but_zeros == (2, 3)


def test_the_same_number_kept_exactly_wins_over_one_alike_but_for_zeros() -> None:
    existing = [student(1, "0123"), student(2, "123")]
    changes = roster_changes([row(2, "123")], existing, SOURCE, full_roster=False)
    assert [(s.student_id, s.matched_but_zeros) for s in changes.students] == [(2, False)]


def test_a_number_alike_several_students_kept_is_refused_not_guessed() -> None:
    existing = [student(1, "0123"), student(2, "123")]
    with pytest.raises(RosterRefused) as refused:
        roster_changes([row(2, "00123")], existing, SOURCE, full_roster=False)
    assert describe_located(refused.value.problems[0]) == (
        "row 2: the student number matches 2 students already kept once leading zeros are "
        "ignored; write it exactly as the right one has it"
    )


def test_rows_alike_but_for_zeros_are_duplicates_naming_both_rows() -> None:
    header = columns("Student #", "First", "Last", "Grade")
    rows, problems = check_rows(
        header,
        rows_of(("0042", "Ana", "Muñoz", "7"), ("S-1", "Bo", "Ng", "7"), ("42", "Cy", "Lu", "7")),
        legacy_text=False,
    )
    assert [r.row for r in rows] == [2, 3]
    assert [(p.issue, p.row, p.other_row) for p in problems] == [
        (RosterIssue.DUPLICATE_BUT_ZEROS, 4, 2)
    ]
