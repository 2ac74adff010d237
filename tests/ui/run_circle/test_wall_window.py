"""The wall never covers the console on a single screen: it opens beside it, at most half the
screen wide, and full screen only when asked; on a projector it fills the projector's screen."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rp_desktop.ui.run_circle.wall import window as window_module
from rp_desktop.ui.run_circle.wall.window import WallWindow, wall_place


@pytest.mark.parametrize(
    ("screen", "available"),
    [
        (QRect(0, 0, 1280, 720), QRect(0, 0, 1280, 680)),  # a task bar at the bottom
        (QRect(0, 0, 1366, 768), QRect(0, 32, 1366, 736)),  # a panel at the top
        (QRect(1920, 0, 1280, 720), QRect(1920, 0, 1280, 720)),  # right of another screen
    ],
)
def test_on_one_screen_the_wall_sits_beside_the_console_never_over_it(
    screen: QRect, available: QRect
) -> None:
    place = wall_place(screen, available, shared=True, console_least=560)
    assert not place.full_screen
    assert place.console is not None
    assert not place.wall.intersects(place.console)
    assert available.contains(place.wall)
    assert available.contains(place.console)
    assert place.wall.width() <= available.width() // 2
    assert place.wall.width() * 9 // 16 == place.wall.height()  # the wall's own shape
    assert place.console.width() >= 560
    assert place.console.height() == available.height()


def test_a_console_that_needs_more_room_makes_the_wall_narrower() -> None:
    available = QRect(0, 0, 1280, 680)
    place = wall_place(available, available, shared=True, console_least=900)
    assert place.console is not None
    assert (place.wall.width(), place.console.width()) == (380, 900)
    assert not place.wall.intersects(place.console)


def test_on_a_projector_the_wall_fills_its_screen() -> None:
    projector = QRect(1280, 0, 1920, 1080)
    place = wall_place(projector, projector.adjusted(0, 0, 0, -40), shared=False, console_least=560)
    assert place.full_screen
    assert place.wall == projector
    assert place.console is None  # the console stays where it is


def test_shown_on_the_only_screen_the_wall_leaves_the_console_visible(qtbot: QtBot) -> None:
    assert len(QGuiApplication.screens()) == 1  # offscreen: one screen, as on a lone laptop
    console = QWidget()
    qtbot.addWidget(console)
    console.resize(1100, 720)
    console.show()
    wall = WallWindow()
    qtbot.addWidget(wall)
    wall.show_on(None, console)
    assert wall.isVisible()
    assert not wall.isFullScreen()
    assert not wall.frameGeometry().intersects(console.frameGeometry())
    available = console.screen().availableGeometry()
    assert wall.frameGeometry().width() <= available.width() // 2
    wall.toggle_full_screen()  # F: full screen when the keeper asks
    assert wall.isFullScreen()


def test_on_a_screen_of_its_own_the_wall_is_shown_full_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = QWidget()
    qtbot.addWidget(console)
    console.show()
    wall = WallWindow()
    qtbot.addWidget(wall)
    chosen: list[tuple[bool, int]] = []
    real = window_module.wall_place

    def projector_screen(screen, available, shared, least):  # type: ignore[no-untyped-def]
        chosen.append((shared, least))
        return real(screen, available, False, least)

    # Offscreen has one screen, which the window sees as shared; the place is then chosen as
    # for a projector, to check that the window does what the place says.
    monkeypatch.setattr(window_module, "wall_place", projector_screen)
    wall.show_on(None, console)
    assert chosen == [(True, console.minimumSizeHint().width())]
    assert wall.isFullScreen()
