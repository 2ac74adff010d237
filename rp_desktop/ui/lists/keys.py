"""The keyboard of a list screen: shown, it is ready for typing; in the search box, Enter opens
the only match (or the row chosen) and Down goes into the table; in the table, Enter opens."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from rp_desktop.ui.lists.record_table import RecordTableView

OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ListKeys(QObject):
    """The keys of one list screen `tab`, kept alive as its child. `open_selected` opens the
    row chosen in the table."""

    def __init__(
        self,
        tab: QWidget,
        search: QLineEdit,
        table: RecordTableView,
        open_selected: Callable[[], None],
    ) -> None:
        super().__init__(tab)
        self._tab, self._search, self._table = tab, search, table
        self._open_selected = open_selected
        for key in OPEN_KEYS:
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(open_selected)
        search.returnPressed.connect(self.open_from_search)
        search.installEventFilter(self)
        tab.installEventFilter(self)

    def open_from_search(self) -> None:
        """The only match opens at once; with several, the row chosen opens, or (none chosen)
        the first is chosen and the table takes the keys, for a second Enter to open it."""
        table = self._table
        if table.model().rowCount() == 1 and table.records.total == 1:
            table.selectRow(0)
        if table.selectionModel().hasSelection():
            self._open_selected()
        else:
            self.focus_first_row()

    def focus_first_row(self) -> None:
        table = self._table
        if table.model().rowCount():
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not table.selectionModel().hasSelection():
                table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._search and _is_down(event) and self._table.model().rowCount():
            self.focus_first_row()  # Down in the search box goes into the table
            return True
        if watched is self._tab and event.type() == QEvent.Type.Show:
            self._ready_for_typing()
        return super().eventFilter(watched, event)

    def _ready_for_typing(self) -> None:
        """Shown, the list takes typing in its search box, unless the keys are already in it
        (Shift+Tab goes back to the tabs)."""
        focused = QApplication.focusWidget()
        if focused is None or not self._tab.isAncestorOf(focused):
            self._search.setFocus(Qt.FocusReason.OtherFocusReason)


def _is_down(event: QEvent) -> bool:
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Down
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
    )
