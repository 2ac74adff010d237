"""Typing in a box on the keeper's console: the letters, Space, the arrows and Enter belong to
the box while it has the focus, never to the circle's keys; Esc (or Enter, where it means
"done") gives the keys back to the circle; Tab and Shift+Tab leave the box as anywhere else."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keys a box never keeps: they move the focus, or close the window (Ctrl+W).
LEAVES = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
KEY_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)


class TextKeys(QObject):
    """Watches the boxes of one panel. `back_to_circle` is called on Esc; `on_enter(box)`, if
    given, on Enter (it returns True when it used the key)."""

    def __init__(
        self,
        back_to_circle: Callable[[], None],
        on_enter: Callable[[QWidget], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._back = back_to_circle
        self._on_enter = on_enter

    def watch(self, *boxes: QWidget) -> None:
        for box in boxes:
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()  # only key events are looked at (never one of a box going away)
        if kind not in KEY_EVENTS or not isinstance(event, QKeyEvent):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            if _belongs_to_box(event):
                event.accept()  # the key goes to the box, not to a shortcut of the console
            return False
        if not isinstance(watched, QWidget):
            return False
        if event.key() == Qt.Key.Key_Escape:
            self._back()
            return True
        if event.key() in ENTER and self._on_enter is not None:
            return self._on_enter(watched)
        return False


def _belongs_to_box(event: QKeyEvent) -> bool:
    """Every key without Ctrl or Alt, but Tab, is the box's (Esc too: the box hands it back)."""
    held = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    return not held and event.key() not in LEAVES
