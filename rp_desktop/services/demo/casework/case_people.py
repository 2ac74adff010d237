"""Who takes part in a sample case, and in which role.

Most cases have a person who caused harm and a person harmed, both students; some have a staff
member as the person harmed. Tier 3 cases bring in family members, supporters and staff more often.
A few students turn up in cases again and again, as they do in a real building.
"""

import itertools
import random
from dataclasses import dataclass
from enum import Enum

from rp_desktop.domain.records import person_name
from rp_desktop.domain.vocabulary import Role, StaffRole, Tier
from rp_desktop.services.demo.groups import GroupRecipe
from rp_desktop.services.demo.names import family_member_name
from rp_desktop.services.demo.roster import Staffing, StaffRecipe, StudentRecipe


class Shape(Enum):
    """The people a kind of case usually has."""

    TWO_SIDES = "two_sides"  # students on both sides of the harm
    STAFF_HARMED = "staff_harmed"  # harm to a staff member or to a class
    RETURNING = "returning"  # a student coming back after a suspension or an absence


FACILITATORS: dict[Tier, dict[StaffRole, int]] = {
    Tier.TARGETED: {
        StaffRole.COUNSELOR: 40,
        StaffRole.DEAN: 20,
        StaffRole.RP_COORDINATOR: 20,
        StaffRole.SOCIAL_WORKER: 10,
        StaffRole.TEACHER: 10,
    },
    Tier.INTENSIVE: {
        StaffRole.RP_COORDINATOR: 40,
        StaffRole.SOCIAL_WORKER: 25,
        StaffRole.COUNSELOR: 15,
        StaffRole.DEAN: 10,
        StaffRole.ADMINISTRATOR: 10,
    },
}


@dataclass(frozen=True, slots=True)
class Person:
    """One participant: a student, a staff member, or a family member named only here."""

    role: Role
    student: StudentRecipe | None = None
    staff: StaffRecipe | None = None
    other_name: str = ""
    family_of: int | None = None  # a family member's student, by id: whose side they are on

    @property
    def who(self) -> tuple[str, int | str]:
        if self.student is not None:
            return ("student", self.student.id)
        if self.staff is not None:
            return ("staff", self.staff.id)
        return ("other", self.other_name)

    @property
    def display_name(self) -> str:
        if self.student is not None:
            name = self.student.name
            return person_name(name.first, name.last, self.student.preferred)
        if self.staff is not None:
            return person_name(self.staff.name.first, self.staff.name.last)
        return self.other_name


class YearPeople:
    """The students and staff of one school year that cases draw on."""

    def __init__(
        self,
        year: int,
        students: list[StudentRecipe],
        groups: list[GroupRecipe],
        staffing: Staffing,
    ) -> None:
        self.year = year
        self.students = students
        self.cumulative = list(itertools.accumulate(s.case_weight for s in students))
        self.by_grade: dict[int, list[StudentRecipe]] = {}
        for student in students:
            self.by_grade.setdefault(student.grade_index(year), []).append(student)
        # The teacher who knows a student best: the advisory's (or homeroom's) teacher.
        self.adult_of = {s: g.teacher for g in groups if g.room for s in g.members}
        self.staff = {role: staffing.holders(role, year) for role in StaffRole}

    def likely_student(self, rng: random.Random) -> StudentRecipe:
        """A student, more often one of those who are often in cases."""
        return rng.choices(self.students, cum_weights=self.cumulative)[0]

    def classmate(self, rng: random.Random, of: StudentRecipe) -> StudentRecipe:
        """Usually someone in the same grade, sometimes anyone."""
        if rng.random() < 0.7:
            return rng.choice(self.by_grade[of.grade_index(self.year)])
        return rng.choice(self.students)

    def facilitator(self, rng: random.Random, tier: Tier, student: StudentRecipe) -> StaffRecipe:
        roles = FACILITATORS[tier]
        role = rng.choices(list(roles), list(roles.values()))[0]
        if role is StaffRole.TEACHER and student.id in self.adult_of:
            return self.adult_of[student.id]
        return rng.choice(self.staff[role] or self.helpers())

    def helpers(self) -> list[StaffRecipe]:
        """The staff whose work includes restorative meetings: counselors and the like."""
        roles = (StaffRole.RP_COORDINATOR, StaffRole.COUNSELOR, StaffRole.SOCIAL_WORKER)
        return [staff for role in roles for staff in self.staff[role]]


