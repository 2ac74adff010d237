"""The counter itself: clicks and keys are counted, text is free, and a move a person could not
make (a hidden widget, an item not offered) fails."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.tasks.moves import Moves


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    for widget in (QLineEdit(objectName="box"), QPushButton("Go", objectName="go")):
        layout.addWidget(widget)
    combo = QComboBox(objectName="choice")
    combo.addItems(["one", "two", "three"])
    layout.addWidget(combo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def test_clicks_and_keys_are_counted_and_text_is_free(qtbot: QtBot, window: QWidget) -> None:
    moves = Moves(qtbot)
    box = window.findChild(QLineEdit, "box")
    pressed: list[bool] = []
    window.findChild(QPushButton, "go").clicked.connect(lambda: pressed.append(True))
    moves.click(box)
    moves.type("Muñoz")
    moves.key(Qt.Key.Key_Tab)
    moves.click(window.findChild(QPushButton, "go"))
    moves.choose(window.findChild(QComboBox, "choice"), "three")
    assert box.text() == "Muñoz"
    assert pressed == [True]
    assert window.findChild(QComboBox, "choice").currentText() == "three"
    assert (moves.clicks, moves.keys) == (4, 1)


def test_a_hidden_widget_cannot_be_clicked(qtbot: QtBot, window: QWidget) -> None:
    button = window.findChild(QPushButton, "go")
    button.hide()
    with pytest.raises(AssertionError, match="not shown"):
        Moves(qtbot).click(button)


def test_an_item_not_offered_cannot_be_chosen(qtbot: QtBot, window: QWidget) -> None:
    with pytest.raises(AssertionError, match="not offered"):
        Moves(qtbot).choose(window.findChild(QComboBox, "choice"), "four")


def test_a_task_over_its_target_fails_and_is_recorded(
    qtbot: QtBot, window: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = tmp_path / "counts.jsonl"
    monkeypatch.setenv("RP_TASK_COUNTS", str(counts))
    moves = Moves(qtbot)
    for _ in range(4):
        moves.click(window.findChild(QPushButton, "go"))
    with pytest.raises(AssertionError, match="4 clicks"):
        moves.assert_within("find_student")  # a target of 3
    assert json.loads(counts.read_text())["clicks"] == 4
