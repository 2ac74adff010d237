"""Who was at a circle: the group's students to tick, and others added by name."""

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import Student
from rp_desktop.ui.forms.student_picker import StudentPicker


class AttendanceList(QWidget):
    """A tick list of students with a running count.

    Signals:
        changed(): who is ticked changed.
    """

    changed = Signal()

    def __init__(self, find: Callable[[str], list[Student]], parent: QWidget | None = None):
        super().__init__(parent)
        self.students = QListWidget()
        self.students.setAccessibleName(self.tr("Students at the circle"))
        self.students.setMinimumHeight(160)
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
        return frozenset(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_read_only(self, read_only: bool) -> None:
        for item in self._items():
            flags = item.flags()
            if read_only:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable)
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
        for widget in (self.everyone, self.nobody, self.picker):
            widget.setVisible(not read_only)

    def _append(self, student: Student, present: bool) -> None:
        item = QListWidgetItem(student.display_name)
        item.setData(Qt.ItemDataRole.UserRole, student.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)
        self.students.addItem(item)

    def _items(self) -> list[QListWidgetItem]:
        return [self.students.item(row) for row in range(self.students.count())]

    def _item_for(self, student_id: int) -> QListWidgetItem | None:
        return next(
            (i for i in self._items() if i.data(Qt.ItemDataRole.UserRole) == student_id), None
        )

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
