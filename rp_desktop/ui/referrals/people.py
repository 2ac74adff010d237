"""Who a referral is from and about: the referrer, a staff member found by name or a name typed
for someone not on the staff list; and the students, found by typing part of a name."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import StaffMember, Student
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.forms.student_picker import StaffPicker, StudentPicker
from rp_desktop.ui.words.labels import label

STUDENT = Qt.ItemDataRole.UserRole


class ReferrerField(QWidget):
    """A staff member, chosen with the staff picker, or a name typed for someone else.

    Signals:
        changed(): the referrer was chosen, taken away, or the name was typed.
    """

    changed = Signal()

    def __init__(self, staff: Sequence[StaffMember], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._staff = {member.id: member for member in staff}
        self.staff_id: int | None = None
        self.picker = StaffPicker(staff, self.tr("A staff member: type part of a name…"))
        self.chosen = QLabel()
        self.change = QPushButton(self.tr("Change"))
        self.change.setAccessibleName(self.tr("Choose another staff member"))
        self.other_name = QLineEdit(
            placeholderText=self.tr("Or someone not on the staff list: their name and role")
        )
        self.other_name.setAccessibleName(self.tr("Referred by someone not on the staff list"))
        self.other_name.setMaxLength(100)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.change)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addLayout(chosen_row)
        layout.addWidget(self.other_name)
        self.picker.chosen.connect(lambda member: self.set_staff(member.id))
        self.change.clicked.connect(lambda: self.set_staff(None))
        self.other_name.textEdited.connect(lambda _text: self.changed.emit())
        self._show()

    def name(self) -> str:
        return self.other_name.text()

    def set_staff(self, staff_id: int | None) -> None:
        self.staff_id = staff_id if staff_id in self._staff else None
        self._show()
        if self.staff_id is None:
            self.picker.search.setFocus()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.picker.setVisible(not read_only and self.staff_id is None)
        self.change.setVisible(not read_only and self.staff_id is not None)
        self.other_name.setReadOnly(read_only)

    def draft_state(self) -> Json:
        return {"staff_id": self.staff_id, "name": self.other_name.text()}

    def restore_draft_state(self, state: Json) -> None:
        if isinstance(state, dict):
            staff_id = state.get("staff_id")
            self.set_staff(staff_id if isinstance(staff_id, int) else None)
            self.other_name.setText(str(state.get("name") or ""))
            self._show()

    def _show(self) -> None:
        member = self._staff.get(self.staff_id) if self.staff_id is not None else None
        self.picker.setVisible(member is None)
        self.chosen.setVisible(member is not None)
        self.change.setVisible(member is not None)
        # A staff member or a typed name, not both: the box comes back with Change.
        self.other_name.setVisible(member is None or bool(self.other_name.text()))
        if member is not None:
            self.chosen.setText(f"{member.display_name} · {label(member.role)}")


class StudentsField(QWidget):
    """The students a referral is about: found by typing, each listed once, taken out with
    Delete or the button.

    Signals:
        changed(): a student was added or taken out.
    """

    changed = Signal()

    def __init__(
        self,
        find: Callable[[str], list[Student]],
        name_of: Callable[[int], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name_of = name_of
        self.picker = StudentPicker(find, self.tr("Add a student: type part of a name…"))
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(self.tr("Students referred"))
        self.chosen.setMaximumHeight(96)
        self.remove = QPushButton(self.tr("Take out"))
        self.remove.setAccessibleName(self.tr("Take the selected student out"))
        row = QHBoxLayout()
        row.addWidget(self.chosen, 1)
        row.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addLayout(row)
        self.picker.studentChosen.connect(lambda s: self.add(s.id, s.display_name))
        self.remove.clicked.connect(self._remove_selected)
        self._sync()

    def student_ids(self) -> tuple[int, ...]:
        return tuple(self.chosen.item(row).data(STUDENT) for row in range(self.chosen.count()))

    def add(self, student_id: int, name: str) -> None:
        if student_id in self.student_ids():
            return  # once each
        item = QListWidgetItem(name)
        item.setData(STUDENT, student_id)
        self.chosen.addItem(item)
        self._sync()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.picker.setVisible(not read_only)
        self.remove.setVisible(not read_only)

    def draft_state(self) -> Json:
        return list(self.student_ids())

    def restore_draft_state(self, state: Json) -> None:
        """The students of a draft, by the names the records give them now; a student no longer
        on record is left out. They replace the students the form was filled with."""
        self.chosen.clear()
        for student_id in state if isinstance(state, list) else []:
            name = self._name_of(student_id) if isinstance(student_id, int) else None
            if name:
                self.add(student_id, name)

    def _remove_selected(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self._sync()
            self.changed.emit()

    def _sync(self) -> None:
        self.chosen.setVisible(self.chosen.count() > 0)
        self.remove.setVisible(self.chosen.count() > 0)
