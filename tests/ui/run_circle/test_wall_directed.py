"""The wall in a directed round: under the prompt, who the round is for by the names on the wall
("For: Sam, Alex", in the order they speak), the seats it is not for dimmed, the round's count
of those it is for; in the agreement step, the stage's words and the prompt, no "For:" line and
no speaker's time; and never a role, a surname or a case word in anything the wall draws."""

from dataclasses import replace
from typing import ClassVar

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

import rp_desktop.ui.run_circle.wall.projector as projector_module
from rp_desktop.domain.circle import CircleEngine, CircleSnapshot, CircleState, RoundPlan, Seat
from rp_desktop.domain.circle.types import Timing
from rp_desktop.domain.vocabulary import CircleStage, Role
from rp_desktop.ui.run_circle.wall import painting
from rp_desktop.ui.run_circle.wall.projector import ProjectorView
from rp_desktop.ui.run_circle.wall.ring import RingMode
from rp_desktop.ui.run_circle.wall.words import NO_BREAK_HYPHEN, NO_BREAK_SPACE
from tests.ui.run_circle.test_projector import render, snapshot
from tests.ui.run_circle.test_wall_prompt import EVERYDAY

QUESTION = "What happened, and what were you thinking about at the time?"


def directed(
    count: int, addressed: tuple[int, ...], holder: int, **options: object
) -> CircleSnapshot:
    """A round of `count` seats for the seats at `addressed` (places in the ring, in the order
    they speak), `holder` holding the piece; those before it in that order have spoken."""
    snap = snapshot(count, holder=holder, **options)  # type: ignore[arg-type]
    keys = tuple(100 + place for place in addressed)
    order = {key: index for index, key in enumerate(keys)}
    held = order[100 + holder]
    following = keys[held + 1] if held + 1 < len(keys) else None
    seats = tuple(
        replace(
            seat,
            had_turn=seat.key in order and order[seat.key] < held,
            passed_this_round=False,
            is_next=seat.key == following,
        )
        for seat in snap.seats
    )
    rnd = replace(snap.round, addressed=keys, done=held, size=len(keys))
    return replace(snap, seats=seats, round=rnd, next_key=following)


@pytest.fixture
def view(qtbot: QtBot) -> ProjectorView:
    widget = ProjectorView()
    qtbot.addWidget(widget)
    return widget


def plain(lines: tuple[str, ...]) -> str:
    """The lines of the "For:" line as one text, its names' unbreakable spaces and hyphens
    read as plain ones."""
    return " ".join(lines).replace(NO_BREAK_SPACE, " ").replace(NO_BREAK_HYPHEN, "-")


def test_a_round_for_two_seats_says_who_it_is_for_under_the_prompt(view: ProjectorView) -> None:
    labels = ("Ms. Rivera", "Jordan", "Sam", "Li", "Alex", "Noah", "Emma", "Kwame")
    render(view, directed(8, (4, 2), holder=4, labels=labels, prompt=QUESTION), 1280, 720)
    block = view.middle_block()
    assert block.for_line is not None
    assert plain(block.for_line.fit.lines) == "For: Alex, Sam"  # in the order they speak
    assert " ".join(block.prompt.fit.lines) == QUESTION
    assert block.for_line.box.top() >= block.prompt.box.bottom()  # under the prompt ...
    assert view.prompt_box().contains(block.for_line.box)  # ... in the free middle
    assert view.progress_text() == "Round 2 of 4 · 1 of 2"  # counts those it is for
    render(view, directed(8, (4, 2), holder=2, labels=labels, prompt=QUESTION), 1280, 720)
    assert view.progress_text() == "Round 2 of 4 · 2 of 2"


def test_a_round_for_many_names_the_first_five_and_counts_the_rest(view: ProjectorView) -> None:
    render(view, directed(24, tuple(range(1, 24, 2)), holder=1), 1280, 720)
    block = view.middle_block()
    assert block.for_line is not None
    assert plain(block.for_line.fit.lines) == (
        "For: Jordan, Sofía, Aaliyah, Ms. Rivera, Kwame and 7 more"
    )
    assert view.progress_text() == "Round 2 of 4 · 1 of 12"
    render(view, directed(24, (1, 3, 5, 7, 9, 11), holder=1), 1280, 720)
    for_six = view.middle_block().for_line
    assert for_six is not None
    assert plain(for_six.fit.lines) == "For: Jordan, Sofía, Aaliyah, Ms. Rivera, Kwame, Lucas"


