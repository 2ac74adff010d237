"""The projector view: sizes a classroom can read, the talking piece moving, nothing clipped
silently, every ring size, and no way for a record to reach the wall."""

import ast
import math
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

import rp_desktop.ui.run_circle.wall.projector as projector_module
from rp_desktop.domain.circle.types import (
    CircleSnapshot,
    CircleState,
    Direction,
    Move,
    RoundView,
    SeatView,
    TimeLevel,
    Timing,
)
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.ui.run_circle.wall.projector import ProjectorView
from rp_desktop.ui.run_circle.wall.ring import RingMode
from rp_desktop.ui.run_circle.wall.text_fit import ELLIPSIS

NAMES = (
    "Maya", "Jordan", "Alejandro", "Sofía", "Li", "Aaliyah", "Noah", "Ms. Rivera", "Emma",
    "Kwame", "Priya", "Lucas", "Zoe", "Mateo", "Hannah", "Omar", "Grace", "Ethan", "Isabella",
    "Dev", "Chloe", "Samuel", "Nia", "Leo", "Ava", "Diego", "Fatima", "Ben", "Ruby", "Yusuf",
)  # fmt: skip
PROMPT = "What is one thing that helped you this week, and who made it possible?"


def seats(
    count: int,
    holder: int | None = 6,
    *,
    labels: tuple[str, ...] | None = None,
    passed: tuple[int, ...] = (2, 4),
) -> tuple[SeatView, ...]:
    """A ring of `count` seats; the keeper in seat 0; seats before `holder` have had the piece,
    those in `passed` by passing."""
    names = labels or tuple(NAMES[i % len(NAMES)] for i in range(count))
    return tuple(
        SeatView(
            key=100 + i,
            label=names[i],
            is_keeper=i == 0,
            position=i,
            talk_seconds=30.0 * i,
            passes=1 if i in passed else 0,
            had_turn=holder is not None and i < holder,
            passed_this_round=holder is not None and i < holder and i in passed,
            is_holder=i == holder,
            is_next=holder is not None and count > 1 and i == (holder + 1) % count,
        )
        for i in range(count)
    )


def snapshot(
    count: int = 12,
    holder: int | None = 6,
    *,
    state: CircleState = CircleState.RUNNING,
    prompt: str = PROMPT,
    budget: float | None = 60.0,
    remaining: float | None = 47.0,
    level: TimeLevel = TimeLevel.CALM,
    labels: tuple[str, ...] | None = None,
    offering_again: bool = False,
) -> CircleSnapshot:
    ring = seats(count, holder if count else None, labels=labels)
    held = holder if count and holder is not None else None
    return CircleSnapshot(
        state=state,
        seats=ring,
        round=RoundView(
            index=1,
            count=4,
            stage=CircleStage.DISCUSSION,
            prompt=prompt,
            timing=Timing.PER_SPEAKER if budget else Timing.NONE,
            done=held or 0,
            size=count,
            offering_again=offering_again,
            elapsed=300.0,
            budget=None if budget is None else budget * count,
            remaining=None,
        ),
        holder_key=None if held is None else 100 + held,
        next_key=None if held is None or count < 2 else 100 + (held + 1) % count,
        turn_number=7,
        speaker_elapsed=13.0,
        speaker_budget=budget,
        speaker_remaining=remaining if budget is not None else None,
        level=level if budget is not None else TimeLevel.UNLIMITED,
        total_elapsed=900.0,
        direction=Direction.CLOCKWISE,
        allowed=frozenset({Move.NEXT, Move.PASS, Move.BACK, Move.PAUSE, Move.END}),
    )


@pytest.fixture
def view(qtbot: QtBot) -> ProjectorView:
    widget = ProjectorView()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    return widget


def shown(qtbot: QtBot, view: ProjectorView, snap: CircleSnapshot) -> ProjectorView:
    view.show_snapshot(snap)
    view.show()
    qtbot.waitExposed(view)
    return view


def render(view: ProjectorView, snap: CircleSnapshot, width: int, height: int) -> QImage:
    view.resize(width, height)
    view.show_snapshot(snap)
    return view.grab().toImage()


def colours_in(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(image.height())}


