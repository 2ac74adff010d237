"""The file, folder, text and list choosers the application asks with, waited for with
dialogs.wait_for so that locking hides them and unlocking brings them back as they were.

Qt's static choosers (QFileDialog.getSaveFileName, QInputDialog.getText, ...) wait with exec(),
which ends as soon as the chooser is hidden: locking would cancel them. Each one here builds
the same chooser with the same options (a file chooser is Qt's own: see `file_dialog`) and waits
for it instead. Tests answer them through dialogs.wait_for (tests/ui/choosing.py) or replace
these functions."""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from shiboken6 import isValid

from rp_desktop.ui import dialogs


def file_dialog(
    parent: QWidget | None, title: str, start: str, filters: str, mode: QFileDialog.FileMode
) -> QFileDialog:
    """The chooser the static functions would build, but Qt's own rather than the system's:
    hiding a system chooser (Windows, macOS) closes it as if cancelled, so it could not come
    back after the lock; Qt's is a window like the others, hidden and shown again as it was.
    Without `start`, it opens in the user's Documents (or home) folder, never in the folder
    the app was started from (which may be a program or shared folder)."""
    start = start or _documents()
    chooser = QFileDialog(parent, title, start, filters)
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    chooser.setFileMode(mode)
    if mode is QFileDialog.FileMode.Directory:
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chooser.setAccessibleName(title)
    return chooser


def documents_folder() -> Path:
    """The user's Documents folder, or their home folder when there is none."""
    return Path(_documents())


def _documents() -> str:
    """The user's Documents folder, or their home folder when there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and QDir(documents).exists() else QDir.homePath()


def _name_the_fields(asking: QInputDialog, title: str, label: str) -> None:
    """The question's name and its field's, for assistive technology (Qt leaves them blank)."""
    asking.setAccessibleName(title)
    for field in asking.findChildren(QLineEdit) + asking.findChildren(QComboBox):
        field.setAccessibleName(label)


def _done_with(chooser: QDialog) -> None:
    """Delete the chooser, as the static function's went with its stack (unless its window
    already took it along)."""
    if isValid(chooser):
        chooser.deleteLater()


def _chosen(chooser: QFileDialog) -> tuple[Path, str] | None:
    """The chosen path and name filter once the chooser is done; None when cancelled."""
    try:
        if not dialogs.accepted(chooser):
            return None
        files = chooser.selectedFiles()
        return (Path(files[0]), chooser.selectedNameFilter()) if files and files[0] else None
    finally:
        _done_with(chooser)


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    """An existing folder; None when the user cancelled."""
    chooser = file_dialog(parent, title, start, "", QFileDialog.FileMode.Directory)
    chosen = _chosen(chooser)
    return chosen[0] if chosen else None


def choose_file(parent: QWidget | None, title: str, filters: str, start: str = "") -> Path | None:
    """An existing file to open; None when the user cancelled."""
    chooser = file_dialog(parent, title, start, filters, QFileDialog.FileMode.ExistingFile)
    chosen = _chosen(chooser)
    return chosen[0] if chosen else None


def choose_save_file(
    parent: QWidget | None, title: str, suggested: str, filters: str, *, note: str = ""
) -> tuple[Path, str] | None:
    """Where to save (the system asks before replacing a file) and the file type chosen;
    None when the user cancelled. A `suggested` name without a folder is offered in the
    user's Documents folder; `note` is said inside the chooser, below its fields."""
    if suggested and Path(suggested).parent == Path():
        suggested = str(Path(_documents()) / suggested)
    chooser = file_dialog(parent, title, suggested, filters, QFileDialog.FileMode.AnyFile)
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if note:
        _add_note(chooser, note)
    return _chosen(chooser)


def _add_note(chooser: QFileDialog, note: str) -> None:
    """A sentence at the foot of Qt's own chooser (a grid), across all its columns."""
    said = QLabel(note, wordWrap=True)
    said.setObjectName("chooserNote")
    said.setAccessibleName(note)
    grid = chooser.layout()
    if isinstance(grid, QGridLayout):
        grid.addWidget(said, grid.rowCount(), 0, 1, grid.columnCount())


def ask_text(
    parent: QWidget | None,
    title: str,
    label: str,
    echo: QLineEdit.EchoMode = QLineEdit.EchoMode.Normal,
) -> str | None:
    """A line of text (possibly empty) as QInputDialog.getText asks it; None when cancelled."""
    asking = QInputDialog(parent)
    asking.setWindowTitle(title)
    asking.setLabelText(label)
    asking.setTextEchoMode(echo)
    _name_the_fields(asking, title, label)
    try:
        return asking.textValue() if dialogs.accepted(asking) else None
    finally:
        _done_with(asking)


def ask_item(
    parent: QWidget | None, title: str, label: str, items: Sequence[str], current: int
) -> str | None:
    """One of `items` from a list that cannot be typed in, `current` chosen first, as
    QInputDialog.getItem asks it; None when cancelled."""
    asking = QInputDialog(parent)
    asking.setWindowTitle(title)
    asking.setLabelText(label)
    asking.setComboBoxItems(list(items))
    asking.setComboBoxEditable(False)
    if 0 <= current < len(items):
        asking.setTextValue(items[current])
    _name_the_fields(asking, title, label)
    try:
        return asking.textValue() if dialogs.accepted(asking) else None
    finally:
        _done_with(asking)


def ask_number(
    parent: QWidget | None, title: str, label: str, value: int, least: int, most: int
) -> int | None:
    """A whole number from `least` to `most`, `value` offered first, as QInputDialog.getInt
    asks it; None when cancelled."""
    asking = QInputDialog(parent)
    asking.setWindowTitle(title)
    asking.setLabelText(label)
    asking.setInputMode(QInputDialog.InputMode.IntInput)
    asking.setIntRange(least, most)
    asking.setIntValue(value)
    asking.setAccessibleName(title)
    for field in asking.findChildren(QSpinBox) + asking.findChildren(QLineEdit):
        field.setAccessibleName(label)
    try:
        return asking.intValue() if dialogs.accepted(asking) else None
    finally:
        _done_with(asking)
