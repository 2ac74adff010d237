"""Roster import: every encoding x separator x header set x line ending imports each name
exactly; every bad row and bad file is refused with the database unchanged, table by table."""

import codecs
import csv
import io
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from rp_desktop.db.backup import copy_database
from rp_desktop.domain.records import CaseFields, ListQuery, ParticipantFields, StudentFields
from rp_desktop.domain.roster import RosterField, RosterIssue, RosterRefused
from rp_desktop.domain.vocabulary import AuditAction, Role, Tier
from rp_desktop.services.casework.cases import list_cases, open_case
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student, list_students
from rp_desktop.services.students.roster_import import import_roster, preview_roster
from tests.conftest import FakeClock
from tests.services.conftest import Roster, audit_rows

F = RosterField
Layout = tuple[tuple[str, RosterField | None], ...]

ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 LE with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "windows-1252": lambda text: text.encode("cp1252"),
}
SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}
LINE_ENDINGS = {"CRLF": "\r\n", "LF": "\n"}

# Header rows as three kinds of systems write them, in their own orders, with columns to ignore.
HEADER_SETS: dict[str, Layout] = {
    "PowerSchool-style": (
        ("Student_Number", F.STUDENT_NUMBER),
        ("Last_Name", F.LAST_NAME),
        ("First_Name", F.FIRST_NAME),
        ("Middle_Name", None),
        ("Pref_First_Name", F.PREFERRED_NAME),
        ("Grade_Level", F.GRADE),
        ("Home_Room", F.HOMEROOM),
    ),
    "Infinite Campus-style": (
        ("personID", None),
        ("studentNumber", F.STUDENT_NUMBER),
        ("firstName", F.FIRST_NAME),
        ("lastName", F.LAST_NAME),
        ("grade", F.GRADE),
        ("homeroom", F.HOMEROOM),
        ("preferredName", F.PREFERRED_NAME),
    ),
    "Skyward-style": (
        ("Other ID", None),
        ("Last Name", F.LAST_NAME),
        ("First Name", F.FIRST_NAME),
        ("Nickname", F.PREFERRED_NAME),
        ("Grade", F.GRADE),
        ("Advisory", F.HOMEROOM),
        ("Student ID", F.STUDENT_NUMBER),
    ),
    "district-style": (
        ("Gr", F.GRADE),
        ("Perm ID", F.STUDENT_NUMBER),
        ("Legal First", F.FIRST_NAME),
        ("Surname", F.LAST_NAME),
        ("Preferred Name", F.PREFERRED_NAME),
        ("HR", F.HOMEROOM),
        ("Email", None),
    ),
}
GRADE_TEXT = {-1: "Pre-K", 0: "KG", 9: "09", 10: "10th"}

# Names Windows-1252 can hold, then names only Unicode can: all made up.
LATIN = [
    StudentFields("000417", "María José", "García-Núñez", "Majo", 9, "9-B"),
    StudentFields("S-1002", "Liam", "O'Connor", "", 10, "Rm 12"),
    StudentFields("S-1003", "Zoë", "de la Cruz Ramírez", 'Zo "Z"', 0, "K; West"),
    StudentFields("S-1004", "Seán", "Smith, Jr.", "", 7, "7\u00a0B"),
    StudentFields("S-1005", "Bjørn", "Müller-Lüdenscheidt", "", 12, ""),
    StudentFields("S-1006", "François", "D’Aubigné", "", -1, "PK"),
]
OTHER_SCRIPTS = [
    StudentFields("S-2001", "Nguyễn", "Thị Minh Khai", "Khai", 11, "11A"),
    StudentFields("S-2002", "Nou Yia", "Xiong", "", 3, "3-2"),
    StudentFields("S-2003", "Алёна", "Смирнова-Ким", "Лёля", 8, "8Б"),
    StudentFields("S-2004", "ليلى", "حداد", "", 5, "5"),
    StudentFields("S-2005", "민준", "김", "", 6, "6"),
]
# Already kept before the import: one the file updates, one it leaves out.
KEPT = [
    StudentFields("S-1002", "Liam", "O'Connor", "", 9, "Rm 4"),
    StudentFields("S-0999", "Amani", "Haddad", "", 8, "8C"),
]


