"""Names on the wall are never cut: at 1280x720, 24 seats with names up to 14 characters (wide
letters, accents, the part that tells two Rae L.s apart) are each drawn whole inside their
badge, the type no smaller than the legibility floor; and the fitting is done once per layout,
never while painting."""

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from rp_desktop.ui.run_circle.wall import names as names_module
from rp_desktop.ui.run_circle.wall.projector import ProjectorView
from rp_desktop.ui.run_circle.wall.ring import RingMode
from rp_desktop.ui.run_circle.wall.text_fit import NAME_WEIGHT, FontBook, badge_lines
from tests.ui.run_circle.test_projector import render, snapshot

LONG_NAMES = (
    "Małgorzata Wiś", "Rae L. (10-B)", "Rae L. (11-C)", "Juan Carlos", "WWWWWWWWWWWWWW",
    "Maximiliánová", "Władysław Ó.", "Ngozi Ọlátúndé", "MMMM WWWW MMMM", "Thérèse-Amélie",
    "Gwendolyn M.", "Øyvind Åsmund", "Bartholomew K.", "Jean-Baptiste", "Świętosław Ż.",
    "Anastasija Ł.", "Mohammed Abdi", "Ximena Guzmán", "Wilhelmina W.", "Krzysztof B.",
    "Siobhán Ní M.", "Oluwaseun D.", "Þórdís Hólm", "Mwangi Wanjiru",
)  # fmt: skip


def drawn_rect(place_text: str, rect: QRectF, metrics: QFontMetricsF) -> QRectF:
    """Where Qt draws `place_text` centred in `rect`, as painting.draw_seat does."""
    return metrics.boundingRect(rect, int(Qt.AlignmentFlag.AlignCenter), place_text)


@pytest.mark.parametrize("holder", [None, 1, 4])
def test_24_long_names_are_each_drawn_whole_in_their_seat_at_1280x720(
    qtbot: QtBot, holder: int | None
) -> None:
    assert len(LONG_NAMES) == 24
    assert max(len(name) for name in LONG_NAMES) == 14
    view = ProjectorView()
    qtbot.addWidget(view)
    render(view, snapshot(24, holder=holder, labels=LONG_NAMES), 1280, 720)
    ring = view.ring_layout()
    assert ring.mode is RingMode.NAMES
    assert ring.name_pixels >= 32  # the legibility floor at 720 pixels high
    metrics = FontBook().metrics(ring.name_pixels, NAME_WEIGHT)
    for place, name in zip(ring.places, LONG_NAMES, strict=True):
        assert " ".join(place.text.split("\n")) == name  # whole: nothing cut, nothing added
        assert "…" not in place.text
        assert len(place.text.split("\n")) <= 2
        assert place.rect.contains(drawn_rect(place.text, place.rect, metrics)), name
        assert QRectF(0, 0, 1280, 720).contains(place.rect)
    assert not view.prompt_fit().elided  # the widest names wrapped leave the prompt its room
    rects = [place.rect for place in ring.places]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    if holder is not None:
        badge = view.holder_badge()
        assert badge is not None
        assert badge[1] == ring.places[holder].text


def test_the_part_that_tells_two_rae_ls_apart_stays_on_its_line() -> None:
    metrics = FontBook().metrics(32, NAME_WEIGHT)
    assert badge_lines("Rae L. (10-B)", metrics, 32 * 6.0) == ("Rae L.", "(10-B)")
    assert badge_lines("Maya", metrics, 32 * 6.0) == ("Maya",)
    # One word too wide for the badge is never cut: its badge is made wider.
    assert badge_lines("WWWWWWWWWWWWWW", metrics, 32 * 6.0) == ("WWWWWWWWWWWWWW",)


def test_a_crowded_ring_shrinks_its_type_and_a_roomy_one_wraps_a_long_name(
    qtbot: QtBot,
) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    render(view, snapshot(30), 1280, 720)
    crowded = view.ring_layout()
    assert crowded.name_pixels == 32  # smaller type, down to the floor ...
    assert all("\n" not in place.text for place in crowded.places)  # ... and nothing wrapped
    labels = ("Gwendolyn Wojcik", "Maya", "Li", "Ana", "Noah", "Jo")
    render(view, snapshot(6, labels=labels), 1280, 720)
    roomy = view.ring_layout()
    assert roomy.name_pixels == 36
    assert [place.text for place in roomy.places] == ["Gwendolyn\nWojcik", *labels[1:]]


def test_names_are_fitted_once_per_layout_not_per_paint(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    render(view, snapshot(24, holder=2, labels=LONG_NAMES), 1280, 720)
    calls: list[str] = []
    original = names_module.name_badge

    def counted(label: str, *rest):  # type: ignore[no-untyped-def]
        calls.append(label)
        return original(label, *rest)

    monkeypatch.setattr(names_module, "name_badge", counted)
    for held in (3, 4, 5):  # the piece moves on: the same seats, the same layout
        render(view, snapshot(24, holder=held, labels=LONG_NAMES), 1280, 720)
    assert calls == []
    render(view, snapshot(24, holder=5, labels=LONG_NAMES), 1366, 768)
    assert calls  # a new size is laid out again
