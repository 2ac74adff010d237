"""Students: adding, editing, deactivating, finding, paging; text kept exactly as typed."""

import unicodedata

import pytest
from sqlalchemy import inspect

from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import (
    StudentNotFound,
    add_student,
    find_students,
    get_student,
    list_students,
    set_student_active,
    update_student,
)
from tests.services.conftest import Roster, audit_rows, table_count

ANA = StudentFields("S-1", "Ana", "Muñoz", "Anita", 5, "5B")


def test_add_and_get(db: Database) -> None:
    added = add_student(db, ANA)
    assert added.id > 0
    assert added.active
    assert added.fields() == ANA
    assert get_student(db, added.id) == added
    assert added.display_name == "Anita Muñoz"


def test_add_tidies_spaces_around_fields(db: Database) -> None:
    added = add_student(db, StudentFields("  S-9 ", " Ana ", " Muñoz\t", " ", 5, " 5B "))
    assert added.fields() == StudentFields("S-9", "Ana", "Muñoz", "", 5, "5B")


def test_update(db: Database) -> None:
    added = add_student(db, ANA)
    changed = StudentFields("S-1", "Ana", "Muñoz-García", "", 6, "6A")
    updated = update_student(db, added.id, changed)
    assert updated.fields() == changed
    assert get_student(db, added.id).fields() == changed


def test_update_may_keep_its_own_number(db: Database) -> None:
    added = add_student(db, ANA)
    assert update_student(db, added.id, ANA).student_number == "S-1"


def test_unknown_student(db: Database) -> None:
    with pytest.raises(StudentNotFound):
        get_student(db, 999)
    with pytest.raises(StudentNotFound):
        update_student(db, 999, ANA)
    with pytest.raises(StudentNotFound):
        set_student_active(db, 999, False)


def test_deactivate_and_reactivate(db: Database) -> None:
    added = add_student(db, ANA)
    assert not set_student_active(db, added.id, False).active
    assert list_students(db, ListQuery()).total == 0
    assert list_students(db, ListQuery(include_inactive=True)).rows[0].id == added.id
    assert set_student_active(db, added.id, True).active
    assert list_students(db, ListQuery()).total == 1
    actions = [(e.action, e.entity, e.entity_id) for e in audit_rows(db)]
    assert actions == [
        (AuditAction.CREATE, "student", added.id),
        (AuditAction.DEACTIVATE, "student", added.id),
        (AuditAction.REACTIVATE, "student", added.id),
    ]


def test_duplicate_student_number_is_refused_and_nothing_written(db: Database) -> None:
    add_student(db, ANA)
    events = len(audit_rows(db))
    with pytest.raises(InvalidInput) as info:
        add_student(db, StudentFields(" S-1 ", "Xanthippe", "Quillfeather", grade=8))
    assert info.value.problems == (FieldProblem("student_number", Problem.DUPLICATE),)
    assert "Xanthippe" not in str(info.value)
    assert table_count(db, "student") == 1
    assert len(audit_rows(db)) == events


def test_changing_to_another_students_number_is_refused(db: Database) -> None:
    add_student(db, ANA)
    liam = add_student(db, StudentFields("S-2", "Liam", "O'Brien", grade=5))
    with pytest.raises(InvalidInput) as info:
        update_student(db, liam.id, StudentFields("S-1", "Liam", "O'Brien", grade=5))
    assert FieldProblem("student_number", Problem.DUPLICATE) in info.value.problems
    assert get_student(db, liam.id).student_number == "S-2"


def test_invalid_input_writes_nothing(db: Database) -> None:
    with pytest.raises(InvalidInput) as info:
        add_student(db, StudentFields("S 1", "", "Muñoz", grade=13))
    problems = {(p.field, p.problem) for p in info.value.problems}
    assert problems == {
        ("student_number", Problem.HAS_SPACES),
        ("first_name", Problem.REQUIRED),
        ("grade", Problem.NOT_A_GRADE),
    }
    assert table_count(db, "student") == 0
    assert table_count(db, "audit_event") == 0


UNUSUAL_NAMES = [
    ("Zoë", "Núñez-Çelik"),
    ("Siobhán", "O'Sullivan"),
    ("Ngọc Ánh", "Nguyễn"),
    ("مريم", "الحسيني"),
    ("Sunny 🌻", "Rainbow 🏳️‍🌈"),
    ("Robert'); DROP TABLE student;--", "Tables"),
    ("100%", "a_b\\c"),
    ("José", unicodedata.normalize("NFD", "Gómez")),  # decomposed, kept decomposed
    ("李", "小龍"),
]