def test_a_name_is_never_broken_across_the_lines_of_the_for_line(view: ProjectorView) -> None:
    labels = EVERYDAY[:24]
    render(view, directed(24, (1, 3, 9, 13, 5, 7), holder=1, labels=labels), 1280, 720)
    block = view.middle_block()
    assert block.for_line is not None
    lines = block.for_line.fit.lines
    assert len(lines) > 1  # long enough to wrap ...
    names = [labels[place] for place in (1, 3, 9, 13, 5, 7)]
    assert plain(lines) == "For: " + ", ".join(names)
    for line in lines:  # ... and each line holds whole names only
        for part in plain((line,)).removeprefix("For: ").split(", "):
            assert part.strip(",") in names, line


def test_a_round_for_everyone_has_no_for_line(view: ProjectorView) -> None:
    render(view, snapshot(8, prompt=QUESTION), 1280, 720)
    assert view.middle_block().for_line is None
    assert view.progress_text() == "Round 2 of 4 · 7 of 8"


def test_a_seat_that_has_left_is_not_named(view: ProjectorView) -> None:
    snap = directed(8, (4, 2), holder=4, prompt=QUESTION)
    left = replace(snap, round=replace(snap.round, addressed=(104, 999, 102)))
    render(view, left, 1280, 720)
    block = view.middle_block()
    assert block.for_line is not None
    assert plain(block.for_line.fit.lines) == "For: Li, Alejandro"


def mean_brightness(image: QImage, rect: QRectF) -> float:
    """How light the badge at `rect` is drawn, on average (0 black, 1 white)."""
    box = rect.toRect().adjusted(3, 3, -3, -3)
    values = [
        QColor(image.pixel(x, y)).lightnessF()
        for x in range(box.left(), box.right(), 2)
        for y in range(box.top(), box.bottom(), 2)
    ]
    return sum(values) / len(values)


@pytest.mark.parametrize(
    ("count", "addressed", "quiet"), [(8, (4, 2, 6), 7), (60, (4, 20, 30), 40)]
)
def test_seats_a_round_is_not_for_are_drawn_quieter(
    view: ProjectorView, count: int, addressed: tuple[int, ...], quiet: int
) -> None:
    """On a ring of names and of numbered dots: a seat is drawn darker when the round is not
    for it than when it is for everyone; a seat it is for, waiting its turn, as before."""
    everyone = render(view, snapshot(count, holder=4), 1280, 720)
    ring = view.ring_layout()
    assert ring.mode is (RingMode.NAMES if count == 8 else RingMode.DOTS)
    snap = directed(count, addressed, holder=4)
    drawn = render(view, snap, 1280, 720)
    assert view.ring_layout().places == ring.places  # nothing moves
    seat, waiting = ring.places[quiet].rect, ring.places[addressed[-1]].rect
    assert mean_brightness(drawn, seat) < mean_brightness(everyone, seat) * 0.8
    assert mean_brightness(drawn, waiting) == pytest.approx(
        mean_brightness(everyone, waiting), abs=0.02
    )
    assert painting.quiet_keys(snap) == frozenset(
        100 + place for place in range(count) if place not in addressed
    )
    complete = replace(snap, state=CircleState.BETWEEN_ROUNDS)
    assert painting.quiet_keys(complete) == frozenset()  # "Round complete": everyone again


def agreement(**options: object) -> CircleSnapshot:
    """The agreement step: a round to the keeper alone, untimed, the piece with the keeper."""
    snap = directed(8, (0,), holder=0, budget=None, **options)
    rnd = replace(snap.round, stage=CircleStage.AGREEMENT, timing=Timing.NONE)
    return replace(snap, round=rnd)


def test_the_agreement_step_shows_the_stage_and_the_prompt_and_no_for_line(
    view: ProjectorView,
) -> None:
    prompt = "What will we do to make things right, who will do it, and by when?"
    render(view, agreement(prompt=prompt), 1280, 720)
    block = view.middle_block()
    assert " ".join(block.prompt.fit.lines) == prompt
    assert block.for_line is None
    assert view.progress_text() == "Round 2 of 4 · Agreeing together"
    assert view.timer_text() == ""
    render(view, agreement(prompt=""), 1280, 720)  # without a prompt, the stage's words
    assert view.prompt_fit().lines == ("Agreeing together",)
    assert painting.quiet_keys(agreement(prompt="")) == frozenset()  # everyone agrees: no one dim


