"""The people of the sample school over the years: students cohort by cohort, staff post by post.

A cohort is the students who reach the lowest grade in the same year. Walking a cohort backwards
from its last year keeps today's enrolment exact: each year back, a few of its students had not
yet joined, and a few others were still there who later left.
"""

import random
from collections import Counter
from dataclasses import dataclass, field

from rp_desktop.domain.vocabulary import StaffRole
from rp_desktop.services.demo.ids import Ids
from rp_desktop.services.demo.names import PersonName, pick_name, pick_preferred

JOINED_SHARE = 0.04  # of a cohort, in a year: students new to the school
LEFT_SHARE = (0.02, 0.05)  # of a cohort, after a year: students who moved away
PREFERRED_SHARE = 0.12
STUDENTS_PER_TEACHER = 18


@dataclass(frozen=True, slots=True)
class StudentRecipe:
    id: int
    number: str
    name: PersonName
    preferred: str
    first_year: int
    last_year: int
    first_grade_index: int  # index into the school's grades in `first_year`
    presence: float  # how likely the student is to be at a circle
    case_weight: int  # a few students turn up in cases again and again
    moved_away: bool  # left before the top grade (rather than graduating or still here)

    def grade_index(self, year: int) -> int:
        return self.first_grade_index + year - self.first_year

    def enrolled(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@dataclass(frozen=True, slots=True)
class StaffRecipe:
    id: int
    name: PersonName
    role: StaffRole
    post: int  # which of the school's posts in that role
    first_year: int
    last_year: int


@dataclass(slots=True)
class _Draft:
    cohort: int  # the year the cohort is in the lowest grade
    last_year: int
    name: PersonName
    preferred: str
    presence: float
    case_weight: int
    moved_away: bool
    first_year: int = field(default=0)


def draw_students(
    rng: random.Random, ids: Ids, grade_count: int, years: range, enrolled_now: int
) -> list[StudentRecipe]:
    """Every student who was enrolled in any of `years`; `enrolled_now` in the last one."""
    now = years[-1]
    sizes_now = split_evenly(rng, enrolled_now, grade_count)
    drafts: list[_Draft] = []
    for cohort in range(years[0] - grade_count + 1, now + 1):
        last = min(cohort + grade_count - 1, now)
        if last == now:
            size = sizes_now[now - cohort]
        else:
            size = round(enrolled_now / grade_count * rng.uniform(0.9, 1.08))
        drafts += _cohort(rng, cohort, max(cohort, years[0]), last, size)
    drafts.sort(key=lambda draft: draft.first_year)  # stable: ids follow when students came
    return _numbered(rng, ids, drafts)


def split_evenly(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` in `parts` parts of about the same size (a little uneven, as schools are)."""
    weights = [rng.uniform(0.94, 1.06) for _ in range(parts)]
    shares = [total * w / sum(weights) for w in weights]
    sizes = [int(share) for share in shares]
    by_remainder = sorted(range(parts), key=lambda i: shares[i] - sizes[i], reverse=True)
    for i in by_remainder[: total - sum(sizes)]:
        sizes[i] += 1
    return sizes


def _cohort(rng: random.Random, cohort: int, first: int, last: int, size: int) -> list[_Draft]:
    present = [_draft(rng, cohort, last, moved_away=False) for _ in range(size)]
    settled: list[_Draft] = []
    for year in range(last, first, -1):
        staying = []
        for draft in present:
            if rng.random() < JOINED_SHARE:
                draft.first_year = year
                settled.append(draft)
            else:
                staying.append(draft)
        left = round(len(present) * rng.uniform(*LEFT_SHARE))
        present = staying + [_draft(rng, cohort, year - 1, moved_away=True) for _ in range(left)]
    for draft in present:
        draft.first_year = first
    return settled + present


def _draft(rng: random.Random, cohort: int, last_year: int, *, moved_away: bool) -> _Draft:
    name = pick_name(rng)
    preferred = pick_preferred(rng, name) if rng.random() < PREFERRED_SHARE else ""
    presence = rng.choices((0.93, 0.78, 0.55), (85, 12, 3))[0]
    case_weight = rng.choices((1, 3, 8), (70, 22, 8))[0]
    return _Draft(cohort, last_year, name, preferred, presence, case_weight, moved_away)


def _numbered(rng: random.Random, ids: Ids, drafts: list[_Draft]) -> list[StudentRecipe]:
    """Student numbers as a district gives them: the year of entry, then five digits."""
    entering = Counter(draft.first_year for draft in drafts)
    serials = {year: rng.sample(range(10_000, 100_000), n) for year, n in entering.items()}
    return [
        StudentRecipe(
            id=ids.take("student"),
            number=f"{draft.first_year % 100:02d}{serials[draft.first_year].pop()}",
            name=draft.name,
            preferred=draft.preferred,
            first_year=draft.first_year,
            last_year=draft.last_year,
            first_grade_index=draft.first_year - draft.cohort,
            presence=draft.presence,
            case_weight=draft.case_weight,
            moved_away=draft.moved_away,
        )
        for draft in drafts
    ]


class Staffing:
    """Who held each post in the building, year by year."""

    def __init__(self, members: list[StaffRecipe]) -> None:
        self.members = members

    def holders(self, role: StaffRole, year: int) -> list[StaffRecipe]:
        """The staff in `role` that year, post by post."""
        found = [s for s in self.members if s.role is role and s.first_year <= year <= s.last_year]
        return sorted(found, key=lambda s: s.post)


def posts_for(enrolled: int) -> dict[StaffRole, int]:
    """How many people a building of `enrolled` students has in each role."""
    return {
        StaffRole.ADMINISTRATOR: 1 if enrolled < 800 else 2,
        StaffRole.DEAN: max(1, round(enrolled / 700)),
        StaffRole.COUNSELOR: max(1, round(enrolled / 400)),
        StaffRole.SOCIAL_WORKER: max(1, round(enrolled / 1000)),
        StaffRole.RP_COORDINATOR: 1,
        StaffRole.TEACHER: max(2, round(enrolled / STUDENTS_PER_TEACHER)),
        StaffRole.OTHER: max(1, round(enrolled / 1000)),
    }


def draw_staff(rng: random.Random, ids: Ids, years: range, enrolled: int) -> Staffing:
    """Each post is held by one person at a time; some leave each year and are replaced."""
    careers: list[tuple[StaffRole, int, int, int]] = []  # role, post, first year, last year
    for role, count in posts_for(enrolled).items():
        turnover = 0.09 if role is StaffRole.TEACHER else 0.06
        for post in range(count):
            start = years[0]
            for year in years[1:]:
                if rng.random() < turnover:
                    careers.append((role, post, start, year - 1))
                    start = year
            careers.append((role, post, start, years[-1]))
    careers.sort(key=lambda career: career[2])
    return Staffing([StaffRecipe(ids.take("staff"), pick_name(rng), *career) for career in careers])