def students_for(encoding: str) -> list[StudentFields]:
    return LATIN if encoding == "windows-1252" else LATIN + OTHER_SCRIPTS


def cell(student: StudentFields, field: RosterField | None) -> str:
    if field is None:
        return "ignored"
    if field is F.GRADE:
        assert student.grade is not None
        return GRADE_TEXT.get(student.grade, str(student.grade))
    value: str = getattr(student, field.value)
    return value


def roster_text(
    students: list[StudentFields],
    layout: Layout = HEADER_SETS["Skyward-style"],
    separator: str = ",",
    newline: str = "\r\n",
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator=newline)
    writer.writerow([header for header, _field in layout])
    writer.writerows([cell(student, field) for _header, field in layout] for student in students)
    return out.getvalue()


def utf8(students: list[StudentFields], **layout: object) -> bytes:
    return roster_text(students, **layout).encode()  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "school.db"
    with open_database(path, unencrypted=True) as db:
        for student in KEPT:
            add_student(db, student)
    return path


@pytest.fixture
def school(template: Path, tmp_path: Path, clock: FakeClock) -> Iterator[Database]:
    """A copy of a small school that already keeps two students."""
    path = tmp_path / "school.db"
    copy_database(template, path)
    with open_database(path, unencrypted=True, clock=clock) as db:
        yield db


def dump(db: Database) -> list[str]:
    """Every table's schema and rows, as SQL."""
    with closing(sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)) as connection:
        return list(connection.iterdump())


def stored(db: Database) -> list[tuple[StudentFields, bool]]:
    page = list_students(db, ListQuery(include_inactive=True, sort="student_number"), limit=500)
    return [(s.fields(), s.active) for s in page.rows]


def refused(db: Database, data: bytes, *, full_roster: bool = False) -> RosterRefused:
    """Import `data`, expecting a refusal that leaves every table as it was."""
    before = dump(db)
    with pytest.raises(RosterRefused) as refusal:
        import_roster(db, data, full_roster=full_roster)
    assert dump(db) == before
    return refusal.value


