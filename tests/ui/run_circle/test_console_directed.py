"""The keeper's console in a directed, bilingual round: who the round is for (by the names on
the wall, as the wall says it), the prompt in its second language, and which seats sit this
round out."""

from pytestqt.qtbot import QtBot

from rp_desktop.domain.circle import CircleEngine, RoundPlan, Seat
from rp_desktop.domain.circle.types import KEEPER
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.ui.run_circle.console_parts import PromptHeader, SeatTable

SEATS = [
    Seat(1, "Cole", is_keeper=True),
    Seat(2, "Lily", role="person_harmed"),
    Seat(3, "Ethan"),
    Seat(4, "Hannah", role="person_who_caused_harm"),
]
QUESTION = RoundPlan(
    CircleStage.REPAIR_HARM,
    "Cuéntanos qué pasó, tal como lo viste tú.",
    to_roles=("person_who_caused_harm", "person_harmed"),
    second_prompt="Tell us what happened, as you saw it.",
)
AGREEMENT = RoundPlan(CircleStage.AGREEMENT, "What will we do?", to_roles=(KEEPER,))


def started(*rounds: RoundPlan) -> CircleEngine:
    engine = CircleEngine(SEATS, rounds, lambda: 0.0)
    engine.start()
    return engine


def test_a_directed_round_says_who_it_is_for_and_shows_both_languages(qtbot: QtBot) -> None:
    header, table = PromptHeader(), SeatTable()
    qtbot.addWidget(header)
    qtbot.addWidget(table)
    snapshot = started(QUESTION).snapshot()
    header.show_snapshot(snapshot)
    table.show_snapshot(snapshot)
    assert header.prompt.text() == QUESTION.prompt
    assert header.second.text() == QUESTION.second_prompt
    assert not header.second.isHidden()
    # The person who caused harm first, then the person harmed: names only, never a part.
    assert header.audience.text() == "For: Hannah, Lily"
    assert not header.audience.isHidden()
    statuses = {table.item(row, 0).text(): table.item(row, 3).text() for row in range(4)}
    assert statuses == {
        "Cole (keeper)": "not this round",
        "Lily": "next",
        "Ethan": "not this round",
        "Hannah": "speaking",
    }


def test_a_round_for_everyone_or_for_the_keeper_alone_names_no_one(qtbot: QtBot) -> None:
    header = PromptHeader()
    qtbot.addWidget(header)
    engine = started(RoundPlan(CircleStage.CHECK_IN, "One word?"), AGREEMENT)
    header.show_snapshot(engine.snapshot())
    assert header.audience.isHidden()
    assert header.second.isHidden()
    engine.next_round()
    header.show_snapshot(engine.snapshot())
    assert engine.snapshot().round.addressed == (1,)
    assert header.audience.isHidden()
