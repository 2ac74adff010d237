"""What a form's fields hold, as JSON values, and back: the body of a form's draft.

A field is kept by what it shows, not by what it means: text as typed, a drop-down's choice by
its words (and its place, when two choices read the same), a date as an ISO date, a tick as a
bool, and a tick list's items with their ids. Compound fields (the people of a case, the items
of an agreement) are walked through their inputs; fields that make rows as the user adds them
give the form their own capture and restore (RecordForm.keep_in_draft).
"""

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QTimeEdit,
    QWidget,
)

from rp_desktop.ui.forms.person_picker import PersonPicker

Json = Any
ISO = Qt.DateFormat.ISODate
INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QDateTimeEdit,
    QSpinBox,
    QDoubleSpinBox,
    QAbstractButton,
    QListWidget,
)
# A search box finds what to add; what it holds is not part of the record.
NOT_KEPT = (PersonPicker,)


def capture(widget: QWidget) -> Json:
    """What `widget` holds, as a JSON value (a dict of its inputs for a compound field)."""
    value = _capture_input(widget)
    if value is not None or isinstance(widget, INPUTS):
        return value
    return {name: _capture_input(child) for name, child in inputs_of(widget)}


def restore(widget: QWidget, value: Json) -> None:
    """Put back what `capture` gave; a value that does not fit the widget is left out."""
    if value is None:
        return
    if isinstance(widget, INPUTS):
        _restore_input(widget, value)
        return
    if isinstance(value, dict):
        for name, child in inputs_of(widget):
            if name in value:
                _restore_input(child, value[name])


def inputs_of(widget: QWidget) -> Iterator[tuple[str, QWidget]]:
    """The inputs inside a compound field, each named by its kind and its place among inputs of
    that kind, so the same form built again gives the same names."""
    seen: dict[str, int] = {}
    for child in _descendant_inputs(widget):
        kind = type(child).__name__
        seen[kind] = seen.get(kind, -1) + 1
        yield f"{kind}{seen[kind]}", child


def watched_signal(widget: QWidget) -> Any:
    """The signal that says `widget` was changed, or None for a widget that holds nothing."""
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.toggled
    if isinstance(widget, QListWidget):
        return widget.itemChanged
    return None


def _descendant_inputs(widget: QWidget) -> Iterator[QWidget]:
    for child in widget.children():
        if not isinstance(child, QWidget) or isinstance(child, NOT_KEPT):
            continue
        if isinstance(child, INPUTS):
            if watched_signal(child) is not None:
                yield child
            continue  # a combo's own line edit or a list's viewport is not another input
        yield from _descendant_inputs(child)


def _capture_input(widget: QWidget) -> Json:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toHtml()
    if isinstance(widget, QComboBox):
        return {"index": widget.currentIndex(), "text": widget.currentText()}
    if isinstance(widget, QDateTimeEdit):
        return _capture_moment(widget)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QListWidget):
        return [_capture_item(widget.item(row)) for row in range(widget.count())]
    return None


def _restore_input(widget: QWidget, value: Json) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QTextEdit) and isinstance(value, str):
        widget.setHtml(value)
    elif isinstance(widget, QComboBox) and isinstance(value, dict):
        _restore_choice(widget, value)
    elif isinstance(widget, QDateTimeEdit) and isinstance(value, str):
        _restore_moment(widget, value)
    elif isinstance(widget, QSpinBox) and isinstance(value, int):
        widget.setValue(value)
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, int | float):
        widget.setValue(float(value))
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QListWidget) and isinstance(value, list):
        _restore_ticks(widget, value)


def _capture_moment(widget: QDateTimeEdit) -> str:
    if isinstance(widget, QDateEdit):
        return widget.date().toString(ISO)
    if isinstance(widget, QTimeEdit):
        return widget.time().toString(ISO)
    return widget.dateTime().toString(ISO)


def _restore_moment(widget: QDateTimeEdit, text: str) -> None:
    if isinstance(widget, QDateEdit):
        day = QDate.fromString(text, ISO)
        if day.isValid():
            widget.setDate(day)
    elif isinstance(widget, QTimeEdit):
        time = QTime.fromString(text, ISO)
        if time.isValid():
            widget.setTime(time)
    else:
        moment = QDateTime.fromString(text, ISO)
        if moment.isValid():
            widget.setDateTime(moment)


def _restore_choice(combo: QComboBox, value: dict[str, Any]) -> None:
    """The same place if it still holds the same words, else the words wherever they are now;
    an editable drop-down takes words that are in none of its choices."""
    index, text = value.get("index"), value.get("text")
    if not isinstance(text, str):
        return
    if isinstance(index, int) and 0 <= index < combo.count() and combo.itemText(index) == text:
        combo.setCurrentIndex(index)
    elif (found := combo.findText(text, Qt.MatchFlag.MatchExactly)) >= 0:
        combo.setCurrentIndex(found)
    elif combo.isEditable():
        combo.setEditText(text)


def _capture_item(item: QListWidgetItem) -> dict[str, Json]:
    data = item.data(Qt.ItemDataRole.UserRole)
    checkable = bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
    return {
        "id": data if isinstance(data, int | str) else None,
        "text": item.text(),
        "ticked": checkable and item.checkState() == Qt.CheckState.Checked,
        "checkable": checkable,
    }


def _restore_ticks(widget: QListWidget, items: list[Any]) -> None:
    """Tick what was ticked; a tickable item the list no longer has (a student added by name)
    is added back with its words and id."""
    rows = (widget.item(row) for row in range(widget.count()))
    by_id = {item.data(Qt.ItemDataRole.UserRole): item for item in rows}
    added: QListWidgetItem | None = None
    for saved in items:
        if not isinstance(saved, dict) or not saved.get("checkable") or saved.get("id") is None:
            continue
        item = by_id.get(saved["id"])
        if item is None:
            item = added = QListWidgetItem(str(saved.get("text", "")))
            item.setData(Qt.ItemDataRole.UserRole, saved["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        ticked = Qt.CheckState.Checked if saved.get("ticked") else Qt.CheckState.Unchecked
        item.setCheckState(ticked)
    if added is not None:
        # Lists count their items on itemChanged, which adding an unticked item does not send.
        widget.itemChanged.emit(added)
