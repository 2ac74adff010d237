"""Enter in a box that finds something (a searchable drop-down, the person picker) does what the
box does and nothing more: it never also presses the dialog's default button (Save)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QVBoxLayout
from pytestqt.qtbot import QtBot

from rp_desktop.ui.forms.widgets import make_searchable
from tests.ui.conftest import type_text


def dialog_with_a_group_box(qtbot: QtBot) -> tuple[QDialog, QComboBox, list[bool]]:
    """A dialog with a searchable drop-down of groups and a Save button; the list that fills
    when Save is pressed. The caller keeps the dialog (Python would delete it)."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    combo = QComboBox()
    combo.addItems([f"Advisory {grade}-{room}" for grade in (9, 10, 11) for room in "ABCD"])
    make_searchable(combo)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    saves: list[bool] = []
    buttons.accepted.connect(lambda: saves.append(True))
    layout = QVBoxLayout(dialog)
    layout.addWidget(combo)
    layout.addWidget(buttons)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, combo, saves


def test_enter_in_a_searchable_drop_down_takes_the_match_and_does_not_save(qtbot) -> None:
    _dialog, combo, saves = dialog_with_a_group_box(qtbot)
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    combo.lineEdit().selectAll()
    type_text(combo, "10-b")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert combo.currentText() == "Advisory 10-B"
    assert saves == [], "Enter took the group and did not press Save"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert saves == []


LIST, BOX = "the list of matches", "the box"  # where Enter lands: the list when it is open


@pytest.mark.parametrize(
    ("typed", "chosen", "where"),
    [
        ("10-b", "Advisory 10-B", LIST),
        ("10-b", "Advisory 10-B", BOX),
        ("10-", "Advisory 9-A", LIST),
        ("10-", "Advisory 9-A", BOX),
        ("no such", "Advisory 9-A", BOX),  # nothing matches: no list opens
    ],
    ids=["one match, list", "one match, box", "several, list", "several, box", "none"],
)
def test_enter_wherever_it_lands_takes_only_a_single_match_and_never_saves(
    qtbot: QtBot, typed: str, chosen: str, where: str
) -> None:
    """A person's Enter goes to the list of matches when it is open, else to the box; either
    way only a single match is taken, nothing is saved, and nothing breaks."""
    _dialog, combo, saves = dialog_with_a_group_box(qtbot)
    line = combo.lineEdit()
    assert line is not None
    line.selectAll()
    type_text(line, typed)
    QApplication.processEvents()
    completer = combo.completer()
    assert completer is not None
    popup = completer.popup()
    to = popup if where == LIST and popup is not None else line
    assert to.isVisible()
    qtbot.keyClick(to, Qt.Key.Key_Return)
    QApplication.processEvents()
    line.editingFinished.emit()  # the box is left
    assert combo.currentText() == chosen
    assert saves == []
