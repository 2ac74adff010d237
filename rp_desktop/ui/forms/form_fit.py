"""How a record form sits on the screen: as tall as its fields need (the screen bounds it, and
one scroll area takes the rest), focus in its first field, and Tab through the fields top to
bottom, then the buttons; its long drop-downs narrowed by typing."""

from collections.abc import Callable, Iterator
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QScrollArea, QWidget
from shiboken6 import isValid

from rp_desktop.ui.forms.widgets import searchable_if_long

FIELD_WIDTH = 440  # room for a field beside its label: a sentence, a name, a date


def preferred_size(dialog: QDialog, scroll: QScrollArea, min_width: int = 0) -> QSize:
    """The size at which `dialog` shows everything in `scroll` without scrolling, its fields
    at least FIELD_WIDTH wide beside their labels."""
    inside = scroll.widget()
    body = inside.sizeHint() if inside is not None else QSize()
    form = inside.layout() if inside is not None else None
    if isinstance(form, QFormLayout):
        body.setWidth(max(body.width(), _label_width(form) + FIELD_WIDTH))
    outside = dialog.sizeHint() - scroll.sizeHint()  # margins, notices, the buttons
    bar = scroll.verticalScrollBar().sizeHint().width()
    frame = 2 * scroll.frameWidth()
    return QSize(
        max(min_width, body.width() + bar + frame + outside.width()),
        body.height() + frame + outside.height(),
    )


def _label_width(form: QFormLayout) -> int:
    widths = [0]
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if label is not None:
            widths.append(label.sizeHint().width())
    margins = form.contentsMargins()
    return max(widths) + form.horizontalSpacing() + margins.left() + margins.right()


def tab_chain(window: QWidget, within: QWidget | None = None) -> Iterator[QWidget]:
    """The widgets Tab can reach in `window` (only those inside `within`, if given), in the
    order of its focus chain."""
    widget = window.nextInFocusChain()
    for _ in range(100_000):  # the chain is a ring; this only guards against a broken one
        if widget is None or widget is window:
            return
        inside = within is None or within.isAncestorOf(widget)
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if inside and tabbable and widget.isEnabled() and widget.isVisibleTo(window):
            yield widget
        widget = widget.nextInFocusChain()


def order_tabs(window: QWidget, body: QWidget, after: list[QWidget]) -> None:
    """Tab goes through `body`'s fields in the order they were made, then through `after`
    (the buttons), whatever was made after the buttons."""
    if not all(isValid(widget) for widget in (window, body, *after)):
        return  # the form is being taken down
    fields = list(tab_chain(window, within=body))
    order = fields[-1:] + after
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)


def searchable_long_choices(body: QWidget) -> None:
    """Every drop-down of more than LONG_LIST entries in `body` can be narrowed by typing."""
    for combo in body.findChildren(QComboBox):
        searchable_if_long(combo)


def focus_first(window: QWidget, body: QWidget) -> None:
    """Put the focus in the first field of `body`."""
    first = next(tab_chain(window, within=body), None)
    if first is not None:
        first.setFocus(Qt.FocusReason.TabFocusReason)


class LayoutWatch(QObject):
    """Calls `changed` whenever the watched widget's layout changed (a row added or taken
    away), and `began` first when that starts a burst of changes: rows added in one go are
    laid out in a few steps (a new row is shown a moment after it is added), and what was
    true before the first step (where the page was scrolled to) is what to keep."""

    def __init__(
        self, parent: QObject, began: Callable[[], None], changed: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self._began = began
        self._changed = changed
        self._burst = QTimer(self, singleShot=True, interval=0)
        self._burst.timeout.connect(changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            if not self._burst.isActive():
                self._began()
            self._burst.start()
            self._changed()
        return False
