"""Plain, immutable records that services return and screens draw. No database objects leak out.

`...Fields` classes are what a form submits; the other classes are what was saved.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.vocabulary import (
    CaseStatus,
    CategoryKind,
    CircleKind,
    CircleStatus,
    ClosureReason,
    GroupKind,
    Role,
    StaffRole,
    Tier,
    Tier3Kind,
)

T = TypeVar("T")


def person_name(first: str, last: str, preferred: str = "") -> str:
    """How a person is named on screen: preferred (or first) name, then last name."""
    return f"{preferred or first} {last}".strip()


@dataclass(frozen=True, slots=True)
class SchoolInfo:
    name: str
    school_year: int


@dataclass(frozen=True, slots=True)
class StudentFields:
    student_number: str
    first_name: str
    last_name: str
    preferred_name: str = ""
    grade: int | None = None
    homeroom: str = ""


@dataclass(frozen=True, slots=True)
class Student:
    id: int
    student_number: str
    first_name: str
    last_name: str
    preferred_name: str
    grade: int
    homeroom: str
    active: bool

    @property
    def display_name(self) -> str:
        return person_name(self.first_name, self.last_name, self.preferred_name)

    def fields(self) -> StudentFields:
        return StudentFields(
            self.student_number,
            self.first_name,
            self.last_name,
            self.preferred_name,
            self.grade,
            self.homeroom,
        )


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    first_name: str
    last_name: str
    role: StaffRole
    active: bool

    @property
    def display_name(self) -> str:
        return person_name(self.first_name, self.last_name)


@dataclass(frozen=True, slots=True)
class Group:
    id: int
    name: str
    kind: GroupKind
    school_year: int
    member_count: int
    keeper_id: int | None = None  # the staff member who usually keeps its circles


@dataclass(frozen=True, slots=True)
class Category:
    id: int
    name: str
    kind: CategoryKind
    active: bool


@dataclass(frozen=True, slots=True)
class CircleFields:
    held_on: date | None
    status: CircleStatus = CircleStatus.HELD
    kind: CircleKind = CircleKind.COMMUNITY_BUILDING
    group_id: int | None = None
    keeper_id: int | None = None
    purpose: str = ""
    duration_minutes: int | None = None
    notes: str = ""
    attendee_ids: frozenset[int] = field(default_factory=frozenset)
    # The staff who sat in the circle (the keeper among them when they sat), and how many
    # other adults were there (a parent, a guest): a count, never a name.
    staff_ids: frozenset[int] = field(default_factory=frozenset)
    guests: int = 0


@dataclass(frozen=True, slots=True)
class Circle:
    """A saved Tier 1 circle with the names a screen needs beside its ids."""

    id: int
    fields: CircleFields
    group_name: str
    keeper_name: str
    attendees: tuple[Student, ...]
    staff: tuple[StaffMember, ...] = ()


@dataclass(frozen=True, slots=True)
class GroupAgreement:
    """One of a group's agreements (how we treat each other here): made together in a values
    circle (`community_circle_id`) or typed in later; a retired one is kept, inactive."""

    id: int
    group_id: int
    text: str
    made_on: date
    position: int
    community_circle_id: int | None
    active: bool


@dataclass(frozen=True, slots=True)
class CircleListItem:
    """A Tier 1 circle as one line of the Tier 1 list."""

    id: int
    held_on: date
    status: CircleStatus
    kind: CircleKind
    group_name: str
    keeper_name: str
    purpose: str
    attendance: int
    duration_minutes: int | None


@dataclass(frozen=True, slots=True)
class ParticipantFields:
    """One person in a case: a student, a staff member, or someone named here (a parent, say).
    The role is None only while a form has not had one chosen yet."""

    role: Role | None
    student_id: int | None = None
    staff_id: int | None = None
    other_name: str = ""
    caregiver_id: int | None = None  # a caregiver on record (a family member)

    @property
    def names_more_than_one(self) -> bool:
        named = (self.student_id is not None, self.staff_id is not None, bool(self.other_name))
        return sum(named) + (self.caregiver_id is not None) > 1

    @property
    def person(self) -> tuple[str, int | str]:
        """Which person this is, whatever kind: used to spot the same person twice."""
        if self.student_id is not None:
            return ("student", self.student_id)
        if self.staff_id is not None:
            return ("staff", self.staff_id)
        if self.caregiver_id is not None:
            return ("caregiver", self.caregiver_id)
        return ("other", self.other_name.strip().casefold())


@dataclass(frozen=True, slots=True)
class Participant:
    id: int
    fields: ParticipantFields
    display_name: str


@dataclass(frozen=True, slots=True)
class CaseFields:
    tier: Tier
    occurred_on: date | None
    category_id: int | None
    description: str
    place: str = ""
    status: CaseStatus = CaseStatus.OPEN
    closure_reason: ClosureReason | None = None
    tier3_kind: Tier3Kind | None = None
    participants: tuple[ParticipantFields, ...] = ()


@dataclass(frozen=True, slots=True)
class Case:
    """A saved case. `category_kind` decides its roles; `repair_felt` is the person harmed's
    answer, asked when a case of harm closes (None: not recorded)."""

    id: int
    fields: CaseFields
    category_name: str
    participants: tuple[Participant, ...]
    created_at: datetime
    updated_at: datetime
    category_kind: CategoryKind | None = None
    repair_felt: RepairFelt | None = None


@dataclass(frozen=True, slots=True)
class CaseListItem:
    """A case as one line of the Tier 2 or Tier 3 list."""

    id: int
    tier: Tier
    occurred_on: date
    category_name: str
    place: str
    status: CaseStatus
    tier3_kind: Tier3Kind | None
    people: str


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What a list screen asks for: a search, filters and an order. Empty means everything."""

    text: str = ""
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = ""
    descending: bool = False
    include_inactive: bool = False


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """Some rows of a longer list, and how long the whole list is."""

    rows: tuple[T, ...]
    total: int
