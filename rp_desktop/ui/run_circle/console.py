"""The keeper's console on the laptop: the prompt, who holds the piece, the timers, the
controls and their keys, and the wall's controls. Everything it shows comes from snapshots.

Keys (console_parts.KEYS, listed under the buttons and in Help): Space or Right next, P pass,
Left back, Enter pause/resume, N next round, B blank the wall, F full screen, E end the circle,
A the chosen person is not here, Esc leave full screen (or, when the wall is not full screen,
close), Ctrl+W close. Ending the circle asks first, and closing the console while the circle
runs asks to end it; Enter answers "End the circle". While a box has the focus (a conference's
note, the agreement being typed) the keys are the box's; Esc gives them back to the circle.

In a conference, each step shows the person asked and their question; at the agreement step,
what is agreed is typed in place of the seats.
"""

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QWidget

from rp_desktop.domain.circle import CircleSnapshot, CircleState, Move
from rp_desktop.domain.circle.equity import VoiceSummary
from rp_desktop.domain.vocabulary import CircleStage
from rp_desktop.ui import dialogs
from rp_desktop.ui.conference.agreement_panel import AgreementPanel
from rp_desktop.ui.conference.asking import confirm_end_without_agreement
from rp_desktop.ui.conference.guide import ConferenceGuide
from rp_desktop.ui.conference.script_panel import ScriptPanel
from rp_desktop.ui.crash import log_failure
from rp_desktop.ui.run_circle.console_layout import (
    ScreenChoice,
    SoundControls,
    lay_out,
    make_buttons,
)
from rp_desktop.ui.run_circle.console_parts import KEYS, LiveTimes, PromptHeader, SeatTable
from rp_desktop.ui.run_circle.session import CircleSession
from rp_desktop.ui.run_circle.summary import VoiceSummaryPanel
from rp_desktop.ui.run_circle.wall.window import WallWindow
from rp_desktop.ui.screen_fit import fit_to_screen

# The keys that make one move of the engine.
PIECE_MOVES = {
    "start": Move.START,
    "pass": Move.PASS,
    "back": Move.BACK,
    "next_round": Move.NEXT_ROUND,
}
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
        agreement: AgreementPanel,
        talking_piece: str = "",
        arrive: Callable[[int | None], None] | None = None,
        not_here: Callable[[int], None] | None = None,
        guide: ConferenceGuide | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`agreement`: where what is agreed is typed; `not_here(key)`: the seat's sitter was
        marked not here; `guide`: the conference's steps and who sits where."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Circle — keeper"))
        self.session = session
        self.wall = wall
        self._finish = finish
        self._arrive = arrive
        self._not_here = not_here
        self.guide = guide or ConferenceGuide()
        self._ended = False
        self._agreeing = False
        self.saved_ok = False
        self.agreement = agreement
        self._make_parts(talking_piece)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Esc in a box: the focus comes here
        self._bind_keys(self)
        self._bind_keys(wall)
        session.changed.connect(self._show)
        session.changed.connect(wall.show_snapshot)
        wall.closedByUser.connect(self._wall_closed)
        fit_to_screen(self, QSize(1100, 720), "console")
        session.refresh()

    def _make_parts(self, talking_piece: str) -> None:
        self.header = PromptHeader()
        self.times = LiveTimes(talking_piece)
        self.seats = SeatTable()
        self.script = ScriptPanel()
        self.sound = SoundControls(self.session.chime)
        self.summary = VoiceSummaryPanel(self.wall)
        self.buttons = make_buttons(self.press)
        self.screen_choice = ScreenChoice()
        self._pages = QStackedWidget()
        self.live = lay_out(self, self, self._pages)

    # -- what the keeper does ---------------------------------------------------------------
    def press(self, action: str) -> None:
        """Do what a key or button does; a move that makes no sense now does nothing."""
        if self._ended and action not in AFTER_THE_END:
            return
        if action in PIECE_MOVES:
            self.session.move(PIECE_MOVES[action])
            return
        match action:
            case "next":
                self._next()
            case "pause":
                self.session.toggle_pause()
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
            case "absent":
                self._mark_not_here()
            case "end":
                if self._ended:
                    self.save()
                else:
                    self.end_circle()

    def end_circle(self, *, ask: bool = True) -> bool:
        """End the circle (asking first), save it and show the summary. True if it ended."""
        if self._ended:
            return True
        if ask and not self._confirm_end():
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
        self.seats.show_snapshot(snapshot, self.guide.parts)
        self._show_step(snapshot)
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
        for action in ("leave", "absent"):
            self.buttons[action].setEnabled(Move.REMOVE_SEAT in allowed and not self._ended)
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

    def _confirm_end(self) -> bool:
        """End the circle? When the agreement step was reached and nothing is agreed yet,
        the question says so."""
        reached = any(r.stage is CircleStage.AGREEMENT for r in self.session.engine.rounds_begun)
        if reached and self.agreement.empty:
            if confirm_end_without_agreement(self):
                return True
            self.agreement.start_typing()  # back to the agreement, ready to type
            return False
        return dialogs.confirm_end_circle(self)

    def _mark_not_here(self) -> None:
        """The chosen seat's sitter is not here: they leave the ring, and the runner records
        them absent unless they have had the piece."""
        key = self.seats.selected_key(self.session.snapshot)
        if key is None:
            return
        if self._not_here is not None:  # told first: a turn ended by leaving is not a turn
            self._not_here(key)
        self.session.remove_seat(key)

    def _show_step(self, snapshot: CircleSnapshot) -> None:
        """A conference's step on the left, the agreement on the right, when the round is
        one; the agreement's first box takes the keys when its step begins."""
        running = snapshot.state not in (CircleState.SETUP, CircleState.CLOSED)
        step = self.guide.step(snapshot.round.index) if running else None
        asking = step is not None and not step.is_agreement
        agreeing = running and snapshot.round.stage is CircleStage.AGREEMENT
        if step is not None and asking:
            state, time = self.times.state.text(), self.times.speaker.text()
            self.script.show_snapshot(snapshot, step, self.guide, state, time)
            self.header.audience.hide()  # the script names the one asked, in full
        self.live.show_parts(script=asking, agreement=agreeing)
        if agreeing and not self._agreeing:
            self.agreement.start_typing()
        self._agreeing = agreeing

    def _escape(self) -> None:
        """Esc leaves full screen when the wall is full screen; otherwise it closes."""
        if self.wall.isFullScreen():
            self.wall.leave_full_screen()
        else:
            self.close()

    def _next(self) -> None:
        """Next passes the piece on; between rounds it begins the next round; before the
        circle, it starts it. In a conference, the last answer to a question goes straight on
        to the next question: one key per step."""
        snapshot = self.session.snapshot
        state = snapshot.state
        step = self.guide.step(snapshot.round.index)
        last_answer = snapshot.next_key is None and step is not None and not step.is_agreement
        if state is CircleState.SETUP:
            self.session.move(Move.START)
        elif state is CircleState.BETWEEN_ROUNDS or last_answer:
            self.session.move(Move.NEXT_ROUND)
        else:
            self.session.move(Move.NEXT)

    # -- building -----------------------------------------------------------------------------
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
