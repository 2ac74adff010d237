"""What a circle run records: who sat as what (roles, caregivers, staff, other adults as a
count), absences, directed rounds and a second language, the agreement a circle for a case
made (with the circle as its meeting), the answers kept when chosen, and a group's agreements;
anything refused saves nothing."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from rp_desktop.domain.casework.agreements import AgreementItemFields
from rp_desktop.domain.casework.restorative import RestorativeQuestion as Q
from rp_desktop.domain.circle.types import RoundPlan, Timing, TurnRecord
from rp_desktop.domain.circle_runs import CircleRunFields, ScriptNote, SeatedPerson
from rp_desktop.domain.continuum.caregivers import CaregiverFields
from rp_desktop.domain.records import Case, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import CircleKind, CircleStage, Role
from rp_desktop.services.casework import cases
from rp_desktop.services.casework.case_detail import get_case_detail
from rp_desktop.services.circles.group_agreements import (
    GroupAgreementNotFound,
    agreements_made_in,
    group_agreements,
    retire_group_agreement,
)
from rp_desktop.services.circles.records import get_circle
from rp_desktop.services.circles.runs import save_circle_run
from rp_desktop.services.continuum.caregivers import add_caregiver
from rp_desktop.services.safekeeping.database import Database
from tests.services.casework.test_cases import case as case_fields
from tests.services.conftest import Roster, audit_rows, table_count

START = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
DAY = START.astimezone().date()
SAVED_TABLES = ("circle_run", "community_circle", "meeting", "agreement", "group_agreement")


def tier_1_run(roster: Roster, **changes: object) -> CircleRunFields:
    """Keys are not places in the ring: the keeper sits first with key 50."""
    fields = CircleRunFields(
        seats=(
            SeatedPerson(50, "Ms D", is_keeper=True, staff_id=roster.counselor_id, role="keeper"),
            SeatedPerson(10, "Ana", student_id=roster.ana.id),
            SeatedPerson(20, "Liam", student_id=roster.liam.id),
            SeatedPerson(30, "Mr B", staff_id=roster.teacher_id, role="staff"),
            SeatedPerson(40, "Visitor"),
        ),
        rounds=(
            RoundPlan(CircleStage.CHECK_IN, "One word", Timing.PER_SPEAKER, 30.0),
            RoundPlan(
                CircleStage.CHECK_IN,
                "What do you need?",
                Timing.PER_SPEAKER,
                60.0,
                to_seats=(20, 10),
                second_prompt="¿Qué necesitas?",
            ),
            RoundPlan(CircleStage.CHECK_IN, "Staff: a hope", to_roles=("staff", "keeper")),
        ),
        turns=(TurnRecord(0, 50, 0.0, 10.0, False), TurnRecord(1, 20, 10.0, 20.0, False)),
        started_at=START,
        ended_at=START + timedelta(minutes=30),
        running_seconds=1800,
        kind=CircleKind.VALUES_AND_GUIDELINES,
        purpose="Class agreement circle",
        group_id=roster.advisory_id,
        keeper_id=roster.counselor_id,
    )
    return replace(fields, **changes)  # type: ignore[arg-type]


def rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    with db.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def nothing_saved(db: Database) -> bool:
    return all(table_count(db, table) == 0 for table in SAVED_TABLES)


def test_a_tier_1_run_records_students_staff_and_other_adults_as_a_count(
    db: Database, roster: Roster
) -> None:
    saved = save_circle_run(db, tier_1_run(roster))
    assert saved.community_circle_id is not None
    circle = get_circle(db, saved.community_circle_id)
    assert circle.fields.attendee_ids == {roster.ana.id, roster.liam.id}
    assert circle.fields.staff_ids == {roster.counselor_id, roster.teacher_id}
    assert [s.display_name for s in circle.staff] == ["Tom Becker", "Rosa Delgado"]
    assert circle.fields.guests == 1
    assert circle.fields.purpose == "Class agreement circle"


def test_students_marked_absent_are_not_recorded_as_there(db: Database, roster: Roster) -> None:
    absent = frozenset({roster.liam.id, roster.lukasz.id})  # Liam sat, then was marked absent
    saved = save_circle_run(db, tier_1_run(roster, absent_student_ids=absent))
    assert saved.community_circle_id is not None
    assert get_circle(db, saved.community_circle_id).fields.attendee_ids == {roster.ana.id}


def test_a_keeper_who_did_not_sit_is_not_recorded_as_attending(
    db: Database, roster: Roster
) -> None:
    fields = tier_1_run(roster)
    not_seated = replace(fields, seats=fields.seats[1:], turns=fields.turns[1:])
    saved = save_circle_run(db, not_seated)
    assert saved.community_circle_id is not None
    circle = get_circle(db, saved.community_circle_id)
    assert circle.fields.keeper_id == roster.counselor_id
    assert circle.fields.staff_ids == {roster.teacher_id}


def test_seats_keep_their_roles_and_directed_rounds_their_seats_by_place(
    db: Database, roster: Roster
) -> None:
    save_circle_run(db, tier_1_run(roster))
    seats = rows(db, "SELECT position, role, label FROM run_seat ORDER BY position")
    assert seats == [
        (0, "keeper", "Ms D"),
        (1, "", "Ana"),
        (2, "", "Liam"),
        (3, "staff", "Mr B"),
        (4, "", "Visitor"),
    ]
    rounds = rows(db, "SELECT to_roles, to_seats, second_text FROM run_round ORDER BY number")
    assert rounds == [("", "", ""), ("", "2,1", "¿Qué necesitas?"), ("staff,keeper", "", "")]


def test_a_values_circle_saves_the_groups_agreements_in_order(db: Database, roster: Roster) -> None:
    agreed = ("We listen to the end", "  ", "We pass when we need to ", "What is said here stays")
    saved = save_circle_run(db, tier_1_run(roster, group_agreements=agreed))
    made = group_agreements(db, roster.advisory_id)
    assert [a.text for a in made] == [
        "We listen to the end",
        "We pass when we need to",
        "What is said here stays",
    ]
    assert {(a.made_on, a.community_circle_id, a.active) for a in made} == {
        (DAY, saved.community_circle_id, True)
    }
    assert [a.position for a in made] == [0, 1, 2]
    assert group_agreements(db, roster.homeroom_id) == []
    details = " ".join(e.detail for e in audit_rows(db))
    assert "agreements=3" in details
    for private in ("listen", "Ana", "Visitor"):
        assert private not in details


def test_a_groups_agreements_need_the_group(db: Database, roster: Roster) -> None:
    fields = tier_1_run(roster, group_id=None, group_agreements=("We listen",))
    with pytest.raises(InvalidInput) as refused:
        save_circle_run(db, fields)
    assert refused.value.problems == (FieldProblem("group_id", Problem.REQUIRED),)
    assert nothing_saved(db)


def test_an_agreement_too_long_is_refused_and_nothing_saved(db: Database, roster: Roster) -> None:
    fields = tier_1_run(roster, group_agreements=("We listen", "x" * 201))
    with pytest.raises(InvalidInput) as refused:
        save_circle_run(db, fields)
    assert refused.value.problems == (
        FieldProblem("group_agreements", Problem.TOO_LONG, 200, index=1),
    )
    assert nothing_saved(db)


def test_a_retired_agreement_leaves_the_groups_list_but_stays_on_record(
    db: Database, roster: Roster
) -> None:
    saved = save_circle_run(db, tier_1_run(roster, group_agreements=("We listen", "We pass")))
    first, second = group_agreements(db, roster.advisory_id)
    retired = retire_group_agreement(db, first.id)
    assert not retired.active
    assert group_agreements(db, roster.advisory_id) == [second]
    assert saved.community_circle_id is not None
    made = agreements_made_in(db, saved.community_circle_id)
    assert [(a.text, a.active) for a in made] == [("We listen", False), ("We pass", True)]
    assert audit_rows(db)[-1].detail == f"group={roster.advisory_id} status=retired"
    with pytest.raises(GroupAgreementNotFound, match="no group agreement with id 999"):
        retire_group_agreement(db, 999)


def test_a_tier_1_run_cannot_make_a_cases_agreement(db: Database, roster: Roster) -> None:
    item = AgreementItemFields("Say sorry", owner_staff_id=roster.counselor_id)
    with pytest.raises(InvalidInput) as refused:
        save_circle_run(db, tier_1_run(roster, agreement=(item,)))
    assert refused.value.problems == (FieldProblem("agreement", Problem.NOT_IN_CASE),)
    assert nothing_saved(db)


# A circle for a case: a conference run from the console.


def open_case(db: Database, roster: Roster) -> tuple[Case, int]:
    """The test case (Ana harmed, Liam caused harm, Rosa facilitates, Grandma Rose named only
    in the case) with Liam's caregiver on record as a family member."""
    caregiver = add_caregiver(db, CaregiverFields("Nadia", "Okafor", phone="555-0100"))
    fields = case_fields(roster)
    people = (
        *fields.participants,
        ParticipantFields(Role.FAMILY_MEMBER, caregiver_id=caregiver.id),
    )
    return cases.open_case(db, replace(fields, participants=people)), caregiver.id


