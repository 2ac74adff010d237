"""The conference script: who is asked what, in which order, and where it sits in a plan."""

from rp_desktop.domain.casework.restorative import (
    FOR_PERSON_WHO_CAUSED_HARM,
    FOR_STAFF,
    FOR_THOSE_AFFECTED,
    RestorativeQuestion,
)
from rp_desktop.domain.circle.types import RoundPlan, Timing
from rp_desktop.domain.conference import (
    KEEPER,
    ScriptPerson,
    conference_rounds,
    script_order,
    script_steps,
)
from rp_desktop.domain.vocabulary import CircleStage, Role

WORDS = {q: f"words for {q.value}" for q in RestorativeQuestion}
YOUNG = {q: f"young words for {q.value}" for q in RestorativeQuestion}

PEOPLE = (
    ScriptPerson(1, 101, Role.FACILITATOR),
    ScriptPerson(2, 102, Role.STAFF),
    ScriptPerson(3, 103, Role.SUPPORTER),
    ScriptPerson(4, 104, Role.PERSON_HARMED),
    ScriptPerson(5, 105, Role.FAMILY_MEMBER),
    ScriptPerson(6, 106, Role.PERSON_WHO_CAUSED_HARM),
)


def test_the_person_who_caused_harm_speaks_first_and_the_facilitator_answers_none() -> None:
    order = [person.key for person in script_order(PEOPLE)]
    assert order == [6, 4, 3, 5, 2]  # harm caused, harmed, supporter, family, staff


def test_one_step_per_person_and_question_then_the_agreement() -> None:
    steps = script_steps(PEOPLE)
    first = steps[: len(FOR_PERSON_WHO_CAUSED_HARM)]
    assert [s.question for s in first] == list(FOR_PERSON_WHO_CAUSED_HARM)
    assert {s.key for s in first} == {6}
    assert [(s.number, s.of) for s in first][:2] == [(1, 6), (2, 6)]
    harmed = steps[6 : 6 + len(FOR_THOSE_AFFECTED)]
    assert [s.question for s in harmed] == list(FOR_THOSE_AFFECTED)
    assert {(s.key, s.participant_id) for s in harmed} == {(4, 104)}
    staff = [s for s in steps if s.key == 2]
    assert [s.question for s in staff] == list(FOR_STAFF)
    assert len(steps) == 6 + 4 + 4 + 4 + 2 + 1
    assert steps[-1].is_agreement
    assert steps[-1].key is None
    assert not any(s.key == 1 for s in steps)


def test_the_script_takes_the_place_of_the_plans_repair_rounds() -> None:
    plan = (
        RoundPlan(CircleStage.OPENING, "Welcome"),
        RoundPlan(CircleStage.VALUES_AND_GUIDELINES, "Values", Timing.PER_SPEAKER, 60),
        RoundPlan(CircleStage.REPAIR_HARM, "What happened?"),
        RoundPlan(CircleStage.REPAIR_HARM, "Agreement", Timing.PER_ROUND, 900),
        RoundPlan(CircleStage.CHECK_OUT, "One word", Timing.PER_SPEAKER, 30),
        RoundPlan(CircleStage.CLOSING, "Thank you"),
    )
    people = (ScriptPerson(1, 11, Role.PERSON_WHO_CAUSED_HARM), ScriptPerson(2, 12, Role.STAFF))
    made = conference_rounds(plan, people, WORDS, agreement_prompt="What will we do?")
    assert [r.prompt for r in made.rounds[:2]] == ["Welcome", "Values"]
    assert [r.prompt for r in made.rounds[-2:]] == ["One word", "Thank you"]
    script = made.rounds[2:-2]
    assert len(script) == 6 + 2 + 1
    assert script[0] == RoundPlan(
        CircleStage.REPAIR_HARM, WORDS[RestorativeQuestion.WHAT_HAPPENED], Timing.NONE,
        to_seats=(1,),
    )  # fmt: skip
    assert all(r.timing is Timing.NONE and r.seconds is None for r in script)
    assert script[-1] == RoundPlan(
        CircleStage.AGREEMENT, "What will we do?", Timing.NONE, to_roles=(KEEPER,)
    )
    assert made.step(0) is None
    assert made.step(len(made.rounds) - 1) is None
    assert made.step(2) is not None
    assert made.step(2).question is RestorativeQuestion.WHAT_HAPPENED
    assert made.step(len(made.rounds)) is None  # a round beyond the plan is not a step


def test_a_plan_without_repair_rounds_gets_the_script_before_its_closing() -> None:
    plan = (
        RoundPlan(CircleStage.OPENING, "Welcome"),
        RoundPlan(CircleStage.CHECK_OUT, "One word"),
        RoundPlan(CircleStage.CLOSING, "Thank you"),
    )
    made = conference_rounds(plan, (ScriptPerson(1, 11, Role.PERSON_HARMED),), WORDS)
    stages = [r.stage for r in made.rounds]
    assert stages == [
        CircleStage.OPENING,
        *[CircleStage.REPAIR_HARM] * 4,
        CircleStage.AGREEMENT,
        CircleStage.CHECK_OUT,
        CircleStage.CLOSING,
    ]


def test_a_young_child_is_asked_in_the_young_words_and_adults_in_theirs() -> None:
    people = (
        ScriptPerson(1, 11, Role.PERSON_WHO_CAUSED_HARM, young=True),
        ScriptPerson(2, 12, Role.FAMILY_MEMBER),
    )
    made = conference_rounds((), people, WORDS, young_words=YOUNG)
    assert made.rounds[0].prompt == YOUNG[RestorativeQuestion.WHAT_HAPPENED]
    assert made.rounds[6].prompt == WORDS[RestorativeQuestion.THOUGHT_WHEN_REALISED]


def test_with_nobody_to_ask_only_the_agreement_remains() -> None:
    made = conference_rounds((), (ScriptPerson(1, 11, Role.FACILITATOR),), WORDS)
    assert [r.stage for r in made.rounds] == [CircleStage.AGREEMENT]
