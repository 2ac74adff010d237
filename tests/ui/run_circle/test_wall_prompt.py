"""The wall's prompt is never cut: at 1280x720, 1366x768 and 1920x1080, with 24 and 30 seats
whose names run to 14 characters, the longest prompt in the circle library is drawn whole, at
or above its legibility floor, in the free middle and clear of every badge; the names stay
whole; and the prompt's room is found once per layout, never while the piece moves."""

import tomllib
from importlib import resources

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from rp_desktop.domain.circle.types import CircleSnapshot
from rp_desktop.ui.run_circle.wall import frame as frame_module
from rp_desktop.ui.run_circle.wall.block import MiddleText
from rp_desktop.ui.run_circle.wall.dots import named_over_dots
from rp_desktop.ui.run_circle.wall.projector import ProjectorView
from rp_desktop.ui.run_circle.wall.ring import RingMode
from rp_desktop.ui.run_circle.wall.text_fit import ELLIPSIS, NAME_WEIGHT, FontBook, badge_lines
from tests.ui.run_circle.test_projector import PROMPT, render, snapshot
from tests.ui.run_circle.test_wall_names import LONG_NAMES

# Thirty names a school might have, up to 14 characters: accents, initials, the part that tells
# two Rae L.s apart, hyphens.
EVERYDAY = (
    "Małgorzata Wiś", "Rae L. (10-B)", "Rae L. (11-C)", "Juan Carlos R.", "Hiroshi Tanaka",
    "Maximiliánová", "Władysław Ó.", "Ngozi Ọlátúndé", "Chiamaka Obi", "Thérèse-Amélie",
    "Gwendolyn M.", "Øyvind Åsmund", "Bartholomew K.", "Jean-Baptiste", "Świętosław Ż.",
    "Anastasija Ł.", "Mohammed Abdi", "Ximena Guzmán", "Wilhelmina W.", "Krzysztof B.",
    "Siobhán Ní M.", "Oluwaseun D.", "Þórdís Hólm", "Mwangi Wanjiru", "Nkechinyere O.",
    "Bartholomäus Z", "Wolfgang Weiß", "Ángela María", "Rae L. (12-A)", "Gabriel Moreau",
)  # fmt: skip
# ... and the widest 14 characters can be: runs of W and M, one with no space to break at.
EXTREME = (
    *LONG_NAMES, "Nkechinyere O.", "Bartholomäus Z",
    "Wolfgang W. W.", "Ángela María", "Rae L. (12-A)",
    "MMMMMMMMMMMMMM",
)  # fmt: skip
SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
HOLDER = 4


def longest_library_prompt() -> str:
    data = resources.files("rp_desktop.resources.circle_library").joinpath("prompts.toml")
    prompts = tomllib.loads(data.read_text(encoding="utf-8"))["prompt"]
    return max((prompt["text"] for prompt in prompts), key=len)


def whole(text: str) -> str:
    """A badge's lines read as one name: a line ending in a hyphen runs straight on."""
    lines = text.split("\n")
    joined = lines[0]
    for line in lines[1:]:
        joined += line if joined.endswith("-") else " " + line
    return joined


def badges_shown(view: ProjectorView, snap: CircleSnapshot) -> list[tuple[QRectF, str]]:
    """Every badge on the wall with the words on it: each seat's on a ring of names, or the
    holder's, the next seat's and the keeper's over their dots."""
    ring = view.ring_layout()
    holder = view.holder_badge()
    if ring.mode is RingMode.NAMES:
        return [(place.rect, place.text) for place in ring.places]
    named = named_over_dots(snap, ring, holder, FontBook())
    return [(rect, text) for _place, text, rect in named] + ([holder] if holder else [])


def assert_prompt_whole(view: ProjectorView, snap: CircleSnapshot, height: int) -> None:
    prompt = snap.round.prompt
    fit, box, ring = view.prompt_fit(), view.prompt_box(), view.ring_layout()
    assert not fit.elided
    assert ELLIPSIS not in "".join(fit.lines)
    assert " ".join(fit.lines) == prompt  # every word, in order, none broken
    assert fit.pixel_size >= round(height * 0.05)  # the prompt's legibility floor
    assert fit.height <= box.height()
    assert box == ring.content  # the free middle's prompt box ...
    for place in ring.places:  # ... clear of every seat
        assert not box.intersects(place.rect), place.text
    for rect, text in badges_shown(view, snap):  # ... and of every name shown
        assert not box.intersects(rect), text


