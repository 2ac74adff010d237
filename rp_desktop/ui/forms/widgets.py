"""Small builders for form fields: enum choices, dates."""

from collections.abc import Sequence
from enum import Enum
from typing import Any, TypeVar, cast

from PySide6.QtCore import QAbstractProxyModel, QDate, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QLineEdit
from shiboken6 import isValid

from rp_desktop.ui.words.formatting import date_format
from rp_desktop.ui.words.labels import label


def choice_combo(choices: Sequence[Enum], *, none_text: str | None = None) -> QComboBox:
    """A drop-down of enum values in the user's words; `none_text` adds a first, empty choice."""
    combo = QComboBox()
    if none_text is not None:
        combo.addItem(none_text, None)
    for choice in choices:
        combo.addItem(label(choice), choice)
    return combo


E = TypeVar("E", bound=Enum)


def current_data(combo: QComboBox) -> Any:
    return combo.currentData()


def current_choice(combo: QComboBox, kind: type[E]) -> E | None:
    """The chosen enum member. Qt hands string enums back as plain strings; this undoes that."""
    value = combo.currentData()
    return None if value is None else kind(value)


def select_data(combo: QComboBox, value: object) -> None:
    """Choose the item holding `value`; leave the choice alone if there is none."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setMinimumDate(QDate(1990, 1, 1))
    return edit


LONG_LIST = 15  # a drop-down longer than this can be filtered by typing
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def searchable_if_long(combo: QComboBox) -> None:
    """Call once a drop-down is filled: one of more than LONG_LIST entries becomes searchable."""
    if combo.count() > LONG_LIST:
        make_searchable(combo)


def make_searchable(combo: QComboBox) -> None:
    """Let a drop-down be narrowed by typing any part of an entry ("10-a" finds "Advisory
    10-A"). The list of matches opens under it; Down and Enter, or a click, take one; Enter
    takes the only match at once. Only entries can be chosen: text that matches none is put
    back to the current entry when the box is left."""
    if not combo.isEditable():
        _Searchable(combo)


class _Searchable(QObject):
    """The typing half of a searchable drop-down; kept alive as the drop-down's child."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._line = line = cast(QLineEdit, combo.lineEdit())
        # its own words when it has them ("Choose a category…"), else how to use it
        line.setPlaceholderText(combo.placeholderText() or combo.tr("Type to filter…"))
        line.setAccessibleName(combo.accessibleName())
        self._completer = completer = QCompleter(combo.model(), combo)
        completer.setCompletionColumn(combo.modelColumn())
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        # the index form of the overloaded signal; its stubs do not say it can be indexed
        completer.activated[QModelIndex].connect(self._take)  # type: ignore[index]
        line.returnPressed.connect(self._take_only_match)
        line.editingFinished.connect(self._put_back_unless_an_entry)
        for box in (combo, line):  # Enter ends here: it must not also press a dialog's Save
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        typed = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
        if event.type() in typed and isinstance(event, QKeyEvent) and event.key() in ENTER:
            if event.type() == QEvent.Type.KeyPress:
                self._take_only_match()
            return True
        return super().eventFilter(watched, event)

    def _take(self, index: QModelIndex) -> None:
        model = cast(QAbstractProxyModel, self._completer.completionModel())
        source = model.mapToSource(index)
        if source.isValid():
            self._combo.setCurrentIndex(source.row())

    def _take_only_match(self) -> None:
        self._completer.setCompletionPrefix(self._line.text())
        if self._completer.completionCount() == 1:
            self._completer.setCurrentRow(0)
            self._take(self._completer.currentIndex())
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()

    def _put_back_unless_an_entry(self) -> None:
        if not (isValid(self._line) and isValid(self._combo)):
            return  # the box is leaving with its form: nothing to put back
        combo = self._combo
        found = combo.findText(self._line.text(), Qt.MatchFlag.MatchFixedString)
        if found < 0:
            self._line.setText(combo.itemText(combo.currentIndex()))
        elif found != combo.currentIndex():
            combo.setCurrentIndex(found)
