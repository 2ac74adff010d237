"""The short list of those not here today, under the seats: a student marked "Not here" at
set-up leaves the ring and waits here (the saved circle does not count them as present) until
"Back in the circle" seats them again where they sat."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.ui.run_circle.setting_up.attendee import Attendee

ROWS_SHOWN = 3  # the list stays short: the seats keep the room


@dataclass(frozen=True)
class Away:
    """Someone not here today, and where they sat (to seat them there again): the seat
    index they had, and who sat after them then (None: nobody)."""

    attendee: Attendee
    row: int
    before: tuple[str, int | str] | None = None


def count_text(seated: int, away: int) -> str:
    """The line over the seats: "23 seated · 2 not here"."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("SeatingList", text)

    if away:
        return tr("{n} seated · {away} not here. Drag to change the order.").format(
            n=seated, away=away
        )
    if seated:
        return tr("{n} seated. Drag to change the order.").format(n=seated)
    return tr("Nobody seated yet: type a group's name above, or add people one by one.")


class NotHereList(QWidget):
    """Those not here today; hidden while there is nobody.

    Signals:
        backRequested(object): the keeper wants this `Away` back in the circle.
    """

    backRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Not here today:"))
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Not here today"))
        self.people.setToolTip(self.tr("Enter or a double-click seats them again"))
        self.back = QPushButton(self.tr("&Back in the circle"))
        self.back.setAccessibleName(self.tr("Back in the circle"))
        self.title.setBuddy(self.people)
        self._lay_out()
        self.back.clicked.connect(self._back_current)
        self.people.itemActivated.connect(lambda _item: self._back_current())
        self.people.installEventFilter(self)
        self.setVisible(False)

    def add(self, away: Away) -> None:
        item = QListWidgetItem(away.attendee.name)
        item.setData(Qt.ItemDataRole.UserRole, away)
        self.people.addItem(item)
        self.people.setCurrentRow(self.people.count() - 1)
        self.setVisible(True)

    def everyone(self) -> list[Away]:
        return [
            self.people.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.people.count())
        ]

    def take(self, who: object) -> Away | None:
        """Take someone off the list (by their seating `who`); None if they are not on it."""
        for row, away in enumerate(self.everyone()):
            if away.attendee.who == who:
                self.people.takeItem(row)
                self.setVisible(self.people.count() > 0)
                return away
        return None

    def clear(self) -> None:
        self.people.clear()
        self.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the list seats the chosen one again (an item may not be current yet)."""
        if watched is self.people and event.type() is QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self._back_current()
                return True
        return super().eventFilter(watched, event)

    def _lay_out(self) -> None:
        line = self.people.fontMetrics().height() + 2  # a row of the list, as drawn
        self.people.setMaximumHeight(line * ROWS_SHOWN + 2 * self.people.frameWidth() + 2)
        side = QVBoxLayout()
        side.addWidget(self.back)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.people, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)

    def _back_current(self) -> None:
        item = self.people.currentItem()
        if item is None:
            return
        away = item.data(Qt.ItemDataRole.UserRole)
        self.take(away.attendee.who)
        self.backRequested.emit(away)
