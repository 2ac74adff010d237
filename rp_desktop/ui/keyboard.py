"""Keyboard first, in every window of the application, without each form doing it:

- Tab leaves a text box (Shift+Tab goes back); Ctrl+Tab types a tab character in it;
- Ctrl+W closes a dialog, as Esc does (a form with changes asks first);
- the control with the keyboard focus has a ring around it (ui/focus_ring.py).

One hook does it all: the application's focusChanged signal. A widget is set up the first time it
gets the focus, which is before any key can reach it. (An event filter on the application would
see every event; the first event handed to Python is expensive at start-up, and every later one
costs a little.) `keyboard_first()` is called once the first screen is drawn, and by the main
window's windows; calling it again does nothing.

The keys are listed in tables that the code binds and Help > Keyboard shortcuts shows."""

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:  # Qt builds a class when it is first named: not on the first screen
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QDialog, QPlainTextEdit, QTextEdit

    from rp_desktop.ui.focus_ring import FocusRing


def _tr(text: str) -> str:
    return QCoreApplication.translate("Keyboard", text)


# Keys every window and form shares: (keys in portable text, what they do). "Save" is Qt's
# standard key for saving (Ctrl+S; Cmd+S on a Mac), which every record form binds.
INSERT_TAB = "Ctrl+Tab"
CLOSE_KEYS = ("Escape", "Ctrl+W")
SET_UP = "keyboardFirst"  # the property a widget (or the application) gets once set up
DIALOG_SET_UP = "keyboardFirstDialog"  # and a dialog, once Ctrl+W closes it


def form_keys() -> list[tuple[str, str]]:
    """What the keys of every form and window do, in the words Help shows."""
    return [
        ("Tab", _tr("Next field (it leaves a text box too)")),
        ("Shift+Tab", _tr("Previous field")),
        (INSERT_TAB, _tr("Type a tab character in a text box")),
        ("Save", _tr("Save the form")),
        ("Return", _tr("Open the selected row of a list")),
        (CLOSE_KEYS[0], _tr("Close it (asks first if something is not saved)")),
        (CLOSE_KEYS[1], _tr("Close it, as Esc does")),
    ]


def closes_on_keys(
    window: QWidget, close: Callable[[], object] | None = None, keys: Iterable[str] = CLOSE_KEYS
) -> None:
    """Esc and Ctrl+W (or `keys`) close `window` while it is the active window; `close`
    (the window's close() when None) is what they call, so a window that asks before
    closing still asks."""
    from PySide6.QtGui import QKeySequence, QShortcut

    for key in keys:
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(close or window.close)


def keyboard_first(app: QCoreApplication | None = None) -> None:
    """Set every window of the application up for the keyboard (see the module's words)."""
    app = app or QCoreApplication.instance()
    if not isinstance(app, QApplication) or app.property(SET_UP):
        return
    app.setProperty(SET_UP, True)
    hook = KeyboardHook(app)
    app.focusChanged.connect(hook.focus_changed)
    hook.focus_changed(None, app.focusWidget())  # what already has the focus


class KeyboardHook(QObject):
    """Sets each widget up when it first gets the focus, and moves the focus ring to it."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._ring: FocusRing | None = None

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        if not new.property(SET_UP):
            new.setProperty(SET_UP, True)
            # By class name: naming a class makes Qt build it, and most widgets are not these.
            if new.inherits("QPlainTextEdit") or new.inherits("QTextEdit"):
                _leave_on_tab(cast("QPlainTextEdit | QTextEdit", new))
        window = new.window()
        if window.inherits("QDialog") and not window.property(DIALOG_SET_UP):
            window.setProperty(DIALOG_SET_UP, True)
            closes_on_keys(window, cast("QDialog", window).reject, CLOSE_KEYS[1:])
        self.ring().follow(new)

    def ring(self) -> "FocusRing":
        """The one focus ring; a new one when the window it was in has gone."""
        from rp_desktop.ui.focus_ring import FocusRing

        if self._ring is None or not isValid(self._ring):
            self._ring = FocusRing()
        return self._ring


def _leave_on_tab(edit: "QPlainTextEdit | QTextEdit") -> None:
    """Tab leaves `edit`; Ctrl+Tab types a tab in it."""
    from PySide6.QtGui import QKeySequence, QShortcut

    edit.setTabChangesFocus(True)
    insert = QShortcut(QKeySequence(INSERT_TAB), edit)
    insert.setContext(Qt.ShortcutContext.WidgetShortcut)
    insert.activated.connect(lambda: _insert_tab(edit))


def _insert_tab(edit: "QPlainTextEdit | QTextEdit") -> None:
    if not edit.isReadOnly():
        edit.insertPlainText("\t")


def key_text(key: "str | QKeySequence.StandardKey") -> str:
    """A key as the user reads it on this system ("Ctrl+S"; "Save" is the standard key)."""
    from PySide6.QtGui import QKeySequence

    if key == "Save":
        key = QKeySequence.StandardKey.Save
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
