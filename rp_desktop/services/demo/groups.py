"""A year's groups: advisories and class sections in the upper grades, homeroom classes in the
lower ones, each with a teacher, a room and the days it keeps circles."""

import math
import random
from dataclasses import dataclass
from enum import Enum

from rp_desktop.domain.vocabulary import GroupKind, StaffRole
from rp_desktop.services.demo.calendar import FRIDAY, MONDAY, THURSDAY, TUESDAY, WEDNESDAY
from rp_desktop.services.demo.ids import Ids
from rp_desktop.services.demo.roster import Staffing, StaffRecipe, StudentRecipe

ADVISORY_SIZE = 23
SECTION_SIZE = 26
HOMEROOM_SIZE = 24
SECTIONS_PER_TEACHER = 5
HIGHEST_ELEMENTARY_GRADE = 5
SUBJECTS: dict[int, tuple[str, ...]] = {
    6: ("ELA 6", "Science 6", "Social Studies 6"),
    7: ("ELA 7", "Science 7", "Social Studies 7"),
    8: ("ELA 8", "Science 8", "Social Studies 8"),
    9: ("English 9", "Biology", "World History"),
    10: ("English 10", "Chemistry", "US History"),
    11: ("English 11", "Physics", "Civics"),
    12: ("English 12", "Government", "Economics"),
}
PERIODS = 7


class Rhythm(Enum):
    """Which of a group's regular circles this is; it decides what kind of circle it usually is."""

    WEEKLY = "weekly"
    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"


@dataclass(frozen=True, slots=True)
class GroupRecipe:
    id: int
    name: str
    kind: GroupKind
    year: int
    teacher: StaffRecipe
    room: str  # as a homeroom is written: "9-104"
    members: tuple[int, ...]  # student ids
    circle_days: tuple[tuple[int, Rhythm], ...]  # weekday, rhythm


class _Teachers:
    """Hands out the year's teachers: a few sections each, advisories from the other end."""

    def __init__(self, teachers: list[StaffRecipe]) -> None:
        self._teachers = teachers
        self._sections = 0
        self._advisories = 0

    def for_section(self) -> StaffRecipe:
        teacher = self._teachers[self._sections // SECTIONS_PER_TEACHER % len(self._teachers)]
        self._sections += 1
        return teacher

    def for_advisory(self) -> StaffRecipe:
        self._advisories += 1
        return self._teachers[-self._advisories % len(self._teachers)]


def draw_groups(
    rng: random.Random,
    ids: Ids,
    year: int,
    grades: list[int],
    students: list[StudentRecipe],
    staffing: Staffing,
) -> list[GroupRecipe]:
    """The groups of `year` for the students enrolled that year."""
    teachers = _Teachers(staffing.holders(StaffRole.TEACHER, year))
    groups: list[GroupRecipe] = []
    for index, grade in enumerate(grades):
        grade_students = [s.id for s in students if s.grade_index(year) == index]
        if not grade_students:
            continue
        if grade <= HIGHEST_ELEMENTARY_GRADE:
            groups += _homerooms(rng, ids, year, grade, index, grade_students, teachers)
        else:
            groups += _advisories(rng, ids, year, grade, index, grade_students, teachers)
            groups += _sections(rng, ids, year, grade, grade_students, teachers)
    return groups


def grade_word(grade: int) -> str:
    return {-1: "PK", 0: "K"}.get(grade, str(grade))


def _room(grade: int, floor: int, number: int) -> str:
    return f"{grade_word(grade)}-{100 * (floor + 1) + number + 1}"


def _shares(rng: random.Random, members: list[int], size: int) -> list[tuple[int, ...]]:
    """`members` shuffled into groups of about `size`, as even as can be."""
    shuffled = list(members)
    rng.shuffle(shuffled)
    count = math.ceil(len(shuffled) / size)
    return [tuple(sorted(shuffled[i::count])) for i in range(count)]


def _homerooms(
    rng: random.Random,
    ids: Ids,
    year: int,
    grade: int,
    floor: int,
    members: list[int],
    teachers: _Teachers,
) -> list[GroupRecipe]:
    title = {-1: "Pre-K", 0: "Kindergarten"}.get(grade, f"Grade {grade}")
    days = ((MONDAY, Rhythm.CHECK_IN), (WEDNESDAY, Rhythm.WEEKLY), (FRIDAY, Rhythm.CHECK_OUT))
    groups = []
    for number, share in enumerate(_shares(rng, members, HOMEROOM_SIZE)):
        room = _room(grade, floor, number)
        name = f"{title} - Room {room.split('-')[1]}"
        teacher = teachers.for_section()
        groups.append(
            GroupRecipe(
                ids.take("student_group"), name, GroupKind.CLASS, year, teacher, room, share, days
            )
        )
    return groups


def _advisories(
    rng: random.Random,
    ids: Ids,
    year: int,
    grade: int,
    floor: int,
    members: list[int],
    teachers: _Teachers,
) -> list[GroupRecipe]:
    days = ((MONDAY, Rhythm.CHECK_IN), (FRIDAY, Rhythm.CHECK_OUT))
    groups = []
    for number, share in enumerate(_shares(rng, members, ADVISORY_SIZE)):
        letter = chr(ord("A") + number) if number < 26 else str(number + 1)
        name = f"Advisory {grade_word(grade)}-{letter}"
        room = _room(grade, floor, number)
        teacher = teachers.for_advisory()
        groups.append(
            GroupRecipe(
                ids.take("student_group"),
                name,
                GroupKind.ADVISORY,
                year,
                teacher,
                room,
                share,
                days,
            )
        )
    return groups


def _sections(
    rng: random.Random,
    ids: Ids,
    year: int,
    grade: int,
    members: list[int],
    teachers: _Teachers,
) -> list[GroupRecipe]:
    """Class sections of the grade's core subjects; each keeps one circle a week."""
    subjects = SUBJECTS.get(grade, (f"Grade {grade} Core",))
    groups = []
    for number, share in enumerate(_shares(rng, members, SECTION_SIZE)):
        subject = subjects[number // PERIODS % len(subjects)]
        period = number % PERIODS + 1
        if number >= PERIODS * len(subjects):
            subject = f"{subject} ({number // (PERIODS * len(subjects)) + 1})"
        weekday = rng.choice((TUESDAY, WEDNESDAY, THURSDAY))
        groups.append(
            GroupRecipe(
                ids.take("student_group"),
                f"{subject} - Period {period}",
                GroupKind.CLASS,
                year,
                teachers.for_section(),
                "",
                share,
                ((weekday, Rhythm.WEEKLY),),
            )
        )
    return groups