@pytest.mark.parametrize("newline", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
@pytest.mark.parametrize("layout", HEADER_SETS.values(), ids=HEADER_SETS.keys())
@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
@pytest.mark.parametrize("encoding", ENCODINGS.keys())
def test_every_encoding_separator_header_set_and_line_ending_imports_names_exactly(
    school: Database, encoding: str, separator: str, layout: Layout, newline: str
) -> None:
    students = students_for(encoding)
    data = ENCODINGS[encoding](roster_text(students, layout, separator, newline))
    result = import_roster(school, data, full_roster=False)
    assert (result.changes.added, result.changes.updated, result.changes.unchanged) == (
        len(students) - 1,
        1,
        0,
    )
    expected = [(s, True) for s in students] + [(KEPT[1], True)]
    assert stored(school) == sorted(expected, key=lambda kept: kept[0].student_number)
    assert result.changes.source.delimiter == separator


NEWCOMER = StudentFields("S-9000", "Amara", "Okafor-Eze", "", 6, "6A")
BAD_ROWS: dict[str, tuple[StudentFields, RosterIssue]] = {
    "missing first name": (
        replace(NEWCOMER, student_number="S-9001", first_name=" "),
        RosterIssue.MISSING_VALUE,
    ),
    "missing student number": (replace(NEWCOMER, student_number=""), RosterIssue.MISSING_VALUE),
    "number already in the file": (
        replace(NEWCOMER, student_number=LATIN[0].student_number),
        RosterIssue.DUPLICATE_NUMBER,
    ),
    "grade 13": (replace(NEWCOMER, student_number="S-9003", grade=13), RosterIssue.NOT_A_GRADE),
    "grade -2": (replace(NEWCOMER, student_number="S-9004", grade=-2), RosterIssue.NOT_A_GRADE),
}


@pytest.mark.parametrize("bad", BAD_ROWS.keys())
@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
@pytest.mark.parametrize("encoding", ENCODINGS.keys())
def test_any_bad_row_refuses_the_whole_file_and_changes_nothing(
    school: Database, encoding: str, separator: str, bad: str
) -> None:
    wrong, issue = BAD_ROWS[bad]
    students = students_for(encoding)
    layout = list(HEADER_SETS.values())[len(bad) % len(HEADER_SETS)]
    text = roster_text([*students[:2], wrong, *students[2:]], layout, separator)
    refusal = refused(school, ENCODINGS[encoding](text), full_roster=True)
    assert [(p.row, p.issue) for p in refusal.problems] == [(4, issue)]
    assert str(refusal).startswith("The roster was not imported and nothing was changed")


def test_every_bad_row_is_listed_at_once(school: Database) -> None:
    rows = [LATIN[0], *(wrong for wrong, _issue in BAD_ROWS.values())]
    refusal = refused(school, utf8(rows))
    assert [(p.row, p.issue) for p in refusal.problems] == [
        (3, RosterIssue.MISSING_VALUE),
        (4, RosterIssue.MISSING_VALUE),
        (5, RosterIssue.DUPLICATE_NUMBER),
        (6, RosterIssue.NOT_A_GRADE),
        (7, RosterIssue.NOT_A_GRADE),
    ]
    assert str(refusal).endswith("5 rows have problems.")


HEADER = "Student Number,First Name,Last Name,Grade\r\n"
BAD_FILES: dict[str, tuple[bytes, RosterIssue]] = {
    "empty file": (b"", RosterIssue.EMPTY_FILE),
    "blank lines only": (b"\r\n\r\n  \r\n", RosterIssue.EMPTY_FILE),
    "a byte order mark only": (codecs.BOM_UTF8, RosterIssue.EMPTY_FILE),
    "header only": (HEADER.encode(), RosterIssue.NO_STUDENTS),
    "header and blank rows": ((HEADER + ",,,\r\n\r\n").encode(), RosterIssue.NO_STUDENTS),
    "prose, not CSV": (
        b"Dear families\nThe picnic is on Friday. Bring a hat.\n",
        RosterIssue.NOT_A_TABLE,
    ),
    "a workbook": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), RosterIssue.SPREADSHEET_FILE),
    "an old workbook": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200),
        RosterIssue.SPREADSHEET_FILE,
    ),
    "a picture": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), RosterIssue.NOT_TEXT),
    "binary bytes": (bytes(range(256)) * 8, RosterIssue.NOT_TEXT),
    "no student number column": (
        b"ID,First Name,Last Name,Grade\r\n1,Ana,Lima,5\r\n",
        RosterIssue.MISSING_COLUMN,
    ),
    "two student number columns": (
        b"Student ID,Student Number,First Name,Last Name,Grade\r\n1,2,Ana,Lima,5\r\n",
        RosterIssue.TWO_COLUMNS,
    ),
    "quotes that do not pair up": (
        (HEADER + '1,"Ana,Lima,5\r\n2,Ben,Okafor,6\r\n').encode(),
        RosterIssue.BROKEN_QUOTES,
    ),
    "an unquoted comma in a name": (
        (HEADER + "1,Seán,Smith, Jr.,5\r\n").encode(),
        RosterIssue.EXTRA_CELLS,
    ),
    "a student number a spreadsheet rounded": (
        (HEADER + "1.23457E+11,Ana,Lima,5\r\n").encode(),
        RosterIssue.NUMBER_ROUNDED,
    ),
    "a letter already lost as U+FFFD": (
        (HEADER + "1,Ana,Nguy\ufffdn,5\r\n").encode(),
        RosterIssue.LOST_CHARACTERS,
    ),
    "a letter already lost as ?": (
        (HEADER + "1,Ana,Nguy?n,5\r\n").encode(),
        RosterIssue.LOST_CHARACTERS,
    ),
}


@pytest.mark.parametrize("name", BAD_FILES.keys())
def test_a_bad_file_is_refused_and_changes_nothing(school: Database, name: str) -> None:
    data, issue = BAD_FILES[name]
    refusal = refused(school, data, full_roster=True)
    assert refusal.problems[0].issue == issue


