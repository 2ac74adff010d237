"""A bilingual circle for `rp-desktop screenshot` (the -directed views): the school's first group
with its teacher keeping, the library's Spanish prompts with their English under them, in its
second round: a question put to two seats by name, the first of them having answered. The
rounds: a check-in for everyone, the directed question, and the agreement step (the piece with
the keeper)."""

from dataclasses import replace

from rp_desktop.domain.circle import Move, RoundPlan, Timing
from rp_desktop.domain.circle.types import KEEPER
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.services.circles import library
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.run_circle.chime import SilentChime
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab


def directed_circle(db: Database, setup: CircleSetupTab, seconds: list[float]) -> CircleRunner:
    """The circle `setup` seats, on the clock `seconds`, run with the bilingual rounds."""
    choice = setup.choice()
    if choice is None:
        raise ValueError("This database has no group with students to show a circle with.")
    students = [seat.key for seat in choice.seats if not seat.is_keeper]
    pair = (students[1], students[len(students) // 2]) if len(students) > 2 else tuple(students)
    rounds = bilingual_rounds(db, pair)
    runner = CircleRunner(
        db, replace(choice, rounds=rounds), clock=lambda: seconds[0], chime=SilentChime()
    )
    session = runner.session
    session.move(Move.START)
    while session.move(Move.NEXT):  # everyone checks in
        seconds[0] += 20.0
    session.move(Move.NEXT_ROUND)
    seconds[0] += 64.0
    session.move(Move.NEXT)  # the first of the two has answered
    seconds[0] += 41.0
    session.refresh()
    return runner


def bilingual_rounds(db: Database, pair: tuple[int, ...]) -> tuple[RoundPlan, ...]:
    """A check-in for everyone, a question to the seats `pair`, and the agreement step: each
    the library's Spanish prompt first, its English second."""
    check_in = _bilingual(db, CircleStage.CHECK_IN)
    question = _bilingual(db, CircleStage.REPAIR_HARM, CircleStage.DISCUSSION, CircleStage.CHECK_IN)
    agreement = _bilingual(db, CircleStage.AGREEMENT)
    return (
        RoundPlan(CircleStage.CHECK_IN, check_in[0], Timing.PER_SPEAKER, 30.0,
                  second_prompt=check_in[1]),
        RoundPlan(question[2], question[0], Timing.PER_SPEAKER, 90.0, to_seats=pair,
                  second_prompt=question[1]),
        RoundPlan(CircleStage.AGREEMENT, agreement[0], Timing.NONE, None, to_roles=(KEEPER,),
                  second_prompt=agreement[1]),
    )  # fmt: skip


def _bilingual(db: Database, *stages: CircleStage) -> tuple[str, str, CircleStage]:
    """The first Spanish prompt the library has for the first of `stages` that has one, the
    English it translates, and that stage; no words when none has one."""
    for stage in stages:
        english = {p.id: p.text for p in library.list_prompts(db, stage=stage, language="en")}
        for prompt in library.list_prompts(db, stage=stage, language="es"):
            if prompt.translation_of in english:
                return prompt.text, english[prompt.translation_of], stage
    return "", "", stages[0]
