"""The kind of practice, chosen with one big, clearly labelled button each: a click, a number
key (1 to 5, in the order shown) or the arrow keys. The buttons are one stop for Tab, as radio
buttons are: Tab leaves for the next field from whichever is chosen."""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QSizePolicy, QWidget

from rp_desktop.domain.continuum.kinds import PracticeKind
from rp_desktop.ui.practice.words import kind_hint
from rp_desktop.ui.words.labels import label

NUMBER_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
ON_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)
COLUMNS = 3  # two rows of big buttons: each name reads whole beside its hint
# The chosen kind stands out by more than a shade of grey: a blue frame, bold words.
CHOICE_STYLE = (
    "QPushButton { text-align: left; padding: 4px 10px; }"
    "QPushButton:checked { background: #dce8fb; border: 2px solid #1a56a8;"
    " border-radius: 4px; font-weight: 600; }"
)


class KindChoice(QWidget):
    """One checkable button per PracticeKind, exactly one chosen (the first, to begin with).

    Signals:
        changed(): another kind was chosen.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds = tuple(PracticeKind)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, kind in enumerate(self.kinds, start=1):
            button = self._button(number, kind)
            grid.addWidget(button, (number - 1) // COLUMNS, (number - 1) % COLUMNS)
        self.buttons[0].setChecked(True)
        self._one_tab_stop()
        self.group.buttonToggled.connect(self._toggled)

    def kind(self) -> PracticeKind:
        return self.kinds[max(0, self.group.checkedId())]

    def set_kind(self, kind: PracticeKind) -> None:
        self.buttons[self.kinds.index(kind)].setChecked(True)

    def current_button(self) -> QPushButton:
        return self.buttons[self.kinds.index(self.kind())]

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not read_only or button.isChecked())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """1 to 5 choose that kind; the arrows the one before or after (and the focus goes
        with the choice, as among radio buttons)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False  # Ctrl+Enter and the like belong to the dialog
            index = self._index_for(Qt.Key(event.key()))
            if index is not None:
                self.buttons[index].setChecked(True)
                self.buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _index_for(self, key: Qt.Key) -> int | None:
        if key in NUMBER_KEYS[: len(self.kinds)]:
            return NUMBER_KEYS.index(key)
        now = self.group.checkedId()
        if key in BACK_KEYS:
            return max(0, now - 1)
        if key in ON_KEYS:
            return min(len(self.kinds) - 1, now + 1)
        return None

    def _button(self, number: int, kind: PracticeKind) -> QPushButton:
        name = label(kind)
        button = QPushButton(f"{number}  {name}\n{kind_hint(kind)}")
        button.setCheckable(True)
        button.setAutoDefault(False)  # Enter saves the form, it does not press a kind
        button.setAccessibleName(name)
        button.setAccessibleDescription(
            self.tr("Practice {number} of {total}: {hint}").format(
                number=number, total=len(self.kinds), hint=kind_hint(kind)
            )
        )
        button.setMinimumHeight(52)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setStyleSheet(CHOICE_STYLE)
        button.installEventFilter(self)
        self.group.addButton(button, number - 1)
        self.buttons.append(button)
        return button

    def _toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._one_tab_stop()
            self.changed.emit()

    def _one_tab_stop(self) -> None:
        for button in self.buttons:
            strong = button.isChecked()
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if strong else Qt.FocusPolicy.ClickFocus
            )
