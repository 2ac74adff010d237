"""Choosing a person by typing part of their name. The matches are shown as the user types, each
with what tells it apart (grade and student number, a staff member's role), and a person is
taken only when they are the one match, the one the user moved to (Up/Down), or the one clicked:
Enter never takes an unseen first match."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.ui.words.formatting import counted

VISIBLE_MATCHES = 8  # rows shown at once; more scroll
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
PERSON = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonPicker", text)


@dataclass(frozen=True)
class Match:
    """One person as a row of the list: `details` always follow the name; `apart` too when
    another match has the same name (a homeroom tells two Rae Lees apart)."""

    person: object
    name: str
    details: str
    apart: str = ""


class PersonPicker(QWidget):
    """A search box with the matching people shown under it.

    Signals:
        chosen(object): the person the user took (`Match.person`).
    """

    chosen = Signal(object)

    def __init__(
        self, find: Callable[[str], Sequence[Match]], hint: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._find = find
        self.search = QLineEdit(placeholderText=hint, clearButtonEnabled=True)
        self.search.setAccessibleName(hint)
        self.note = QLabel(wordWrap=True)
        self.note.setObjectName("pickerNote")
        self.matches = QListWidget()
        self._build_list()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.search, self.note, self.matches):
            layout.addWidget(widget)
        self.note.hide()
        self.matches.hide()
        # exactly as tall as what is shown: the box, and the list while there are matches
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.search.textChanged.connect(self._refresh)
        self.search.returnPressed.connect(self.take_highlighted)
        self.search.installEventFilter(self)
        self.matches.itemClicked.connect(self._take)

    # -- the words of each flavour (students, staff, anyone) -----------------------------------
    def list_name(self) -> str:
        return _tr("Matching people")

    def count_text(self, count: int) -> str:
        return counted(count, _tr("1 person matches"), _tr("{count} people match"))

    def none_text(self) -> str:
        return _tr("Nobody matches. Check the spelling, or type less of the name.")

    # -- what the user does --------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self.setVisible(not read_only)

    def highlighted(self) -> QListWidgetItem | None:
        """The row the user moved to, or the only match; None while several wait for a choice."""
        items = self.matches.selectedItems()
        return items[0] if items else None

    def take_highlighted(self) -> None:
        """Enter: take the highlighted person; with several and none highlighted, say so."""
        item = self.highlighted()
        if item is not None:
            self._take(item)
        elif self.search.text().strip():
            self._say(self._waiting_text(), problem=True)

    def move_highlight(self, step: int) -> None:
        count = self.matches.count()
        if not count:
            return
        row = self.matches.currentRow() if self.highlighted() is not None else -1
        row = 0 if row < 0 and step > 0 else max(0, min(count - 1, row + step))
        self.matches.setCurrentRow(row)
        self.matches.scrollToItem(self.matches.item(row))
        self._say(self.count_text(count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move in the list; Enter is kept here, so that it
        never also presses the dialog's default button (Save) behind the box."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.move_highlight(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in ENTER_KEYS:
                self.take_highlighted()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()  # Esc first empties the box; only then closes the window
                return True
        return super().eventFilter(watched, event)

    # -- the list ------------------------------------------------------------------------------
    def _build_list(self) -> None:
        view = self.matches
        view.setAccessibleName(self.list_name())
        # Operated from the search box (arrows, Enter) or with the mouse; Tab goes past it.
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setWordWrap(True)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setStyleSheet("QListWidget::item { padding: 3px 4px; }")  # rows easy to tell apart

    def _refresh(self, text: str) -> None:
        self.matches.clear()
        if not text.strip():
            self.matches.hide()
            self.note.hide()
            return
        found = list(self._find(text))
        shared = _shared_names(found)
        for match in found:
            item = QListWidgetItem(_row_text(match, match.name.casefold() in shared))
            item.setData(PERSON, match.person)
            self.matches.addItem(item)
        self._show_matches(len(found))

    def _show_matches(self, count: int) -> None:
        self.matches.setVisible(count > 0)
        if count == 1:  # the one match is what Enter takes: show it highlighted
            self.matches.setCurrentRow(0)
        else:
            self.matches.setCurrentRow(-1)
            self.matches.clearSelection()
        self._fit_height()
        self._say(self.count_text(count) if count else self.none_text())
        if count:  # once laid out, scroll the form (if it must) to show the matches
            QTimer.singleShot(0, self._bring_into_sight)

    def _bring_into_sight(self) -> None:
        area = _scroll_area_around(self)
        if area is not None and self.matches.isVisible():
            area.ensureWidgetVisible(self, 0, 0)  # the box and its matches, the box first

    def _fit_height(self) -> None:
        """Tall enough for up to VISIBLE_MATCHES rows, measured once the rows are there."""
        view = self.matches
        view.doItemsLayout()
        shown = min(view.count(), VISIBLE_MATCHES)
        floor = view.fontMetrics().height()
        rows = sum(max(view.sizeHintForRow(row), floor) for row in range(shown))
        view.setFixedHeight(rows + 2 * view.frameWidth())

    def _waiting_text(self) -> str:
        count = self.matches.count()
        if not count:
            return self.none_text()
        return _tr("{matches} — choose one with ↓ or the mouse").format(
            matches=self.count_text(count)
        )

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.note.setText(text)
        self.note.setStyleSheet("color: #b00020;" if problem else "")
        self.note.setVisible(bool(text))

    def _take(self, item: QListWidgetItem) -> None:
        person = item.data(PERSON)
        self.search.clear()
        self.chosen.emit(person)


def _row_text(match: Match, name_shared: bool) -> str:
    parts = [match.name, match.details]
    if name_shared and match.apart:
        parts.append(match.apart)
    return " · ".join(part for part in parts if part)


def _scroll_area_around(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def _shared_names(found: Sequence[Match]) -> set[str]:
    seen: set[str] = set()
    shared: set[str] = set()
    for match in found:
        name = match.name.casefold()
        (shared if name in seen else seen).add(name)
    return shared


def enter_does(line: QLineEdit, action: Callable[[], None]) -> None:
    """Enter in `line` does `action` and nothing more: it does not also press the dialog's
    default button (Save) as a line edit's Enter otherwise would."""
    _EnterHere(line, action)


class _EnterHere(QObject):
    def __init__(self, line: QLineEdit, action: Callable[[], None]) -> None:
        super().__init__(line)
        self._action = action
        line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
        ):
            self._action()
            return True
        return super().eventFilter(watched, event)
