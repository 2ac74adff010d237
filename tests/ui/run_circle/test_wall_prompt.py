"""The wall's prompt is never cut: at 1280x720, 1366x768 and 1920x1080, with 24 and 30 seats
whose names run to 14 characters, the longest prompt in the circle library is drawn whole, at
or above its legibility floor, in the free middle and clear of every badge; the names stay
whole; and the prompt's room is found once per layout, never while the piece moves."""

import tomllib
from importlib import resources

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from rp_desktop.ui.run_circle.wall import frame as frame_module
from rp_desktop.ui.run_circle.wall.projector import ProjectorView
from rp_desktop.ui.run_circle.wall.ring import RingMode
from rp_desktop.ui.run_circle.wall.text_fit import ELLIPSIS
from tests.ui.run_circle.test_projector import PROMPT, render, snapshot
from tests.ui.run_circle.test_wall_names import LONG_NAMES

THIRTY_NAMES = (
    *LONG_NAMES, "Nkechinyere O.", "Bartholomäus Z",
    "Wolfgang W. W.", "Ángela María", "Rae L. (12-A)",
    "MMMMMMMMMMMMMM",
)  # fmt: skip
SIZES = [(1280, 720), (1366, 768), (1920, 1080)]


def longest_library_prompt() -> str:
    data = resources.files("rp_desktop.resources.circle_library").joinpath("prompts.toml")
    prompts = tomllib.loads(data.read_text(encoding="utf-8"))["prompt"]
    return max((prompt["text"] for prompt in prompts), key=len)


def assert_prompt_whole(view: ProjectorView, prompt: str, height: int) -> None:
    fit, box, ring = view.prompt_fit(), view.prompt_box(), view.ring_layout()
    assert not fit.elided
    assert ELLIPSIS not in "".join(fit.lines)
    assert " ".join(fit.lines) == prompt  # every word, in order, none broken
    assert fit.pixel_size >= round(height * 0.05)  # the prompt's legibility floor
    assert fit.height <= box.height()
    assert ring.content.contains(box)  # inside the free middle ...
    for place in ring.places:  # ... and over no seat
        assert not box.intersects(place.rect), place.text
    holder = view.holder_badge()
    if holder is not None:
        assert not box.intersects(holder[0])


def assert_names_whole(view: ProjectorView, labels: tuple[str, ...], size: QRectF) -> None:
    ring = view.ring_layout()
    for place, name in zip(ring.places, labels, strict=True):
        assert size.contains(place.rect)
        if ring.mode is RingMode.NAMES:
            assert " ".join(place.text.split("\n")) == name
    holder = view.holder_badge()
    if holder is not None:
        assert " ".join(holder[1].split("\n")) == labels[4]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("count", [24, 30])
@pytest.mark.parametrize("prompt", ["longest", "usual"])
@pytest.mark.parametrize("budget", [60.0, None])
def test_the_prompt_is_whole_beside_fourteen_character_names(
    qtbot: QtBot, width: int, height: int, count: int, prompt: str, budget: float | None
) -> None:
    text = longest_library_prompt() if prompt == "longest" else PROMPT
    labels = LONG_NAMES if count == 24 else THIRTY_NAMES
    assert max(len(label) for label in labels) == 14
    view = ProjectorView()
    qtbot.addWidget(view)
    snap = snapshot(count, holder=4, labels=labels, prompt=text, budget=budget)
    render(view, snap, width, height)
    assert_prompt_whole(view, text, height)
    assert_names_whole(view, labels, QRectF(0, 0, width, height))


def test_the_longest_prompt_is_the_one_the_library_ships() -> None:
    text = longest_library_prompt()
    assert len(text) >= 160
    assert text.startswith("We are here because something happened")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_ordinary_names_keep_their_badges_beside_the_longest_prompt(
    qtbot: QtBot, width: int, height: int
) -> None:
    text = longest_library_prompt()
    view = ProjectorView()
    qtbot.addWidget(view)
    render(view, snapshot(24, holder=4, prompt=text), width, height)
    assert view.ring_layout().mode is RingMode.NAMES  # the ring yields without hiding a name
    assert_prompt_whole(view, text, height)


def test_the_usual_prompt_keeps_every_long_name_on_its_badge_at_1280x720(qtbot: QtBot) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    render(view, snapshot(24, holder=4, labels=LONG_NAMES), 1280, 720)
    assert view.ring_layout().mode is RingMode.NAMES
    assert_prompt_whole(view, PROMPT, 720)


def test_the_prompts_room_is_found_once_per_layout_not_while_the_piece_moves(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = longest_library_prompt()
    view = ProjectorView()
    qtbot.addWidget(view)
    render(view, snapshot(24, holder=2, labels=LONG_NAMES, prompt=text), 1366, 768)
    calls: list[str] = []
    original = frame_module.fits_whole

    def counted(words: str, *rest):  # type: ignore[no-untyped-def]
        calls.append(words)
        return original(words, *rest)

    monkeypatch.setattr(frame_module, "fits_whole", counted)
    for held in (3, 4, 5):  # the piece moves on: the same seats and prompt, the same layout
        render(view, snapshot(24, holder=held, labels=LONG_NAMES, prompt=text), 1366, 768)
    assert calls == []
    render(view, snapshot(24, holder=5, labels=LONG_NAMES, prompt=PROMPT), 1366, 768)
    assert calls  # a new prompt is laid out again
