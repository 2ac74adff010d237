"""A bilingual round on the wall: the prompt, and under it the same prompt in a second language
a little smaller, both whole (every word, in order, nothing cut) in the free middle and clear
of every name, at sizes read from the back of a classroom; measured at 1280x720 and 1366x768
with prompts of 300 characters in each language, and with the longest pair the library ships."""

import tomllib
from dataclasses import replace
from importlib import resources

import pytest
from pytestqt.qtbot import QtBot

from rp_desktop.domain.circle import CircleSnapshot
from rp_desktop.ui.run_circle.wall.block import SECOND_SHARE
from rp_desktop.ui.run_circle.wall.frame import BILINGUAL_FLOOR
from rp_desktop.ui.run_circle.wall.projector import ProjectorView
from rp_desktop.ui.run_circle.wall.text_fit import ELLIPSIS
from tests.ui.run_circle.test_projector import NAMES, render, snapshot
from tests.ui.run_circle.test_wall_prompt import EVERYDAY, badges_shown

EN_300 = (
    "Think about a time this year when someone in our class did something, small or large, "
    "that made you feel you belonged here. What did they do, how did it change your day, and "
    "what would you like to say to them now, if you could say it in front of all of us? Tell "
    "us, too, what you might do for others."
)
ES_300 = (
    "Piensa en un momento de este año en que alguien de nuestra clase hizo algo, pequeño o "
    "grande, que te hizo sentir que perteneces aquí. ¿Qué hizo, cómo cambió tu día y qué te "
    "gustaría decirle ahora, si pudieras decírselo delante de todo el grupo? Cuéntanos también qué "
    "podrías hacer por otra persona."
)
EN_200 = (
    "Think about a time this year when someone in our class made you feel you belonged here. "
    "What did they do, how did it change your day, and what would you like to say to them now, "
    "in front of all of us?"
)
ES_200 = (
    "Piensa en un momento de este año en que alguien de nuestra clase te hizo sentir de verdad "
    "que perteneces aquí. ¿Qué hizo, cómo cambió tu día y qué te gustaría decirle ahora, "
    "delante de todo el grupo?"
)
SIZES = [(1280, 720), (1366, 768)]


def bilingual(
    count: int, first: str, second: str, budget: float | None, names: tuple[str, ...] = NAMES
) -> CircleSnapshot:
    """A round for everyone, in two languages, on a ring of `count` of `names`."""
    labels = tuple(names[i % len(names)] for i in range(count))
    snap = snapshot(count, holder=4, labels=labels, prompt=first, budget=budget)
    return replace(snap, round=replace(snap.round, second_prompt=second))


def assert_both_whole(view: ProjectorView, snap: CircleSnapshot, height: int) -> None:
    block, box = view.middle_block(), view.prompt_box()
    second = block.second
    assert second is not None
    for part, text in ((block.prompt, snap.round.prompt), (second, snap.round.second_prompt)):
        assert not part.fit.elided
        assert ELLIPSIS not in "".join(part.fit.lines)
        assert " ".join(part.fit.lines) == text  # every word, in order, none broken
        assert part.fit.height <= part.box.height() + 0.01
        assert box.contains(part.box)  # in the free middle ...
        for rect, name in badges_shown(view, snap):  # ... clear of every name
            assert not part.box.intersects(rect), name
    assert second.box.top() >= block.prompt.box.bottom()  # under the first
    assert block.prompt.fit.pixel_size >= round(height * BILINGUAL_FLOOR)  # 30 px at 720
    assert second.fit.pixel_size >= round(round(height * BILINGUAL_FLOOR) * SECOND_SHARE)
    assert second.fit.pixel_size < block.prompt.fit.pixel_size  # a little smaller


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("count", [24, 30])
def test_prompts_of_300_characters_in_each_language_are_whole_beside_a_class(
    qtbot: QtBot, width: int, height: int, count: int
) -> None:
    assert len(EN_300) >= 295
    assert len(ES_300) >= 295
    view = ProjectorView()
    qtbot.addWidget(view)
    snap = bilingual(count, EN_300, ES_300, None)
    render(view, snap, width, height)
    assert_both_whole(view, snap, height)


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("count", [8, 24, 30])
def test_prompts_of_200_characters_in_each_are_whole_beside_a_speakers_time(
    qtbot: QtBot, width: int, height: int, count: int
) -> None:
    assert min(len(EN_200), len(ES_200)) >= 195
    view = ProjectorView()
    qtbot.addWidget(view)
    snap = bilingual(count, EN_200, ES_200, 60.0)
    render(view, snap, width, height)
    assert view.timer_text() == "0:47"
    assert_both_whole(view, snap, height)


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("count", [8, 24])
def test_prompts_of_200_characters_in_each_are_whole_beside_fourteen_character_names(
    qtbot: QtBot, width: int, height: int, count: int
) -> None:
    """Names as wide as "Małgorzata Wiś" leave the middle less room: with no speaker's time
    shown, 200 characters in each language are still whole."""
    view = ProjectorView()
    qtbot.addWidget(view)
    snap = bilingual(count, EN_200, ES_200, None, EVERYDAY)
    render(view, snap, width, height)
    assert_both_whole(view, snap, height)


