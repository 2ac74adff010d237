"""The adults at a Tier 1 circle: the staff who sat in it, ticked in a short list that grows
only by the staff chosen (a school's whole staff is never listed at once), and the group's
agreements the circle made, shown as they were agreed."""

from collections.abc import Iterable, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from rp_desktop.domain.records import GroupAgreement, StaffMember
from rp_desktop.ui.circles.attendance import TickColumns
from rp_desktop.ui.words.labels import label


def staff_text(member: StaffMember) -> str:
    return f"{member.display_name} ({label(member.role)})"


class StaffAtCircle(QWidget):
    """The staff who were there, each with a tick, and a drop-down to add another.

    Signals:
        changed(): who is ticked changed.
    """

    changed = Signal()

    def __init__(self, choices: Sequence[StaffMember], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = TickColumns()
        self.staff.setAccessibleName(self.tr("Staff who were there"))
        self.staff.fewest_rows = 2  # most circles have one or two adults on staff
        self.staff.placeholder = self.tr("No staff recorded. Add who sat in the circle below.")
        self.adder = QComboBox()
        self.adder.setAccessibleName(self.tr("Add a staff member who was there"))
        self.adder.addItem(self.tr("Add a staff member who was there…"), None)
        self._choices = {member.id: member for member in choices}
        for member in choices:
            self.adder.addItem(staff_text(member), member.id)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.staff)
        layout.addWidget(self.adder)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # `activated` is a person's choice only: a draft put back does not add anyone.
        self.adder.activated.connect(self._on_chosen)
        self.staff.itemChanged.connect(lambda _item: self.changed.emit())

    def show_staff(self, members: Iterable[StaffMember], present: set[int]) -> None:
        self.staff.blockSignals(True)
        self.staff.clear()
        for member in members:
            self._append(member, member.id in present)
        self.staff.blockSignals(False)
        self.changed.emit()

    def add(self, staff_id: int) -> bool:
        """Tick `staff_id`, listing them first if they are not listed yet; whether they were
        newly listed."""
        existing = self._item_for(staff_id)
        if existing is not None:
            existing.setCheckState(Qt.CheckState.Checked)
            return False
        member = self._choices.get(staff_id)
        if member is None:
            return False
        self._append(member, True)
        self.changed.emit()
        return True

    def remove(self, staff_id: int) -> None:
        item = self._item_for(staff_id)
        if item is not None:
            self.staff.takeItem(self.staff.row(item))
            self.changed.emit()

    def present_ids(self) -> frozenset[int]:
        return self.staff.ticked_ids()

    def set_read_only(self, read_only: bool) -> None:
        self.staff.set_tickable(not read_only)
        self.adder.setVisible(not read_only)
        self.staff.placeholder = (
            self.tr("No staff recorded.")
            if read_only
            else self.tr("No staff recorded. Add who sat in the circle below.")
        )
        self.staff.viewport().update()

    def _on_chosen(self, index: int) -> None:
        staff_id = self.adder.itemData(index)
        self.adder.setCurrentIndex(0)
        if isinstance(staff_id, int):
            self.add(staff_id)

    def _append(self, member: StaffMember, present: bool) -> None:
        self.staff.add_tick(staff_text(member), member.id, present)

    def _items(self) -> list[QListWidgetItem]:
        return self.staff.ticks()

    def _item_for(self, staff_id: int) -> QListWidgetItem | None:
        return self.staff.tick_for(staff_id)


class AgreementsMade(QLabel):
    """The group's agreements made in this circle, in the order agreed: shown, not edited
    here (a retired one says so)."""

    def __init__(self, agreements: Sequence[GroupAgreement], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lines = [self._line(agreement) for agreement in agreements]
        self.setText("<ol style='margin: 0'>" + "".join(lines) + "</ol>")

    def _line(self, agreement: GroupAgreement) -> str:
        text = escape(agreement.text)
        if not agreement.active:
            text += " " + escape(self.tr("(no longer in force)"))
        return f"<li>{text}</li>"

    def set_read_only(self, _read_only: bool) -> None:
        """Always read-only: the agreements were made in the circle."""
