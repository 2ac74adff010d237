"""Triage's choices: the decision as four clear buttons, and each referred student's part in
the case a decision opens."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.continuum.kinds import ReferralDecision
from rp_desktop.domain.continuum.referrals import CASE_ROLES, Referral
from rp_desktop.domain.vocabulary import Role
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, select_data


class DecisionChoice(QWidget):
    """The four decisions as radio buttons, none chosen at first.

    Signals:
        changed(): a decision was chosen.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        texts = {
            ReferralDecision.QUICK_LOG: self.tr("A &quick log: a chat or a small conference"),
            ReferralDecision.TIER2_CASE: self.tr("A Tier &2 case"),
            ReferralDecision.TIER3_CASE: self.tr("A Tier &3 case"),
            ReferralDecision.NO_ACTION: self.tr("&No action, with the reason"),
        }
        self.group = QButtonGroup(self)
        self.buttons: dict[ReferralDecision, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for decision, text in texts.items():
            button = QRadioButton(text)
            self.group.addButton(button)
            self.buttons[decision] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)  # a click beside it misses
        self.group.buttonToggled.connect(self._toggled)

    def decision(self) -> ReferralDecision | None:
        return next((d for d, b in self.buttons.items() if b.isChecked()), None)

    def _toggled(self, _button: QRadioButton, on: bool) -> None:
        if on:
            self.changed.emit()


class RolesField(QWidget):
    """Each referred student's part in the case: a harm role, or the neutral Student."""

    def __init__(self, referral: Referral, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.combos: list[tuple[int, QComboBox]] = []
        self._names: list[QLabel] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self.show_students(referral)

    def show_students(self, referral: Referral) -> None:
        """A row for each of the referral's students; a student still there keeps the part
        already chosen (the referral was corrected while being decided)."""
        chosen = dict(self.roles())
        for widget in (*self._names, *(combo for _id, combo in self.combos)):
            widget.setParent(None)
            widget.deleteLater()
        self._names, self.combos = [], []
        fields = referral.fields
        for row, (student_id, name) in enumerate(
            zip(fields.student_ids, referral.student_names, strict=True)
        ):
            combo = choice_combo(CASE_ROLES, none_text=self.tr("Choose a part…"))
            combo.setAccessibleName(self.tr("{name}: part in the case").format(name=name))
            select_data(combo, chosen.get(student_id))
            self._names.append(QLabel(name))
            self._grid.addWidget(self._names[-1], row, 0)
            self._grid.addWidget(combo, row, 1)
            self.combos.append((student_id, combo))
        self._grid.addWidget(self.problem, len(self.combos), 0, 1, 2)

    def roles(self) -> tuple[tuple[int, Role | None], ...]:
        return tuple((student_id, current_choice(c, Role)) for student_id, c in self.combos)