class Cast:
    """The people of one case; each person takes part once."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._seen: set[tuple[str, int | str]] = set()

    @property
    def facilitator(self) -> StaffRecipe:
        return next(p.staff for p in self.people if p.role is Role.FACILITATOR and p.staff)

    def add(self, person: Person) -> bool:
        if person.who in self._seen:
            return False
        self._seen.add(person.who)
        self.people.append(person)
        return True

    def students(self, role: Role) -> list[StudentRecipe]:
        return [p.student for p in self.people if p.role is role and p.student is not None]

    def indexes(self, role: Role) -> list[int]:
        return [i for i, p in enumerate(self.people) if p.role is role]


def cast_case(rng: random.Random, people: YearPeople, tier: Tier, shape: Shape) -> Cast:
    cast = Cast()
    main = people.likely_student(rng)
    cast.add(Person(Role.PERSON_WHO_CAUSED_HARM, student=main))
    if shape is Shape.TWO_SIDES:
        for _ in range(rng.choices((0, 1, 2), (75, 20, 5))[0]):
            _add_classmate(rng, people, cast, main, Role.PERSON_WHO_CAUSED_HARM)
    if shape is Shape.STAFF_HARMED and main.id in people.adult_of:
        cast.add(Person(Role.PERSON_HARMED, staff=people.adult_of[main.id]))
    elif shape is not Shape.RETURNING or rng.random() < 0.4:
        for _ in range(rng.choices((1, 2), (85, 15))[0]):
            _add_classmate(rng, people, cast, main, Role.PERSON_HARMED)
    if tier is Tier.INTENSIVE:
        _add_intensive_circle(rng, people, cast, main)
    else:
        _add_targeted_circle(rng, people, cast, main)
    _add_facilitator(rng, people, cast, tier, main)
    return cast


def _add_facilitator(
    rng: random.Random, people: YearPeople, cast: Cast, tier: Tier, main: StudentRecipe
) -> None:
    """The keeper of the case's meetings: never someone who is in the case another way."""
    if cast.add(Person(Role.FACILITATOR, staff=people.facilitator(rng, tier, main))):
        return
    for staff in people.helpers():
        if cast.add(Person(Role.FACILITATOR, staff=staff)):
            return


def _add_classmate(
    rng: random.Random, people: YearPeople, cast: Cast, of: StudentRecipe, role: Role
) -> None:
    for _ in range(5):  # a small school may have few classmates left to choose from
        if cast.add(Person(role, student=people.classmate(rng, of))):
            return


def _add_targeted_circle(
    rng: random.Random, people: YearPeople, cast: Cast, main: StudentRecipe
) -> None:
    """Supporters, witnesses, family and staff, as a Tier 2 case sometimes has them."""
    if rng.random() < 0.12:
        _add_classmate(rng, people, cast, main, Role.WITNESS)
    if rng.random() < 0.15:
        _add_classmate(rng, people, cast, main, Role.SUPPORTER)
    if rng.random() < 0.12:
        _add_family(rng, cast, main)
    if rng.random() < 0.4 and main.id in people.adult_of:
        cast.add(Person(Role.STAFF, staff=people.adult_of[main.id]))


def _add_intensive_circle(
    rng: random.Random, people: YearPeople, cast: Cast, main: StudentRecipe
) -> None:
    """A Tier 3 case brings families in, and the adults who will support the student."""
    for student in cast.students(Role.PERSON_WHO_CAUSED_HARM):
        if rng.random() < 0.85:
            _add_family(rng, cast, student)
        if rng.random() < 0.3:
            _add_family(rng, cast, student)
    for student in cast.students(Role.PERSON_HARMED):
        if rng.random() < 0.35:
            _add_family(rng, cast, student)
    if rng.random() < 0.4 and main.id in people.adult_of:
        cast.add(Person(Role.SUPPORTER, staff=people.adult_of[main.id]))
    if rng.random() < 0.25:
        _add_classmate(rng, people, cast, main, Role.SUPPORTER)
    leaders = people.staff[StaffRole.DEAN] + people.staff[StaffRole.ADMINISTRATOR]
    if leaders and rng.random() < 0.7:
        cast.add(Person(Role.STAFF, staff=rng.choice(leaders)))


def _add_family(rng: random.Random, cast: Cast, student: StudentRecipe) -> None:
    name = family_member_name(rng, student.name.last, student.name.heritage)
    cast.add(Person(Role.FAMILY_MEMBER, other_name=name, family_of=student.id))
