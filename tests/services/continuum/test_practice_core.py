"""The practice log's core service: a tally with no students, a chat with two, changes and
removal, each with one audit event that names no one, and bad input refused whole."""

from dataclasses import replace
from datetime import timedelta

import pytest

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import PracticeFields
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.services.continuum.practice import (
    PracticeLogNotFound,
    delete_practice,
    get_practice,
    log_practice,
    recent_practice,
    update_practice,
)
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows, table_count


def test_a_tally_of_affective_statements_needs_no_student(db: Database, roster: Roster) -> None:
    today = db.today()
    fields = PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, today, tally=6)
    saved = log_practice(db, fields)
    assert saved.fields == fields
    assert saved.student_names == ()
    assert recent_practice(db) == [saved]
    event = audit_rows(db)[-1]
    assert (event.action, event.entity, event.entity_id) == ("create", "practice_log", saved.id)
    assert event.detail == "kind=affective_statement tally=6 students=0"


def test_a_chat_names_its_students_and_can_be_changed_then_removed(
    db: Database, roster: Roster
) -> None:
    chat = PracticeFields(
        PracticeKind.RESTORATIVE_CHAT,
        db.today(),
        minutes=5,
        staff_id=roster.counselor_id,
        note="Hallway, after lunch",
        student_ids=(roster.liam.id, roster.ana.id),
    )
    saved = log_practice(db, chat)
    assert saved.student_names == ("Ana Muñoz", "Liam O'Brien")
    assert saved.staff_name == "Rosa Delgado"
    longer = replace(chat, minutes=12, student_ids=(roster.ana.id,))
    assert update_practice(db, saved.id, longer).fields.minutes == 12
    assert get_practice(db, saved.id).student_names == ("Ana Muñoz",)
    delete_practice(db, saved.id)
    assert table_count(db, "practice_log") == 0
    assert table_count(db, "practice_log_student") == 0
    with pytest.raises(PracticeLogNotFound):
        get_practice(db, saved.id)
    assert "Ana" not in " ".join(event.detail for event in audit_rows(db))


def test_bad_input_is_refused_whole(db: Database, roster: Roster) -> None:
    fields = PracticeFields(
        PracticeKind.CHECK_IN_OUT,
        db.today() + timedelta(days=1),
        minutes=-1,
        tally=0,
        note="x" * 201,
        student_ids=(roster.ana.id, 9999),
    )
    with pytest.raises(InvalidInput) as refused:
        log_practice(db, fields)
    found = {(p.field, p.problem) for p in refused.value.problems}
    assert found == {
        ("happened_on", Problem.IN_FUTURE),
        ("minutes", Problem.OUT_OF_RANGE),
        ("tally", Problem.OUT_OF_RANGE),
        ("note", Problem.TOO_LONG),
        ("student_ids", Problem.UNKNOWN),
    }
    assert table_count(db, "practice_log") == 0
