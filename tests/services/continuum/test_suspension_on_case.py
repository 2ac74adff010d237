"""A case opened from a referral carries it: who referred, when, the suspension proposed; the
days avoided are derived from it, and typed days override them only with a reason."""

from datetime import timedelta

import pytest

from rp_desktop.domain.continuum.kinds import ReferralDecision
from rp_desktop.domain.continuum.referrals import ReferralFields, Triage
from rp_desktop.domain.continuum.suspension import SuspensionAvoided
from rp_desktop.domain.reports.model import Period, ReportKind, ReportRequest
from rp_desktop.domain.validation import FieldProblem, InvalidInput, Problem
from rp_desktop.domain.vocabulary import Role, Tier3Kind
from rp_desktop.services.casework.case_detail import (
    get_case_detail,
    set_suspension_days_avoided,
)
from rp_desktop.services.continuum.referrals import add_referral, triage_referral
from rp_desktop.services.reports.reporting import report
from rp_desktop.services.safekeeping.database import Database
from tests.services.conftest import Roster, audit_rows


def case_from_referral(db: Database, roster: Roster, *, days: int | None) -> int:
    saved = add_referral(
        db,
        ReferralFields(
            received_on=db.today() - timedelta(days=2),
            referred_by_staff_id=roster.teacher_id,
            what_happened="A fight at the lockers.",
            asks_for="Something other than a suspension.",
            suspension_proposed=days is not None,
            suspension_days=days,
            suspension_proposed_by_staff_id=roster.counselor_id if days else None,
            student_ids=(roster.liam.id,),
        ),
    )
    triage = Triage(
        ReferralDecision.TIER3_CASE,
        category_id=roster.category_id,
        tier3_kind=Tier3Kind.ALTERNATIVE_TO_SUSPENSION,
        roles=((roster.liam.id, Role.PERSON_WHO_CAUSED_HARM),),
    )
    case_id = triage_referral(db, saved.id, triage).case_id
    assert case_id is not None
    return case_id


def test_the_case_shows_its_referral_and_the_days_derived_from_it(
    db: Database, roster: Roster
) -> None:
    detail = get_case_detail(db, case_from_referral(db, roster, days=3))
    (referral,) = detail.referrals
    assert referral.referrer_name == "Tom Becker"
    assert referral.proposer_name == "Rosa Delgado"
    assert referral.fields.received_on == db.today() - timedelta(days=2)
    assert referral.fields.asks_for == "Something other than a suspension."
    assert detail.suspension_days_avoided is None
    assert detail.derived_suspension_days == 3
    assert detail.suspension_avoided == SuspensionAvoided(3, overridden=False)


def test_no_proposed_suspension_derives_nothing(db: Database, roster: Roster) -> None:
    detail = get_case_detail(db, case_from_referral(db, roster, days=None))
    assert detail.derived_suspension_days is None
    assert detail.suspension_avoided == SuspensionAvoided(None)
    # With nothing derived, typed days stand alone and need no reason.
    typed = set_suspension_days_avoided(db, detail.case.id, 2)
    assert typed.suspension_avoided == SuspensionAvoided(2, overridden=True)


def test_an_override_needs_its_reason_and_goes_with_it(db: Database, roster: Roster) -> None:
    case_id = case_from_referral(db, roster, days=3)
    with pytest.raises(InvalidInput) as refused:
        set_suspension_days_avoided(db, case_id, 5, "   ")
    assert refused.value.problems == (FieldProblem("suspension_override_reason", Problem.REQUIRED),)
    assert get_case_detail(db, case_id).suspension_days_avoided is None
    reason = "The dean's letter says five days were proposed in the end."
    detail = set_suspension_days_avoided(db, case_id, 5, f" {reason} ")
    assert detail.suspension_avoided == SuspensionAvoided(5, overridden=True)
    assert detail.suspension_override_reason == reason
    assert audit_rows(db)[-1].detail == "field=suspension_days_avoided"
    back = set_suspension_days_avoided(db, case_id, None, reason)
    assert back.suspension_override_reason == ""
    assert back.suspension_avoided == SuspensionAvoided(3, overridden=False)


def test_reports_count_the_derived_days_and_an_override_instead(
    db: Database, roster: Roster
) -> None:
    case_id = case_from_referral(db, roster, days=3)
    month = Period(db.today().replace(day=1) - timedelta(days=40), db.today())

    def days() -> float:
        table = report(db, ReportRequest(ReportKind.SUSPENSION_DAYS_AVOIDED, month))
        return sum(v or 0 for s in table.series if s.key == "measure:days" for v in s.values)

    assert days() == 3
    set_suspension_days_avoided(db, case_id, 5, "The dean's letter says five.")
    assert days() == 5
