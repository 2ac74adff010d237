"""The pieces of the keeper's console, each drawing one part of a snapshot; and the keys the
keeper presses, which the console binds, lists under its buttons, and Help lists with the
others."""

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.circle import CircleSnapshot, CircleState, TimeLevel
from rp_desktop.domain.circle.display import clock_text, shown_elapsed, shown_remaining
from rp_desktop.domain.circle.types import RoundView, SeatView
from rp_desktop.ui.keyboard import key_text
from rp_desktop.ui.words.labels import label

# What the keeper presses (Qt's portable key names), for each thing the console does.
KEYS: dict[str, tuple[str, ...]] = {
    "next": ("Space", "Right"),
    "pass": ("P",),
    "back": ("Left",),
    "pause": ("Return", "Enter"),
    "next_round": ("N",),
    "blank": ("B",),
    "full_screen": ("F",),
    "end": ("E",),
    "absent": ("A",),
    "escape": ("Escape",),
    "close": ("Ctrl+W",),
}


def key_words() -> dict[str, str]:
    """What each of KEYS does, in a few words."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("CircleConsole", text)

    return {
        "next": tr("next person (or start, or the next round)"),
        "pass": tr("pass"),
        "back": tr("back to the one before"),
        "pause": tr("pause or carry on"),
        "next_round": tr("next round"),
        "blank": tr("blank the wall or show it"),
        "full_screen": tr("wall full screen or not"),
        "end": tr("end the circle (asks; Enter ends it)"),
        "absent": tr("the chosen person is not here"),
        "escape": tr("leave full screen, or close"),
        "close": tr("close (a running circle asks to end first)"),
    }


def keys_line() -> str:
    """Every key of the console in one line: "Keys: Space or Right: next person · P: pass · …"."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("CircleConsole", text)

    words = key_words()
    each = (
        tr("{keys}: {what}").format(
            keys=tr(" or ").join(key_text(key) for key in keys), what=words[action]
        )
        for action, keys in KEYS.items()
    )
    return tr("Keys: {keys}").format(keys=" · ".join(each))


LEVEL_COLOURS = {
    TimeLevel.UNLIMITED: "#202124",
    TimeLevel.CALM: "#1b5e20",
    TimeLevel.AMBER: "#b26a00",
    TimeLevel.RED: "#b00020",
    TimeLevel.OVER: "#b00020",
}


