"""Tier 2 and Tier 3 casework: meetings with the restorative questions, agreements and their
items, follow-up, tier moves, plans, and where a formal conference stands.

`...Fields` classes are what a form submits; the other classes are what was saved, with the
names a screen needs beside the ids. The questions, agreements, plans and timeline live in their
own modules and are exported from here too.
"""

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from rp_desktop.domain.casework.agreements import (
    Agreement,
    AgreementFields,
    AgreementItem,
    AgreementItemFields,
    completion_rate,
)
from rp_desktop.domain.casework.restorative import (
    RestorativeQuestion,
    questions_for,
    speaking_order,
)
from rp_desktop.domain.casework.support_plans import (
    MonitoringFrequency,
    ProgressEntry,
    ProgressEntryFields,
    ReEntryPlanFields,
    SupportPlan,
    SupportPlanFields,
)
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.domain.continuum.referrals import Referral
from rp_desktop.domain.continuum.suspension import (
    ProposedSuspension,
    SuspensionAvoided,
    suspension_avoided,
)
from rp_desktop.domain.records import Case, Participant
from rp_desktop.domain.timeline import TimelineEntry, TimelineKind
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    CaseStatus,
    MeetingKind,
    Role,
    Tier,
    Tier3Kind,
)

__all__ = [
    "Agreement",
    "AgreementFields",
    "AgreementItem",
    "AgreementItemFields",
    "AnswerFields",
    "CaseDetail",
    "ConferenceStep",
    "DueItem",
    "FollowUp",
    "FollowUpFields",
    "Meeting",
    "MeetingFields",
    "MonitoringFrequency",
    "ProgressEntry",
    "ProgressEntryFields",
    "ReEntryPlanFields",
    "RestorativeQuestion",
    "SupportPlan",
    "SupportPlanFields",
    "TierChange",
    "TierChangeFields",
    "TimelineEntry",
    "TimelineKind",
    "advanced_status",
    "completion_rate",
    "conference_progress",
    "questions_for",
    "speaking_order",
    "status_after_meeting",
]

# The roles a formal conference prepares with one pre-conference each.
PREPARED_ROLES = (Role.PERSON_HARMED, Role.PERSON_WHO_CAUSED_HARM)


@dataclass(frozen=True, slots=True)
class AnswerFields:
    """One participant's answer to one restorative question."""

    participant_id: int
    question: RestorativeQuestion
    text: str


@dataclass(frozen=True, slots=True)
class MeetingFields:
    """A meeting on a case, held or planned (`status`; `held_on` is the day it is planned for
    until then). `attendee_ids` are participant ids (a pre-conference is with one party);
    `answers` keep the order they were given in, and are kept word for word only with
    `keep_answers`; otherwise each attendee's contribution is a short summary (`summaries`:
    participant id and text). `proceed_reason` says why a conference went ahead while the
    person harmed's choice about taking part was not recorded."""

    kind: MeetingKind
    held_on: date | None
    facilitator_id: int | None = None
    duration_minutes: int | None = None
    notes: str = ""
    attendee_ids: frozenset[int] = field(default_factory=frozenset)
    answers: tuple[AnswerFields, ...] = ()
    status: MeetingStatus = MeetingStatus.HELD
    starts_at: time | None = None
    cancel_reason: str = ""
    proceed_reason: str = ""
    keep_answers: bool = False
    summaries: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    """A saved meeting, with its facilitator's name and who was there, in speaking order."""

    id: int
    case_id: int
    fields: MeetingFields
    facilitator_name: str
    attendees: tuple[Participant, ...]


@dataclass(frozen=True, slots=True)
class FollowUpFields:
    """A check-in on how things are going, on a case or on one agreement item."""

    on: date | None
    staff_id: int | None = None
    note: str = ""
    agreement_item_id: int | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: int
    case_id: int
    fields: FollowUpFields
    staff_name: str


@dataclass(frozen=True, slots=True)
class TierChangeFields:
    """Moving a case to another tier; a move to Tier 3 names the intensive practice."""

    changed_on: date | None
    to_tier: Tier
    reason: str
    tier3_kind: Tier3Kind | None = None


