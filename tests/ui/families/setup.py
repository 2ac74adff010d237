"""A small family for the families' screens: Nou Xiong's mother, who reads Spanish at home and
asks for an interpreter, and Dariusz Kowalczyk's father (all invented); a Tier 2 case between
the two students with a planned meeting, a held one and an agreement."""

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy.orm import Session

from rp_desktop.db.models import MeetingRow
from rp_desktop.domain.casework.records import AgreementFields, AgreementItemFields, MeetingFields
from rp_desktop.domain.continuum.caregivers import Caregiver, CaregiverFields, CaregiverLink
from rp_desktop.domain.continuum.kinds import CaregiverRelationship, MeetingStatus
from rp_desktop.domain.records import Case, ParticipantFields
from rp_desktop.domain.vocabulary import MeetingKind, Role
from rp_desktop.services.casework import agreements, meetings
from rp_desktop.services.continuum.caregivers import add_caregiver
from rp_desktop.services.safekeeping.database import Database
from tests.ui.conftest import School, open_tier2_case

PARENT = CaregiverRelationship.PARENT


@dataclass(frozen=True)
class Family:
    mother: Caregiver  # Pa Xiong, Nou's mother: Spanish at home, interpreter needed
    father: Caregiver  # Tomasz Kowalczyk, Dariusz's father: English


def add_family(db: Database, school_db: School) -> Family:
    nou, dariusz = school_db.members[1], school_db.members[2]
    mother = add_caregiver(
        db,
        CaregiverFields(
            "Pa",
            "Xiong",
            phone="555-0199",
            home_language="es",
            interpreter_needed=True,
            students=(CaregiverLink(nou.id, PARENT),),
        ),
    )
    father = add_caregiver(
        db, CaregiverFields("Tomasz", "Kowalczyk", students=(CaregiverLink(dariusz.id, PARENT),))
    )
    return Family(mother, father)


def family_case(db: Database, school_db: School, family: Family) -> Case:
    nou, dariusz = school_db.members[1], school_db.members[2]
    case = open_tier2_case(
        db,
        ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=dariusz.id),
        ParticipantFields(Role.PERSON_HARMED, student_id=nou.id),
        ParticipantFields(Role.FAMILY_MEMBER, caregiver_id=family.mother.id),
        ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
    )
    held = meetings.record_meeting(
        db,
        case.id,
        MeetingFields(
            MeetingKind.RESTORATIVE_CONVERSATION,
            date(2026, 3, 9),
            facilitator_id=school_db.counselor_id,
        ),
    )
    plan_meeting(db, case.id, school_db.counselor_id)
    owner = case.participants[0].id
    agreements.save_agreement(
        db,
        case.id,
        AgreementFields(
            date(2026, 3, 9),
            meeting_id=held.id,
            items=(AgreementItemFields("Write a note to Nou", owner, due_on=date(2026, 3, 20)),),
        ),
    )
    return case


def plan_meeting(db: Database, case_id: int, facilitator_id: int) -> None:
    """A conference planned for next Tuesday at 3:30 pm, written directly: the meeting service
    on this branch does not take a planned day ahead yet (the meetings work brings that)."""
    with Session(db.engine) as session, session.begin():
        session.add(
            MeetingRow(
                case_id=case_id,
                kind=MeetingKind.FORMAL_CONFERENCE,
                held_on=date(2026, 3, 17),
                facilitator_id=facilitator_id,
                status=MeetingStatus.PLANNED,
                starts_at=time(15, 30),
            )
        )
