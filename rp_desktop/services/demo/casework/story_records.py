"""A sample case's story as plain records: its meetings, the agreement and its items,
follow-up, tier moves and closing; and the story cut at a day, as far as it had got by then."""

from dataclasses import dataclass, field, replace
from datetime import date

from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    CaseStatus,
    ClosureReason,
    MeetingKind,
    Tier,
)


@dataclass(frozen=True, slots=True)
class MeetingRecipe:
    kind: MeetingKind
    held_on: date
    minutes: int
    notes: str


@dataclass(frozen=True, slots=True)
class ItemRecipe:
    description: str
    owner: int  # the participant who took it on, by their place in the cast
    due_on: date
    outcome: AgreementStatus
    settled_on: date  # when it was done, missed or changed; open until then


@dataclass(frozen=True, slots=True)
class FollowUpRecipe:
    on: date
    item: int | None  # which agreement item it was about, if one
    note: str


@dataclass(frozen=True, slots=True)
class TierMove:
    on: date
    from_tier: Tier
    to_tier: Tier
    reason: str


@dataclass(slots=True)
class Story:
    tier: Tier  # the tier the case started in
    meetings: list[MeetingRecipe] = field(default_factory=list)
    agreement_at: int | None = None  # the meeting where the agreement was made
    agreement_notes: str = ""
    items: list[ItemRecipe] = field(default_factory=list)
    follow_ups: list[FollowUpRecipe] = field(default_factory=list)
    moves: list[TierMove] = field(default_factory=list)
    closed_on: date | None = None
    closure: ClosureReason | None = None

    @property
    def agreed_on(self) -> date | None:
        return None if self.agreement_at is None else self.meetings[self.agreement_at].held_on

    def last_day(self) -> date | None:
        days = [m.held_on for m in self.meetings] + [f.on for f in self.follow_ups]
        days += [i.settled_on for i in self.items] + [m.on for m in self.moves]
        return max(days, default=None)

    def as_of(self, today: date) -> "Story":
        """What had happened by today; items not yet settled are still open."""
        kept = [m for m in self.meetings if m.held_on < today]
        agreed = self.agreement_at is not None and self.agreement_at < len(kept)
        closed = self.closed_on is not None and self.closed_on < today
        return replace(
            self,
            meetings=kept,
            agreement_at=self.agreement_at if agreed else None,
            items=[_as_of(item, today) for item in self.items] if agreed else [],
            follow_ups=[f for f in self.follow_ups if f.on < today],
            moves=[m for m in self.moves if m.on < today],
            closed_on=self.closed_on if closed else None,
            closure=self.closure if closed else None,
        )

    @property
    def current_tier(self) -> Tier:
        return self.moves[-1].to_tier if self.moves else self.tier

    @property
    def status(self) -> CaseStatus:
        if self.closed_on is not None:
            return CaseStatus.CLOSED
        if self.agreement_at is not None:
            after = self.meetings[self.agreement_at + 1 :]
            if self.follow_ups or after:
                return CaseStatus.FOLLOWING_UP
            return CaseStatus.AGREEMENT_MADE
        return CaseStatus.MEETING_HELD if self.meetings else CaseStatus.OPEN


def _as_of(item: ItemRecipe, today: date) -> ItemRecipe:
    return item if item.settled_on < today else replace(item, outcome=AgreementStatus.OPEN)
