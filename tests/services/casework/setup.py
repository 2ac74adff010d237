"""A Tier 2 case with four people, shared by the casework tests.

Ana Muñoz was harmed, Liam O'Brien caused the harm, Łukasz Wiśniewski supports Ana, and a
family member named only on the case comes too (all invented, as in conftest.py). Today is
Tuesday 2026-03-10; the case is about the Monday before, 2026-03-02.
"""

from dataclasses import dataclass
from datetime import date

from rp_desktop.domain.casework.records import AnswerFields, questions_for, speaking_order
from rp_desktop.domain.continuum.kinds import Willingness
from rp_desktop.domain.continuum.preparation import PreparationFields
from rp_desktop.domain.records import Case, CaseFields, Participant, ParticipantFields
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services.casework.cases import open_case
from rp_desktop.services.continuum.preparation import put_preparation
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster

TODAY = date(2026, 3, 10)
CASE_DAY = date(2026, 3, 2)
FAMILY_NAME = "Ottoline Brackwater"  # invented; a name typed on the case, not a student


@dataclass(frozen=True)
class People:
    harmed: Participant  # Ana
    caused: Participant  # Liam
    supporter: Participant  # Łukasz
    family: Participant


def open_four_person_case(db: Database, roster: Roster, tier: Tier = Tier.TARGETED) -> Case:
    return open_case(
        db,
        CaseFields(
            tier=tier,
            occurred_on=CASE_DAY,
            category_id=roster.category_id,
            description="Words in the cafeteria turned into pushing.",
            place="Cafeteria",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=roster.ana.id),
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=roster.liam.id),
                ParticipantFields(Role.SUPPORTER, student_id=roster.lukasz.id),
                ParticipantFields(Role.FAMILY_MEMBER, other_name=FAMILY_NAME),
            ),
        ),
    )


def people_of(case: Case) -> People:
    harmed, caused, supporter, family = case.participants
    return People(harmed, caused, supporter, family)


def answers_in_speaking_order(case: Case) -> tuple[AnswerFields, ...]:
    """Every question for everyone's role, the person who caused harm first."""
    return tuple(
        AnswerFields(p.id, question, f"{p.fields.role} answers {question}")
        for p in speaking_order(case.participants)
        if p.fields.role is not None
        for question in questions_for(p.fields.role)
    )


def harmed_is_willing(db: Database, case: Case, on: date = CASE_DAY) -> None:
    """The person harmed's pre-conference: the process explained, willing to meet, consent
    given `on`. Without it a repair-harm circle or conference cannot be recorded as held."""
    harmed = people_of(case).harmed
    fields = PreparationFields(
        met_on=on, explained=True, willingness=Willingness.WILLING, consent_on=on
    )
    put_preparation(db, harmed.id, fields)