# Text in an encoding that cannot be told apart is never imported as mojibake.
NAMES = "S-1,María José,García-Núñez,9\r\nS-2,Nguyễn,Thị Minh Khai,10\r\n"
ENCODING_TROUBLE: dict[str, tuple[bytes, RosterIssue, int | None]] = {
    "a multi-byte sequence cut short": (
        (HEADER + NAMES).encode() + b"S-3,Nou Yia,Nguy" + "ễ".encode()[:2] + b"n,5\r\n",
        RosterIssue.DAMAGED_UTF8,
        4,
    ),
    "a file cut inside its last character": (
        (HEADER + NAMES + "S-3,Ana,Nguyễ").encode()[:-1],
        RosterIssue.DAMAGED_UTF8,
        4,
    ),
    "UTF-8 saved again as if it were Windows-1252": (
        (HEADER + NAMES).encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"),
        RosterIssue.GARBLED_TEXT,
        2,
    ),
    "Cyrillic in Windows-1251": (
        (HEADER + "S-1,Алёна,Смирнова,9\r\n").encode("cp1251"),
        RosterIssue.GARBLED_TEXT,
        2,
    ),
    "Mac Roman": (
        (HEADER + "S-1,José,Muñoz,9\r\n").encode("mac_roman"),
        RosterIssue.GARBLED_TEXT,
        2,
    ),
    "Central European Windows-1250": (
        (HEADER + "S-1,Łukasz,Wiśniewski,9\r\n").encode("cp1250"),
        RosterIssue.GARBLED_TEXT,
        2,
    ),
    "bytes Windows-1252 leaves undefined": (
        (HEADER + "S-1,Ana,Lima,9\r\nS-2,Ben,Dia\x81\x8d,9\r\n").encode("latin-1"),
        RosterIssue.UNKNOWN_ENCODING,
        3,
    ),
    "UTF-16 with an odd number of bytes": (
        codecs.BOM_UTF16_LE + (HEADER + NAMES).encode("utf-16-le")[:-1],
        RosterIssue.DAMAGED_UTF16,
        None,
    ),
    "UTF-8 with a BOM and a broken byte": (
        codecs.BOM_UTF8 + (HEADER + NAMES).encode() + b"S-3,Ana,Lima\xff,9\r\n",
        RosterIssue.DAMAGED_UTF8,
        4,
    ),
}