def assert_names_whole(view: ProjectorView, snap: CircleSnapshot) -> None:
    labels = tuple(seat.label for seat in snap.seats)
    ring, screen = view.ring_layout(), QRectF(view.rect())
    assert ring.name_pixels >= round(32 * screen.height() / 720)  # the names' floor
    for place in ring.places:
        assert screen.contains(place.rect)
    badges = badges_shown(view, snap)
    assert badges
    metrics = FontBook().metrics(ring.name_pixels, NAME_WEIGHT)
    for rect, text in badges:
        assert whole(text) in labels  # nothing cut, nothing added
        assert ELLIPSIS not in text
        assert screen.contains(rect)
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        if rect.width() > rect.height():  # letters keep 0.3 em of air from the badge's edge
            assert rect.width() - widest >= 2 * 0.3 * ring.name_pixels - 1, text
    if ring.mode is RingMode.NAMES:
        assert [whole(place.text) for place in ring.places] == list(labels)


def shown(
    qtbot: QtBot, labels: tuple[str, ...], prompt: str, budget: float | None, size: tuple[int, int]
) -> tuple[ProjectorView, CircleSnapshot]:
    view = ProjectorView()
    qtbot.addWidget(view)
    snap = snapshot(len(labels), holder=HOLDER, labels=labels, prompt=prompt, budget=budget)
    render(view, snap, *size)
    return view, snap


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("count", [24, 30])
@pytest.mark.parametrize("budget", [60.0, None])
def test_the_longest_prompt_is_whole_beside_fourteen_character_names(
    qtbot: QtBot, width: int, height: int, count: int, budget: float | None
) -> None:
    text, labels = longest_library_prompt(), EVERYDAY[:count]
    assert max(len(label) for label in labels) == 14
    view, snap = shown(qtbot, labels, text, budget, (width, height))
    assert_prompt_whole(view, snap, height)
    assert_names_whole(view, snap)


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("count", [24, 30])
@pytest.mark.parametrize("budget", [60.0, None])
def test_the_usual_prompt_is_whole_beside_the_widest_names(
    qtbot: QtBot, width: int, height: int, count: int, budget: float | None
) -> None:
    labels = EXTREME[:count]
    assert max(len(label) for label in labels) == 14
    view, snap = shown(qtbot, labels, PROMPT, budget, (width, height))
    assert_prompt_whole(view, snap, height)
    assert_names_whole(view, snap)


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize(("count", "budget"), [(24, 60.0), (24, None), (30, None)])
def test_the_longest_prompt_is_whole_beside_the_widest_names(
    qtbot: QtBot, width: int, height: int, count: int, budget: float | None
) -> None:
    """Not yet: thirty of the widest names with the longest prompt and a speaker's time (the
    prompt is then cut at its floor; see the wall's docstring)."""
    text, labels = longest_library_prompt(), EXTREME[:count]
    view, snap = shown(qtbot, labels, text, budget, (width, height))
    assert_prompt_whole(view, snap, height)
    assert_names_whole(view, snap)


def test_the_longest_prompt_is_the_one_the_library_ships() -> None:
    text = longest_library_prompt()
    assert len(text) >= 160
    assert text.startswith("We are here because something happened")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_24_everyday_names_keep_their_badges_beside_the_longest_prompt(
    qtbot: QtBot, width: int, height: int
) -> None:
    text, labels = longest_library_prompt(), EVERYDAY[:24]
    view, snap = shown(qtbot, labels, text, 60.0, (width, height))
    assert view.ring_layout().mode is RingMode.NAMES  # the ring yields, and hides no name
    assert_prompt_whole(view, snap, height)


def test_names_break_after_a_hyphen_only_when_they_have_no_space() -> None:
    metrics = FontBook().metrics(32, NAME_WEIGHT)
    assert badge_lines("Thérèse-Amélie", metrics, 32 * 5.0) == ("Thérèse-", "Amélie")
    assert badge_lines("Rae L. (10-B)", metrics, 32 * 5.0) == ("Rae L.", "(10-B)")
    assert badge_lines("WWWWWWWWWWWWWW", metrics, 32 * 5.0) == ("WWWWWWWWWWWWWW",)


def test_the_prompts_room_is_found_once_per_layout_not_while_the_piece_moves(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = longest_library_prompt()
    view = ProjectorView()
    qtbot.addWidget(view)
    render(view, snapshot(24, holder=2, labels=LONG_NAMES, prompt=text), 1366, 768)
    calls: list[str] = []
    original = frame_module.block_fits_whole

    def counted(words: MiddleText, *rest):  # type: ignore[no-untyped-def]
        calls.append(words.prompt)
        return original(words, *rest)

    monkeypatch.setattr(frame_module, "block_fits_whole", counted)
    for held in (3, 4, 5):  # the piece moves on: the same seats and prompt, the same layout
        render(view, snapshot(24, holder=held, labels=LONG_NAMES, prompt=text), 1366, 768)
    assert calls == []
    render(view, snapshot(24, holder=5, labels=LONG_NAMES, prompt=PROMPT), 1366, 768)
    assert calls  # a new prompt is laid out again
