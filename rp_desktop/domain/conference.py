"""A conference script: the restorative questions walked person by person, in the usual order,
then the agreement made together.

Each STEP is one round directed to one person's seat, with one question; the last step is the
agreement, which rests with the keeper while the keeper types what the group agrees. The
words of the questions come from the caller (the school's library, in the language chosen)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rp_desktop.domain.casework.restorative import RestorativeQuestion, questions_for, speaking_rank
from rp_desktop.domain.circle.types import KEEPER, RoundPlan, Timing
from rp_desktop.domain.vocabulary import CircleStage, Role

# After the person who caused harm and the person harmed: supporters, family, witnesses, staff.
_THEN = (Role.SUPPORTER, Role.FAMILY_MEMBER, Role.WITNESS, Role.STAFF)
# The stages the script replaces in a plan.
SCRIPTED = (CircleStage.REPAIR_HARM, CircleStage.AGREEMENT)
# The stages that close a circle: a script with nothing to replace goes before them.
CLOSING = (CircleStage.CHECK_OUT, CircleStage.CLOSING)


@dataclass(frozen=True, slots=True)
class ScriptPerson:
    """Someone seated in a circle for a case: their seat, their place in the case and their
    part. `young`: the questions are put in the words for young children."""

    key: int
    participant_id: int | None
    role: Role
    young: bool = False


@dataclass(frozen=True, slots=True)
class ScriptStep:
    """One step of the script: a question to one person (`number` of `of` for them), or the
    agreement (question None, key None)."""

    key: int | None
    participant_id: int | None
    question: RestorativeQuestion | None
    number: int = 0
    of: int = 0

    @property
    def is_agreement(self) -> bool:
        return self.question is None


@dataclass(frozen=True, slots=True)
class ConferencePlan:
    """The rounds to run, and for each the script step it is (None for the plan's own)."""

    rounds: tuple[RoundPlan, ...]
    steps: tuple[ScriptStep | None, ...]

    def step(self, index: int) -> ScriptStep | None:
        """The step of round `index`; None for a plan round or a round beyond the plan."""
        return self.steps[index] if 0 <= index < len(self.steps) else None


def script_order(people: Sequence[ScriptPerson]) -> list[ScriptPerson]:
    """The person (or people) who caused harm first, then those harmed, then supporters,
    family, witnesses and staff, each in the order given; the facilitator answers none."""

    def rank(person: ScriptPerson) -> tuple[int, int]:
        then = _THEN.index(person.role) if person.role in _THEN else len(_THEN)
        return speaking_rank(person.role), then

    return sorted((p for p in people if questions_for(p.role)), key=rank)


def script_steps(people: Sequence[ScriptPerson]) -> list[ScriptStep]:
    """One step per person and question in the speaking order, then the agreement."""
    steps = []
    for person in script_order(people):
        questions = questions_for(person.role)
        for number, question in enumerate(questions, start=1):
            steps.append(
                ScriptStep(person.key, person.participant_id, question, number, len(questions))
            )
    steps.append(ScriptStep(None, None, None))
    return steps


def step_round(
    step: ScriptStep, words: Mapping[RestorativeQuestion, str], agreement_prompt: str = ""
) -> RoundPlan:
    """The round a step is: untimed, directed to the person's seat (the agreement: to the
    keeper)."""
    if step.question is None:
        return RoundPlan(CircleStage.AGREEMENT, agreement_prompt, Timing.NONE, to_roles=(KEEPER,))
    assert step.key is not None
    prompt = words.get(step.question, "")
    return RoundPlan(CircleStage.REPAIR_HARM, prompt, Timing.NONE, to_seats=(step.key,))


def conference_rounds(
    plan_rounds: Sequence[RoundPlan],
    people: Sequence[ScriptPerson],
    words: Mapping[RestorativeQuestion, str],
    *,
    young_words: Mapping[RestorativeQuestion, str] | None = None,
    agreement_prompt: str = "",
) -> ConferencePlan:
    """The plan's rounds before its first repair-harm or agreement round and after its last,
    with the script in between (a plan with none: the script before its check-out and
    closing). A young person's questions are in `young_words` when given."""
    before, after = _around_script(plan_rounds)
    script = script_steps(people)
    young = {p.key for p in people if p.young}
    rounds = [
        step_round(s, young_words if young_words and s.key in young else words, agreement_prompt)
        for s in script
    ]
    return ConferencePlan(
        rounds=(*before, *rounds, *after),
        steps=(*(None for _ in before), *script, *(None for _ in after)),
    )


def _around_script(
    plan_rounds: Sequence[RoundPlan],
) -> tuple[list[RoundPlan], list[RoundPlan]]:
    scripted = [i for i, r in enumerate(plan_rounds) if r.stage in SCRIPTED]
    if scripted:
        return list(plan_rounds[: scripted[0]]), list(plan_rounds[scripted[-1] + 1 :])
    cut = len(plan_rounds)
    while cut > 0 and plan_rounds[cut - 1].stage in CLOSING:
        cut -= 1
    return list(plan_rounds[:cut]), list(plan_rounds[cut:])