def _big(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class PromptHeader(QWidget):
    """The round and its prompt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.round = QLabel()
        self.round.setFont(_big(16, bold=True))
        self.prompt = QLabel(wordWrap=True)
        self.prompt.setFont(_big(24))
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.second = QLabel(wordWrap=True)  # the prompt in a second language, if any
        self.second.setFont(_big(18))
        self.second.setStyleSheet("color: #3c4043;")
        self.audience = QLabel(wordWrap=True)  # who a directed round is for, as the wall says
        self.audience.setFont(_big(16, bold=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.round, self.prompt, self.second, self.audience):
            layout.addWidget(widget)

    def show_snapshot(self, snapshot: CircleSnapshot) -> None:
        view = snapshot.round
        number = view.index + 1
        if view.index < view.count:
            where = self.tr("Round {n} of {count}").format(n=number, count=view.count)
        else:
            where = self.tr("Round {n} (extra)").format(n=number)
        progress = self.tr("{done} of {size} have had the piece").format(
            done=view.done, size=view.size
        )
        again = (
            self.tr(" · offering the piece again to those who passed")
            if view.offering_again
            else ""
        )
        self.round.setText(f"{where} · {label(view.stage)} · {progress}{again}")
        self.prompt.setText(view.prompt or self.tr("(No prompt for this round)"))
        self.second.setText(view.second_prompt)
        self.second.setVisible(bool(view.second_prompt))
        # As the wall does: a round for the keeper alone (a reading, the agreement) names no one.
        seats = {seat.key: seat for seat in snapshot.seats}
        speakers = [seats[key] for key in view.addressed if key in seats]
        names = ", ".join(seat.label for seat in speakers)
        self.audience.setText(self.tr("For: {names}").format(names=names))
        self.audience.setVisible(not all(seat.is_keeper for seat in speakers))
        self._hold_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._hold_height()

    def _hold_height(self) -> None:
        """Every line of the prompts on the console, however tall the page below wants to be:
        a wrapped label is otherwise squeezed to fewer lines than its words need."""
        for label_ in (self.prompt, self.second):
            label_.setMinimumHeight(0)  # a label measures itself no smaller than its minimum
            label_.setMinimumHeight(max(label_.heightForWidth(max(self.width(), 1)), 0))


class LiveTimes(QWidget):
    """Who holds the piece, who is next, and the speaker's, round's and circle's time."""

    def __init__(self, talking_piece: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel(wordWrap=True)
        self.state.setFont(_big(18))
        self.holder = QLabel()
        self.holder.setFont(_big(40, bold=True))
        self.following = QLabel()
        self.following.setFont(_big(18))
        self.speaker = QLabel()
        self.speaker.setFont(_big(64, bold=True))
        self.round_time = QLabel()
        self.total_time = QLabel()
        piece = talking_piece.strip() or self.tr("the talking piece")
        self.piece = QLabel(self.tr("Talking piece: {piece}").format(piece=piece))
        grid = QGridLayout(self)
        grid.addWidget(self.state, 0, 0, 1, 2)
        grid.addWidget(self.holder, 1, 0, 1, 2)
        grid.addWidget(self.following, 2, 0, 1, 2)
        grid.addWidget(self.speaker, 3, 0, 1, 2)
        grid.addWidget(self.round_time, 4, 0)
        grid.addWidget(self.total_time, 4, 1)
        grid.addWidget(self.piece, 5, 0, 1, 2)
        grid.setRowStretch(6, 1)

    def show_snapshot(self, snapshot: CircleSnapshot) -> None:
        self.state.setText(self._state_text(snapshot))
        holder = snapshot.holder
        self.holder.setText(holder.label if holder else "")
        following = next((s for s in snapshot.seats if s.key == snapshot.next_key), None)
        self.following.setText(
            self.tr("Next: {name}").format(name=following.label) if following else ""
        )
        self.speaker.setText(self._speaker_text(snapshot) if holder else "")
        self.speaker.setStyleSheet(f"color: {LEVEL_COLOURS[snapshot.level]};")
        view = snapshot.round
        spent = clock_text(shown_elapsed(view.elapsed))
        self.round_time.setText(
            self.tr("Round {spent} of {budget}").format(
                spent=spent, budget=clock_text(round(view.budget))
            )
            if view.budget is not None
            else self.tr("Round {spent}").format(spent=spent)
        )
        self.total_time.setText(
            self.tr("Circle {total}").format(
                total=clock_text(shown_elapsed(snapshot.total_elapsed))
            )
        )

    def _speaker_text(self, snapshot: CircleSnapshot) -> str:
        if snapshot.speaker_remaining is None:
            return clock_text(shown_elapsed(snapshot.speaker_elapsed))
        shown = shown_remaining(snapshot.speaker_remaining)
        if snapshot.level is TimeLevel.OVER:
            return self.tr("+{time} over").format(time=clock_text(abs(shown)))
        return self.tr("{time} left").format(time=clock_text(shown))

    def _state_text(self, snapshot: CircleSnapshot) -> str:
        match snapshot.state:
            case CircleState.SETUP:
                return self.tr("Ready. Press Space to give the piece to the first person.")
            case CircleState.PAUSED:
                return self.tr("Paused. Press Enter to carry on.")
            case CircleState.BETWEEN_ROUNDS:
                return self.tr("Round complete. Press Space for the next round.")
            case CircleState.CLOSED:
                return self.tr("The circle has ended.")
        return self.tr("Holding the piece:")


class SeatTable(QTableWidget):
    """Every seat in ring order read from the keeper's seat (the keeper first), with its talk
    time and passes; in a circle for a case, each one's part in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Seat"), self.tr("Talk time"), self.tr("Passes"), self.tr("This round")]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Seats, the keeper first"))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setMinimumWidth(header.length() - header.sectionSize(0) + 160)  # 160: a name
        self._keys: list[int] = []  # the seat of each row

    def show_snapshot(self, snapshot: CircleSnapshot, parts: Mapping[int, str] = {}) -> None:
        """The seats from the keeper's round; `parts`: each seat's part in the case."""
        seats = keeper_first(snapshot.seats)
        self._keys = [seat.key for seat in seats]
        self.setRowCount(len(seats))
        for row, seat in enumerate(seats):
            name = seat.label + (self.tr(" (keeper)") if seat.is_keeper else "")
            if parts.get(seat.key):
                name = f"{name} · {parts[seat.key]}"
            cells = (
                name,
                clock_text(shown_elapsed(seat.talk_seconds)),
                str(seat.passes),
                self._status(seat, snapshot.round),
            )
            for column, text in enumerate(cells):
                item = self.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row, column, item)
                item.setText(text)
                font = item.font()
                font.setBold(seat.is_holder)
                item.setFont(font)

    def _status(self, seat: SeatView, round_: RoundView) -> str:
        if seat.is_holder:
            return self.tr("speaking")
        if round_.directed and seat.key not in round_.addressed:
            return self.tr("not this round")
        if seat.passed_this_round:
            return self.tr("passed")
        if seat.had_turn:
            return self.tr("done")
        return self.tr("next") if seat.is_next else ""

    def selected_key(self, snapshot: CircleSnapshot) -> int | None:
        rows = self.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._keys):
            return None
        key = self._keys[rows[0].row()]
        return key if any(seat.key == key for seat in snapshot.seats) else None

    def select_key(self, key: int) -> None:
        """Choose the row of seat `key` (as a click on it does)."""
        if key in self._keys:
            self.selectRow(self._keys.index(key))


def keeper_first(seats: Sequence[SeatView]) -> list[SeatView]:
    """The ring read from the keeper's seat, who starts each round; as it is with no keeper."""
    at = next((i for i, seat in enumerate(seats) if seat.is_keeper), 0)
    return [*seats[at:], *seats[:at]]
