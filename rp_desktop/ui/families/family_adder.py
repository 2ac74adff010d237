"""Adding a family member on record to a case: the caregivers of the case's students, offered
by name and relation as the students are added, each added once as a "Family member"."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from rp_desktop.domain.continuum.caregivers import Caregiver, StudentCaregiver
from rp_desktop.ui.words.labels import label

FindFamily = Callable[[list[int]], list[StudentCaregiver]]


class FamilyAdder(QWidget):
    """A drop-down of the students' caregivers not yet on the case, and Add.

    Signals:
        caregiverChosen(object): the Caregiver to add.
    """

    caregiverChosen = Signal(object)

    def __init__(self, find_family: FindFamily, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find = find_family
        self._offered: list[Caregiver] = []
        self._key: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("A family member on record to add"))
        self.add = QPushButton(self.tr("Add"))
        self.add.setAccessibleName(self.tr("Add the family member chosen"))
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.choice, 1)
        line.addWidget(self.add)
        self.add.clicked.connect(self._chosen)
        self.refresh([], [])

    def refresh(self, student_ids: list[int], present: list[int]) -> None:
        """Offer the caregivers of `student_ids` who are not `present` on the case already."""
        key = (tuple(student_ids), tuple(present))
        if key == self._key:
            return
        self._key = key
        found = self._find(student_ids) if student_ids else []
        self._offered = [f.caregiver for f in found if f.caregiver.id not in present]
        relation = {f.caregiver.id: f.relation for f in found}
        self.choice.clear()
        if not student_ids:
            self.choice.addItem(self.tr("Family on record: add a student first"))
        elif not self._offered:
            self.choice.addItem(self.tr("No other family member on record for these students"))
        for caregiver in self._offered:
            self.choice.addItem(
                self.tr("{name} ({relation})").format(
                    name=caregiver.display_name, relation=label(relation[caregiver.id])
                ),
                caregiver.id,
            )
        self.choice.setEnabled(bool(self._offered))
        self.add.setEnabled(bool(self._offered))

    def _chosen(self) -> None:
        chosen = self.choice.currentData()
        caregiver = next((c for c in self._offered if c.id == chosen), None)
        if caregiver is not None:
            self.caregiverChosen.emit(caregiver)
