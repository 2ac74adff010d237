"""The keeper's console on the laptop: the prompt, who holds the piece, the timers, the
controls and their keys, and the wall's controls. Everything it shows comes from snapshots.

Keys (console_parts.KEYS, listed under the buttons and in Help): Space or Right next, P pass,
Left back, Enter pause/resume, N next round, B blank the wall, F full screen, E end the circle,
Esc leave full screen (or, when the wall is not full screen, close), Ctrl+W close. Ending the
circle asks first, and closing the console while the circle runs asks to end it; Enter answers
"End the circle".
"""

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.circle import CircleSnapshot, CircleState, Move
from rp_desktop.domain.circle.equity import VoiceSummary
from rp_desktop.ui import dialogs
from rp_desktop.ui.crash import log_failure
from rp_desktop.ui.run_circle.console_parts import (
    KEYS,
    LiveTimes,
    PromptHeader,
    ScreenChoice,
    SeatTable,
    SoundControls,
    keys_line,
)
from rp_desktop.ui.run_circle.session import CircleSession
from rp_desktop.ui.run_circle.summary import VoiceSummaryPanel
from rp_desktop.ui.run_circle.wall.window import WallWindow
from rp_desktop.ui.screen_fit import fit_to_screen

# What the keys still do once the circle has ended.
AFTER_THE_END = ("blank", "full_screen", "escape", "close", "end")


