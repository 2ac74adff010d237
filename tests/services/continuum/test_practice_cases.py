"""A practice log grows into a Tier 2 case (once, and only with students in it); a student's
logs are found for their timeline; the staff member who logged last is offered again."""

from datetime import date, timedelta

import pytest

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import CaseRefusal, PracticeFields
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.continuum.practice import (
    CaseNotOpened,
    PracticeLogNotFound,
    get_practice,
    log_practice,
    open_case_from_practice,
    practice_count,
    practice_for_student,
    usual_staff_id,
)
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows, table_count


def _category(db: Database, kind: CategoryKind) -> int:
    return next(c.id for c in cases.list_categories(db) if c.kind is kind)


def _chat(roster: Roster, *student_ids: int, note: str = "Hallway, after lunch") -> PracticeFields:
    return PracticeFields(
        PracticeKind.RESTORATIVE_CHAT,
        date(2026, 3, 2),
        minutes=5,
        staff_id=roster.counselor_id,
        note=note,
        student_ids=student_ids,
    )


def test_a_chat_becomes_a_tier2_case_with_its_students_as_students(
    db: Database, roster: Roster
) -> None:
    log = log_practice(db, _chat(roster, roster.liam.id, roster.ana.id))
    harm = _category(db, CategoryKind.HARM)

    case_id = open_case_from_practice(db, log.id, harm, "  Words in the hallway grew into a feud. ")

    case = cases.get_case(db, case_id)
    assert case.fields.tier is Tier.TARGETED
    assert case.fields.occurred_on == date(2026, 3, 2)
    assert case.fields.category_id == harm
    assert case.fields.description == "Words in the hallway grew into a feud."
    people = {(p.fields.student_id, p.fields.role) for p in case.participants}
    assert people == {(roster.ana.id, Role.STUDENT), (roster.liam.id, Role.STUDENT)}
    assert get_practice(db, log.id).case_id == case_id
    events = [(e.action, e.entity, e.entity_id, e.detail) for e in audit_rows(db)[-2:]]
    assert events == [
        ("create", "case", case_id, ""),
        ("update", "practice_log", log.id, f"case={case_id}"),
    ]


def test_a_concern_is_a_case_too(db: Database, roster: Roster) -> None:
    log = log_practice(db, _chat(roster, roster.zoe.id))
    concern = _category(db, CategoryKind.CONCERN)
    case_id = open_case_from_practice(db, log.id, concern, "Seems withdrawn this week.")
    assert cases.get_case(db, case_id).fields.category_id == concern


def test_a_log_becomes_a_case_only_once(db: Database, roster: Roster) -> None:
    log = log_practice(db, _chat(roster, roster.ana.id))
    harm = _category(db, CategoryKind.HARM)
    open_case_from_practice(db, log.id, harm, "Pushing in line.")
    with pytest.raises(CaseNotOpened) as refused:
        open_case_from_practice(db, log.id, harm, "Pushing in line.")
    assert refused.value.refusal is CaseRefusal.ALREADY_A_CASE
    assert table_count(db, "case") == 1


def test_a_tally_with_no_student_cannot_become_a_case(db: Database, roster: Roster) -> None:
    tally = log_practice(db, PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, db.today(), tally=4))
    events = len(audit_rows(db))
    with pytest.raises(CaseNotOpened) as refused:
        open_case_from_practice(db, tally.id, _category(db, CategoryKind.HARM), "Something")
    assert refused.value.refusal is CaseRefusal.NO_STUDENTS
    assert table_count(db, "case") == 0
    assert len(audit_rows(db)) == events


@pytest.mark.parametrize("kind", [CategoryKind.POSITIVE, CategoryKind.NEUTRAL])
def test_only_a_harm_or_a_concern_is_taken(
    db: Database, roster: Roster, kind: CategoryKind
) -> None:
    log = log_practice(db, _chat(roster, roster.ana.id))
    with pytest.raises(InvalidInput) as refused:
        open_case_from_practice(db, log.id, _category(db, kind), "Kind words to a classmate.")
    assert [(p.field, p.problem) for p in refused.value.problems] == [
        ("category_id", Problem.UNKNOWN)
    ]
    assert get_practice(db, log.id).case_id is None
    assert table_count(db, "case") == 0


def test_an_empty_description_or_a_missing_log_writes_nothing(db: Database, roster: Roster) -> None:
    log = log_practice(db, _chat(roster, roster.ana.id))
    harm = _category(db, CategoryKind.HARM)
    with pytest.raises(InvalidInput) as refused:
        open_case_from_practice(db, log.id, harm, "   ")
    assert ("description", Problem.REQUIRED) in {
        (p.field, p.problem) for p in refused.value.problems
    }
    with pytest.raises(PracticeLogNotFound):
        open_case_from_practice(db, log.id + 1, harm, "Pushing in line.")
    assert get_practice(db, log.id).case_id is None
    assert table_count(db, "case") == 0


def test_a_students_logs_newest_first(db: Database, roster: Roster) -> None:
    older = log_practice(db, _chat(roster, roster.ana.id, roster.liam.id))
    newer_fields = PracticeFields(
        PracticeKind.CHECK_IN_OUT, date(2026, 3, 9), minutes=5, student_ids=(roster.ana.id,)
    )
    newer = log_practice(db, newer_fields)
    log_practice(db, _chat(roster, roster.lukasz.id))
    log_practice(db, PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, db.today(), tally=9))

    found = practice_for_student(db, roster.ana.id)

    assert [log.id for log in found] == [newer.id, older.id]
    assert found[1].student_names == ("Ana Muñoz", "Liam O'Brien")
    assert [log.id for log in practice_for_student(db, roster.liam.id)] == [older.id]
    assert practice_for_student(db, roster.zoe.id) == []
    assert practice_count(db) == 4


def test_the_staff_member_who_logged_last_is_offered(db: Database, roster: Roster) -> None:
    assert usual_staff_id(db) is None
    log_practice(db, _chat(roster, roster.ana.id))
    yesterday = db.today() - timedelta(days=1)
    log_practice(db, PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, yesterday))
    assert usual_staff_id(db) == roster.counselor_id
    by_teacher = PracticeFields(
        PracticeKind.AFFECTIVE_STATEMENT, yesterday, staff_id=roster.teacher_id
    )
    log_practice(db, by_teacher)
    assert usual_staff_id(db) == roster.teacher_id
