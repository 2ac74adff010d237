"""A long drop-down narrowed by typing: a few letters and Enter take the only match; several
matches wait for a choice; text that matches nothing never becomes the choice."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import LONG_LIST, searchable_if_long
from tests.ui.conftest import type_text

GROUPS = [f"Advisory {grade}-{room}" for grade in (9, 10, 11, 12) for room in "ABCDEFG"]


@pytest.fixture
def combo(qtbot: QtBot) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName("Group")
    for number, name in enumerate(GROUPS):
        combo.addItem(name, number)
    searchable_if_long(combo)
    qtbot.addWidget(combo)
    combo.show()
    qtbot.waitExposed(combo)
    return combo


def line_of(combo: QComboBox) -> QLineEdit:
    line = combo.lineEdit()
    assert line is not None
    return line


def test_a_long_drop_down_is_searchable_and_a_short_one_is_not(combo: QComboBox) -> None:
    short = QComboBox()
    short.addItems(GROUPS[:LONG_LIST])
    searchable_if_long(short)
    assert combo.isEditable()
    assert not short.isEditable()
    assert line_of(combo).accessibleName() == "Group"


def test_enter_takes_the_only_match(qtbot: QtBot, combo: QComboBox) -> None:
    line = line_of(combo)
    line.selectAll()
    type_text(line, "10-c")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert combo.currentText() == "Advisory 10-C"
    assert combo.currentData() == GROUPS.index("Advisory 10-C")


def test_enter_with_several_matches_takes_none_of_them(qtbot: QtBot, combo: QComboBox) -> None:
    line = line_of(combo)
    line.selectAll()
    type_text(line, "10-")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert combo.currentIndex() == 0


def test_down_and_enter_take_a_highlighted_match(qtbot: QtBot, combo: QComboBox) -> None:
    line = line_of(combo)
    line.selectAll()
    type_text(line, "12-")
    completer = combo.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "Advisory 12-A"


def test_text_matching_nothing_is_put_back(combo: QComboBox) -> None:
    combo.setCurrentIndex(3)
    line = line_of(combo)
    line.selectAll()
    type_text(line, "no such group")
    line.editingFinished.emit()
    assert combo.currentIndex() == 3
    assert line.text() == GROUPS[3]


class ChoiceForm(RecordForm):
    """One drop-down of every group, one of four choices."""

    def __init__(self) -> None:
        super().__init__("Choices")
        self.groups = self.add_field("group", "Group", QComboBox())
        self.groups.addItems(GROUPS)
        self.kind = self.add_field("kind", "Kind", QComboBox())
        self.kind.addItems(GROUPS[:4])
        self.remember_initial()

    def values(self) -> tuple[int, int]:
        return (self.groups.currentIndex(), self.kind.currentIndex())


def test_a_record_form_makes_its_long_drop_downs_searchable(qtbot: QtBot) -> None:
    form = ChoiceForm()
    qtbot.addWidget(form)
    assert not form.groups.isEditable()  # filled after it was made: judged when shown
    form.show()
    assert form.groups.isEditable()
    assert not form.kind.isEditable()


def test_a_drop_down_keeps_its_own_words_when_it_becomes_searchable() -> None:
    plain, worded = QComboBox(), QComboBox()
    worded.setPlaceholderText("Choose a category…")
    for combo in (plain, worded):
        combo.addItems(GROUPS)
        searchable_if_long(combo)
    assert line_of(plain).placeholderText() == "Type to filter…"
    assert line_of(worded).placeholderText() == "Choose a category…"