def participant(case: Case, role: Role) -> int:
    return next(p.id for p in case.participants if p.fields.role is role)


def conference(roster: Roster, case: Case, caregiver_id: int, **changes: object) -> CircleRunFields:
    grandma = next(p.id for p in case.participants if p.fields.other_name == "Grandma Rose")
    fields = CircleRunFields(
        seats=(
            SeatedPerson(0, "Ms D", True, staff_id=roster.counselor_id, role="keeper"),
            SeatedPerson(
                1, "Liam", student_id=roster.liam.id, role=Role.PERSON_WHO_CAUSED_HARM.value
            ),
            SeatedPerson(2, "Ana", student_id=roster.ana.id, role=Role.PERSON_HARMED.value),
            SeatedPerson(3, "Nadia", caregiver_id=caregiver_id, role=Role.FAMILY_MEMBER.value),
            SeatedPerson(4, "Rose", participant_id=grandma, role=Role.FAMILY_MEMBER.value),
        ),
        rounds=(
            RoundPlan(CircleStage.CHECK_IN, "What happened?", to_roles=("person_who_caused_harm",)),
        ),
        turns=(TurnRecord(0, 1, 0.0, 60.0, False),),
        started_at=START,
        ended_at=START + timedelta(minutes=40),
        running_seconds=2400,
        keeper_id=roster.counselor_id,
        case_id=case.id,
    )
    return replace(fields, **changes)  # type: ignore[arg-type]


