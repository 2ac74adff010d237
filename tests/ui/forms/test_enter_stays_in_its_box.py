"""Enter in a box that finds something (a searchable drop-down, the person picker) does what the
box does and nothing more: it never also presses the dialog's default button (Save)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout

from rp_desktop.ui.forms.widgets import make_searchable
from tests.ui.conftest import type_text


def test_enter_in_a_searchable_drop_down_takes_the_match_and_does_not_save(qtbot) -> None:
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
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    combo.lineEdit().selectAll()
    type_text(combo, "10-b")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert combo.currentText() == "Advisory 10-B"
    assert saves == [], "Enter took the group and did not press Save"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert saves == []
