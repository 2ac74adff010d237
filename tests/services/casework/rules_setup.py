"""What the casework rule tests share: a scene with two cases, inputs that carry an invented
name, and a check that refused input wrote nothing and quoted nothing."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from rp_desktop.domain.casework.records import (
    AgreementFields,
    AgreementItemFields,
    AnswerFields,
    MeetingFields,
    MonitoringFrequency,
    RestorativeQuestion,
    SupportPlanFields,
)
from rp_desktop.domain.records import Case, CaseFields, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput
from rp_desktop.domain.vocabulary import MeetingKind, Role, Tier
from rp_desktop.services.casework.case_detail import (
    record_meeting,
    save_agreement,
    save_support_plan,
)
from rp_desktop.services.casework.cases import open_case
from rp_desktop.services.safekeeping.database import Database
from tests.services.casework.setup import (
    CASE_DAY,
    TODAY,
    harmed_is_willing,
    open_four_person_case,
    people_of,
)
from tests.services.conftest import Roster, audit_rows, table_count

SECRET = "Zebulon Quarrington"  # invented; typed into every refused input
TOMORROW = TODAY + timedelta(days=1)
BEFORE_CASE = CASE_DAY - timedelta(days=1)
TABLES = (
    "meeting",
    "meeting_attendee",
    "meeting_answer",
    "agreement",
    "agreement_item",
    "follow_up",
    "tier_change",
    "support_plan",
    "progress_entry",
    "re_entry_plan",
)


@dataclass(frozen=True)
class Scene:
    roster: Roster
    case: Case  # the four-person case
    other: Case  # Zoë and Łukasz, another case entirely
    meeting_id: int  # a meeting on the other case
    item_id: int  # an agreement item on the other case
    plan_id: int  # a support plan for Liam, starting 2026-03-03


def set_the_scene(db: Database, roster: Roster) -> Scene:
    """The four-person case, another case with its own meeting and item, and a plan for Liam."""
    case = open_four_person_case(db, roster)
    harmed_is_willing(db, case)  # Ana chose to meet: the repair-harm circle may be held
    other = open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 6),
            category_id=roster.other_category_id,
            description="A lost jacket.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=roster.zoe.id),
                ParticipantFields(Role.WITNESS, student_id=roster.lukasz.id),
            ),
        ),
    )
    meeting = record_meeting(db, other.id, MeetingFields(MeetingKind.PEER_MEDIATION, TODAY))
    owner = other.participants[0].id
    item = AgreementItemFields("Look in lost property", owner, None, TODAY)
    agreement = save_agreement(db, other.id, AgreementFields(TODAY, items=(item,)))
    plan = save_support_plan(
        db, SupportPlanFields(roster.liam.id, "Calm mornings", start_on=date(2026, 3, 3))
    )
    return Scene(roster, case, other, meeting.id, agreement.items[0].id, plan.id)


def refused(db: Database, action: Callable[[], object]) -> tuple[FieldProblem, ...]:
    """Run `action`, expecting InvalidInput; check nothing was written and nothing quoted."""
    counts = {table: table_count(db, table) for table in TABLES}
    events = len(audit_rows(db))
    with pytest.raises(InvalidInput) as info:
        action()
    assert SECRET.split()[0] not in str(info.value)
    assert {table: table_count(db, table) for table in TABLES} == counts
    assert len(audit_rows(db)) == events
    return info.value.problems


def meeting(scene: Scene, **changes: object) -> MeetingFields:
    fields: dict[str, object] = {
        "kind": MeetingKind.REPAIR_HARM_CIRCLE,
        "held_on": date(2026, 3, 4),
        "notes": f"{SECRET} was there.",
    }
    return MeetingFields(**{**fields, **changes})  # type: ignore[arg-type]


def answer(participant_id: int, question: RestorativeQuestion) -> AnswerFields:
    return AnswerFields(participant_id, question, f"{SECRET} said so.")


def item(scene: Scene, **changes: object) -> AgreementItemFields:
    fields: dict[str, object] = {
        "description": f"Apologise to {SECRET}",
        "owner_participant_id": people_of(scene.case).caused.id,
        "due_on": date(2026, 3, 12),
    }
    return AgreementItemFields(**{**fields, **changes})  # type: ignore[arg-type]


def support_plan(scene: Scene, **changes: object) -> SupportPlanFields:
    fields: dict[str, object] = {
        "student_id": scene.roster.liam.id,
        "goal": f"Repair things with {SECRET}",
        "start_on": date(2026, 3, 3),
        "frequency": MonitoringFrequency.DAILY,
    }
    return SupportPlanFields(**{**fields, **changes})  # type: ignore[arg-type]
