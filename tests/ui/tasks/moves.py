"""Counting what a user does. Every click and every non-text key of a task goes through one
`Moves`, which performs it with a real mouse or key event and counts it; typed text is free.

A move is refused (the test fails) when its target could not be reached by a person: a hidden
or disabled widget, or one scrolled out of sight. Bringing it into sight is a move of its own
(`scroll_to`), so a long scroll is counted, not hidden. With RP_TASK_COUNTS set to a file, each
finished task appends its counts there as one JSON line (`make bench` prints them)."""

import json
import os
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import type_text
from tests.ui.tasks.targets import TASKS

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@dataclass
class Moves:
    qtbot: QtBot
    clicks: int = 0
    keys: int = 0
    steps: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.clicks + self.keys

    # -- the mouse ------------------------------------------------------------------------------
    def click(self, widget: QWidget, pos: QPoint | None = None, *, what: str = "") -> None:
        self._reachable(widget)
        self.qtbot.mouseClick(widget, LEFT, pos=pos or widget.rect().center())
        self._count_click(what or _name(widget))

    def double_click(self, widget: QWidget, pos: QPoint | None = None, *, what: str = "") -> None:
        """Two clicks, counted as two."""
        self._reachable(widget)
        at = pos or widget.rect().center()
        self.qtbot.mouseClick(widget, LEFT, pos=at)
        self.qtbot.mouseDClick(widget, LEFT, pos=at)
        self._count_click(what or _name(widget), 2)

    def click_row(self, view: QAbstractItemView, row: int, column: int = 0) -> None:
        self.click(view.viewport(), self._row_point(view, row, column), what=f"row {row}")

    def double_click_row(self, view: QAbstractItemView, row: int, column: int = 0) -> None:
        self.double_click(view.viewport(), self._row_point(view, row, column), what=f"row {row}")

    def choose(self, combo: QComboBox, text: str) -> None:
        """Open a drop-down with a click and click the item that reads `text`: two clicks."""
        # A drop-down ignores a release for a double-click interval after it opens (a guard
        # against the opening click); a person's second click comes later than that.
        interval = QApplication.doubleClickInterval()
        QApplication.setDoubleClickInterval(0)
        try:
            self.click(combo, what=f"open {_name(combo)}")
            view = combo.view()
            self.qtbot.waitUntil(view.isVisible, timeout=2000)
            QApplication.processEvents()
        finally:
            QApplication.setDoubleClickInterval(interval)
        row = combo.findText(text)
        assert row >= 0, f"{text!r} is not offered in {_name(combo)}"
        index = view.model().index(row, combo.modelColumn())
        view.scrollTo(index)
        point = view.visualRect(index).center()
        self.qtbot.mouseClick(view.viewport(), LEFT, pos=point)
        self._count_click(f"choose {text!r}")
        if view.isVisible():  # some styles choose on release only; a click that missed fails
            assert combo.currentText() == text, f"{text!r} was not chosen"
            combo.hidePopup()
        assert combo.currentText() == text, f"{text!r} was not chosen in {_name(combo)}"

    def scroll_to(self, widget: QWidget) -> None:
        """A scroll that brings `widget` into sight, counted as one move of the mouse."""
        area = _scroll_area_of(widget)
        assert area is not None, f"{_name(widget)} is in no scroll area"
        area.ensureWidgetVisible(widget)
        self._count_click(f"scroll to {_name(widget)}")

    # -- the keyboard ---------------------------------------------------------------------------
    def key(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = NO_MODIFIER,
        *,
        to: QWidget | None = None,
    ) -> None:
        """One key (with its modifiers), sent where the keyboard focus is, or to `to`."""
        target = to or QApplication.focusWidget()
        assert target is not None, "no widget has the keyboard focus"
        self.qtbot.keyClick(target, key, modifier)
        self.keys += 1
        self.steps.append(f"key {Qt.Key(key).name}")

    def type(self, text: str, *, to: QWidget | None = None) -> None:
        """Words typed: not counted. Sent where the keyboard focus is, or to `to`."""
        target = to or QApplication.focusWidget()
        assert target is not None, "no widget has the keyboard focus"
        type_text(target, text)
        self.steps.append(f"type {len(text)} characters")

    # -- the count ------------------------------------------------------------------------------
    def assert_within(self, task: str) -> None:
        """Fail when the task took more than its target; record the count for the bench."""
        target = TASKS[task].target
        _record(task, self)
        assert self.total <= target, (
            f"{task}: {self.clicks} clicks + {self.keys} keys = {self.total} > {target}: "
            + "; ".join(self.steps)
        )

    def _count_click(self, what: str, count: int = 1) -> None:
        self.clicks += count
        self.steps.append(f"click {what}" + (f" ×{count}" if count > 1 else ""))

    def _reachable(self, widget: QWidget) -> None:
        assert widget.isVisible(), f"{_name(widget)} is not shown"
        assert widget.isEnabled(), f"{_name(widget)} is disabled"
        assert not widget.visibleRegion().isEmpty(), f"{_name(widget)} is out of sight"

    @staticmethod
    def _row_point(view: QAbstractItemView, row: int, column: int) -> QPoint:
        index: QModelIndex = view.model().index(row, column)
        rect = view.visualRect(index)
        assert rect.isValid(), f"row {row} of {_name(view)} is not drawn"
        assert view.viewport().rect().contains(rect.center()), (
            f"row {row} of {_name(view)} is out of sight"
        )
        return rect.center()


def _name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.objectName() or type(widget).__name__


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
            continue
        parent = parent.parentWidget()
    return None


def _record(task: str, moves: Moves) -> None:
    path = os.environ.get("RP_TASK_COUNTS")
    if not path:
        return
    line = {"task": task, "clicks": moves.clicks, "keys": moves.keys, "steps": moves.steps}
    with open(path, "a", encoding="utf-8") as counts:
        counts.write(json.dumps(line) + "\n")