def angle_between(a: float, b: float) -> float:
    return abs((a - b + math.pi) % (2 * math.pi) - math.pi)


def test_sizes_a_classroom_can_read_at_1280x720(qtbot: QtBot, view: ProjectorView) -> None:
    shown(qtbot, view, snapshot())
    assert view.prompt_pixel_size() >= 48
    assert view.name_pixel_size() >= 32
    assert view.ring_layout().mode is RingMode.NAMES


def test_sizes_grow_with_the_screen(qtbot: QtBot, view: ProjectorView) -> None:
    shown(qtbot, view, snapshot())
    small = (view.prompt_pixel_size(), view.name_pixel_size())
    view.resize(1920, 1080)
    assert view.prompt_pixel_size() > small[0]
    assert view.name_pixel_size() > small[1]


@pytest.mark.parametrize("count", [0, 1, 2, 12, 30, 31, 60])
def test_every_ring_size_paints_legibly(qtbot: QtBot, view: ProjectorView, count: int) -> None:
    snap = snapshot(count, holder=min(6, count - 1) if count else None)
    image = render(view, snap, 1280, 720)
    assert len(colours_in(image)) > 2  # something besides the wall was drawn
    ring = view.ring_layout()
    assert view.prompt_pixel_size() >= 48
    assert view.name_pixel_size() >= 32
    assert len(ring.places) == count
    bounds = QRectF(0, 0, 1280, 720)
    rects = [place.rect for place in ring.places]
    assert all(bounds.contains(rect) for rect in rects)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert not any(ring.content.intersects(rect) for rect in rects)


def test_a_class_of_thirty_keeps_every_name_and_sixty_becomes_numbered_dots(
    qtbot: QtBot, view: ProjectorView
) -> None:
    render(view, snapshot(30), 1280, 720)
    assert view.ring_layout().mode is RingMode.NAMES
    assert all(place.text in NAMES for place in view.ring_layout().places)
    render(view, snapshot(60), 1280, 720)
    dots = view.ring_layout()
    assert dots.mode is RingMode.DOTS
    assert [place.text for place in dots.places] == [str(n) for n in range(1, 61)]


