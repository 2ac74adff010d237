"""On closing a case of harm with a person harmed: does the person harmed feel the harm was
repaired? Recorded with the closing, shown with the case, corrected by closing again; refused
for a case that has no one to ask."""

from dataclasses import replace
from datetime import date

import pytest

from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import (
    AuditAction,
    CaseStatus,
    CategoryKind,
    ClosureReason,
    Role,
    Tier,
)
from rp_desktop.services.casework.case_detail import close_case, get_case_detail
from rp_desktop.services.casework.cases import get_case, list_categories, open_case, update_case
from rp_desktop.services.safekeeping.database import Database
from tests.services.casework.setup import open_four_person_case
from tests.services.conftest import Roster, audit_rows

CLOSED_ON = date(2026, 3, 10)


def test_the_answer_is_kept_with_the_closing(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    assert get_case(db, case.id).repair_felt is None
    closed = close_case(
        db, case.id, ClosureReason.AGREEMENT_KEPT, CLOSED_ON, repair_felt=RepairFelt.PARTLY
    )
    assert closed.case.fields.status is CaseStatus.CLOSED
    assert closed.case.repair_felt is RepairFelt.PARTLY
    assert get_case(db, case.id).repair_felt is RepairFelt.PARTLY
    assert get_case_detail(db, case.id).case.category_kind is CategoryKind.HARM


def test_closing_again_corrects_the_answer_later(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    close_case(db, case.id, ClosureReason.AGREEMENT_KEPT, CLOSED_ON, repair_felt=RepairFelt.NO)
    before = len(audit_rows(db))
    close_case(db, case.id, ClosureReason.AGREEMENT_KEPT, CLOSED_ON, repair_felt=RepairFelt.YES)
    assert get_case(db, case.id).repair_felt is RepairFelt.YES
    events = [(e.action, e.entity, e.entity_id) for e in audit_rows(db)[before:]]
    assert events == [(AuditAction.UPDATE, "case", case.id)]


def test_the_answer_is_optional(db: Database, roster: Roster) -> None:
    case = open_four_person_case(db, roster)
    closed = close_case(db, case.id, ClosureReason.DECLINED, CLOSED_ON)
    assert closed.case.repair_felt is None


def concern_case(db: Database, roster: Roster) -> CaseFields:
    concern = next(c.id for c in list_categories(db) if c.kind is CategoryKind.CONCERN)
    return CaseFields(
        tier=Tier.TARGETED,
        occurred_on=date(2026, 3, 2),
        category_id=concern,
        description="A check-in about sleep and school.",
        participants=(ParticipantFields(Role.STUDENT, student_id=roster.ana.id),),
    )


def test_a_concern_has_no_person_harmed_to_ask(db: Database, roster: Roster) -> None:
    case = open_case(db, concern_case(db, roster))
    with pytest.raises(InvalidInput) as refused:
        close_case(db, case.id, ClosureReason.OTHER, CLOSED_ON, repair_felt=RepairFelt.YES)
    assert refused.value.problems == (FieldProblem("repair_felt", Problem.NO_PERSON_HARMED),)
    assert get_case(db, case.id).fields.status is CaseStatus.OPEN


def test_a_harm_case_with_no_person_harmed_is_not_asked(db: Database, roster: Roster) -> None:
    fields = replace(
        concern_case(db, roster),
        category_id=roster.category_id,
        participants=(ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=roster.ana.id),),
    )
    case = open_case(db, fields)
    with pytest.raises(InvalidInput) as refused:
        close_case(db, case.id, ClosureReason.OTHER, CLOSED_ON, repair_felt=RepairFelt.NO)
    assert refused.value.problems == (FieldProblem("repair_felt", Problem.NO_PERSON_HARMED),)


def test_the_answer_goes_when_the_case_no_longer_has_a_person_harmed(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    close_case(db, case.id, ClosureReason.AGREEMENT_KEPT, CLOSED_ON, repair_felt=RepairFelt.YES)
    kept = get_case(db, case.id)
    unchanged = update_case(db, case.id, replace(kept.fields, place="Library"))
    assert unchanged.repair_felt is RepairFelt.YES
    people = tuple(
        replace(p, role=Role.SUPPORTER) if p.role is Role.PERSON_HARMED else p
        for p in kept.fields.participants
    )
    changed = update_case(db, case.id, replace(kept.fields, participants=people))
    assert changed.repair_felt is None


def test_the_case_form_s_answer_is_kept_only_while_the_case_is_closed(
    db: Database, roster: Roster
) -> None:
    case = open_four_person_case(db, roster)
    closed = replace(
        case.fields, status=CaseStatus.CLOSED, closure_reason=ClosureReason.AGREEMENT_KEPT
    )
    saved = update_case(db, case.id, closed, repair_felt=RepairFelt.PARTLY)
    assert saved.repair_felt is RepairFelt.PARTLY
    reopened = replace(closed, status=CaseStatus.FOLLOWING_UP)
    assert update_case(db, case.id, reopened).repair_felt is None


def test_the_case_form_s_answer_is_refused_for_a_concern(db: Database, roster: Roster) -> None:
    case = open_case(db, concern_case(db, roster))
    closed = replace(case.fields, status=CaseStatus.CLOSED, closure_reason=ClosureReason.OTHER)
    with pytest.raises(InvalidInput) as refused:
        update_case(db, case.id, closed, repair_felt=RepairFelt.YES)
    assert refused.value.problems == (FieldProblem("repair_felt", Problem.NO_PERSON_HARMED),)
    assert get_case(db, case.id).fields.status is CaseStatus.OPEN
