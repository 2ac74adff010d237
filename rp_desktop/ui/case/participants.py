"""The people in a case, each in a role: students found by name, staff, and others (a parent).
The roles offered follow the category's kind: harm roles for harm, neutral ones for a concern."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.roles import fits, role_in, roles_for
from rp_desktop.domain.continuum.caregivers import Caregiver
from rp_desktop.domain.records import Participant, ParticipantFields, StaffMember, Student
from rp_desktop.domain.vocabulary import CategoryKind, Role
from rp_desktop.ui import dialogs
from rp_desktop.ui.families.family_adder import FamilyAdder, FindFamily
from rp_desktop.ui.forms.person_picker import enter_does
from rp_desktop.ui.forms.student_picker import StaffPicker, StudentPicker
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, select_data
from rp_desktop.ui.words.labels import label


class _PersonRow:
    """One line of the list: who, in which role, and a way to remove them."""

    def __init__(
        self, fields: ParticipantFields, name: str, role_hint: str, kind: CategoryKind | None
    ) -> None:
        self.fields = fields
        self.name = QLabel(name)
        # No role is assumed for a student: the counselor says who was harmed and who caused it.
        self.role = choice_combo(_offered(kind, fields.role), none_text=role_hint)
        self.role.setAccessibleName(role_hint)
        select_data(self.role, fields.role)
        self.remove = QPushButton("✕")
        self.remove.setFixedWidth(32)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

    def value(self) -> ParticipantFields:
        return ParticipantFields(
            current_choice(self.role, Role),
            self.fields.student_id,
            self.fields.staff_id,
            self.fields.other_name,
            self.fields.caregiver_id,
        )

    def offer(self, kind: CategoryKind | None, role: Role | None) -> None:
        """Offer the roles that fit `kind`, with `role` chosen; the combo keeps its signals."""
        self.role.blockSignals(True)
        while self.role.count() > 1:  # the first item is "Choose a role…"
            self.role.removeItem(1)
        for each in _offered(kind, role):
            self.role.addItem(label(each), each)
        self.role.blockSignals(False)
        select_data(self.role, role)


def _offered(kind: CategoryKind | None, role: Role | None) -> list[Role]:
    """The roles that fit the category's kind, and the person's own role if it does not (a
    case from before the rule shows as it was; saving it says what to change)."""
    offered = list(roles_for(kind))
    return offered if role is None or role in offered else [*offered, role]


class ParticipantsEditor(QWidget):
    """Everyone involved in a case and their roles.

    Signals:
        changed(): someone was added or removed, or a role changed.
    """

    changed = Signal()

    def __init__(
        self,
        find_students: Callable[[str], list[Student]],
        staff: list[StaffMember],
        parent: QWidget | None = None,
        *,
        find_family: FindFamily | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[_PersonRow] = []
        self._kind: CategoryKind | None = None
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        self.none_yet = QLabel(self.tr("No one yet. Add the students and others involved below."))
        self.student_picker = StudentPicker(
            find_students, self.tr("Add a student: type a name or number…")
        )
        self.staff_picker = StaffPicker(staff, self.tr("Add staff: type a name…"))
        self.other_name = QLineEdit(placeholderText=self.tr("Someone else, e.g. a parent: name"))
        self.other_name.setAccessibleName(self.tr("Name of someone else to add"))
        self.add_other = QPushButton(self.tr("Add"))
        self.family = FamilyAdder(find_family or (lambda _ids: []))  # caregivers on record
        self._adders = QWidget()
        self._lay_out()
        self.student_picker.studentChosen.connect(self._add_student)
        self.staff_picker.chosen.connect(self._add_staff)
        self.add_other.clicked.connect(self._add_other)
        enter_does(self.other_name, self._add_other)
        self.family.caregiverChosen.connect(self._add_caregiver)
        self.changed.connect(self._offer_family)

    def participants(self) -> tuple[ParticipantFields, ...]:
        return tuple(row.value() for row in self._rows)

    def set_participants(self, participants: tuple[Participant, ...]) -> None:
        for participant in participants:
            self._append(participant.fields, participant.display_name)

    def set_category_kind(self, kind: CategoryKind | None) -> None:
        """Offer the roles that fit a case of `kind`; every role chosen is kept."""
        self._kind = kind
        for row in self._rows:
            row.offer(kind, current_choice(row.role, Role))

    def roles_that_do_not_fit(self, kind: CategoryKind | None) -> int:
        """How many people have a role that does not fit a case of `kind`."""
        roles = (current_choice(row.role, Role) for row in self._rows)
        return sum(role is not None and not fits(role, kind) for role in roles)

    def carry_roles_to(self, kind: CategoryKind | None) -> None:
        """Give each person the role that fits a case of `kind`: in a concern, a person harmed,
        a person who caused harm or a witness becomes a student (staff stay staff)."""
        self._kind = kind
        for row in self._rows:
            role = current_choice(row.role, Role)
            row.offer(kind, role_in(kind, role, is_staff=row.fields.staff_id is not None))
        self.changed.emit()

    def show_problem(self, index: int, text: str) -> None:
        row = self._rows[index]
        row.problem.setText(text)
        row.problem.show()

    def clear_problems(self) -> None:
        for row in self._rows:
            row.problem.clear()
            row.problem.hide()

    def set_read_only(self, read_only: bool) -> None:
        self._adders.setVisible(not read_only)
        for row in self._rows:
            row.role.setEnabled(not read_only)
            row.remove.setVisible(not read_only)

    def _lay_out(self) -> None:
        other_line = QHBoxLayout()
        other_line.addWidget(self.other_name, 1)
        other_line.addWidget(self.add_other)
        adders = QVBoxLayout(self._adders)
        adders.setContentsMargins(0, 0, 0, 0)
        adders.addWidget(self.student_picker)
        adders.addWidget(self.staff_picker)
        adders.addWidget(self.family)
        adders.addLayout(other_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.none_yet)
        layout.addLayout(self._grid)
        layout.addWidget(self._adders)

    def _add_student(self, student: Student) -> None:
        self._append(ParticipantFields(None, student_id=student.id), student.display_name)

    def _add_staff(self, member: StaffMember) -> None:
        self._append(ParticipantFields(Role.STAFF, staff_id=member.id), member.display_name)

    def _add_other(self) -> None:
        name = self.other_name.text().strip()
        if name:
            self._append(ParticipantFields(Role.FAMILY_MEMBER, other_name=name), name)
            self.other_name.clear()

    def _add_caregiver(self, caregiver: Caregiver) -> None:
        fields = ParticipantFields(Role.FAMILY_MEMBER, caregiver_id=caregiver.id)
        self._append(fields, caregiver.display_name)

    def _offer_family(self) -> None:
        people = [row.fields for row in self._rows]
        students = [p.student_id for p in people if p.student_id is not None]
        self.family.refresh(students, [p.caregiver_id for p in people if p.caregiver_id])

    def _append(self, fields: ParticipantFields, name: str) -> None:
        row = _PersonRow(fields, name, self.tr("Choose a role…"), self._kind)
        line = len(self._rows) * 2
        self._grid.addWidget(row.name, line, 0)
        self._grid.addWidget(row.role, line, 1)
        self._grid.addWidget(row.remove, line, 2)
        self._grid.addWidget(row.problem, line + 1, 0, 1, 3)
        row.role.currentIndexChanged.connect(self.changed)
        row.remove.clicked.connect(lambda: self._remove(row))
        row.remove.setAccessibleName(self.tr("Remove {name}").format(name=name))
        self._rows.append(row)
        self.none_yet.hide()
        self.changed.emit()

    def _remove(self, row: _PersonRow) -> None:
        """Take a person out; the grid is rebuilt so no empty line is left behind."""
        kept = [(r.value(), r.name.text()) for r in self._rows if r is not row]
        for old in self._rows:
            for widget in (old.name, old.role, old.remove, old.problem):
                widget.setParent(None)
                widget.deleteLater()
        self._rows = []
        for fields, name in kept:
            self._append(fields, name)
        self.none_yet.setVisible(not self._rows)
        self.changed.emit()


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseForm", text)


def note_observations_under(category: QComboBox) -> None:
    """A line under the category's drop-down (in the column the form made for the field,
    before the place for its problem): where positive observations and check-ins go instead."""
    column = category.parentWidget()
    layout = column.layout() if column is not None else None
    assert isinstance(layout, QBoxLayout)
    text = _tr(
        "Cases are for harm and concerns. A positive observation or a check-in is not a "
        "case: log it with Log a practice (Positive observation, Check-in/check-out)."
    )
    layout.insertWidget(1, QLabel(text, wordWrap=True))


def ask_to_carry_roles(parent: QWidget) -> bool:
    """Ask before the people's roles change with a category of concern; True to change them."""
    text = _tr(
        "A concern is not harm, so its people take neutral roles. Change person harmed, "
        "person who caused harm and witness to Student?"
    )
    return dialogs.confirm(
        parent, _tr("Change the roles?"), text, _tr("Change the roles"), _tr("Keep the category")
    )
