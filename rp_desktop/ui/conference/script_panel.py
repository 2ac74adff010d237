"""The console during a step of a conference: who is asked (their name and part: the console is
the keeper's own screen), which of their questions this is, how the circle stands, and a short
note of what they said, kept only when the facilitator chose to keep the answers."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.circle import CircleSnapshot, CircleState
from rp_desktop.domain.conference import ScriptStep
from rp_desktop.ui.conference.guide import ConferenceGuide
from rp_desktop.ui.conference.text_keys import TextKeys

NOTE_MOST = 500  # characters: a few words, not a transcript


def _font(pixels: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class ScriptPanel(QWidget):
    """One step at a time; the notes typed are kept per step (by round) until the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel(wordWrap=True)
        self.state.setFont(_font(16))
        self.person = QLabel(wordWrap=True)
        self.person.setFont(_font(36, bold=True))
        self.part = QLabel(wordWrap=True)
        self.part.setFont(_font(18))
        self.time = QLabel()
        self.time.setFont(_font(18))
        self.asking = QLabel(self.tr("Asking:"))
        self.keep = QCheckBox(self.tr("Keep the answers word for word  (Alt+K)"))
        self.keep.setAccessibleName(self.tr("Keep the answers word for word"))
        # Off the Tab path like the console's other controls: Space is the circle's key.
        self.keep.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keep.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.why = QLabel(
            self.tr(
                "What a student says should not become evidence for discipline: keep a short "
                "summary and the agreement. Tick this only when the answers must be kept."
            ),
            wordWrap=True,
        )
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("What they said, in a few words"))
        self.note.setMaxLength(NOTE_MOST)
        self._notes: dict[int, str] = {}
        self._round: int | None = None
        self._keys = TextKeys(self.back_to_circle, lambda _box: self._done_typing(), self)
        self._keys.watch(self.note)
        # Alt+K ticks it at once (a mnemonic would tick it only as an animated click ends).
        keep_key = QShortcut(QKeySequence("Alt+K"), self)
        keep_key.setContext(Qt.ShortcutContext.WindowShortcut)
        keep_key.activated.connect(self.keep.toggle)
        self._lay_out()
        self.keep.toggled.connect(self._keep_changed)
        self._keep_changed(False)

    @property
    def keep_answers(self) -> bool:
        return self.keep.isChecked()

    def notes(self) -> dict[int, str]:
        """What was typed for each step, by round index; blank notes left out."""
        self._store()
        return {index: text for index, text in self._notes.items() if text.strip()}

    def show_step(
        self, index: int, step: ScriptStep, name: str, part: str, state: str, time: str
    ) -> None:
        """Round `index` is `step`, asking `name` (in `part` of the case); `state`: how the
        circle stands when no one holds the piece (else ""), `time`: the holder's time."""
        if index != self._round:
            self._store()
            self._round = index
            self.note.setText(self._notes.get(index, ""))
        self.state.setText(state)
        self.state.setVisible(bool(state))
        self.person.setText(name)
        number = self.tr("Question {n} of {count}").format(n=step.number, count=step.of)
        self.part.setText(f"{part} · {number}" if part else number)
        self.time.setText(self.tr("{time} with the piece").format(time=time) if time else "")

    def show_snapshot(
        self,
        snapshot: CircleSnapshot,
        step: ScriptStep,
        guide: ConferenceGuide,
        state: str,
        time: str,
    ) -> None:
        """Round `snapshot.round.index` is `step`; `state` and `time`: the console's words for
        how the circle stands and for the holder's time."""
        holder = snapshot.holder
        if all(seat.key != step.key for seat in snapshot.seats):  # marked not here
            state = self.tr("Not in the circle now: this question is skipped. Space goes on.")
        elif holder is not None and holder.key != step.key:
            state = self.tr("The piece is with {name}.").format(name=holder.label)
        elif snapshot.state is CircleState.RUNNING:
            state = ""  # they hold the piece: their name says it
        part = guide.parts.get(step.key or -1, "")
        shown_time = time if holder is not None and holder.key == step.key else ""
        self.show_step(snapshot.round.index, step, guide.name(step.key), part, state, shown_time)

    def back_to_circle(self) -> None:
        """The keys go back to the circle (Esc in the note)."""
        self._store()
        self.note.clearFocus()
        window = self.window()
        window.setFocus(Qt.FocusReason.OtherFocusReason)

    def _done_typing(self) -> bool:
        self.back_to_circle()
        return True

    def _store(self) -> None:
        if self._round is not None:
            self._notes[self._round] = self.note.text()

    def _keep_changed(self, kept: bool) -> None:
        self.note.setEnabled(kept)
        self.note.setPlaceholderText(
            self.tr("What they said, in a few words (Tab to type here, Esc when done)")
            if kept
            else self.tr("Notes are off: tick “Keep the answers word for word” to write one")
        )

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.asking)
        layout.addWidget(self.person)
        layout.addWidget(self.part)
        layout.addWidget(self.time)
        layout.addSpacing(16)
        layout.addWidget(self.keep)
        layout.addWidget(self.why)
        label = QLabel(self.tr("What they said, in a few words:"))
        label.setBuddy(self.note)
        layout.addWidget(label)
        layout.addWidget(self.note)
        layout.addStretch(1)