# Stages whose rounds the keeper reads or the group agrees in, untimed: no speaker's time shows.
UNTIMED = ("opening", "closing", "agreement")


def shipped_pairs(untimed: bool) -> list[tuple[str, str]]:
    """Each shipped prompt of an untimed stage (or of any other) with its Spanish, from every
    prompts*.toml."""
    folder = resources.files("rp_desktop.resources.circle_library")
    prompts = []
    for entry in folder.iterdir():
        if entry.name.startswith("prompts") and entry.name.endswith(".toml"):
            prompts += tomllib.loads(entry.read_text(encoding="utf-8")).get("prompt", [])
    english = {prompt["key"]: prompt for prompt in prompts}
    return [
        (english[prompt["translation_of"]]["text"], prompt["text"])
        for prompt in prompts
        if prompt.get("translation_of") in english
        and (english[prompt["translation_of"]]["stage"] in UNTIMED) == untimed
    ]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("count", [8, 30])
@pytest.mark.parametrize("untimed", [True, False])
def test_the_longest_pairs_the_library_ships_are_whole_beside_fourteen_character_names(
    qtbot: QtBot, width: int, height: int, count: int, untimed: bool
) -> None:
    """The longest English and Spanish pair of the untimed stages (an opening the keeper reads)
    with no time shown, and of the others beside a speaker's time."""
    # (Until the library ships Spanish openings, its check-ins stand in for them, untimed.)
    pairs = shipped_pairs(untimed) or shipped_pairs(not untimed)
    assert pairs  # the library ships Spanish
    first, second = max(pairs, key=lambda pair: len(pair[0]) + len(pair[1]))
    view = ProjectorView()
    qtbot.addWidget(view)
    snap = bilingual(count, first, second, None if untimed else 60.0, EVERYDAY)
    render(view, snap, width, height)
    assert_both_whole(view, snap, height)


def test_a_short_bilingual_prompt_keeps_the_prompts_usual_size(qtbot: QtBot) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    snap = bilingual(12, "One word for how you are today?", "¿Una palabra para cómo estás hoy?", 60)
    render(view, snap, 1280, 720)
    assert_both_whole(view, snap, 720)
    assert view.prompt_pixel_size() >= 48  # as a prompt alone (test_projector.py)


def test_a_pair_too_long_for_any_room_ends_in_an_ellipsis_never_cut_silently(
    qtbot: QtBot,
) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    snap = bilingual(30, EN_300 + " " + EN_300, ES_300 + " " + ES_300, 60.0)
    render(view, snap, 1280, 720)
    block = view.middle_block()
    assert block.second is not None
    parts = (block.prompt, block.second)
    assert any(part.fit.elided for part in parts)
    for part in parts:
        assert part.fit.elided == part.fit.lines[-1].endswith(ELLIPSIS)
        assert view.prompt_box().contains(part.box)
    assert block.second.box.top() >= block.prompt.box.bottom()


def test_no_second_language_when_the_wall_shows_something_else(qtbot: QtBot) -> None:
    from rp_desktop.domain.circle import CircleState

    view = ProjectorView()
    qtbot.addWidget(view)
    snap = replace(bilingual(12, EN_200, ES_200, None), state=CircleState.BETWEEN_ROUNDS)
    render(view, snap, 1280, 720)
    assert view.middle_block().second is None
    assert view.prompt_fit().lines == ("Round complete",)
