"""A titled box of Home: a short note, then lines that each open a record, or one sentence
that says what to do next when there are none."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.home import RecordKind as Kind

Line = tuple[str, tuple[Kind, int] | None]  # the text, and the record it opens
TITLE_STYLE = "font-size: 15px; font-weight: 600;"


class HomeCard(QFrame):
    """A titled box: a short note, then a list of lines or, when there are none, a sentence
    that says so. Signals: opened(object): a line was double-clicked or Enter was pressed on
    it; its record as (RecordKind, id)."""

    opened = Signal(object)

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setStyleSheet(TITLE_STYLE)
        self.note = QLabel(wordWrap=True)
        self.lines = QListWidget()
        self.lines.setAccessibleName(title)
        self.lines.setWordWrap(True)
        self.lines.setAlternatingRowColors(True)
        self.lines.setSpacing(2)
        self.empty = QLabel(empty_text, wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.lines)
        self.pages.addWidget(self.empty)
        self.footer = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.pages, 1)
        layout.addLayout(self.footer)
        self.lines.itemActivated.connect(self._open)

    def show_lines(self, lines: list[Line], note: str = "") -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.lines.clear()
        for text, record in lines:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record)
            item.setToolTip(text)
            self.lines.addItem(item)
        self.pages.setCurrentWidget(self.lines if lines else self.empty)

    def _open(self, item: QListWidgetItem) -> None:
        record = item.data(Qt.ItemDataRole.UserRole)
        if record is not None:
            self.opened.emit(record)