@pytest.mark.parametrize("name", ENCODING_TROUBLE.keys())
def test_text_in_a_doubtful_encoding_is_refused_never_imported_garbled(
    school: Database, name: str
) -> None:
    data, issue, row = ENCODING_TROUBLE[name]
    refusal = refused(school, data)
    assert (refusal.problems[0].issue, refusal.problems[0].row) == (issue, row)
    assert str(refusal).endswith(
        'Save the file from the spreadsheet program as "CSV UTF-8" and try again.'
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(school: Database, codec: str) -> None:
    data = roster_text(OTHER_SCRIPTS).encode(codec)
    result = import_roster(school, data, full_roster=False)
    assert result.changes.source.encoding == "UTF-16"
    assert [s for s, _active in stored(school)][-len(OTHER_SCRIPTS) :] == OTHER_SCRIPTS


def test_title_lines_above_the_header_and_blank_rows_are_skipped(school: Database) -> None:
    text = (
        "Enrollment report;;\r\nPrinted 2026-03-01;;\r\n\r\n"
        + roster_text(OTHER_SCRIPTS[:2], separator=";")
        + ";;;;;;\r\n\r\n"
    )
    result = import_roster(school, text.encode(), full_roster=False)
    assert result.changes.source.header_row == 4
    assert [s.row for s in result.changes.students] == [5, 6]


def test_names_are_stored_exactly_as_written(school: Database) -> None:
    decomposed = StudentFields("S-3001", "Zoe\u0308", "Nun\u0303ez", "", 4, "")
    import_roster(school, utf8([decomposed]), full_roster=False)
    assert (decomposed, True) in stored(school)


def test_a_second_import_updates_by_student_number_and_never_duplicates(school: Database) -> None:
    import_roster(school, utf8(LATIN), full_roster=False)
    count = len(stored(school))
    moved = [replace(LATIN[0], grade=10, homeroom="10-A"), *LATIN[1:]]
    result = import_roster(school, utf8(moved), full_roster=False)
    assert (result.changes.added, result.changes.updated, result.changes.unchanged) == (0, 1, 5)
    assert result.changes.students[0].changed == ("grade", "homeroom")
    assert len(stored(school)) == count
    assert (moved[0], True) in stored(school)


def test_a_full_roster_marks_students_it_leaves_out_inactive_and_keeps_them(
    school: Database,
) -> None:
    partial = import_roster(school, utf8(LATIN), full_roster=False)
    assert partial.changes.marked_inactive == 0
    assert (KEPT[1], True) in stored(school)
    full = import_roster(school, utf8(LATIN[1:]), full_roster=True)
    assert full.changes.marked_inactive == 2
    assert (KEPT[1], False) in stored(school)
    assert (LATIN[0], False) in stored(school)
    assert len(stored(school)) == len(LATIN) + 1


def test_a_student_back_on_the_roster_is_active_again(school: Database) -> None:
    import_roster(school, utf8(LATIN[:1]), full_roster=True)
    assert (KEPT[1], False) in stored(school)
    back = import_roster(school, utf8([KEPT[1]]), full_roster=False)
    assert back.changes.students[0].changed == ("active",)
    assert (KEPT[1], True) in stored(school)


def test_a_preview_writes_nothing_and_matches_the_import(school: Database) -> None:
    before = dump(school)
    changes = preview_roster(school, utf8(LATIN), full_roster=True)
    assert dump(school) == before
    assert (changes.added, changes.updated, changes.unchanged, changes.marked_inactive) == (
        5,
        1,
        0,
        1,
    )
    assert import_roster(school, utf8(LATIN), full_roster=True).changes == changes


def test_a_column_the_file_lacks_keeps_what_was_typed_by_hand(school: Database) -> None:
    layout = tuple(c for c in HEADER_SETS["Skyward-style"] if c[1] is not F.PREFERRED_NAME)
    import_roster(school, utf8([replace(KEPT[0], preferred_name="Li")]), full_roster=False)
    result = import_roster(school, utf8([KEPT[0]], layout=layout), full_roster=False)
    assert result.changes.unchanged == 1
    assert (replace(KEPT[0], preferred_name="Li"), True) in stored(school)


def test_one_audit_event_with_counts_and_no_names(school: Database) -> None:
    before = len(audit_rows(school))
    import_roster(school, utf8(LATIN), full_roster=True)
    events = audit_rows(school)[before:]
    assert [(e.action, e.entity, e.entity_id) for e in events] == [
        (AuditAction.IMPORT, "student", None)
    ]
    assert events[0].detail == (
        "roster import: added 5, updated 1, unchanged 0, marked inactive 1, full roster"
    )


def test_imported_students_are_found_by_search_folding(school: Database) -> None:
    import_roster(school, utf8(LATIN + OTHER_SCRIPTS), full_roster=False)
    for query, number in (("garcia nunez", "000417"), ("oconnor", "S-1002"), ("nguyen", "S-2001")):
        found = list_students(school, ListQuery(text=query)).rows
        assert [s.student_number for s in found] == [number], query


def test_a_new_name_from_the_roster_finds_the_students_cases(db: Database, roster: Roster) -> None:
    case = open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=roster.category_id,
            description="A disagreement at lunch.",
            participants=(ParticipantFields(Role.PERSON_HARMED, student_id=roster.ana.id),),
        ),
    )
    renamed = replace(roster.ana.fields(), last_name="Muñoz-Reyes")
    import_roster(db, utf8([renamed]), full_roster=False)
    found = list_cases(db, Tier.TARGETED, ListQuery(text="reyes")).rows
    assert [c.id for c in found] == [case.id]


