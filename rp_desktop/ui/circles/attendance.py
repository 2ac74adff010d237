"""Who was at a circle: the group's students to tick, in columns so that a whole class is seen
at once, and others added by name."""

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import Student
from rp_desktop.ui.forms.student_picker import StudentPicker

FEWEST_ROWS = 4  # an empty or small list still looks like a place for names


class TickColumns(QListWidget):
    """Names with a tick each, flowing down and across in as many columns as the width allows,
    and exactly as tall as they need: no name is hidden behind a scroll. A click anywhere on
    a name ticks or unticks it, not only on its small box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        # Never a scroll bar: the list is made as tall as its names need (fit).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._pressed: tuple[QListWidgetItem, Qt.CheckState] | None = None
        self.placeholder = ""  # what the list says while it has no names
        self.fewest_rows = FEWEST_ROWS
        self.itemPressed.connect(self._remember_pressed)
        self.itemClicked.connect(self._toggle_unless_the_box_did)
        # however names come (a group chosen, a student added, a draft put back), all are seen
        self.model().rowsInserted.connect(self.fit)
        self.model().rowsRemoved.connect(self.fit)

    def fit(self) -> None:
        """Columns as wide as the longest name; rows enough for every name in them."""
        metrics = self.fontMetrics()
        box = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 16
        texts = (self.item(row).text() for row in range(self.count()))
        width = max((metrics.horizontalAdvance(text) for text in texts), default=120) + box + 12
        cell = QSize(width, max(metrics.height() + 8, 22))
        self.setGridSize(cell)
        columns = max(1, (self.width() - 2 * self.frameWidth() - 4) // cell.width())
        rows = max(self.fewest_rows, -(-self.count() // columns))
        self.setFixedHeight(rows * cell.height() + 2 * self.frameWidth() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.placeholder:  # an empty place says what to do
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.viewport().rect().adjusted(8, 8, -8, -8), flags, self.placeholder)
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()  # a new width may hold another column; the height alone changes nothing

    # -- the names as ticks, each carrying its person's id -------------------------------------
    def add_tick(self, text: str, person_id: int, ticked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.addItem(item)

    def ticks(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def tick_for(self, person_id: int) -> QListWidgetItem | None:
        return next(
            (i for i in self.ticks() if i.data(Qt.ItemDataRole.UserRole) == person_id), None
        )

    def ticked_ids(self) -> frozenset[int]:
        return frozenset(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self.ticks()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_tickable(self, tickable: bool) -> None:
        """Ticks that can be changed, or shown only (a record being read)."""
        for item in self.ticks():
            flags = item.flags()
            if tickable:
                item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            else:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable)

    def _remember_pressed(self, item: QListWidgetItem) -> None:
        self._pressed = (item, item.checkState())

    def _toggle_unless_the_box_did(self, item: QListWidgetItem) -> None:
        pressed, self._pressed = self._pressed, None
        if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        if pressed is not None and pressed[0] is item and pressed[1] == item.checkState():
            ticked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)


class AttendanceList(QWidget):
    """A tick list of students with a running count.

    Signals:
        changed(): who is ticked changed.
    """

    changed = Signal()

    def __init__(self, find: Callable[[str], list[Student]], parent: QWidget | None = None):
        super().__init__(parent)
        self.students = TickColumns()
        self.students.setAccessibleName(self.tr("Students at the circle"))
        self.students.placeholder = self.tr(
            "Choose a group to list its students, or add students one by one below."
        )
        self.everyone = QPushButton(self.tr("Everyone present"))
        self.nobody = QPushButton(self.tr("Clear"))
        self.count = QLabel()
        self.picker = StudentPicker(find, self.tr("Add a student who is not in this group…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.everyone)
        buttons.addWidget(self.nobody)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.students)
        layout.addWidget(self.picker)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.everyone.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.nobody.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        self.students.itemChanged.connect(self._on_change)
        self.picker.studentChosen.connect(lambda s: self.add(s, present=True))
        self._update_count()

    def show_students(self, students: Iterable[Student], present: set[int]) -> None:
        self.students.blockSignals(True)
        self.students.clear()
        for student in students:
            self._append(student, student.id in present)
        self.students.blockSignals(False)
        self._on_change()

    def add(self, student: Student, *, present: bool) -> None:
        existing = self._item_for(student.id)
        if existing is not None:
            existing.setCheckState(Qt.CheckState.Checked)
            return
        self._append(student, present)
        self._on_change()

    def present_ids(self) -> frozenset[int]:
        return self.students.ticked_ids()

    def set_read_only(self, read_only: bool) -> None:
        self.students.set_tickable(not read_only)
        for widget in (self.everyone, self.nobody, self.picker):
            widget.setVisible(not read_only)

    def _append(self, student: Student, present: bool) -> None:
        self.students.add_tick(student.display_name, student.id, present)

    def _items(self) -> list[QListWidgetItem]:
        return self.students.ticks()

    def _item_for(self, student_id: int) -> QListWidgetItem | None:
        return self.students.tick_for(student_id)

    def _tick_all(self, state: Qt.CheckState) -> None:
        self.students.blockSignals(True)
        for item in self._items():
            item.setCheckState(state)
        self.students.blockSignals(False)
        self._on_change()

    def _on_change(self) -> None:
        self._update_count()
        self.changed.emit()

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("{present} of {total} present").format(
                present=len(self.present_ids()), total=self.students.count()
            )
        )
