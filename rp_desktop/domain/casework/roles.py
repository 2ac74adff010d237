"""Which roles fit a case, by its category's kind.

A case of harm names who was harmed and who caused it. A wellbeing concern or a check-in is not
harm: its people take neutral roles (a student, a supporter), never a harm role. Positive and
neutral observations are not cases at all: they are logged as everyday practice.

A case of harm may still hold a student whose part is not said yet (a chat turned into a case
keeps its students as "student"): accepted, not offered; the counselor says who was harmed.
"""

from collections.abc import Iterable
from enum import Enum

from rp_desktop.domain.continuum.kinds import RepairFelt
from rp_desktop.domain.vocabulary import CaseStatus, CategoryKind, Role


class Unchanged(Enum):
    """What an update leaves as it is (the answer on repair, when a case form does not ask)."""

    KEPT = "kept"


# The roles that only mean something where harm happened.
HARM_ONLY_ROLES = frozenset({Role.PERSON_HARMED, Role.PERSON_WHO_CAUSED_HARM, Role.WITNESS})

HARM_ROLES = (
    Role.PERSON_HARMED,
    Role.PERSON_WHO_CAUSED_HARM,
    Role.WITNESS,
    Role.SUPPORTER,
    Role.FAMILY_MEMBER,
    Role.STAFF,
    Role.FACILITATOR,
)
NEUTRAL_ROLES = (
    Role.STUDENT,
    Role.SUPPORTER,
    Role.FAMILY_MEMBER,
    Role.STAFF,
    Role.FACILITATOR,
)

# Kinds a new case may be filed under; the others are observations, logged as practice.
CASE_KINDS = frozenset({CategoryKind.HARM, CategoryKind.CONCERN})


def opens_a_case(kind: CategoryKind) -> bool:
    """Whether a new case may be filed under a category of this kind."""
    return kind in CASE_KINDS


def roles_for(kind: CategoryKind | None) -> tuple[Role, ...]:
    """The roles a person may take in a case of this kind, in the order they are offered.
    A concern takes the neutral roles; harm its own. Before a category is chosen (None), and
    for a case kept from before observations stopped being cases, every role is offered."""
    if kind is CategoryKind.CONCERN:
        return NEUTRAL_ROLES
    if kind is CategoryKind.HARM:
        return HARM_ROLES
    return tuple(Role)


def fits(role: Role, kind: CategoryKind | None) -> bool:
    """Whether a case of `kind` accepts `role`: a concern never a harm role; every other kind
    every role (harm's own, and "student" for a part not said yet)."""
    return role not in HARM_ONLY_ROLES if kind is CategoryKind.CONCERN else True


def role_in(kind: CategoryKind | None, role: Role | None, *, is_staff: bool = False) -> Role | None:
    """`role` carried over to a case of `kind`: in a concern a harm role becomes the neutral
    one (a student; a staff member stays staff). A role that fits is kept."""
    if role is None or fits(role, kind):
        return role
    return Role.STAFF if is_staff else Role.STUDENT


def asks_repair_felt(kind: CategoryKind | None, roles: Iterable[Role | None]) -> bool:
    """Whether closing the case asks if the person harmed feels the harm was repaired: a case
    of harm with a person harmed in it."""
    return kind is CategoryKind.HARM and Role.PERSON_HARMED in set(roles)


def repair_felt_kept(
    felt: RepairFelt | None,
    kind: CategoryKind | None,
    roles: Iterable[Role | None],
    status: CaseStatus,
) -> RepairFelt | None:
    """The answer on repair a case keeps: none unless it is closed, of harm, with a person
    harmed in it (a case reopened, or no longer about harm, has no answer to keep)."""
    return felt if status is CaseStatus.CLOSED and asks_repair_felt(kind, roles) else None