@dataclass(frozen=True, slots=True)
class TierChange:
    id: int
    changed_on: date
    from_tier: Tier
    to_tier: Tier
    reason: str


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """Everything about one case, for the staff who work on it. `private_note` is the
    counselor's own memory aid, kept apart from the shared record."""

    case: Case
    private_note: str
    suspension_days_avoided: int | None
    closed_on: date | None
    meetings: tuple[Meeting, ...]
    agreements: tuple[Agreement, ...]
    follow_ups: tuple[FollowUp, ...]
    tier_changes: tuple[TierChange, ...]
    support_plans: tuple[SupportPlan, ...]
    re_entry_plan: ReEntryPlanFields | None
    # The referrals that opened the case, and why typed days override what they give.
    referrals: tuple[Referral, ...] = ()
    suspension_override_reason: str = ""

    @property
    def derived_suspension_days(self) -> int | None:
        """The days avoided as the referrals give them (None: no referral gives any)."""
        return suspension_avoided(self._proposed(), None).days

    @property
    def suspension_avoided(self) -> SuspensionAvoided:
        """The days avoided: typed ones override the referrals' (see domain/continuum)."""
        return suspension_avoided(self._proposed(), self.suspension_days_avoided)

    def _proposed(self) -> tuple[ProposedSuspension, ...]:
        return tuple(referral.proposed_suspension for referral in self.referrals)

    @property
    def completion_rate(self) -> float | None:
        """Over the items of all the case's agreements, as Agreement.completion_rate."""
        return completion_rate(
            item.fields.status for agreement in self.agreements for item in agreement.items
        )


@dataclass(frozen=True, slots=True)
class DueItem:
    """An open agreement item on the due or overdue list."""

    item_id: int
    case_id: int
    tier: Tier
    description: str
    owner_name: str
    due_on: date
    status: AgreementStatus


class ConferenceStep(StrEnum):
    """The steps of a formal conference, in order."""

    PRE_CONFERENCES = "pre_conferences"
    CONFERENCE = "conference"
    AGREEMENT = "agreement"
    COMPLETION_MEETING = "completion_meeting"


def conference_progress(detail: CaseDetail) -> list[tuple[ConferenceStep, bool]]:
    """Each step of a formal conference and whether it is done.

    - pre-conferences: at least one pre-conference, and every participant who is a person
      harmed or the person who caused harm attended one (attendance as recorded);
    - conference: a formal conference was held;
    - agreement: the case has an agreement;
    - completion meeting: an agreement follow-up meeting was held on or after the day of the
      first agreement (dates carry no time of day).

    Only meetings held count: one planned or cancelled is not a step done.
    """
    meetings = _held(detail)
    return [
        (ConferenceStep.PRE_CONFERENCES, _prepared(detail)),
        (
            ConferenceStep.CONFERENCE,
            any(m.fields.kind is MeetingKind.FORMAL_CONFERENCE for m in meetings),
        ),
        (ConferenceStep.AGREEMENT, bool(detail.agreements)),
        (ConferenceStep.COMPLETION_MEETING, _completed(detail)),
    ]


def _prepared(detail: CaseDetail) -> bool:
    prepared = {
        attendee.id
        for meeting in _held(detail)
        if meeting.fields.kind is MeetingKind.PRE_CONFERENCE
        for attendee in meeting.attendees
    }
    needed = {p.id for p in detail.case.participants if p.fields.role in PREPARED_ROLES}
    return bool(prepared) and needed <= prepared


def _completed(detail: CaseDetail) -> bool:
    first_agreement = min((a.made_on for a in detail.agreements), default=None)
    return first_agreement is not None and any(
        m.fields.kind is MeetingKind.AGREEMENT_FOLLOW_UP
        and m.fields.held_on is not None
        and m.fields.held_on >= first_agreement
        for m in _held(detail)
    )


def _held(detail: CaseDetail) -> list[Meeting]:
    return [m for m in detail.meetings if m.fields.status is MeetingStatus.HELD]


_STATUS_ORDER = (
    CaseStatus.OPEN,
    CaseStatus.MEETING_HELD,
    CaseStatus.AGREEMENT_MADE,
    CaseStatus.FOLLOWING_UP,
)


def advanced_status(current: CaseStatus, reached: CaseStatus) -> CaseStatus:
    """A case's status after it reaches a step: it only moves forward, and a closed case stays
    closed (recording a late meeting on it does not reopen it)."""
    if current is CaseStatus.CLOSED or reached is CaseStatus.CLOSED:
        return current
    return max(current, reached, key=_STATUS_ORDER.index)


def status_after_meeting(kind: MeetingKind) -> CaseStatus:
    """The step a meeting of `kind` shows the case has reached."""
    if kind is MeetingKind.AGREEMENT_FOLLOW_UP:
        return CaseStatus.FOLLOWING_UP
    return CaseStatus.MEETING_HELD