# Demographic columns: S-1002 is already kept (KEPT[0]); S-7001 is new. Values are invented.
WITH_DEMOGRAPHICS = (
    "Student ID,First Name,Last Name,Grade,Sex,ELL,Race/Ethnicity\r\n"
    "S-1002,Liam,O'Connor,9,M, y ,White\r\n"
    "S-7001,Imani,Okafor,6,F,0,Black or  African American\r\n"
)


def demographic_rows(db: Database) -> list[tuple[str, str, str]]:
    with closing(sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)) as connection:
        query = (
            "SELECT s.student_number, d.field, d.value FROM student_demographic d "
            "JOIN student s ON s.id = d.student_id ORDER BY 1, 2"
        )
        return connection.execute(query).fetchall()


def test_demographic_columns_are_imported_cleaned(school: Database) -> None:
    result = import_roster(school, WITH_DEMOGRAPHICS.encode(), full_roster=False)
    assert (result.changes.added, result.changes.updated) == (1, 1)
    assert result.changes.students[0].changed == ("gender", "race_ethnicity", "english_learner")
    assert demographic_rows(school) == [
        ("S-1002", "english_learner", "Yes"),
        ("S-1002", "gender", "M"),
        ("S-1002", "race_ethnicity", "White"),
        ("S-7001", "english_learner", "No"),
        ("S-7001", "gender", "F"),
        ("S-7001", "race_ethnicity", "Black or African American"),
    ]


def test_a_later_import_with_the_column_replaces_and_one_without_leaves_alone(
    school: Database,
) -> None:
    import_roster(school, WITH_DEMOGRAPHICS.encode(), full_roster=False)
    later = (
        "Student ID,First Name,Last Name,Grade,ELL\r\n"
        "S-1002,Liam,O'Connor,9,No\r\n"
        "S-7001,Imani,Okafor,6,\r\n"
    )
    preview = preview_roster(school, later.encode(), full_roster=False)
    assert (preview.updated, preview.unchanged) == (2, 0)
    assert [s.changed for s in preview.students] == [("english_learner",)] * 2
    assert len(demographic_rows(school)) == 6  # the preview wrote nothing
    import_roster(school, later.encode(), full_roster=False)
    assert demographic_rows(school) == [
        ("S-1002", "english_learner", "No"),
        ("S-1002", "gender", "M"),
        ("S-1002", "race_ethnicity", "White"),
        ("S-7001", "gender", "F"),  # the empty cell made English learner unknown
        ("S-7001", "race_ethnicity", "Black or African American"),
    ]
    again = import_roster(school, utf8([KEPT[0]]), full_roster=False)
    assert again.changes.unchanged == 1
    assert len(demographic_rows(school)) == 5


def test_the_audit_event_of_an_import_with_demographics_has_counts_only(
    school: Database,
) -> None:
    before = len(audit_rows(school))
    import_roster(school, WITH_DEMOGRAPHICS.encode(), full_roster=False)
    (event,) = audit_rows(school)[before:]
    assert event.detail == "roster import: added 1, updated 1, unchanged 0, marked inactive 0"


LONG = "x" * 200_000  # over the csv module's 131,072 characters a cell


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (f"Student Number,First Name,Last Name,Grade\n1,Ana,{LONG},7\n2,Bo,Ng,7\n", 2),
        (f"Student Number,First Name,Last Name,Grade{LONG}\n1,Ana,Reyes,7\n", 1),  # the header
        (f'Student Number,First Name,Last Name,Grade\n1,Ana,"{LONG}",7\n', 2),  # quoted
        (LONG, 1),  # not a roster at all
    ],
)
def test_a_cell_too_long_is_named_by_its_row_wherever_it_is(
    school: Database, text: str, row: int
) -> None:
    refusal = refused(school, text.encode())
    issues = [(p.issue, p.row, p.limit) for p in refusal.problems]
    assert (RosterIssue.CELL_TOO_LONG, row, 131_072) in issues
    assert RosterIssue.BROKEN_QUOTES not in {p.issue for p in refusal.problems}
