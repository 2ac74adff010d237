"""Caregivers on record: added with the students they care for, changed, deactivated, found by
name without accents, refused whole on bad input, and audited by id with no name."""

from dataclasses import replace

import pytest

from rp_desktop.domain.continuum.caregivers import CaregiverFields, CaregiverLink
from rp_desktop.domain.continuum.kinds import CaregiverRelationship
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.services.continuum.caregivers import (
    CaregiverNotFound,
    add_caregiver,
    caregivers_of_student,
    caregivers_of_students,
    find_caregivers,
    get_caregiver,
    set_active,
    update_caregiver,
)
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows, table_count

PARENT = CaregiverRelationship.PARENT
GRANDPARENT = CaregiverRelationship.GRANDPARENT


def marisol(roster: Roster) -> CaregiverFields:
    """An invented mother of Ana who reads Spanish and asks for an interpreter."""
    return CaregiverFields(
        first_name="  Marisol ",
        last_name="Muñoz",
        phone="555-0142",
        email="marisol@example.org",
        home_language="es",
        interpreter_needed=True,
        students=(CaregiverLink(roster.ana.id, PARENT),),
    )


def test_a_caregiver_is_saved_with_their_student_and_found_on_the_students_record(
    db: Database, roster: Roster
) -> None:
    saved = add_caregiver(db, marisol(roster))
    assert saved.display_name == "Marisol Muñoz"  # spaces trimmed
    assert saved.fields.home_language == "es"
    assert saved.fields.interpreter_needed
    assert saved.student_names == ("Ana Muñoz",)
    (on_record,) = caregivers_of_student(db, roster.ana.id)
    assert on_record.caregiver == saved
    assert on_record.relation is PARENT
    assert caregivers_of_student(db, roster.liam.id) == []
    event = audit_rows(db)[-1]
    assert (event.action, event.entity, event.entity_id) == ("create", "caregiver", saved.id)
    assert event.detail == "students=1 interpreter=1"


def test_a_grandparent_of_two_students_is_listed_once_for_a_case_of_both(
    db: Database, roster: Roster
) -> None:
    links = (CaregiverLink(roster.ana.id, GRANDPARENT), CaregiverLink(roster.liam.id, PARENT))
    grandma = add_caregiver(db, CaregiverFields("Oona", "Fairweather", students=links))
    mother = add_caregiver(db, marisol(roster))
    found = caregivers_of_students(db, [roster.ana.id, roster.liam.id])
    assert [c.caregiver.id for c in found] == [grandma.id, mother.id]  # by last name
    assert found[0].relation in (GRANDPARENT, PARENT)
    assert grandma.student_names == ("Ana Muñoz", "Liam O'Brien")


def test_a_change_keeps_the_links_wanted_and_a_deactivated_caregiver_is_offered_nowhere_new(
    db: Database, roster: Roster
) -> None:
    saved = add_caregiver(db, marisol(roster))
    moved = replace(
        marisol(roster),
        home_language="en",
        interpreter_needed=False,
        students=(CaregiverLink(roster.liam.id, CaregiverRelationship.GUARDIAN),),
    )
    changed = update_caregiver(db, saved.id, moved)
    assert changed.fields.students == (
        CaregiverLink(roster.liam.id, CaregiverRelationship.GUARDIAN),
    )
    assert caregivers_of_student(db, roster.ana.id) == []
    assert table_count(db, "caregiver_student") == 1
    set_active(db, saved.id, False)
    assert caregivers_of_student(db, roster.liam.id) == []
    assert caregivers_of_students(db, [roster.liam.id]) == []
    assert find_caregivers(db, "munoz") == []
    (kept,) = caregivers_of_student(db, roster.liam.id, include_inactive=True)
    assert not kept.caregiver.active
    actions = [e.action for e in audit_rows(db) if e.entity == "caregiver"]
    assert actions == ["create", "update", "deactivate"]
    assert set_active(db, saved.id, True).active


def test_caregivers_are_found_by_name_phone_or_email_without_accents(
    db: Database, roster: Roster
) -> None:
    saved = add_caregiver(db, marisol(roster))
    add_caregiver(db, CaregiverFields("Oona", "Fairweather"))
    assert [c.id for c in find_caregivers(db, "munoz mari")] == [saved.id]
    assert [c.id for c in find_caregivers(db, "0142")] == [saved.id]
    assert [c.id for c in find_caregivers(db, "example")] == [saved.id]
    assert find_caregivers(db, "   ") == []


def test_bad_input_is_refused_whole_and_says_which_field(db: Database, roster: Roster) -> None:
    bad = replace(
        marisol(roster),
        first_name=" ",
        email="marisol at home",
        home_language="Spanish please",
        students=(CaregiverLink(roster.ana.id, PARENT), CaregiverLink(roster.ana.id, PARENT)),
    )
    with pytest.raises(InvalidInput) as refused:
        add_caregiver(db, bad)
    found = {(p.field, p.problem) for p in refused.value.problems}
    assert found == {
        ("first_name", Problem.REQUIRED),
        ("email", Problem.OUT_OF_RANGE),
        ("home_language", Problem.OUT_OF_RANGE),
        ("students", Problem.SAME_PERSON_TWICE),
    }
    assert "Marisol" not in str(refused.value)
    with pytest.raises(InvalidInput) as unknown:
        add_caregiver(db, replace(marisol(roster), students=(CaregiverLink(9999, PARENT),)))
    assert [p.problem for p in unknown.value.problems] == [Problem.UNKNOWN]
    assert table_count(db, "caregiver") == 0
    with pytest.raises(CaregiverNotFound):
        get_caregiver(db, 42)


def test_no_phone_or_email_is_needed_and_no_name_reaches_the_audit_trail(
    db: Database, roster: Roster
) -> None:
    saved = add_caregiver(db, CaregiverFields("Oona", "", home_language="pt_BR"))
    assert saved.display_name == "Oona"
    details = " ".join(event.detail for event in audit_rows(db))
    assert "Oona" not in details
    assert "Muñoz" not in details
