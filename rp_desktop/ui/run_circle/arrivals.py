"""Someone arriving late to a circle: a student found by name, or someone else by their name."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import Student
from rp_desktop.ui import dialogs
from rp_desktop.ui.forms.student_picker import StudentPicker
from rp_desktop.ui.run_circle.seating import Attendee


class ArrivalDialog(QDialog):
    """Pick the student who arrived (the one match, or the one moved to with ↓, then Enter;
    or a click), or type someone else's name."""

    def __init__(self, find: Callable[[str], list[Student]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone arrives"))
        self.setMinimumWidth(480)
        self.attendee: Attendee | None = None
        self.picker = StudentPicker(find, self.tr("A student: type a name or number…"))
        self.other = QLineEdit(placeholderText=self.tr("Or someone else: their name"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._take_other)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("They join the circle after the seat chosen in the list.")))
        layout.addWidget(self.picker)
        layout.addWidget(self.other)
        layout.addStretch(1)  # room the list of matches takes as it grows
        layout.addWidget(buttons)
        self.picker.studentChosen.connect(self._take_student)

    def _take_student(self, student: Student) -> None:
        self.attendee = Attendee.student(student)
        self.accept()

    def _take_other(self) -> None:
        """OK: someone else by the name typed, or else the student highlighted (the picker
        says why not when several match and none is highlighted)."""
        name = self.other.text().strip()
        if name:
            self.attendee = Attendee.other(name)
            self.accept()
        else:
            self.picker.take_highlighted()

    @classmethod
    def ask(
        cls, find: Callable[[str], list[Student]], parent: QWidget | None = None
    ) -> Attendee | None:
        dialog = cls(find, parent)
        return dialog.attendee if dialogs.accepted(dialog) else None
