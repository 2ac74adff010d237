"""How a sample case unfolds: its meetings, the agreement, follow-up, tier moves and closing.

The whole story is told first, then cut at today: what lies ahead has not happened yet. So old
cases are closed, and recent ones are open, had a meeting, made an agreement or are following up,
according to how far they have got.
"""

import random
from datetime import date

from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    ClosureReason,
    MeetingKind,
    Role,
    Tier,
    Tier3Kind,
)
from rp_desktop.services.demo import texts
from rp_desktop.services.demo.calendar import SchoolDays
from rp_desktop.services.demo.casework.case_people import Cast
from rp_desktop.services.demo.casework.story_records import (
    FollowUpRecipe,
    ItemRecipe,
    MeetingRecipe,
    Story,
    TierMove,
)

FIRST_TIER2_MEETING = {
    MeetingKind.RESTORATIVE_CONVERSATION: 45,
    MeetingKind.IMPROMPTU_CONFERENCE: 20,
    MeetingKind.REPAIR_HARM_CIRCLE: 20,
    MeetingKind.PEER_MEDIATION: 15,
}
MAIN_TIER3_MEETING = {
    Tier3Kind.ALTERNATIVE_TO_SUSPENSION: MeetingKind.FORMAL_CONFERENCE,
    Tier3Kind.FORMAL_CONFERENCE: MeetingKind.FORMAL_CONFERENCE,
    Tier3Kind.RE_ENTRY: MeetingKind.RE_ENTRY_CIRCLE,
    Tier3Kind.SUPPORT_PLAN: MeetingKind.FORMAL_CONFERENCE,
    Tier3Kind.CIRCLE_OF_SUPPORT: MeetingKind.REPAIR_HARM_CIRCLE,
}
LONG_TERM = (Tier3Kind.SUPPORT_PLAN, Tier3Kind.CIRCLE_OF_SUPPORT, Tier3Kind.RE_ENTRY)
# The Tier 3 practices a case can reach after starting at Tier 2.
REACHED_FROM_TIER2 = (
    Tier3Kind.ALTERNATIVE_TO_SUSPENSION,
    Tier3Kind.FORMAL_CONFERENCE,
    Tier3Kind.SUPPORT_PLAN,
)
MINUTES = {
    MeetingKind.RESTORATIVE_CONVERSATION: (10, 30),
    MeetingKind.IMPROMPTU_CONFERENCE: (5, 15),
    MeetingKind.REPAIR_HARM_CIRCLE: (30, 60),
    MeetingKind.PEER_MEDIATION: (20, 40),
    MeetingKind.PRE_CONFERENCE: (20, 45),
    MeetingKind.FORMAL_CONFERENCE: (45, 90),
    MeetingKind.RE_ENTRY_CIRCLE: (30, 60),
    MeetingKind.AGREEMENT_FOLLOW_UP: (10, 25),
}
OUTCOMES = {AgreementStatus.DONE: 74, AgreementStatus.MISSED: 12, AgreementStatus.RENEGOTIATED: 14}
WITHOUT_AGREEMENT = {
    ClosureReason.RESOLVED_WITHOUT_AGREEMENT: 60,
    ClosureReason.DECLINED: 20,
    ClosureReason.REFERRED: 15,
    ClosureReason.OTHER: 5,
}


