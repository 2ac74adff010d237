"""Days of suspension avoided, derived from evidence: a referral proposed a suspension of some
days, and triage replaced it by a restorative process. A number typed on the case overrides the
derived one only with a reason (a number typed before referrals were kept has none, and still
stands, as it was the only record)."""

from dataclasses import dataclass

from rp_desktop.domain.continuum.kinds import ReferralDecision

# A decision that puts a restorative process in the place of the proposed suspension.
RESTORATIVE_DECISIONS = frozenset(
    {ReferralDecision.QUICK_LOG, ReferralDecision.TIER2_CASE, ReferralDecision.TIER3_CASE}
)


@dataclass(frozen=True, slots=True)
class ProposedSuspension:
    """What a referral says about a suspension, and what triage decided on it."""

    proposed: bool
    days: int | None
    decision: ReferralDecision | None


@dataclass(frozen=True, slots=True)
class SuspensionAvoided:
    """The days avoided (None: no evidence of any), and whether a typed override gave them."""

    days: int | None
    overridden: bool = False


def suspension_avoided(
    referrals: tuple[ProposedSuspension, ...], typed_days: int | None
) -> SuspensionAvoided:
    """The days a case avoided: the typed number when there is one, otherwise the largest
    suspension proposed in a referral that triage replaced by a restorative process (two
    referrals about one event do not add up)."""
    if typed_days is not None:
        return SuspensionAvoided(typed_days, overridden=True)
    derived = [
        referral.days
        for referral in referrals
        if referral.proposed
        and referral.days is not None
        and referral.decision in RESTORATIVE_DECISIONS
    ]
    return SuspensionAvoided(max(derived) if derived else None)
