"""Small builders for form fields: enum choices, dates."""

from collections.abc import Sequence
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit

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
