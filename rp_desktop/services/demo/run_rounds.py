"""The rounds of a sample circle run, as the shipped templates have them, with prompts from the
shipped library: a check-in, rounds that fit the circle's minutes and a check-out for a held
circle; a few of the template's own questions for a repair-harm or re-entry circle."""

import random
from collections import defaultdict

from rp_desktop.domain.shipped_library import SeedRound, ShippedLibrary
from rp_desktop.domain.vocabulary import CircleKind, CircleStage, MeetingKind

MEETING_TEMPLATES = {
    MeetingKind.REPAIR_HARM_CIRCLE: ("repair-harm", CircleStage.REPAIR_HARM),
    MeetingKind.RE_ENTRY_CIRCLE: ("re-entry", CircleStage.RE_ENTRY),
}
ACADEMIC = CircleKind.ACADEMIC


class LibraryRounds:
    """Rounds as the shipped templates have them, with prompts from the shipped library."""

    def __init__(self, library: ShippedLibrary) -> None:
        self.library = library
        self.templates = {t.key: t.rounds for t in library.templates}
        # The first round of each stage in each template: its check-in, its check-out.
        self.first = {t.key: {r.stage: r for r in reversed(t.rounds)} for t in library.templates}
        self.prompts: dict[CircleStage, list[str]] = defaultdict(list)
        for seed in library.prompts:
            if seed.translation_of is None and seed.fields.language == "en":
                self.prompts[seed.fields.stage].append(seed.fields.text)

    def for_circle(self, kind: CircleKind, students: int, minutes: int | None) -> list[SeedRound]:
        """A check-in, up to two rounds between, a check-out: as many rounds (two to four) as
        fit the circle's minutes at about half a minute a turn."""
        key = "academic" if kind is ACADEMIC else "community-building"
        template, first = self.templates[key], self.first[key]
        fits = (minutes or 20) * 60 // ((students + 1) * 30)
        between = min(max(fits, 2), 4) - 2
        middle = [r for r in template if r.stage is CircleStage.DISCUSSION]
        if kind is CircleKind.VALUES_AND_GUIDELINES:
            middle = [r for r in template if r.stage is CircleStage.VALUES_AND_GUIDELINES] + middle
        return [first[CircleStage.CHECK_IN], *middle[:between], first[CircleStage.CHECK_OUT]]

    def for_meeting(self, rng: random.Random, kind: MeetingKind) -> list[SeedRound]:
        """One to three of the template's own questions, in its order, and its check-out."""
        key, stage = MEETING_TEMPLATES[kind]
        questions = [r for r in self.templates[key] if r.stage is stage]
        asked = sorted(rng.sample(range(len(questions)), rng.randint(1, 3)))
        return [*(questions[i] for i in asked), self.first[key][CircleStage.CHECK_OUT]]

    def prompt_text(self, rng: random.Random, shape: SeedRound) -> str:
        if shape.stage in (CircleStage.REPAIR_HARM, CircleStage.RE_ENTRY) and shape.prompt_key:
            return self.library.prompt(shape.prompt_key).fields.text
        return rng.choice(self.prompts[shape.stage])
