"""The restorative questions, who is asked which, and who speaks first.

The keys are stored with each answer, so they never change once released; the words a person
reads live in the ui layer, where they can be translated.
"""

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol, TypeVar

from rp_desktop.domain.vocabulary import CategoryKind, Role


class RestorativeQuestion(StrEnum):
    """The widely used restorative questions, each set in the order it is asked."""

    # To the person whose behaviour caused harm.
    WHAT_HAPPENED = "what_happened"
    THINKING_AT_THE_TIME = "thinking_at_the_time"
    THOUGHT_ABOUT_SINCE = "thought_about_since"
    WHO_HAS_BEEN_AFFECTED = "who_has_been_affected"
    IN_WHAT_WAY = "in_what_way"
    WHAT_YOU_NEED_TO_DO = "what_you_need_to_do"
    # To the people affected.
    THOUGHT_WHEN_REALISED = "thought_when_realised"
    IMPACT_ON_YOU_AND_OTHERS = "impact_on_you_and_others"
    HARDEST_THING = "hardest_thing"
    WHAT_NEEDS_TO_HAPPEN = "what_needs_to_happen"
    # To staff who were there: their own short questions, never either set above.
    WHAT_YOU_SAW = "what_you_saw"
    WHAT_YOU_NEED = "what_you_need"


FOR_PERSON_WHO_CAUSED_HARM = (
    RestorativeQuestion.WHAT_HAPPENED,
    RestorativeQuestion.THINKING_AT_THE_TIME,
    RestorativeQuestion.THOUGHT_ABOUT_SINCE,
    RestorativeQuestion.WHO_HAS_BEEN_AFFECTED,
    RestorativeQuestion.IN_WHAT_WAY,
    RestorativeQuestion.WHAT_YOU_NEED_TO_DO,
)
FOR_THOSE_AFFECTED = (
    RestorativeQuestion.THOUGHT_WHEN_REALISED,
    RestorativeQuestion.IMPACT_ON_YOU_AND_OTHERS,
    RestorativeQuestion.HARDEST_THING,
    RestorativeQuestion.WHAT_NEEDS_TO_HAPPEN,
)

FOR_STAFF = (RestorativeQuestion.WHAT_YOU_SAW, RestorativeQuestion.WHAT_YOU_NEED)


def questions_for(role: Role) -> tuple[RestorativeQuestion, ...]:
    """The questions asked of someone in `role`, in the order they are asked.

    Only the person who caused harm is asked the first set. The person harmed, family members,
    supporters and witnesses are asked the questions for those affected. Staff are asked two
    short questions of their own (what they saw, what they need), never either set of the harm.
    The facilitator asks the questions and answers none. A student in a concern (the neutral
    role) is not asked the questions of harm: their part is a short summary."""
    if role is Role.PERSON_WHO_CAUSED_HARM:
        return FOR_PERSON_WHO_CAUSED_HARM
    if role is Role.STAFF:
        return FOR_STAFF
    if role in (Role.FACILITATOR, Role.STUDENT):
        return ()
    return FOR_THOSE_AFFECTED


def questions_in_case(
    role: Role | None, kind: CategoryKind | None
) -> tuple[RestorativeQuestion, ...]:
    """The questions asked of someone in `role` in a case whose category is of `kind`: a
    wellbeing concern is not harm, so no one in it is asked the questions of harm (each
    person's part is a short summary); otherwise those of their role."""
    if role is None or kind is CategoryKind.CONCERN:
        return ()
    return questions_for(role)


def answerable_by(role: Role | None) -> tuple[RestorativeQuestion, ...]:
    """The questions an answer on record may be to, for someone in `role`: those asked of the
    role, and, for staff and the facilitator, the questions for those affected, which they were
    asked before they had their own (meetings recorded then keep their answers). A student in
    a concern is asked none, but may have answered either set while concerns still took harm
    roles: those answers stay on record."""
    if role is None:
        return ()
    if role in (Role.STAFF, Role.FACILITATOR):
        return questions_for(role) + FOR_THOSE_AFFECTED
    if role is Role.STUDENT:
        return FOR_PERSON_WHO_CAUSED_HARM + FOR_THOSE_AFFECTED
    return questions_for(role)


class HasRole(Protocol):
    """Anything with a role, as a participant's fields have."""

    @property
    def role(self) -> Role | None: ...


class InCase(Protocol):
    """A participant record: its fields carry the role."""

    @property
    def fields(self) -> HasRole: ...


P = TypeVar("P", bound="InCase")

_FIRST = {Role.PERSON_WHO_CAUSED_HARM: 0, Role.PERSON_HARMED: 1}


def speaking_rank(role: Role | None) -> int:
    """0 for the person who caused harm, 1 for the person harmed, 2 for everyone else."""
    return 2 if role is None else _FIRST.get(role, 2)


def speaking_order(participants: Iterable[P]) -> list[P]:
    """The usual order when both sides meet: the person (or people) who caused harm first, then
    those harmed, then everyone else, each group in the order given."""
    return sorted(participants, key=lambda person: speaking_rank(person.fields.role))
