"""Who was at each meeting of a sample case, and what they said to the restorative questions.

A pre-conference is with one side: the person who caused harm or the person harmed, with their
family and supporters. A conference or circle has most of the case's people, a restorative
conversation one or two. The facilitator keeps every meeting and is counted at each, but asks the
questions rather than answering them.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from rp_desktop.domain.casework.restorative import RestorativeQuestion, questions_for, speaking_rank
from rp_desktop.domain.vocabulary import MeetingKind, Role
from rp_desktop.services.demo.casework import casework_texts as texts
from rp_desktop.services.demo.casework.case_people import Cast, Person
from rp_desktop.services.demo.casework.story_records import MeetingRecipe

# The chance that each of the case's other people is at a meeting of a kind; both sides of the
# harm always are (a pre-conference and a restorative conversation have rules of their own).
OTHERS_PRESENT = {
    MeetingKind.IMPROMPTU_CONFERENCE: 0.25,
    MeetingKind.REPAIR_HARM_CIRCLE: 0.8,
    MeetingKind.PEER_MEDIATION: 0.0,
    MeetingKind.FORMAL_CONFERENCE: 0.85,
    MeetingKind.RE_ENTRY_CIRCLE: 0.85,
    MeetingKind.AGREEMENT_FOLLOW_UP: 0.5,
}
FAMILY_AT_PRE_CONFERENCE = 0.8
SECOND_IN_CONVERSATION = 0.35
# The share of meetings of a kind whose answers to the restorative questions were written down.
ANSWERED = {
    MeetingKind.REPAIR_HARM_CIRCLE: 0.5,
    MeetingKind.FORMAL_CONFERENCE: 0.5,
    MeetingKind.IMPROMPTU_CONFERENCE: 0.3,
    MeetingKind.RESTORATIVE_CONVERSATION: 0.2,
}
ALL_QUESTIONS_ANSWERED = 0.5
SIDES_OF_THE_HARM = (Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED)
ANSWER_BANKS = {
    Role.PERSON_WHO_CAUSED_HARM: texts.ANSWERS_OF_PERSON_WHO_CAUSED_HARM,
    Role.PERSON_HARMED: texts.ANSWERS_OF_PERSON_HARMED,
    Role.FAMILY_MEMBER: texts.ANSWERS_OF_FAMILY,
    Role.STAFF: texts.ANSWERS_OF_STAFF,
}


class Side(Enum):
    CAUSED_HARM = "caused_harm"
    HARMED = "harmed"


@dataclass(frozen=True, slots=True)
class Answer:
    person: int  # by place in the cast
    question: RestorativeQuestion
    text: str


@dataclass(frozen=True, slots=True)
class MeetingPeople:
    attendees: tuple[int, ...]  # by place in the cast, in speaking order
    answers: tuple[Answer, ...]  # in the order they were given


def draw_meeting_people(
    rng: random.Random, cast: Cast, meetings: Sequence[MeetingRecipe]
) -> tuple[MeetingPeople, ...]:
    """Who came to each of `meetings`, and the answers written down at some of them."""
    sides = _pre_conference_sides(rng, cast)
    pre_conferences = 0
    drawn = []
    for meeting in meetings:
        if meeting.kind is MeetingKind.PRE_CONFERENCE:
            present = _one_side(rng, cast, sides[pre_conferences % len(sides)])
            pre_conferences += 1
        elif meeting.kind is MeetingKind.RESTORATIVE_CONVERSATION:
            present = _conversation(rng, cast)
        else:
            present = _most(rng, cast, OTHERS_PRESENT[meeting.kind])
        present.add(cast.indexes(Role.FACILITATOR)[0])
        attendees = tuple(sorted(present, key=lambda i: (speaking_rank(cast.people[i].role), i)))
        answered = rng.random() < ANSWERED.get(meeting.kind, 0.0)
        answers = _answers(rng, cast, attendees) if answered else ()
        drawn.append(MeetingPeople(attendees, answers))
    return tuple(drawn)


def _side(person: Person, caused_harm: set[int]) -> Side | None:
    """Whose side a person comes with to a pre-conference; supporters come with the student who
    caused harm, family with their own student. Witnesses and staff are on no side."""
    if person.role in (Role.PERSON_WHO_CAUSED_HARM, Role.SUPPORTER):
        return Side.CAUSED_HARM
    if person.role is Role.PERSON_HARMED:
        return Side.HARMED
    if person.role is Role.FAMILY_MEMBER and person.family_of is not None:
        return Side.CAUSED_HARM if person.family_of in caused_harm else Side.HARMED
    return None


def _pre_conference_sides(rng: random.Random, cast: Cast) -> list[Side]:
    """The sides in the order they are prepared, one pre-conference each."""
    if not cast.indexes(Role.PERSON_HARMED):
        return [Side.CAUSED_HARM]
    sides = [Side.CAUSED_HARM, Side.HARMED]
    return sides if rng.random() < 0.6 else sides[::-1]


def _one_side(rng: random.Random, cast: Cast, side: Side) -> set[int]:
    caused_harm = {student.id for student in cast.students(Role.PERSON_WHO_CAUSED_HARM)}
    return {
        index
        for index, person in enumerate(cast.people)
        if _side(person, caused_harm) is side
        and (person.role in SIDES_OF_THE_HARM or rng.random() < FAMILY_AT_PRE_CONFERENCE)
    }


def _conversation(rng: random.Random, cast: Cast) -> set[int]:
    """Usually the student who caused harm, sometimes the person harmed; now and then with one
    more person of the case."""
    caused_harm = cast.indexes(Role.PERSON_WHO_CAUSED_HARM)
    harmed = cast.indexes(Role.PERSON_HARMED)
    first = harmed[0] if harmed and rng.random() < 0.25 else caused_harm[0]
    present = {first}
    if rng.random() < SECOND_IN_CONVERSATION:
        others = [
            index
            for index, person in enumerate(cast.people)
            if index != first and person.role is not Role.FACILITATOR
        ]
        if others:
            present.add(rng.choice(others))
    return present


def _most(rng: random.Random, cast: Cast, others_present: float) -> set[int]:
    return {
        index
        for index, person in enumerate(cast.people)
        if person.role in SIDES_OF_THE_HARM
        or (person.role is not Role.FACILITATOR and rng.random() < others_present)
    }


def _answers(rng: random.Random, cast: Cast, attendees: tuple[int, ...]) -> tuple[Answer, ...]:
    """Each attendee but the facilitator answers their role's questions: all, or some in order."""
    answers: list[Answer] = []
    for index in attendees:
        role = cast.people[index].role
        if role is Role.FACILITATOR:
            continue
        asked = questions_for(role)
        if len(asked) > 2 and rng.random() >= ALL_QUESTIONS_ANSWERED:
            kept = sorted(rng.sample(range(len(asked)), rng.randint(2, len(asked) - 1)))
            asked = tuple(asked[k] for k in kept)
        bank = ANSWER_BANKS.get(role, texts.ANSWERS_OF_COMMUNITY)
        answers += [Answer(index, question, rng.choice(bank[question])) for question in asked]
    return tuple(answers)
