"""Drawing what a sample case has beyond its story, once the story is cut at today.

It draws from a random stream of its own, so the cases, meetings and agreements come out the same
as they would without it.
"""

import random
from datetime import date, timedelta

from rp_desktop.domain.casework.support_plans import (
    HIGHEST_RATING,
    LOWEST_RATING,
    MonitoringFrequency,
)
from rp_desktop.domain.vocabulary import CaseStatus, MeetingKind, Role, Tier, Tier3Kind
from rp_desktop.services.demo.calendar import SchoolDays
from rp_desktop.services.demo.casework import casework_texts as texts
from rp_desktop.services.demo.casework.case_rows import CaseDraft
from rp_desktop.services.demo.casework.casework_recipe import (
    Casework,
    ProgressCheck,
    ReEntryDraft,
    SupportPlanDraft,
)
from rp_desktop.services.demo.casework.meeting_people import draw_meeting_people
from rp_desktop.services.demo.stamps import Stamps

PRIVATE_NOTE_SHARE = 0.5  # of the cases still open
SUSPENSION_DAYS = dict(enumerate((9, 14, 20, 12, 16, 7, 5, 7, 3, 7), start=1))  # 1 to 10 days
SUPPORT_PLAN_SHARE = {Tier3Kind.SUPPORT_PLAN: 1.0, Tier3Kind.CIRCLE_OF_SUPPORT: 0.5}
FREQUENCIES = {
    MonitoringFrequency.DAILY: 15,
    MonitoringFrequency.WEEKLY: 50,
    MonitoringFrequency.EVERY_TWO_WEEKS: 20,
    MonitoringFrequency.MONTHLY: 15,
}
# School days between progress checks, and the chances a rating goes up or down from one check to
# the next: small steps when checked daily, bigger ones over a month.
RHYTHM = {
    MonitoringFrequency.DAILY: (1, 0.08, 0.05),
    MonitoringFrequency.WEEKLY: (5, 0.35, 0.12),
    MonitoringFrequency.EVERY_TWO_WEEKS: (10, 0.45, 0.12),
    MonitoringFrequency.MONTHLY: (20, 0.55, 0.1),
}
FIRST_RATINGS = (1, 2, 2, 2, 3)
NOTE_SHARE = 0.65


class CaseworkDrawing:
    """Draws the casework of each case, in the order the cases are written, from one random
    stream."""

    def __init__(self, rng: random.Random, days: SchoolDays, stamps: Stamps, today: date) -> None:
        self.rng = rng
        self.days = days
        self.stamps = stamps
        self.today = today

    def draw(self, draft: CaseDraft) -> Casework:
        return Casework(
            meetings=draw_meeting_people(self.rng, draft.cast, draft.story.meetings),
            private_note=self._private_note(draft),
            suspension_days_avoided=self._suspension_days(draft),
            support_plan=self._support_plan(draft),
            re_entry=self._re_entry(draft),
        )

    def _private_note(self, draft: CaseDraft) -> str:
        if draft.story.status is CaseStatus.CLOSED or self.rng.random() >= PRIVATE_NOTE_SHARE:
            return ""
        return self.rng.choice(texts.PRIVATE_NOTES)

    def _suspension_days(self, draft: CaseDraft) -> int | None:
        """Only while the case is at Tier 3 as an alternative to suspension."""
        if draft.tier3_kind is not Tier3Kind.ALTERNATIVE_TO_SUSPENSION:
            return None
        if draft.story.current_tier is not Tier.INTENSIVE:
            return None
        return self.rng.choices(list(SUSPENSION_DAYS), list(SUSPENSION_DAYS.values()))[0]

    def _support_plan(self, draft: CaseDraft) -> SupportPlanDraft | None:
        """A support plan for the student at the centre, made with the agreement at the Tier 3
        meeting and reviewed when the last agreement item is due."""
        story, rng = draft.story, self.rng
        kind = draft.tier3_kind
        share = 0.0 if kind is None else SUPPORT_PLAN_SHARE.get(kind, 0.0)
        if story.agreed_on is None or not share or rng.random() >= share:
            return None
        start, review = story.agreed_on, max(item.due_on for item in story.items)
        frequency = rng.choices(list(FREQUENCIES), list(FREQUENCIES.values()))[0]
        goal, strategies = rng.choice(texts.SUPPORT_PLAN_GOALS)
        progress = self._progress(start, review, frequency)
        created = self.stamps.on(rng, start)
        updated = self.stamps.on(rng, progress[-1].on) if progress else created
        return SupportPlanDraft(
            student_id=draft.cast.students(Role.PERSON_WHO_CAUSED_HARM)[0].id,
            owner_staff_id=draft.cast.facilitator.id,
            goal=goal,
            strategies=strategies,
            start_on=start,
            review_on=review,
            frequency=frequency,
            active=story.status is not CaseStatus.CLOSED,
            created_at=created,
            updated_at=max(created, updated),
            progress=progress,
        )

    def _progress(
        self, start: date, review: date, frequency: MonitoringFrequency
    ) -> tuple[ProgressCheck, ...]:
        """Checks on the support plan's rhythm up to its review or yesterday; ratings mostly
        rise."""
        rng = self.rng
        step, up, down = RHYTHM[frequency]
        last = min(review, self.today - timedelta(days=1))
        rating = rng.choice(FIRST_RATINGS)
        checks = []
        day = self.days.after(start, step)
        while day <= last:
            checks.append(ProgressCheck(day, rating, self._progress_note(rating)))
            chance = rng.random()
            change = 1 if chance < up else -1 if chance > 1 - down else 0
            rating = min(HIGHEST_RATING, max(LOWEST_RATING, rating + change))
            day = self.days.after(day, step)
        return tuple(checks)

    def _progress_note(self, rating: int) -> str:
        if self.rng.random() >= NOTE_SHARE:
            return ""
        band = 0 if rating <= 2 else 1 if rating == 3 else 2
        return self.rng.choice(texts.PROGRESS_NOTES[band])

    def _re_entry(self, draft: CaseDraft) -> ReEntryDraft | None:
        """The rounds of the re-entry circle, and the return: a few school days after the case
        began, on the day of the circle at the latest."""
        if draft.tier3_kind is not Tier3Kind.RE_ENTRY:
            return None
        rng = self.rng
        returned = self.days.after(draft.occurred_on, rng.randint(2, 5))
        for meeting in draft.story.meetings:
            if meeting.kind is MeetingKind.RE_ENTRY_CIRCLE:
                returned = min(returned, meeting.held_on)
        return ReEntryDraft(
            supports=self._sentences(texts.RE_ENTRY_SUPPORTS),
            needs=self._sentences(texts.RE_ENTRY_NEEDS),
            responsibilities=self._sentences(texts.RE_ENTRY_RESPONSIBILITIES),
            returned_on=returned if returned < self.today else None,
        )

    def _sentences(self, choices: tuple[str, ...]) -> str:
        return " ".join(self.rng.sample(choices, self.rng.choice((1, 2, 2, 3))))
