"""What the fit test looks for in a window on screen: larger than the screen's available area,
text narrower than its widget (labels without word wrap, buttons, check boxes, radio buttons, a
drop-down's current text, column headers), and a scroll area that scrolls inside another.

Each finding is one line naming the view, the widget's accessible name (or its kind) and its
text, so that a failure says where to look."""

from collections.abc import Iterator

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from rp_desktop.ui.screen_fit import FRAME

SLACK = 1  # rounding in a font's advance


def window_findings(view: str, window: QWidget) -> list[str]:
    """Everything wrong with `window` as it shows now."""
    found = list(_too_large(view, window))
    for widget in _shown(window):
        found.extend(_cut(view, widget))
    found.extend(_nested_scrolling(view, window))
    return found


def _too_large(view: str, window: QWidget) -> Iterator[str]:
    """Larger than the screen's available area; or unable to be made small enough for it with
    a real title bar (the offscreen platform's frame is 2 pixels wide, a desktop's title bar
    some 30: FRAME is the room screen_fit leaves for it)."""
    available = window.screen().availableGeometry()
    outer = window.frameGeometry()
    smallest = window.minimumSize()  # a window's layout sets it from its contents
    room = available.marginsRemoved(FRAME)
    if smallest.width() > room.width() or smallest.height() > room.height():
        yield (
            f"{view}: the window cannot be made smaller than {smallest.width()}x"
            f"{smallest.height()}, and {room.width()}x{room.height()} is what the screen has "
            "under a title bar"
        )
    if outer.width() > available.width() or outer.height() > available.height():
        yield (
            f"{view}: the window is {outer.width()}x{outer.height()}, larger than the screen's "
            f"available {available.width()}x{available.height()}"
        )
    elif not available.contains(outer):
        yield f"{view}: the window reaches off the screen ({outer.getRect()})"


def _shown(window: QWidget) -> Iterator[QWidget]:
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.window() is window and widget.width() > 0:
            yield widget


def _name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.objectName() or type(widget).__name__


def _plain(text: str) -> str:
    """Text as drawn: a mnemonic's "&" is not drawn, "&&" is one "&"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _cut(view: str, widget: QWidget) -> Iterator[str]:
    need_has: tuple[str, int, int] | None = None
    if isinstance(widget, QLabel):
        need_has = _label(widget)
    elif isinstance(widget, QPushButton):
        need_has = _push_button(widget)
    elif isinstance(widget, QCheckBox | QRadioButton):
        need_has = _check(widget)
    elif isinstance(widget, QComboBox):
        need_has = _combo(widget)
    elif isinstance(widget, QLineEdit):
        need_has = _hint(widget)
    elif isinstance(widget, QHeaderView):
        yield from _header(view, widget)
    if need_has is not None:
        text, need, has = need_has
        if need > has + SLACK:
            yield (
                f"{view}: {type(widget).__name__} {_name(widget)!r} text {text!r} "
                f"needs {need}px, has {has}px"
            )


def _label(label: QLabel) -> tuple[str, int, int] | None:
    text = label.text()
    if not text or label.wordWrap() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    metrics = label.fontMetrics()
    if QtGui.Qt.mightBeRichText(text) and label.textFormat() != Qt.TextFormat.PlainText:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setHtml(text)
        document.setDocumentMargin(0)
        need = int(document.idealWidth())
        text = document.toPlainText()
    else:
        if label.buddy() is not None or "&" in text:
            text = _plain(text)
        need = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    return text, need, room


def _button_text_width(button: QAbstractButton) -> int:
    metrics = QFontMetrics(button.font())  # a button's words may take two lines: the widest
    width = max(metrics.horizontalAdvance(line) for line in _plain(button.text()).splitlines())
    if not button.icon().isNull():
        width += button.iconSize().width() + 4
    return width


def _push_button(button: QPushButton) -> tuple[str, int, int] | None:
    if not button.text():
        return None
    style = button.style()
    margins = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    margins += 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, button)
    if button.menu() is not None:
        margins += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    return _plain(button.text()), _button_text_width(button) + margins, button.width()


def _check(button: QCheckBox | QRadioButton) -> tuple[str, int, int] | None:
    if not button.text():
        return None
    style = button.style()
    if isinstance(button, QCheckBox):
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, button)
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
    else:
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, button)
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, button)
    return _plain(button.text()), indicator + spacing + _button_text_width(button), button.width()


def _hint(box: QLineEdit) -> tuple[str, int, int] | None:
    """An empty text box's hint (its placeholder), read whole or not."""
    if box.text() or not box.placeholderText() or isinstance(box.parentWidget(), QComboBox):
        return None
    clear = 24 if box.isClearButtonEnabled() else 0
    room = box.width() - 2 * box.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    return (
        box.placeholderText(),
        box.fontMetrics().horizontalAdvance(box.placeholderText()) + 4,
        room - clear,
    )


def _combo(combo: QComboBox) -> tuple[str, int, int] | None:
    text = combo.currentText()
    if not text:
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox,
        option,
        QStyle.SubControl.SC_ComboBoxEditField,
        combo,
    )
    need = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    return text, need, field.width()


def _header(view: str, header: QHeaderView) -> Iterator[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return
    style = header.style()
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    metrics = QFontMetrics(header.font())
    table = header.parentWidget()
    where = _name(table) if table is not None else "a table"
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal)
        if not isinstance(text, str) or not text:
            continue
        need = max(metrics.horizontalAdvance(line) for line in text.splitlines()) + margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += mark + margin // 2
        has = header.sectionSize(section)
        if need > has + SLACK:
            yield (f"{view}: column header {text!r} of {where!r} needs {need}px, has {has}px")


def _nested_scrolling(view: str, window: QWidget) -> Iterator[str]:
    """A scroll area inside a scroll area; or a list or table that scrolls inside a scroll area
    that scrolls too (two scroll bars for one page)."""
    for outer in window.findChildren(QScrollArea):
        if not outer.isVisible():
            continue
        outer_scrolls = outer.verticalScrollBar().maximum() > 0
        for inner in outer.findChildren(QScrollArea):
            if inner.isVisible():
                yield (
                    f"{view}: a scroll area {_name(inner)!r} inside the scroll area "
                    f"{_name(outer)!r}"
                )
        for inner_view in outer.findChildren(QAbstractItemView):
            scrolls = inner_view.verticalScrollBar().maximum() > 0
            if inner_view.isVisible() and scrolls and outer_scrolls:
                yield (
                    f"{view}: the list {_name(inner_view)!r} scrolls inside the scroll area "
                    f"{_name(outer)!r}, which scrolls too"
                )