def test_a_conference_records_who_sat_as_what_and_the_agreement_made_in_it(
    db: Database, roster: Roster
) -> None:
    case, caregiver_id = open_case(db, roster)
    liam = participant(case, Role.PERSON_WHO_CAUSED_HARM)
    items = (
        AgreementItemFields(
            "Help tidy the library", owner_participant_id=liam, due_on=date(2026, 3, 20)
        ),
        AgreementItemFields(
            "Check in on Friday", owner_staff_id=roster.counselor_id, due_on=date(2026, 3, 13)
        ),
    )
    saved = save_circle_run(db, conference(roster, case, caregiver_id, agreement=items))
    detail = get_case_detail(db, case.id)
    [meeting] = detail.meetings
    assert meeting.id == saved.meeting_id
    assert {p.display_name for p in meeting.attendees} == {
        "Ana Muñoz",
        "Liam O'Brien",
        "Rosa Delgado",
        "Grandma Rose",
        "Nadia Okafor",
    }
    [agreement] = detail.agreements
    assert (agreement.meeting_id, agreement.made_on) == (saved.meeting_id, DAY)
    assert tuple(item.fields for item in agreement.items) == items
    seats = rows(db, "SELECT role, caregiver_id IS NOT NULL FROM run_seat ORDER BY position")
    assert seats == [
        ("keeper", 0),
        ("person_who_caused_harm", 0),
        ("person_harmed", 0),
        ("family_member", 1),
        ("family_member", 0),
    ]
    assert table_count(db, "community_circle") == 0
    assert "help tidy" not in " ".join(e.detail for e in audit_rows(db)).casefold()