def test_a_round_for_the_keeper_alone_names_no_one_and_dims_no_one(view: ProjectorView) -> None:
    """An opening the keeper reads to the circle: the words, the round, nothing more."""
    opening = directed(8, (0,), holder=0, budget=None, prompt="Welcome to our circle.")
    opening = replace(opening, round=replace(opening.round, stage=CircleStage.OPENING))
    render(view, opening, 1280, 720)
    assert view.middle_block().for_line is None
    assert view.progress_text() == "Round 2 of 4"
    assert painting.quiet_keys(opening) == frozenset()


def test_the_agreement_step_never_shows_a_speakers_time(view: ProjectorView) -> None:
    snap = agreement(prompt="What will we agree?")
    timed = replace(snap, speaker_budget=60.0, speaker_remaining=30.0)
    render(view, timed, 1280, 720)
    assert view.timer_text() == ""


class Recording(QPainter):
    """A painter that keeps every piece of text drawn with it."""

    drawn: ClassVar[list[str]] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        Recording.drawn.append(str(args[-1]))
        super().drawText(*args)  # type: ignore[call-overload]


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    Recording.drawn = []
    monkeypatch.setattr(projector_module, "QPainter", Recording)
    return Recording.drawn


# The people of a case as the school's records know them; the wall knows first names only.
PEOPLE = (
    ("Sam", "Haddad", Role.PERSON_WHO_CAUSED_HARM),
    ("Alex", "Quintero-Vance", Role.PERSON_HARMED),
    ("Dee", "Okonkwo", Role.SUPPORTER),
    ("Rosa", "Haddad", Role.FAMILY_MEMBER),
    ("Mr. Lind", "", Role.STAFF),
)
CASE_NUMBER = "T2-2026-0417"
FORBIDDEN = (
    "Haddad", "Quintero", "Okonkwo", CASE_NUMBER, "harm", "person", "supporter", "family",
    "caregiver", "staff", "victim", "offender", "role", "case",
)  # fmt: skip


def conference_snapshot() -> CircleSnapshot:
    """A conference's first question, put by the engine to the person who caused harm and then
    to the person harmed, with its Spanish under it; the keeper's seat first in the ring."""
    seats = [Seat(1, "Ms. Rivera", is_keeper=True)] + [
        Seat(key, first, role=role.value)
        for key, (first, _surname, role) in enumerate(PEOPLE, start=2)
    ]
    question = RoundPlan(
        CircleStage.REPAIR_HARM,
        QUESTION,
        Timing.PER_SPEAKER,
        120.0,
        to_roles=(Role.PERSON_WHO_CAUSED_HARM.value, Role.PERSON_HARMED.value),
        second_prompt="¿Qué pasó y en qué estabas pensando en ese momento?",
    )
    engine = CircleEngine(seats, (question,), lambda: 0.0)
    engine.start()
    snap = engine.snapshot()
    # The round as the engine gives it once it directs rounds: for the two, in role order.
    by_role = {seat.role: seat.key for seat in seats}
    addressed = tuple(by_role[role] for role in question.to_roles)
    rnd = replace(snap.round, addressed=addressed, second_prompt=question.second_prompt)
    return replace(snap, round=rnd)


def test_a_directed_round_draws_names_on_the_wall_never_roles_surnames_or_the_case(
    qtbot: QtBot, view: ProjectorView, recording: list[str]
) -> None:
    snap = conference_snapshot()
    assert snap.state is CircleState.RUNNING
    for size in ((1280, 720), (1920, 1080)):
        view.resize(*size)
        view.show_snapshot(snap)
        view.grab()
    drawn = " ".join(recording)
    assert "For: Sam, Alex" in drawn  # who the round is for, by the names on the wall
    assert "¿Qué pasó" in drawn
    assert "Dee" in drawn  # every seat still on the ring
    for word in FORBIDDEN:
        assert word.lower() not in drawn.lower(), word
    for role in Role:
        assert role.value not in drawn
