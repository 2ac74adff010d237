"""A year of Tier 1 circles: each group's regular circles, week by week, with who was there.

Circles before today were held (a few cancelled); those in the next two weeks are planned; none
are written further ahead, as teachers do not plan that far.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from rp_desktop.domain.records import person_name
from rp_desktop.domain.vocabulary import CircleKind, CircleStatus, StaffRole
from rp_desktop.services.demo.calendar import SchoolCalendar
from rp_desktop.services.demo.groups import GroupRecipe, Rhythm
from rp_desktop.services.demo.ids import Ids
from rp_desktop.services.demo.roster import Staffing, StaffRecipe
from rp_desktop.services.demo.stamps import Stamps
from rp_desktop.services.demo.texts import CANCELLED_NOTES, CIRCLE_NOTES, CIRCLE_PURPOSES
from rp_desktop.services.search_keys import circle_key

PLANNING_HORIZON = timedelta(days=14)
CANCELLED_SHARE = 0.03
NOTE_SHARE = 0.04
CO_KEEPER_SHARE = 0.12  # circles kept by the RP coordinator or a counselor instead of the teacher

_KINDS: dict[Rhythm, tuple[tuple[CircleKind, ...], tuple[int, ...]]] = {
    Rhythm.WEEKLY: (
        (
            CircleKind.COMMUNITY_BUILDING,
            CircleKind.ACADEMIC,
            CircleKind.VALUES_AND_GUIDELINES,
            CircleKind.SUPPORT,
            CircleKind.CHECK_IN,
            CircleKind.OTHER,
        ),
        (45, 35, 5, 5, 6, 4),
    ),
    Rhythm.CHECK_IN: (
        (CircleKind.CHECK_IN, CircleKind.COMMUNITY_BUILDING, CircleKind.SUPPORT, CircleKind.OTHER),
        (82, 12, 4, 2),
    ),
    Rhythm.CHECK_OUT: (
        (CircleKind.CHECK_OUT, CircleKind.COMMUNITY_BUILDING, CircleKind.SUPPORT),
        (84, 13, 3),
    ),
}
_MINUTES: dict[CircleKind, tuple[int, int]] = {
    CircleKind.CHECK_IN: (15, 20),
    CircleKind.CHECK_OUT: (15, 20),
    CircleKind.COMMUNITY_BUILDING: (20, 40),
    CircleKind.ACADEMIC: (25, 45),
    CircleKind.VALUES_AND_GUIDELINES: (30, 45),
    CircleKind.CELEBRATION: (20, 40),
    CircleKind.SUPPORT: (25, 45),
    CircleKind.OTHER: (15, 30),
}


@dataclass(slots=True)
class CircleRows:
    circles: list[dict[str, Any]] = field(default_factory=list)
    attendance: list[tuple[int, int]] = field(default_factory=list)  # circle id, student id


@dataclass(frozen=True, slots=True)
class CircleYear:
    """What a year's circles are drawn from."""

    calendar: SchoolCalendar
    groups: list[GroupRecipe]
    staffing: Staffing
    presence: dict[int, float]  # student id -> how likely they are at a circle
    today: date


def draw_circles(rng: random.Random, ids: Ids, stamps: Stamps, year: CircleYear) -> CircleRows:
    """Every circle of the year up to the planning horizon, with its attendance."""
    book = _CircleBook(rng, ids, stamps, year)
    last_week = len(year.calendar.weeks) - 1
    for week, monday in enumerate(year.calendar.weeks):
        for group in year.groups:
            for weekday, rhythm in group.circle_days:
                day = year.calendar.day_of_week(monday, weekday)
                if day is not None and day < year.today + PLANNING_HORIZON:
                    book.add(group, day, _kind(rng, rhythm, week, last_week))
    return book.rows


def _kind(rng: random.Random, rhythm: Rhythm, week: int, last_week: int) -> CircleKind:
    # A group makes its agreements first: in the first week, and the second for a class.
    if rhythm is not Rhythm.CHECK_OUT and week < (2 if rhythm is Rhythm.WEEKLY else 1):
        return CircleKind.VALUES_AND_GUIDELINES
    quarter_ends = {(last_week + 1) * quarter // 4 - 1 for quarter in (1, 2, 3, 4)}
    if rhythm is not Rhythm.CHECK_IN and week in quarter_ends and rng.random() < 0.6:
        return CircleKind.CELEBRATION
    kinds, weights = _KINDS[rhythm]
    return rng.choices(kinds, weights)[0]


class _CircleBook:
    """Writes down one year's circles as rows."""

    def __init__(self, rng: random.Random, ids: Ids, stamps: Stamps, year: CircleYear) -> None:
        self.rng = rng
        self.ids = ids
        self.stamps = stamps
        self.year = year
        self.rows = CircleRows()
        school_year = year.calendar.year
        self.co_keepers = year.staffing.holders(StaffRole.RP_COORDINATOR, school_year)
        self.co_keepers += year.staffing.holders(StaffRole.COUNSELOR, school_year)
        self.keys: dict[tuple[int, int, str], str] = {}

    def add(self, group: GroupRecipe, day: date, kind: CircleKind) -> None:
        rng = self.rng
        circle_id = self.ids.take("community_circle")
        status = _status(rng, day, self.year.today)
        keeper = self._keeper(group)
        purpose = rng.choice(CIRCLE_PURPOSES[kind])
        minutes: int | None = None
        notes = ""
        if status is CircleStatus.HELD:
            minutes = rng.randrange(_MINUTES[kind][0], _MINUTES[kind][1] + 1, 5)
            notes = rng.choice(CIRCLE_NOTES) if rng.random() < NOTE_SHARE else ""
            self._take_attendance(circle_id, group)
        elif status is CircleStatus.CANCELLED:
            notes = rng.choice(CANCELLED_NOTES)
        # A planned circle was put in the calendar about a week ahead.
        written = day if status is not CircleStatus.PLANNED else day - timedelta(days=7)
        stamp = self.stamps.on(rng, written)
        self.rows.circles.append(
            {
                "id": circle_id,
                "held_on": day,
                "status": status,
                "kind": kind,
                "group_id": group.id,
                "keeper_id": keeper.id,
                "purpose": purpose,
                "duration_minutes": minutes,
                "notes": notes,
                "plan_id": None,
                "search_key": self._search_key(group, keeper, purpose),
                "created_at": stamp,
                "updated_at": stamp,
            }
        )

    def _keeper(self, group: GroupRecipe) -> StaffRecipe:
        if self.co_keepers and self.rng.random() < CO_KEEPER_SHARE:
            return self.rng.choice(self.co_keepers)
        return group.teacher

    def _take_attendance(self, circle_id: int, group: GroupRecipe) -> None:
        presence, chance = self.year.presence, self.rng.random
        self.rows.attendance += [(circle_id, s) for s in group.members if chance() < presence[s]]

    def _search_key(self, group: GroupRecipe, keeper: StaffRecipe, purpose: str) -> str:
        # A year repeats the same few purposes in each group, so each key is folded once.
        found = (group.id, keeper.id, purpose)
        if found not in self.keys:
            keeper_name = person_name(keeper.name.first, keeper.name.last)
            self.keys[found] = circle_key(group.name, keeper_name, purpose)
        return self.keys[found]


def _status(rng: random.Random, day: date, today: date) -> CircleStatus:
    if day >= today:
        return CircleStatus.PLANNED
    if rng.random() < CANCELLED_SHARE:
        return CircleStatus.CANCELLED
    return CircleStatus.HELD