def test_an_agreement_owned_by_someone_outside_the_case_saves_nothing(
    db: Database, roster: Roster
) -> None:
    case, caregiver_id = open_case(db, roster)
    item = AgreementItemFields("Help tidy", owner_participant_id=9999, due_on=date(2026, 3, 20))
    with pytest.raises(InvalidInput) as refused:
        save_circle_run(db, conference(roster, case, caregiver_id, agreement=(item,)))
    assert refused.value.problems == (FieldProblem("items.owner", Problem.NOT_IN_CASE, index=0),)
    assert nothing_saved(db)


def test_a_conference_keeps_the_answers_only_when_chosen(db: Database, roster: Roster) -> None:
    case, caregiver_id = open_case(db, roster)
    liam, ana = (
        participant(case, Role.PERSON_WHO_CAUSED_HARM),
        participant(case, Role.PERSON_HARMED),
    )
    notes = (
        ScriptNote(liam, Q.WHAT_HAPPENED, "I took the ball."),
        ScriptNote(ana, Q.HARDEST_THING, "Being left out."),
        ScriptNote(ana, Q.IMPACT_ON_YOU_AND_OTHERS, "   "),  # left empty: not kept
    )
    with pytest.raises(InvalidInput) as refused:
        save_circle_run(db, conference(roster, case, caregiver_id, script_notes=notes))
    assert refused.value.problems == (FieldProblem("answers", Problem.ANSWERS_NOT_KEPT),)
    assert nothing_saved(db)

    kept = conference(roster, case, caregiver_id, script_notes=notes, keep_answers=True)
    save_circle_run(db, kept)
    [meeting] = get_case_detail(db, case.id).meetings
    assert meeting.fields.keep_answers
    assert [(a.participant_id, a.question, a.text) for a in meeting.fields.answers] == [
        (liam, Q.WHAT_HAPPENED, "I took the ball."),
        (ana, Q.HARDEST_THING, "Being left out."),
    ]
    meeting_events = [e.detail for e in audit_rows(db) if e.entity == "meeting"]
    assert meeting_events == [f"case={case.id} attendees=5 answers=2 run=1"]


def test_a_question_not_asked_of_a_role_is_refused(db: Database, roster: Roster) -> None:
    case, caregiver_id = open_case(db, roster)
    ana = participant(case, Role.PERSON_HARMED)
    notes = (ScriptNote(ana, Q.WHAT_HAPPENED, "They took the ball."),)
    fields = conference(roster, case, caregiver_id, script_notes=notes, keep_answers=True)
    with pytest.raises(InvalidInput) as refused:
        save_circle_run(db, fields)
    assert refused.value.problems == (
        FieldProblem("answers", Problem.QUESTION_NOT_FOR_ROLE, index=0),
    )
    assert nothing_saved(db)


def test_a_conference_cannot_make_a_groups_agreements(db: Database, roster: Roster) -> None:
    case, caregiver_id = open_case(db, roster)
    fields = conference(roster, case, caregiver_id, group_agreements=("We listen",))
    with pytest.raises(InvalidInput) as refused:
        save_circle_run(db, fields)
    assert refused.value.problems == (FieldProblem("group_agreements", Problem.OUT_OF_RANGE),)
    assert nothing_saved(db)
