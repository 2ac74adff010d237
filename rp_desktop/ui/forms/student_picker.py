"""Finding a student by typing part of a name or number, and choosing one."""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from rp_desktop.domain.records import Student
from rp_desktop.ui.words.labels import grade_label

VISIBLE_MATCHES = 8


class StudentPicker(QWidget):
    """A search box with the matching students under it.

    Signals:
        studentChosen(object): the Student the user picked (Enter or double-click).
    """

    studentChosen = Signal(object)

    def __init__(
        self, find: Callable[[str], list[Student]], hint: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._find = find
        self.search = QLineEdit(placeholderText=hint, clearButtonEnabled=True)
        self.search.setAccessibleName(hint)
        self.matches = QListWidget()
        self.matches.setAccessibleName(self.tr("Matching students"))
        self.matches.setMaximumHeight(self.matches.sizeHintForRow(0) * VISIBLE_MATCHES + 8)
        self.matches.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        self.search.textChanged.connect(self._refresh)
        self.search.returnPressed.connect(self._choose_current)
        self.matches.itemActivated.connect(self._choose)

    def set_read_only(self, read_only: bool) -> None:
        self.setVisible(not read_only)

    def _refresh(self, text: str) -> None:
        self.matches.clear()
        if not text.strip():
            self.matches.hide()
            return
        for student in self._find(text):
            item = QListWidgetItem(
                self.tr("{name} · grade {grade} · {number}").format(
                    name=f"{student.display_name}",
                    grade=grade_label(student.grade),
                    number=student.student_number,
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, student)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        self.matches.setVisible(self.matches.count() > 0)

    def _choose_current(self) -> None:
        item = self.matches.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.studentChosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.search.clear()
