"""The fit test's checks find what they look for: a check that cannot fail proves nothing."""

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tests.ui.fit.checks import window_findings

WORDS = "Choose this person's role before saving"


def _shown(qtbot, *widgets: QWidget) -> QDialog:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    for widget in widgets:
        layout.addWidget(widget)
    dialog.resize(400, 300)
    dialog.show()
    QApplication.processEvents()
    return dialog


def test_text_wider_than_its_widget_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    label, button, tick, combo = QLabel(WORDS), QPushButton(WORDS), QCheckBox(WORDS), QComboBox()
    combo.addItem(WORDS)
    for widget in (label, button, tick, combo):
        widget.setAccessibleName("narrow")
        widget.setFixedWidth(60)
    found = window_findings("test", _shown(qtbot, label, button, tick, combo))
    for kind in ("QLabel", "QPushButton", "QCheckBox", "QComboBox"):
        assert any(f"{kind} 'narrow' text {WORDS!r}" in line for line in found), (kind, found)


def test_a_cut_hint_in_an_empty_text_box_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    narrow, wide = QLineEdit(placeholderText=WORDS), QLineEdit(placeholderText=WORDS)
    narrow.setAccessibleName("narrow")
    narrow.setFixedWidth(60)
    wide.setMinimumWidth(400)
    found = window_findings("test", _shown(qtbot, narrow, wide))
    hints = [line for line in found if "QLineEdit" in line]
    assert len(hints) == 1  # the wide box is not found
    assert hints[0].startswith(f"test: QLineEdit 'narrow' text {WORDS!r} needs ")


def test_text_that_fits_is_not_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    label, button, tick = QLabel("Role"), QPushButton("Save"), QCheckBox("Kept")
    wrapped = QLabel(WORDS * 3, wordWrap=True)
    assert window_findings("test", _shown(qtbot, label, button, tick, wrapped)) == []


def test_a_button_of_two_lines_is_measured_by_its_widest(qtbot) -> None:  # type: ignore[no-untyped-def]
    fits, cut = QPushButton("Role chosen\nfor each one"), QPushButton(f"Role\n{WORDS}")
    for button in (fits, cut):
        button.setFixedWidth(120)
    cut.setAccessibleName("cut")
    found = window_findings("test", _shown(qtbot, fits, cut))
    assert [line.split(" text ")[0] for line in found] == ["test: QPushButton 'cut'"]


def test_a_cut_column_header_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Who", "People involved in what happened"])
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().resizeSection(1, 50)
    found = window_findings("test", _shown(qtbot, table))
    assert any("column header 'People involved in what happened'" in line for line in found)
    assert not any("'Who'" in line for line in found)


def test_a_scroll_area_inside_a_scroll_area_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    outer, inner = QScrollArea(widgetResizable=True), QScrollArea(widgetResizable=True)
    body = QWidget()
    QVBoxLayout(body).addWidget(inner)
    outer.setWidget(body)
    found = window_findings("test", _shown(qtbot, outer))
    assert any("a scroll area" in line and "inside the scroll area" in line for line in found)


def test_a_list_scrolling_in_a_scrolling_page_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    outer = QScrollArea(widgetResizable=True)
    body = QWidget()
    column = QVBoxLayout(body)
    names = QListWidget()
    names.addItems([f"Student {n}" for n in range(40)])
    names.setFixedHeight(120)
    column.addWidget(names)
    column.addSpacing(900)
    outer.setWidget(body)
    found = window_findings("test", _shown(qtbot, outer))
    assert any("scrolls inside the scroll area" in line for line in found), found


def test_a_window_larger_than_the_screen_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _shown(qtbot)
    dialog.setMinimumSize(900, 2000)
    QApplication.processEvents()
    found = window_findings("test", dialog)
    assert any("cannot be made smaller than 900x2000" in line for line in found)
    assert any("larger than the screen's available" in line for line in found)
