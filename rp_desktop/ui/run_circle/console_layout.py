"""How the keeper's console is laid out: its buttons (each saying its key), the live page (who
holds the piece and the times beside the seats, or a conference's step beside the seats, or
the agreement being typed), the wall's controls and the keys line."""

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.ui.run_circle.chime import Chime
from rp_desktop.ui.run_circle.console_parts import keys_line


class ConsoleParts(Protocol):
    """The parts of the console the layout puts in place."""

    @property
    def header(self) -> QWidget: ...

    @property
    def times(self) -> QWidget: ...

    @property
    def script(self) -> QWidget: ...

    @property
    def seats(self) -> QWidget: ...

    @property
    def agreement(self) -> QWidget: ...

    @property
    def summary(self) -> QWidget: ...

    @property
    def sound(self) -> QWidget: ...

    @property
    def screen_choice(self) -> QWidget: ...

    @property
    def buttons(self) -> dict[str, QPushButton]: ...

    def show_wall(self) -> None: ...


# The moves of the piece, in the row under the live page.
MOVES = ("start", "next", "pass", "back", "pause", "next_round")


def _tr(text: str) -> str:
    return QCoreApplication.translate("CircleConsole", text)


def make_buttons(press: Callable[[str], None]) -> dict[str, QPushButton]:
    """A button for each thing the console does with a button, saying its key."""
    texts = {
        "start": _tr("Start the circle"),
        "next": _tr("Next  (Space)"),
        "pass": _tr("Pass  (P)"),
        "back": _tr("Back  (←)"),
        "pause": _tr("Pause"),
        "next_round": _tr("Next round  (N)"),
        "blank": _tr("Blank the wall"),
        "full_screen": _tr("Full screen  (F)"),
        "arrive": _tr("Someone arrives…"),
        "leave": _tr("Someone leaves"),
        "absent": _tr("Not here  (A)"),
        "end": _tr("End the circle  (E)"),
    }
    buttons = {}
    for action, text in texts.items():
        button = QPushButton(text)
        # Keys belong to the circle, not to whichever button was clicked last.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False, a=action: press(a))
        buttons[action] = button
    buttons["absent"].setToolTip(
        _tr(
            "The chosen person is not here after all: they leave the ring, and are recorded "
            "absent if they have not had the piece."
        )
    )
    return buttons


class LivePage(QWidget):
    """The page shown while the circle runs: on the left who holds the piece and the times
    (or, in a conference's step, the person asked and a note of what they said); on the right
    the seats (or, at the agreement step, what is agreed)."""

    def __init__(self, console: ConsoleParts) -> None:
        super().__init__()
        self.left = QStackedWidget()
        self.left.addWidget(console.times)
        self.left.addWidget(console.script)
        seat_column = QWidget()
        column = QVBoxLayout(seat_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(console.seats, 1)
        seat_row = QHBoxLayout()
        for action in ("arrive", "leave", "absent"):
            seat_row.addWidget(console.buttons[action])
        column.addLayout(seat_row)
        self.right = QStackedWidget()
        self.right.addWidget(seat_column)
        self.right.addWidget(console.agreement)
        self._seat_column = seat_column
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.left, 3)
        self._layout.addWidget(self.right, 2)

    def show_parts(self, *, script: bool, agreement: bool) -> None:
        """The step of a conference on the left, or the times; the agreement on the right (and
        wider), or the seats."""
        self.left.setCurrentIndex(1 if script else 0)
        self.right.setCurrentIndex(1 if agreement else 0)
        self._layout.setStretch(0, 2 if agreement else 3)
        self._layout.setStretch(1, 3 if agreement else 2)


def lay_out(window: QWidget, console: ConsoleParts, pages: QStackedWidget) -> LivePage:
    """Put the console's parts in place in `window`; returns the live page."""
    buttons = console.buttons
    moves = QHBoxLayout()
    for action in MOVES:
        moves.addWidget(buttons[action])
    wall_row = QHBoxLayout()
    wall_row.addWidget(QLabel(_tr("Wall:")))
    wall_row.addWidget(console.screen_choice)
    show = QPushButton(_tr("Show on this screen"))
    show.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    show.clicked.connect(console.show_wall)
    wall_row.addWidget(show)
    wall_row.addWidget(buttons["blank"])
    wall_row.addWidget(buttons["full_screen"])
    wall_row.addStretch(1)
    wall_row.addWidget(buttons["end"])
    live = LivePage(console)
    pages.addWidget(live)
    pages.addWidget(console.summary)
    layout = QVBoxLayout(window)
    layout.addWidget(console.header)
    layout.addWidget(pages, 1)
    layout.addLayout(moves)
    layout.addLayout(wall_row)
    layout.addWidget(console.sound)  # a row of its own: the reason for a silent chime is long
    keys = QLabel(keys_line(), wordWrap=True)
    keys.setAccessibleName(_tr("Keys"))
    layout.addWidget(keys)
    return live


class SoundControls(QWidget):
    """Volume and mute for the chime, and a plain word when this computer cannot play it."""

    def __init__(self, chime: Chime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chime = chime
        self.mute = QCheckBox(self.tr("Mute chime"))
        self.mute.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mute.setChecked(chime.muted)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(chime.volume * 100))
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.setAccessibleName(self.tr("Chime volume"))
        self.volume.setMaximumWidth(120)
        self.problem = QLabel(chime.problem or "")
        self.problem.setVisible(not chime.available)
        self.problem.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mute)
        layout.addWidget(self.volume)
        layout.addWidget(self.problem, 1)
        self.mute.toggled.connect(chime.set_muted)
        self.volume.valueChanged.connect(lambda value: chime.set_volume(value / 100))
        for widget in (self.mute, self.volume):
            widget.setEnabled(chime.available)
        found = getattr(chime, "problemFound", None)  # a chime that can fall silent later
        if found is not None:
            found.connect(self.show_problem)

    def show_problem(self, problem: str) -> None:
        """Say once, in plain words, why the chime went silent; the circle carries on."""
        self.problem.setText(problem)
        self.problem.show()
        for widget in (self.mute, self.volume):
            widget.setEnabled(False)


class ScreenChoice(QComboBox):
    """The screens of this computer, for the wall; the second one (a projector) at first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Screen for the wall"))
        screens = QGuiApplication.screens()
        for number, screen in enumerate(screens, start=1):
            size = screen.size()
            self.addItem(
                self.tr("Screen {n} ({w}×{h})").format(n=number, w=size.width(), h=size.height())
            )
        self.setCurrentIndex(1 if len(screens) > 1 else 0)