class CircleConsole(QWidget):
    """The keeper's window while a circle runs, and its summary once it has ended.

    `finish` is called once when the circle ends; it saves the run and returns the summary of
    voices to show (the console itself knows no records).

    Signals:
        finished(): the circle ended and its record was saved.
    """

    finished = Signal()

    def __init__(
        self,
        session: CircleSession,
        wall: WallWindow,
        finish: Callable[[], VoiceSummary],
        *,
        talking_piece: str = "",
        arrive: Callable[[int | None], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Circle — keeper"))
        self.session = session
        self.wall = wall
        self._finish = finish
        self._arrive = arrive
        self._ended = False
        self.saved_ok = False
        self.header = PromptHeader()
        self.times = LiveTimes(talking_piece)
        self.seats = SeatTable()
        self.sound = SoundControls(session.chime)
        self.summary = VoiceSummaryPanel(wall)
        self.buttons = self._make_buttons()
        self.screen_choice = ScreenChoice()
        self._pages = QStackedWidget()
        self._lay_out()
        self._bind_keys(self)
        self._bind_keys(wall)
        session.changed.connect(self._show)
        session.changed.connect(wall.show_snapshot)
        wall.closedByUser.connect(self._wall_closed)
        fit_to_screen(self, QSize(1100, 720), "console")
        session.refresh()

    # -- what the keeper does ---------------------------------------------------------------
    def press(self, action: str) -> None:
        """Do what a key or button does; a move that makes no sense now does nothing."""
        if self._ended and action not in AFTER_THE_END:
            return
        match action:
            case "start":
                self.session.move(Move.START)
            case "next":
                self._next()
            case "pass":
                self.session.move(Move.PASS)
            case "back":
                self.session.move(Move.BACK)
            case "pause":
                self.session.toggle_pause()
            case "next_round":
                self.session.move(Move.NEXT_ROUND)
            case "blank":
                self.wall.set_blank(not self.wall.blank)
                self._show(self.session.snapshot)
            case "full_screen":
                self.wall.toggle_full_screen()
            case "escape":
                self._escape()
            case "close":
                self.close()
            case "arrive":
                if self._arrive is not None:
                    self._arrive(self.seats.selected_key(self.session.snapshot))
            case "leave":
                key = self.seats.selected_key(self.session.snapshot)
                if key is not None:
                    self.session.remove_seat(key)
            case "end":
                if self._ended:
                    self.save()
                else:
                    self.end_circle()

    def end_circle(self, *, ask: bool = True) -> bool:
        """End the circle (asking first), save it and show the summary. True if it ended."""
        if self._ended:
            return True
        if ask and not dialogs.confirm_end_circle(self):
            return False
        self.session.move(Move.END)
        self._ended = True
        self.session.stop()
        self.wall.set_blank(True)
        self.save()
        return True

    def save(self) -> bool:
        """Save the ended circle; if that fails, say so and offer to try again: the circle's
        turns stay here until they are saved."""
        try:
            summary = self._finish()
        except Exception as error:
            log_failure("saving a circle", error)
            self.saved_ok = False
            self.buttons["end"].setText(self.tr("Save the circle again"))
            dialogs.show_circle_not_saved(self)
            return False
        self.saved_ok = True
        self.buttons["end"].setEnabled(False)
        self.summary.show_summary(summary)
        self._pages.setCurrentWidget(self.summary)
        self.finished.emit()
        return True

    def show_wall(self) -> None:
        screens = QGuiApplication.screens()
        index = self.screen_choice.currentIndex()
        self.wall.show_on(screens[index] if 0 <= index < len(screens) else None, self)

    # -- drawing ------------------------------------------------------------------------------
    def _show(self, snapshot: CircleSnapshot) -> None:
        self.header.show_snapshot(snapshot)
        self.times.show_snapshot(snapshot)
        self.seats.show_snapshot(snapshot)
        allowed = snapshot.allowed
        for action, move in (
            ("start", Move.START),
            ("pass", Move.PASS),
            ("back", Move.BACK),
            ("next_round", Move.NEXT_ROUND),
        ):
            self.buttons[action].setEnabled(move in allowed and not self._ended)
        self.buttons["start"].setVisible(snapshot.state is CircleState.SETUP)
        self.buttons["arrive"].setEnabled(self._arrive is not None and not self._ended)
        self.buttons["leave"].setEnabled(Move.REMOVE_SEAT in allowed and not self._ended)
        self.buttons["next"].setEnabled(
            (Move.NEXT in allowed or Move.NEXT_ROUND in allowed) and not self._ended
        )
        paused = snapshot.state is CircleState.PAUSED
        self.buttons["pause"].setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.buttons["pause"].setEnabled(
            (Move.PAUSE in allowed or Move.RESUME in allowed) and not self._ended
        )
        self.buttons["blank"].setText(
            self.tr("Show the wall") if self.wall.blank else self.tr("Blank the wall")
        )

    def _escape(self) -> None:
        """Esc leaves full screen when the wall is full screen; otherwise it closes."""
        if self.wall.isFullScreen():
            self.wall.leave_full_screen()
        else:
            self.close()

    def _next(self) -> None:
        """Next passes the piece on; between rounds it begins the next round; before the
        circle, it starts it."""
        state = self.session.snapshot.state
        if state is CircleState.SETUP:
            self.session.move(Move.START)
        elif state is CircleState.BETWEEN_ROUNDS:
            self.session.move(Move.NEXT_ROUND)
        else:
            self.session.move(Move.NEXT)

    # -- building -----------------------------------------------------------------------------
    def _make_buttons(self) -> dict[str, QPushButton]:
        texts = {
            "start": self.tr("Start the circle"),
            "next": self.tr("Next  (Space)"),
            "pass": self.tr("Pass  (P)"),
            "back": self.tr("Back  (←)"),
            "pause": self.tr("Pause"),
            "next_round": self.tr("Next round  (N)"),
            "blank": self.tr("Blank the wall"),
            "full_screen": self.tr("Full screen  (F)"),
            "arrive": self.tr("Someone arrives…"),
            "leave": self.tr("Someone leaves"),
            "end": self.tr("End the circle  (E)"),
        }
        buttons = {}
        for action, text in texts.items():
            button = QPushButton(text)
            # Keys belong to the circle, not to whichever button was clicked last.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, a=action: self.press(a))
            buttons[action] = button
        return buttons

    def _lay_out(self) -> None:
        moves = QHBoxLayout()
        for action in ("start", "next", "pass", "back", "pause", "next_round"):
            moves.addWidget(self.buttons[action])
        wall_row = QHBoxLayout()
        wall_row.addWidget(QLabel(self.tr("Wall:")))
        wall_row.addWidget(self.screen_choice)
        show = QPushButton(self.tr("Show on this screen"))
        show.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        show.clicked.connect(self.show_wall)
        wall_row.addWidget(show)
        wall_row.addWidget(self.buttons["blank"])
        wall_row.addWidget(self.buttons["full_screen"])
        wall_row.addStretch(1)
        wall_row.addWidget(self.buttons["end"])
        live = QWidget()
        live_layout = QHBoxLayout(live)
        live_layout.setContentsMargins(0, 0, 0, 0)
        live_layout.addWidget(self.times, 3)
        seat_column = QVBoxLayout()
        seat_column.addWidget(self.seats, 1)
        seat_row = QHBoxLayout()
        seat_row.addWidget(self.buttons["arrive"])
        seat_row.addWidget(self.buttons["leave"])
        seat_column.addLayout(seat_row)
        live_layout.addLayout(seat_column, 2)
        self._pages.addWidget(live)
        self._pages.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self._pages, 1)
        layout.addLayout(moves)
        layout.addLayout(wall_row)
        layout.addWidget(self.sound)  # a row of its own: the reason for a silent chime is long
        keys = QLabel(keys_line(), wordWrap=True)
        keys.setAccessibleName(self.tr("Keys"))
        layout.addWidget(keys)

    def _bind_keys(self, window: QWidget) -> None:
        for action, keys in KEYS.items():
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), window)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(lambda a=action: self.press(a))

    def _wall_closed(self) -> None:
        self.wall.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        running = not self._ended and self.session.snapshot.state is not CircleState.SETUP
        if running and not self.end_circle():
            event.ignore()
            return
        if self._ended and not self.saved_ok and not dialogs.confirm_close_unsaved_circle(self):
            event.ignore()
            return
        self.session.stop()
        self.wall.close_from_console()
        super().closeEvent(event)
