"""What a practice log offers and what it may grow into."""

from datetime import date

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.domain.continuum.practice import (
    CaseRefusal,
    PracticeFields,
    PracticeLog,
    case_from_practice,
    case_refusal,
    default_minutes,
    is_tallied,
)
from rp_desktop.domain.records import ParticipantFields
from rp_desktop.domain.vocabulary import Role, Tier


def test_a_statement_takes_no_minutes_and_a_chat_a_few() -> None:
    assert default_minutes(PracticeKind.AFFECTIVE_STATEMENT) is None
    assert default_minutes(PracticeKind.POSITIVE_OBSERVATION) is None
    assert default_minutes(PracticeKind.RESTORATIVE_CHAT) == 5
    assert default_minutes(PracticeKind.CHECK_IN_OUT) == 5
    assert default_minutes(PracticeKind.IMPROMPTU_CONFERENCE) == 15


def test_only_affective_statements_are_counted_in_a_tally() -> None:
    assert [kind for kind in PracticeKind if is_tallied(kind)] == [PracticeKind.AFFECTIVE_STATEMENT]


def test_a_log_with_students_and_no_case_may_become_one() -> None:
    chat = PracticeFields(PracticeKind.RESTORATIVE_CHAT, date(2026, 3, 2), student_ids=(4, 7))
    assert case_refusal(PracticeLog(1, chat)) is None
    assert case_refusal(PracticeLog(1, chat, case_id=12)) is CaseRefusal.ALREADY_A_CASE
    tally = PracticeFields(PracticeKind.AFFECTIVE_STATEMENT, date(2026, 3, 2), tally=3)
    assert case_refusal(PracticeLog(2, tally)) is CaseRefusal.NO_STUDENTS


def test_the_case_keeps_the_day_and_the_students_in_a_neutral_role() -> None:
    chat = PracticeFields(PracticeKind.RESTORATIVE_CHAT, date(2026, 3, 2), student_ids=(7, 4))
    fields = case_from_practice(chat, 3, "  Name-calling at recess.\n")
    assert fields.tier is Tier.TARGETED
    assert fields.occurred_on == date(2026, 3, 2)
    assert fields.category_id == 3
    assert fields.description == "Name-calling at recess."
    assert fields.participants == (
        ParticipantFields(Role.STUDENT, student_id=7),
        ParticipantFields(Role.STUDENT, student_id=4),
    )
