"""The pre-conference with each participant before a repair-harm circle or a conference: the
process explained, their choice about taking part, safety, supporters, consent; and the consent
rule that a conference is not marked held while the person harmed's choice is unknown.

Taking part is voluntary, above all for the person harmed, who may prefer an indirect way: a
letter or a go-between.

The consent rule, exactly:

- It applies only to a meeting being recorded as HELD whose kind brings the sides together: a
  repair-harm circle, a formal conference or a re-entry circle (`NEEDS_CONSENT`). A planned or
  cancelled meeting, and every other kind, is never held back by it; nor is correcting a
  meeting already held as that kind (its notes, who came): the rule is met when a meeting is
  marked held, not asked again at every edit (meetings held before the rule existed included).
- Each person harmed on the case is looked at (a case with no person harmed has no one whose
  choice is waited for). A person harmed with no preparation row counts as NOT_ASKED.
- If any of them is NOT_ASKED, the gap is NOT_RECORDED: marking the meeting held needs a
  reason to go ahead (`proceed_reason`), or their choice recorded first.
- Otherwise, if any of them chose an indirect way (a letter, a go-between) or not to take part,
  the gap is NOT_MEETING: the meeting went ahead without them meeting the other side, and
  that needs a reason too ("The person harmed chose a letter; the conference went ahead
  without them").
- When every person harmed is WILLING, there is no gap and no reason is asked for.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rp_desktop.domain.continuum.kinds import MeetingStatus, Willingness
from rp_desktop.domain.validation import (
    EARLIEST_DATE,
    LONG_TEXT_MAX,
    FieldProblem,
    Problem,
    text_problems,
)
from rp_desktop.domain.vocabulary import MeetingKind

# The meetings that bring the person harmed and the person who caused harm together.
NEEDS_CONSENT = frozenset(
    {MeetingKind.REPAIR_HARM_CIRCLE, MeetingKind.FORMAL_CONFERENCE, MeetingKind.RE_ENTRY_CIRCLE}
)
# The choices that mean taking part some other way than meeting, or not at all.
NOT_MEETING = frozenset(
    {Willingness.INDIRECT_LETTER, Willingness.INDIRECT_GO_BETWEEN, Willingness.NOT_WILLING}
)


class ConsentGap(StrEnum):
    """Why a meeting marked held needs a reason to go ahead (see the module's rule)."""

    NOT_RECORDED = "not_recorded"  # a person harmed was not asked, or it is not written down
    NOT_MEETING = "not_meeting"  # a person harmed chose a letter, a go-between, or not to


def consent_gap(
    kind: MeetingKind, status: MeetingStatus, harmed_choices: Iterable[Willingness]
) -> ConsentGap | None:
    """The gap a meeting of `kind` recorded with `status` leaves, given the choices of every
    person harmed on the case (NOT_ASKED for one with no preparation), or None."""
    if status is not MeetingStatus.HELD or kind not in NEEDS_CONSENT:
        return None
    choices = set(harmed_choices)
    if Willingness.NOT_ASKED in choices:
        return ConsentGap.NOT_RECORDED
    if choices & NOT_MEETING:
        return ConsentGap.NOT_MEETING
    return None


@dataclass(frozen=True, slots=True)
class PreparationFields:
    """One participant's pre-conference. `supporters_chosen` says they chose who comes with
    them (named in `supporters`, which may stay empty: they may choose no one)."""

    met_on: date | None = None
    explained: bool = False
    willingness: Willingness = Willingness.NOT_ASKED
    safety_concerns: str = ""
    supporters_chosen: bool = False
    supporters: str = ""
    consent_on: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Preparation:
    """A participant's preparation as saved (`fields` all defaults when none was recorded:
    `saved` says which)."""

    participant_id: int
    fields: PreparationFields
    saved: bool = True

    @property
    def has_safety_concerns(self) -> bool:
        return bool(self.fields.safety_concerns.strip())


def validate_preparation(
    fields: PreparationFields, case_on: date, today: date
) -> list[FieldProblem]:
    """Dates are on or after the case's day and not in the future; a consent date needs the
    person's choice recorded (consent to what, otherwise?)."""
    problems = list(_day("met_on", fields.met_on, case_on, today))
    problems += _day("consent_on", fields.consent_on, case_on, today)
    if fields.consent_on is not None and fields.willingness in (
        Willingness.NOT_ASKED,
        Willingness.NOT_WILLING,
    ):
        problems.append(FieldProblem("willingness", Problem.REQUIRED))
    for name, text in (
        ("safety_concerns", fields.safety_concerns),
        ("supporters", fields.supporters),
        ("note", fields.note),
    ):
        problems += text_problems(name, text, required=False, limit=LONG_TEXT_MAX)
    return problems


def _day(name: str, value: date | None, case_on: date, today: date) -> list[FieldProblem]:
    if value is None:
        return []
    if value > today:
        return [FieldProblem(name, Problem.IN_FUTURE)]
    if value < max(case_on, EARLIEST_DATE):
        return [FieldProblem(name, Problem.BEFORE_CASE)]
    return []