def test_the_talking_piece_moves_along_the_ring_to_the_new_holder(
    qtbot: QtBot, view: ProjectorView
) -> None:
    shown(qtbot, view, snapshot(holder=6))
    before = view.piece_angle()
    view.show_snapshot(snapshot(holder=7))
    animation = view.piece_animation
    assert animation.state() is animation.State.Running
    target = view.holder_angle()
    assert before is not None
    assert target is not None
    assert angle_between(before, target) > 0.1
    animation.setCurrentTime(animation.duration() // 2)
    halfway = view.piece_angle()
    assert halfway is not None
    assert 0.05 < angle_between(halfway, before) < angle_between(before, target)
    animation.setCurrentTime(animation.duration())
    assert animation.state() is animation.State.Stopped
    final = view.piece_angle()
    assert final is not None
    assert angle_between(final, target) < 1e-6


def test_the_piece_goes_the_short_way_round_from_the_last_seat_to_the_first(
    qtbot: QtBot, view: ProjectorView
) -> None:
    shown(qtbot, view, snapshot(holder=11))
    start = view.piece_angle()
    view.show_snapshot(snapshot(holder=0))
    animation = view.piece_animation
    animation.setCurrentTime(animation.duration() // 2)
    middle, end = view.piece_angle(), view.holder_angle()
    assert start is not None
    assert middle is not None
    assert end is not None
    gap = angle_between(start, end)
    assert gap < math.pi / 3
    assert angle_between(start, middle) < gap
    assert angle_between(middle, end) < gap
    animation.stop()


def test_hiding_the_wall_stops_the_piece(qtbot: QtBot, view: ProjectorView) -> None:
    shown(qtbot, view, snapshot(holder=3))
    view.show_snapshot(snapshot(holder=4))
    assert view.piece_animation.state() is view.piece_animation.State.Running
    view.hide()
    assert view.piece_animation.state() is view.piece_animation.State.Stopped


def test_an_unseen_wall_does_not_animate(view: ProjectorView) -> None:
    view.show_snapshot(snapshot(holder=3))
    view.show_snapshot(snapshot(holder=4))
    assert view.piece_animation.state() is view.piece_animation.State.Stopped
    assert view.piece_angle() == view.holder_angle()


def test_a_blank_wall_is_one_plain_colour(qtbot: QtBot, view: ProjectorView) -> None:
    shown(qtbot, view, snapshot())
    assert len(colours_in(view.grab().toImage())) > 2
    view.set_blank(True)
    assert view.blank
    assert len(colours_in(view.grab().toImage())) == 1
    view.show_snapshot(snapshot(holder=7))  # a move while blank shows nothing, runs nothing
    assert view.piece_animation.state() is view.piece_animation.State.Stopped
    assert len(colours_in(view.grab().toImage())) == 1
    view.set_blank(False)
    assert len(colours_in(view.grab().toImage())) > 2


def test_a_long_prompt_shrinks_and_wraps_whole(view: ProjectorView) -> None:
    render(view, snapshot(), 1280, 720)
    short = view.prompt_fit()
    words = (
        "Think of a time when someone in this room made your day better without knowing it. "
        "What did they do, how did it feel, and what would you like to say to them now?"
    )
    render(view, snapshot(prompt=words), 1280, 720)
    fit = view.prompt_fit()
    assert fit.pixel_size < short.pixel_size
    assert len(fit.lines) > len(short.lines)
    assert not fit.elided
    assert " ".join(fit.lines).split() == words.split()  # every word is drawn
    assert fit.height <= view.prompt_box().height()


def test_a_prompt_too_long_for_the_floor_size_ends_in_an_ellipsis(view: ProjectorView) -> None:
    words = " ".join(f"word{n}" for n in range(300))
    render(view, snapshot(prompt=words), 1280, 720)
    fit = view.prompt_fit()
    assert fit.elided
    assert fit.pixel_size == round(720 * 0.05)  # shrunk to the floor, never below
    assert fit.lines[-1].endswith(ELLIPSIS)
    assert fit.height <= view.prompt_box().height()
    drawn = " ".join(fit.lines).removesuffix(ELLIPSIS).split()
    assert drawn[:-1] == words.split()[: len(drawn) - 1]
    assert words.split()[len(drawn) - 1].startswith(drawn[-1])  # the cut may fall mid-word


def test_an_unbroken_word_wraps_anywhere_instead_of_running_off(view: ProjectorView) -> None:
    render(view, snapshot(prompt="Ubuntu" * 20), 1280, 720)
    fit = view.prompt_fit()
    assert "".join(fit.lines) == "Ubuntu" * 20
    assert len(fit.lines) > 1


def test_over_time_counts_up_in_words(qtbot: QtBot, view: ProjectorView) -> None:
    shown(qtbot, view, snapshot(remaining=47.0))
    assert view.timer_text() == "0:47"
    view.show_snapshot(snapshot(remaining=0.2, level=TimeLevel.RED))
    assert view.timer_text() == "0:01"
    view.show_snapshot(snapshot(remaining=-12.4, level=TimeLevel.OVER))
    assert view.timer_text() == "+0:12 over"
    view.show_snapshot(snapshot(remaining=-3725.0, level=TimeLevel.OVER))
    assert view.timer_text() == "+1:02:05 over"


def test_no_budget_shows_no_time(view: ProjectorView) -> None:
    render(view, snapshot(budget=None), 1280, 720)
    assert view.timer_text() == ""
    render(view, snapshot(), 1280, 720)
    view.set_show_timer(False)
    assert view.timer_text() == ""


def test_progress_through_the_round(view: ProjectorView) -> None:
    render(view, snapshot(holder=6), 1280, 720)
    assert view.progress_text() == "Round 2 of 4 · 7 of 12"
    render(view, snapshot(holder=2, offering_again=True), 1280, 720)
    assert view.progress_text() == "Round 2 of 4 · Offered again to those who passed"


@pytest.mark.parametrize(
    ("state", "words"),
    [
        (CircleState.SETUP, "The circle will begin soon"),
        (CircleState.BETWEEN_ROUNDS, "Round complete"),
        (CircleState.CLOSED, "Thank you"),
    ],
)
def test_states_between_speakers_say_so(
    view: ProjectorView, state: CircleState, words: str
) -> None:
    image = render(view, snapshot(holder=None, state=state), 1280, 720)
    assert " ".join(view.prompt_fit().lines) == words
    assert view.piece_angle() is None
    assert len(colours_in(image)) > 2


def test_paused_keeps_the_prompt_and_says_paused(view: ProjectorView) -> None:
    render(view, snapshot(state=CircleState.PAUSED), 1280, 720)
    assert view.prompt_fit().lines == render_lines(view, snapshot())


def render_lines(view: ProjectorView, snap: CircleSnapshot) -> tuple[str, ...]:
    render(view, snap, 1280, 720)
    return view.prompt_fit().lines


def test_long_names_wrap_whole_on_the_ring_and_stay_whole_in_the_holders_hands(
    view: ProjectorView,
) -> None:
    labels = ("Maria-Fernanda Guadalupe de los Santos", "Li", "Li", "Jo", "Li", "Ana")
    render(view, snapshot(6, holder=1, labels=labels), 1280, 720)
    long_seat = view.ring_layout().places[0]
    assert not long_seat.text.endswith(ELLIPSIS)
    assert long_seat.text.count("\n") == 1
    assert long_seat.text.replace("\n", " ") == labels[0]  # on two lines, nothing cut
    assert [p.text for p in view.ring_layout().places][1:] == list(labels[1:])  # twins stay
    render(view, snapshot(6, holder=0, labels=labels), 1280, 720)
    badge = view.holder_badge()
    assert badge is not None
    assert badge[1].replace("\n", " ") == labels[0]
    assert badge[0] == view.ring_layout().places[0].rect


def test_no_module_of_the_wall_imports_records() -> None:
    forbidden = ("rp_desktop.services", "rp_desktop.db", "rp_desktop.domain.records")
    allowed_roots = ("PySide6", "rp_desktop.domain.circle", "rp_desktop.ui.run_circle.wall")
    package = Path(projector_module.__file__).parent
    files = sorted(path.name for path in package.glob("*.py"))
    assert {"projector.py", "ring.py", "painting.py", "window.py"} <= set(files)
    for name in files:
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                assert not module.startswith(forbidden), (name, module)
                root = module.split(".")[0]
                assert root in sys.stdlib_module_names or root in {"PySide6", "rp_desktop"}
                if module.startswith("rp_desktop"):
                    assert module.startswith(allowed_roots) or module == (
                        "rp_desktop.domain.vocabulary"
                    ), (name, module)


def test_a_picture_of_the_wall_can_be_saved(view: ProjectorView, tmp_path: Path) -> None:
    for width, height in ((1920, 1080), (1280, 720)):
        image = render(view, snapshot(12, holder=6), width, height)
        assert (image.width(), image.height()) == (width, height)
        assert image.save(str(tmp_path / f"projector_{width}.png"))
        assert QImage(str(tmp_path / f"projector_{width}.png")).size() == image.size()


def test_paused_shows_even_with_the_timer_hidden(view: ProjectorView) -> None:
    view.set_show_timer(False)
    render(view, snapshot(state=CircleState.PAUSED), 1280, 720)
    assert view.timer_text() == ""
    below = view.ring_layout().free.below  # the bottom row's band, kept for "Paused"
    assert below.height() >= 720 * 0.1
    assert view.prompt_box().bottom() <= below.top() + 0.5


def test_with_many_seats_the_holders_name_is_shown_whole_over_its_dot(
    view: ProjectorView,
) -> None:
    labels = (*(NAMES[i % len(NAMES)] for i in range(59)), "Bartholomew Montgomery")
    render(view, snapshot(60, holder=59, labels=labels), 1280, 720)
    ring = view.ring_layout()
    assert ring.mode is RingMode.DOTS
    badge = view.holder_badge()
    assert badge is not None
    assert badge[1] == "Bartholomew\nMontgomery"  # whole, on two lines as over any dot
    assert badge[0].contains(ring.places[59].rect.center())
    assert view.name_pixel_size() >= 32
