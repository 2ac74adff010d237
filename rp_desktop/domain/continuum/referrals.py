"""Referrals in, decisions out: a request for help (usually a teacher's) with what happened, what
was tried, what is asked for and whether a suspension was proposed; then triage decides what
becomes of it: a quick practice log, a Tier 2 or Tier 3 case, or no action, with the reason."""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from rp_desktop.domain.continuum.kinds import PracticeKind, ReferralDecision
from rp_desktop.domain.continuum.suspension import ProposedSuspension
from rp_desktop.domain.validation import (
    LONG_TEXT_MAX,
    NAME_MAX,
    FieldProblem,
    Problem,
    past_date_problems,
    text_problems,
)
from rp_desktop.domain.vocabulary import Role, Tier, Tier3Kind

MOST_SUSPENSION_DAYS = 180  # a school year

# The parts a referred student may be given in the case triage opens: a harm role, or the
# neutral one when the referral is a concern rather than harm.
CASE_ROLES = (
    Role.PERSON_WHO_CAUSED_HARM,
    Role.PERSON_HARMED,
    Role.WITNESS,
    Role.STUDENT,
)
CASE_DECISIONS = {
    ReferralDecision.TIER2_CASE: Tier.TARGETED,
    ReferralDecision.TIER3_CASE: Tier.INTENSIVE,
}


@dataclass(frozen=True, slots=True)
class ReferralFields:
    """What the referral form submits. The referrer is a staff member or, for someone not on the
    staff list (a parent, a bus driver), a typed name. Suspension days and who proposed them
    mean something only when a suspension was proposed."""

    received_on: date | None
    referred_by_staff_id: int | None = None
    referred_by_name: str = ""
    what_happened: str = ""
    tried: str = ""
    asks_for: str = ""
    suspension_proposed: bool = False
    suspension_days: int | None = None
    suspension_proposed_by_staff_id: int | None = None
    student_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Referral:
    """A saved referral with the names a screen shows beside the ids, and the decision made on
    it (None: it waits in the queue)."""

    id: int
    fields: ReferralFields
    referrer_name: str
    proposer_name: str = ""
    student_names: tuple[str, ...] = ()
    decision: ReferralDecision | None = None
    decided_on: date | None = None
    decision_reason: str = ""
    case_id: int | None = None
    practice_log_id: int | None = None

    @property
    def waiting(self) -> bool:
        return self.decision is None

    @property
    def proposed_suspension(self) -> ProposedSuspension:
        """What the referral says about a suspension, for the days a case avoided."""
        fields = self.fields
        return ProposedSuspension(fields.suspension_proposed, fields.suspension_days, self.decision)


@dataclass(frozen=True, slots=True)
class Triage:
    """The decision on one referral. A quick log names its practice; a case names its category,
    its Tier 3 practice (Tier 3 only) and each referred student's role (student id, role); no
    action needs the reason. `reason` may note any decision."""

    decision: ReferralDecision
    practice_kind: PracticeKind | None = None
    category_id: int | None = None
    tier3_kind: Tier3Kind | None = None
    roles: tuple[tuple[int, Role | None], ...] = ()
    reason: str = ""

    @property
    def tier(self) -> Tier | None:
        """The tier of the case this triage opens, or None when it opens none."""
        return CASE_DECISIONS.get(self.decision)


def tidied(fields: ReferralFields) -> ReferralFields:
    """Without the suspension's days and proposer when no suspension was proposed (a box
    unticked after typing them), and with the typed referrer's name trimmed."""
    fields = replace(fields, referred_by_name=fields.referred_by_name.strip())
    if fields.suspension_proposed:
        return fields
    return replace(fields, suspension_days=None, suspension_proposed_by_staff_id=None)


def validate_referral(fields: ReferralFields, today: date) -> list[FieldProblem]:
    """Every rule a referral breaks, by field: received on a day that has come, a referrer (a
    staff member or a name, not both), what happened, at least one student, once each, and 1 to
    180 days when a suspension was proposed."""
    problems = list(past_date_problems("received_on", fields.received_on, today))
    problems += _referrer_problems(fields)
    problems += text_problems(
        "what_happened", fields.what_happened, required=True, limit=LONG_TEXT_MAX
    )
    problems += text_problems("tried", fields.tried, required=False, limit=LONG_TEXT_MAX)
    problems += text_problems("asks_for", fields.asks_for, required=False, limit=LONG_TEXT_MAX)
    if not fields.student_ids:
        problems.append(FieldProblem("student_ids", Problem.REQUIRED))
    elif len(set(fields.student_ids)) != len(fields.student_ids):
        problems.append(FieldProblem("student_ids", Problem.SAME_PERSON_TWICE))
    problems += _suspension_problems(fields)
    return problems


def _referrer_problems(fields: ReferralFields) -> Iterator[FieldProblem]:
    name = fields.referred_by_name.strip()
    if fields.referred_by_staff_id is None and not name:
        yield FieldProblem("referred_by", Problem.REQUIRED)
    elif fields.referred_by_staff_id is not None and name:
        yield FieldProblem("referred_by", Problem.TWO_PEOPLE_AT_ONCE)
    elif len(name) > NAME_MAX:
        yield FieldProblem("referred_by", Problem.TOO_LONG, NAME_MAX)


def _suspension_problems(fields: ReferralFields) -> Iterator[FieldProblem]:
    days = fields.suspension_days
    if not fields.suspension_proposed:
        if days is not None or fields.suspension_proposed_by_staff_id is not None:
            # Not tidied: days of a suspension nobody proposed would count as avoided.
            yield FieldProblem("suspension_days", Problem.OUT_OF_RANGE, MOST_SUSPENSION_DAYS)
    elif days is None:
        yield FieldProblem("suspension_days", Problem.REQUIRED)
    elif not 1 <= days <= MOST_SUSPENSION_DAYS:
        yield FieldProblem("suspension_days", Problem.OUT_OF_RANGE, MOST_SUSPENSION_DAYS)


def validate_triage(triage: Triage, student_ids: tuple[int, ...]) -> list[FieldProblem]:
    """What a decision lacks: a quick log's practice, a case's category, Tier 3 practice and a
    role for every referred student (and no one else), no action's reason."""
    problems = list(text_problems("reason", triage.reason, required=False, limit=LONG_TEXT_MAX))
    if triage.decision is ReferralDecision.QUICK_LOG and triage.practice_kind is None:
        problems.append(FieldProblem("practice_kind", Problem.REQUIRED))
    if triage.decision is ReferralDecision.NO_ACTION and not triage.reason.strip():
        problems.append(FieldProblem("reason", Problem.REQUIRED))
    if triage.tier is not None:
        problems += _case_problems(triage, student_ids)
    return problems


def _case_problems(triage: Triage, student_ids: tuple[int, ...]) -> Iterator[FieldProblem]:
    if triage.category_id is None:
        yield FieldProblem("category_id", Problem.REQUIRED)
    if triage.tier is Tier.INTENSIVE and triage.tier3_kind is None:
        yield FieldProblem("tier3_kind", Problem.REQUIRED)
    roles = dict(triage.roles)
    if set(roles) != set(student_ids) or len(roles) != len(triage.roles):
        yield FieldProblem("roles", Problem.NOT_IN_CASE)
    for index, student_id in enumerate(student_ids):
        role = roles.get(student_id)
        if role is None or role not in CASE_ROLES:
            yield FieldProblem("roles", Problem.NEEDS_ROLE, index=index)
