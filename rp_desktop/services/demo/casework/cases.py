"""A year of Tier 2 and Tier 3 cases as rows: the case, its people, meetings, agreement, items,
follow-up and tier moves.

Rates: about 12-20% of a year's students are in a Tier 2 case (some more than once), and 1-3% in
a Tier 3 case. The current year has only the share of its cases that fits the days gone by.
"""

import random
from dataclasses import dataclass
from datetime import date

from rp_desktop.domain.casework.roles import opens_a_case
from rp_desktop.domain.records import Category
from rp_desktop.domain.vocabulary import CategoryKind, Role, Tier, Tier3Kind
from rp_desktop.services.demo import texts
from rp_desktop.services.demo.calendar import SchoolCalendar, SchoolDays
from rp_desktop.services.demo.casework.case_people import Shape, YearPeople, cast_case
from rp_desktop.services.demo.casework.case_rows import CaseDraft, CaseRows, CaseWriter
from rp_desktop.services.demo.casework.case_story import StoryTeller
from rp_desktop.services.demo.casework.casework_drawing import CaseworkDrawing
from rp_desktop.services.demo.ids import Ids
from rp_desktop.services.demo.stamps import Stamps

CASES_PER_STUDENT = {Tier.TARGETED: (0.065, 0.09), Tier.INTENSIVE: (0.008, 0.014)}
TIER3_KINDS = {
    Tier3Kind.ALTERNATIVE_TO_SUSPENSION: 35,
    Tier3Kind.FORMAL_CONFERENCE: 20,
    Tier3Kind.RE_ENTRY: 25,
    Tier3Kind.SUPPORT_PLAN: 12,
    Tier3Kind.CIRCLE_OF_SUPPORT: 8,
}
# How often each of the categories a new database starts with is used; a category the school
# added itself counts as UNKNOWN_HARM when it is about harm and is left out otherwise.
CATEGORY_WEIGHTS: dict[Tier, dict[str, int]] = {
    Tier.TARGETED: {
        "Conflict between students": 26,
        "Hurtful words or teasing": 20,
        "Physical harm": 10,
        "Bullying or harassment": 8,
        "Online or social media harm": 10,
        "Damage to property or belongings": 6,
        "Harm to a relationship with staff": 10,
        "Classroom disruption": 8,
        "Strained relationship": 8,
    },
    Tier.INTENSIVE: {
        "Physical harm": 25,
        "Bullying or harassment": 20,
        "Online or social media harm": 12,
        "Harm to a relationship with staff": 12,
        "Damage to property or belongings": 6,
        "Conflict between students": 10,
        "Returning after absence or suspension": 15,
    },
}
UNKNOWN_HARM = 5
SHAPES = {
    "Harm to a relationship with staff": Shape.STAFF_HARMED,
    "Classroom disruption": Shape.STAFF_HARMED,
    "Returning after absence or suspension": Shape.RETURNING,
}


class Categories:
    """The school's categories, and how likely each is for a case of each tier."""

    def __init__(self, categories: list[Category]) -> None:
        # Observations (positive, neutral) are logged as practice, never filed as cases.
        active = [c for c in categories if c.active and opens_a_case(c.kind)]
        if not active:
            raise ValueError("The database has no case categories to file sample cases under.")
        self._choices = {tier: self._weighted(active, tier) for tier in CATEGORY_WEIGHTS}

    @staticmethod
    def _weighted(categories: list[Category], tier: Tier) -> tuple[list[Category], list[int]]:
        known = CATEGORY_WEIGHTS[tier]
        weights = [
            known.get(c.name, UNKNOWN_HARM if c.kind is CategoryKind.HARM else 0)
            for c in categories
        ]
        if not any(weights):
            weights = [1] * len(categories)
        return categories, weights

    def pick(self, rng: random.Random, tier: Tier) -> Category:
        categories, weights = self._choices[tier]
        return rng.choices(categories, weights)[0]


@dataclass(frozen=True, slots=True)
class CaseYear:
    """What a year's cases are drawn from."""

    calendar: SchoolCalendar
    days: SchoolDays
    people: YearPeople
    categories: Categories
    today: date


def draw_cases(
    rng: random.Random, ids: Ids, stamps: Stamps, year: CaseYear, casework: CaseworkDrawing
) -> CaseRows:
    """The year's cases, numbered in the order they happened, with their casework."""
    all_days = year.calendar.school_days()
    gone_by = [day for day in all_days if day < year.today]
    rows = CaseRows()
    if not gone_by or not year.people.students:
        return rows
    drafts = []
    for tier, (low, high) in CASES_PER_STUDENT.items():
        expected = len(year.people.students) * rng.uniform(low, high) * len(gone_by) / len(all_days)
        for _ in range(max(1, round(expected))):
            drafts.append(_draft(rng, year, tier, rng.choice(gone_by)))
    drafts.sort(key=lambda draft: draft.occurred_on)
    for draft in drafts:
        created = stamps.on(rng, draft.occurred_on)
        writer = CaseWriter(ids, rows, draft, casework.draw(draft))
        writer.write(created, updated=stamps.on(rng, draft.last_day))
    return rows


def _draft(rng: random.Random, year: CaseYear, tier: Tier, day: date) -> CaseDraft:
    category = year.categories.pick(rng, tier)
    shape = SHAPES.get(category.name, Shape.TWO_SIDES)
    cast = cast_case(rng, year.people, tier, shape)
    main = cast.students(Role.PERSON_WHO_CAUSED_HARM)[0]
    leaves = main.moved_away and main.last_year == year.calendar.year
    teller = StoryTeller(rng, year.days, cast, category.name, leaves)
    kind: Tier3Kind | None = None
    if tier is Tier.INTENSIVE:
        kind = Tier3Kind.RE_ENTRY if shape is Shape.RETURNING else _tier3_kind(rng)
        story = teller.intensive(day, kind)
    else:
        story = teller.targeted(day)
    descriptions = (
        texts.DESCRIPTIONS.get(category.name) or texts.DESCRIPTIONS_BY_KIND[category.kind]
    )
    return CaseDraft(
        occurred_on=day,
        category=category,
        place=rng.choice(texts.PLACES_BY_CATEGORY.get(category.name, texts.PLACES)),
        description=rng.choice(descriptions),
        tier3_kind=kind,
        cast=cast,
        story=story.as_of(year.today),
    )


def _tier3_kind(rng: random.Random) -> Tier3Kind:
    return rng.choices(list(TIER3_KINDS), list(TIER3_KINDS.values()))[0]
