"""Days of suspension avoided come from a referral's proposed suspension replaced by a
restorative process, unless a number typed on the case overrides them."""

from rp_desktop.domain.continuum.kinds import ReferralDecision as Decision
from rp_desktop.domain.continuum.suspension import (
    ProposedSuspension,
    SuspensionAvoided,
    suspension_avoided,
)


def test_a_proposed_suspension_replaced_by_a_case_is_avoided() -> None:
    referral = ProposedSuspension(proposed=True, days=3, decision=Decision.TIER3_CASE)
    assert suspension_avoided((referral,), None) == SuspensionAvoided(3)


def test_no_evidence_means_no_days() -> None:
    waiting = ProposedSuspension(proposed=True, days=3, decision=None)
    no_action = ProposedSuspension(proposed=True, days=2, decision=Decision.NO_ACTION)
    not_proposed = ProposedSuspension(proposed=False, days=None, decision=Decision.TIER2_CASE)
    assert suspension_avoided((waiting, no_action, not_proposed), None) == SuspensionAvoided(None)
    assert suspension_avoided((), None) == SuspensionAvoided(None)


def test_two_referrals_about_one_event_do_not_add_up() -> None:
    first = ProposedSuspension(proposed=True, days=2, decision=Decision.TIER2_CASE)
    second = ProposedSuspension(proposed=True, days=5, decision=Decision.QUICK_LOG)
    assert suspension_avoided((first, second), None) == SuspensionAvoided(5)


def test_a_typed_number_overrides() -> None:
    referral = ProposedSuspension(proposed=True, days=3, decision=Decision.TIER3_CASE)
    assert suspension_avoided((referral,), 1) == SuspensionAvoided(1, overridden=True)
    assert suspension_avoided((), 0) == SuspensionAvoided(0, overridden=True)