@pytest.mark.parametrize(("first", "last"), UNUSUAL_NAMES)
def test_names_are_kept_exactly(db: Database, first: str, last: str) -> None:
    fields = StudentFields("S-77", first, last, first, 4, last[:40])
    added = add_student(db, fields)
    assert get_student(db, added.id).fields() == fields
    assert list_students(db, ListQuery(text=last)).rows[0].fields() == fields
    assert "student" in inspect(db.engine).get_table_names()


def test_search_ignores_accents_case_and_apostrophes(db: Database, roster: Roster) -> None:
    def found(text: str) -> set[int]:
        return {s.id for s in list_students(db, ListQuery(text=text)).rows}

    assert found("munoz") == {roster.ana.id}
    assert found("MUÑOZ") == {roster.ana.id}
    assert found("obrien") == {roster.liam.id}
    assert found("o'brien") == {roster.liam.id}
    assert found("lukasz wisniewski") == {roster.lukasz.id}
    assert found("luke") == {roster.lukasz.id}  # preferred name
    assert found("zoe") == {roster.zoe.id}
    assert found("s-1002") == {roster.liam.id}  # student number
    assert found("7b") == {roster.ana.id, roster.liam.id}  # homeroom
    assert found("ana munoz") == {roster.ana.id}
    assert found("ana obrien") == set()


def test_search_wildcards_are_literal(db: Database) -> None:
    a = add_student(db, StudentFields("A_B1", "Ana", "Under", grade=3))
    add_student(db, StudentFields("AXB1", "Ana", "Cross", grade=3))
    found = list_students(db, ListQuery(text="a_b")).rows
    assert [s.id for s in found] == [a.id]
    assert list_students(db, ListQuery(text="%")).total == 0


def test_a_renamed_student_is_found_by_the_new_name(db: Database, roster: Roster) -> None:
    update_student(db, roster.zoe.id, StudentFields("S-1004", "Zoë", "Okonkwo", "", -1, "PK"))
    assert [s.id for s in list_students(db, ListQuery(text="okonkwo")).rows] == [roster.zoe.id]
    assert list_students(db, ListQuery(text="adeyemi")).total == 0


@pytest.fixture
def twelve(db: Database) -> list[int]:
    ids = []
    for n in range(12):
        fields = StudentFields(f"N{n:02d}", f"First{11 - n:02d}", f"Last{n % 4}", grade=n % 13)
        ids.append(add_student(db, fields).id)
    return ids


def test_paging(db: Database, twelve: list[int]) -> None:
    query = ListQuery(sort="student_number")
    page = list_students(db, query, offset=5, limit=4)
    assert page.total == 12
    assert [s.student_number for s in page.rows] == ["N05", "N06", "N07", "N08"]
    last = list_students(db, query, offset=10, limit=4)
    assert [s.student_number for s in last.rows] == ["N10", "N11"]
    assert last.total == 12
    assert list_students(db, query, offset=20, limit=4).rows == ()


def test_sort_keys(db: Database, twelve: list[int]) -> None:
    def order(sort: str, descending: bool = False) -> list[str]:
        page = list_students(db, ListQuery(sort=sort, descending=descending))
        return [s.student_number for s in page.rows]

    assert order("student_number", descending=True)[0] == "N11"
    assert order("first_name")[:2] == ["N11", "N10"]
    by_grade = list_students(db, ListQuery(sort="grade", descending=True)).rows
    assert [s.grade for s in by_grade] == sorted((s.grade for s in by_grade), reverse=True)
    # Last name, then first name: Last0 is N00 (First11), N04 (First07), N08 (First03).
    assert order("last_name")[:3] == ["N08", "N04", "N00"]
    assert order("") == order("last_name")
    assert order("no such column") == order("last_name")


def test_total_counts_only_matching_students(db: Database, twelve: list[int]) -> None:
    page = list_students(db, ListQuery(text="last1"), limit=2)
    assert page.total == 3
    assert len(page.rows) == 2


def test_include_inactive(db: Database, twelve: list[int]) -> None:
    set_student_active(db, twelve[0], False)
    set_student_active(db, twelve[1], False)
    assert list_students(db, ListQuery()).total == 10
    everyone = list_students(db, ListQuery(include_inactive=True))
    assert everyone.total == 12
    assert {s.id for s in everyone.rows if not s.active} == set(twelve[:2])


def test_find_students_for_a_picker(db: Database, roster: Roster) -> None:
    set_student_active(db, roster.liam.id, False)
    assert find_students(db, "o'brien") == []
    assert [s.id for s in find_students(db, "", limit=2)] == [roster.zoe.id, roster.ana.id]
