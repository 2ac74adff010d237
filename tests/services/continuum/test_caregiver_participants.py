"""A caregiver on record taking part in a case as a family member: named in the case's list,
found by the case search, named as an agreement item's owner, kept when the case is edited,
and refused when no longer on record."""

from dataclasses import replace
from datetime import timedelta

import pytest

from rp_desktop.domain.casework.agreements import AgreementFields, AgreementItemFields
from rp_desktop.domain.continuum.caregivers import CaregiverFields, CaregiverLink
from rp_desktop.domain.continuum.kinds import CaregiverRelationship
from rp_desktop.domain.records import CaseFields, ListQuery, ParticipantFields
from rp_desktop.domain.validation import InvalidInput, Problem
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services.casework.agreements import save_agreement
from rp_desktop.services.casework.cases import get_case, list_cases, open_case, update_case
from rp_desktop.services.casework.due_items import due_items
from rp_desktop.services.continuum.caregivers import (
    add_caregiver,
    caregivers_of_case,
    get_caregiver,
    set_active,
    update_caregiver,
)
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster

PARENT = CaregiverRelationship.PARENT
AUNT = CaregiverRelationship.AUNT_OR_UNCLE


def case_with_caregiver(db: Database, roster: Roster, caregiver_id: int) -> CaseFields:
    return CaseFields(
        tier=Tier.TARGETED,
        occurred_on=db.today(),
        category_id=roster.category_id,
        description="A shove in the line for the bus.",
        participants=(
            ParticipantFields(Role.PERSON_HARMED, student_id=roster.ana.id),
            ParticipantFields(Role.FAMILY_MEMBER, caregiver_id=caregiver_id),
            ParticipantFields(Role.FAMILY_MEMBER, other_name="Uncle Teodor"),
        ),
    )


def test_a_caregiver_participant_is_named_everywhere(db: Database, roster: Roster) -> None:
    mother = add_caregiver(db, CaregiverFields("Marisol", "Quintanilla"))
    fields = case_with_caregiver(db, roster, mother.id)
    case = open_case(db, fields)
    assert [p.display_name for p in case.participants] == [
        "Ana Muñoz",
        "Marisol Quintanilla",
        "Uncle Teodor",
    ]
    assert case.participants[1].fields.caregiver_id == mother.id
    (listed,) = list_cases(db, Tier.TARGETED, ListQuery()).rows
    assert listed.people == "Ana Muñoz, Marisol Quintanilla, Uncle Teodor"
    found = list_cases(db, Tier.TARGETED, ListQuery(text="quintanilla")).rows
    assert [c.id for c in found] == [case.id]
    item = AgreementItemFields(
        "Call the school on Friday",
        owner_participant_id=case.participants[1].id,
        due_on=db.today() + timedelta(days=2),
    )
    agreement = save_agreement(db, case.id, AgreementFields(db.today(), items=(item,)))
    assert agreement.items[0].owner_name == "Marisol Quintanilla"
    coming, _overdue = due_items(db, db.today())
    assert [i.owner_name for i in coming] == ["Marisol Quintanilla"]
    renamed = replace(get_caregiver(db, mother.id).fields, last_name="Ybarra")
    update_caregiver(db, mother.id, renamed)
    found = list_cases(db, Tier.TARGETED, ListQuery(text="ybarra")).rows
    assert [c.id for c in found] == [case.id]
    assert list_cases(db, Tier.TARGETED, ListQuery(text="quintanilla")).rows == ()
    update_caregiver(db, mother.id, replace(renamed, last_name="Quintanilla"))
    again = update_case(db, case.id, replace(fields, place="Bus line"))
    assert again.participants[1].id == case.participants[1].id  # kept, not replaced
    assert get_case(db, case.id).participants[1].display_name == "Marisol Quintanilla"


def test_a_caregiver_twice_or_not_on_record_is_refused(db: Database, roster: Roster) -> None:
    mother = add_caregiver(db, CaregiverFields("Marisol", "Quintanilla"))
    fields = case_with_caregiver(db, roster, mother.id)
    twice = replace(fields, participants=(*fields.participants, fields.participants[1]))
    with pytest.raises(InvalidInput) as refused:
        open_case(db, twice)
    assert [(p.problem, p.index) for p in refused.value.problems] == [
        (Problem.SAME_PERSON_TWICE, 3)
    ]
    gone = replace(
        fields, participants=(ParticipantFields(Role.FAMILY_MEMBER, caregiver_id=mother.id + 9),)
    )
    with pytest.raises(InvalidInput) as unknown:
        open_case(db, gone)
    assert [p.problem for p in unknown.value.problems] == [Problem.UNKNOWN]
    both = ParticipantFields(Role.FAMILY_MEMBER, caregiver_id=mother.id, other_name="Marisol")
    with pytest.raises(InvalidInput) as two:
        open_case(db, replace(fields, participants=(both,)))
    assert [p.problem for p in two.value.problems] == [Problem.TWO_PEOPLE_AT_ONCE]


def test_a_cases_families_are_its_caregiver_participants_then_its_students_caregivers(
    db: Database, roster: Roster
) -> None:
    mother = add_caregiver(
        db,
        CaregiverFields("Marisol", "Quintanilla", students=(CaregiverLink(roster.ana.id, PARENT),)),
    )
    aunt = add_caregiver(
        db, CaregiverFields("Beatriz", "Alcántara", students=(CaregiverLink(roster.ana.id, AUNT),))
    )
    neighbour = add_caregiver(db, CaregiverFields("Odile", "Vantongeren"))
    other_family = add_caregiver(
        db, CaregiverFields("Wen", "Zhou", students=(CaregiverLink(roster.liam.id, PARENT),))
    )
    fields = case_with_caregiver(db, roster, mother.id)
    fields = replace(
        fields,
        participants=(
            *fields.participants,
            ParticipantFields(Role.SUPPORTER, caregiver_id=neighbour.id),
        ),
    )
    case = open_case(db, fields)
    set_active(db, aunt.id, False)
    found = caregivers_of_case(db, case.id)
    assert [c.caregiver.id for c in found] == [mother.id, neighbour.id]
    assert found[0].relation is PARENT
    set_active(db, aunt.id, True)
    assert [c.caregiver.id for c in caregivers_of_case(db, case.id)] == [
        mother.id,
        neighbour.id,
        aunt.id,
    ]
    assert other_family.id not in [c.caregiver.id for c in caregivers_of_case(db, case.id)]