class StoryTeller:
    """Tells one case's story on the school calendar."""

    def __init__(
        self, rng: random.Random, days: SchoolDays, cast: Cast, category: str, leaves: bool
    ) -> None:
        self.rng = rng
        self.days = days
        self.cast = cast
        self.category = category
        self.leaves = leaves  # the student leaves the school at the end of the year
        self.story = Story(Tier.TARGETED)

    def targeted(self, began: date) -> Story:
        """A Tier 2 case: a conversation or a circle, usually an agreement, a little follow-up."""
        rng = self.rng
        day = self.days.after(began, rng.choice((0, 1, 1, 2, 3)))
        first = rng.choices(list(FIRST_TIER2_MEETING), list(FIRST_TIER2_MEETING.values()))[0]
        self._meet(first, day)
        if first is MeetingKind.RESTORATIVE_CONVERSATION and rng.random() < 0.4:
            day = self.days.after(day, rng.randint(1, 4))
            kind = rng.choice((MeetingKind.REPAIR_HARM_CIRCLE, MeetingKind.IMPROMPTU_CONFERENCE))
            self._meet(kind, day)
        if rng.random() < 0.8:
            self._agree(rng.choices((1, 2, 3), (40, 40, 20))[0], (5, 20))
            self._follow_up(check_ins=rng.choice((0, 1)), meeting_share=0.4)
        self._close()
        return self.story

    def intensive(self, began: date, kind: Tier3Kind) -> Story:
        """Tier 3: pre-conferences, a conference or circle, a support plan watched for weeks."""
        rng = self.rng
        day = began
        self.story.tier = Tier.INTENSIVE
        if kind in REACHED_FROM_TIER2 and rng.random() < 0.2:
            day = self._escalate(began)
        # A pre-conference with each side of the harm; one side may need a second.
        sides = 2 if self.cast.indexes(Role.PERSON_HARMED) else 1
        for _ in range(max(sides, rng.choice((1, 2)))):
            day = self.days.after(day, rng.randint(1, 3))
            self._meet(MeetingKind.PRE_CONFERENCE, day)
        day = self.days.after(day, rng.randint(2, 6))
        self._meet(MAIN_TIER3_MEETING[kind], day)
        if rng.random() < 0.92:
            long_term = kind in LONG_TERM
            self._agree(rng.randint(2, 4), (20, 60) if long_term else (10, 40))
            if long_term and not self.story.moves and rng.random() < 0.2:
                self._move(self.days.after(day, rng.randint(15, 30)), Tier.TARGETED)
            self._follow_up(check_ins=rng.randint(2, 5), meeting_share=0.85)
        self._close()
        return self.story

    def _escalate(self, began: date) -> date:
        """The case began at Tier 2 and moved up when that was not enough."""
        self.story.tier = Tier.TARGETED
        day = self.days.after(began, self.rng.randint(0, 2))
        self._meet(MeetingKind.RESTORATIVE_CONVERSATION, day)
        day = self.days.after(day, self.rng.randint(5, 15))
        self._move(day, Tier.INTENSIVE)
        return day

    def _move(self, day: date, to_tier: Tier) -> None:
        up = to_tier is Tier.INTENSIVE
        reason = self.rng.choice(texts.ESCALATION_REASONS if up else texts.STEP_DOWN_REASONS)
        self.story.moves.append(TierMove(day, self.story.current_tier, to_tier, reason))

    def _meet(self, kind: MeetingKind, day: date) -> None:
        low, high = MINUTES[kind]
        minutes = self.rng.randrange(low, high + 1, 5)
        notes = self.rng.choice(texts.MEETING_NOTES) if self.rng.random() < 0.25 else ""
        self.story.meetings.append(MeetingRecipe(kind, day, minutes, notes))

    def _agree(self, count: int, due_within: tuple[int, int]) -> None:
        story, rng = self.story, self.rng
        story.agreement_at = len(story.meetings) - 1
        story.agreement_notes = rng.choice(texts.AGREEMENT_NOTES)
        made = story.meetings[-1].held_on
        for description, owner in self._commitments(count):
            due = self.days.after(made, rng.randint(*due_within))
            outcome = rng.choices(list(OUTCOMES), list(OUTCOMES.values()))[0]
            settled = self.days.after(due, rng.randint(0, 3))
            story.items.append(ItemRecipe(description, owner, due, outcome, settled))

    def _commitments(self, count: int) -> list[tuple[str, int]]:
        """What people agree to do, and who does it (by their place in the cast)."""
        rng, cast = self.rng, self.cast
        own = texts.ITEMS_FOR_PERSON_WHO_CAUSED_HARM + texts.ITEMS_BY_CATEGORY.get(
            self.category, ()
        )
        offers: list[tuple[str, int]] = []
        for owner in cast.indexes(Role.PERSON_WHO_CAUSED_HARM):
            offers += [(text, owner) for text in rng.sample(own, 2)]
        harmed = [i for i in cast.indexes(Role.PERSON_HARMED) if cast.people[i].student]
        offers += [(rng.choice(texts.ITEMS_FOR_PERSON_HARMED), i) for i in harmed[:1]]
        offers += [
            (rng.choice(texts.ITEMS_FOR_FAMILY), i) for i in cast.indexes(Role.FAMILY_MEMBER)
        ]
        offers.append((rng.choice(texts.ITEMS_FOR_STAFF), self._staff_owner()))
        return offers[:1] + rng.sample(offers[1:], min(count, len(offers)) - 1)

    def _staff_owner(self) -> int:
        """A teacher in the case takes on the staff's part; otherwise the facilitator does."""
        cast = self.cast
        for role in (Role.STAFF, Role.SUPPORTER, Role.FACILITATOR):
            for index in cast.indexes(role):
                if cast.people[index].staff is not None:
                    return index
        raise AssertionError("every case has a facilitator")

    def _follow_up(self, check_ins: int, meeting_share: float) -> None:
        story, rng = self.story, self.rng
        agreed = story.agreed_on
        assert agreed is not None
        last_due = max(item.settled_on for item in story.items)
        for _ in range(check_ins):
            day = self.days.after(agreed, rng.randint(3, 25))
            story.follow_ups.append(FollowUpRecipe(min(day, last_due), None, _pick(rng, "check")))
        for index, item in enumerate(story.items):
            if rng.random() < 0.7:
                note = _pick(rng, item.outcome.value)
                story.follow_ups.append(FollowUpRecipe(item.settled_on, index, note))
        story.follow_ups.sort(key=lambda f: f.on)
        if rng.random() < meeting_share:
            self._meet(
                MeetingKind.AGREEMENT_FOLLOW_UP, self.days.after(last_due, rng.randint(1, 5))
            )

    def _close(self) -> None:
        story, rng = self.story, self.rng
        last = story.last_day()
        assert last is not None
        story.closed_on = self.days.after(last, rng.randint(2, 10))
        if self.leaves and rng.random() < 0.3:
            story.closure = ClosureReason.STUDENT_LEFT_SCHOOL
        elif story.agreement_at is None:
            reasons = WITHOUT_AGREEMENT
            story.closure = rng.choices(list(reasons), list(reasons.values()))[0]
        else:
            story.closure = _closure_from(story.items)


def _closure_from(items: list[ItemRecipe]) -> ClosureReason:
    kept = sum(item.outcome is not AgreementStatus.MISSED for item in items)
    if kept == len(items):
        return ClosureReason.AGREEMENT_KEPT
    return ClosureReason.AGREEMENT_NOT_KEPT if kept == 0 else ClosureReason.AGREEMENT_PARTLY_KEPT


def _pick(rng: random.Random, about: str) -> str:
    notes = {
        "check": texts.FOLLOW_UP_CHECK_INS,
        AgreementStatus.DONE.value: texts.FOLLOW_UP_DONE,
        AgreementStatus.MISSED.value: texts.FOLLOW_UP_MISSED,
        AgreementStatus.RENEGOTIATED.value: texts.FOLLOW_UP_RENEGOTIATED,
    }
    return rng.choice(notes[about])
