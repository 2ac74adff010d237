"""An agreement: what each person will do to make things right, by when, and whether it happened.
A new one is made at the case's meeting of its day, unless the user says otherwise."""

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.conversation import meeting_on
from rp_desktop.domain.casework.records import (
    Agreement,
    AgreementFields,
    AgreementItemFields,
    CaseDetail,
)
from rp_desktop.domain.validation import FieldProblem
from rp_desktop.domain.vocabulary import AgreementStatus
from rp_desktop.services import people
from rp_desktop.services.casework import agreements
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.forms import form_state
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.form_state import Json
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import choice_combo, current_choice, date_edit, select_data
from rp_desktop.ui.words.formatting import pydate, qdate
from rp_desktop.ui.words.labels import label
from rp_desktop.ui.words.problems import problem_text

# Owners are kept as ("participant", id) or ("staff", id) in the owner drop-down.
Owner = tuple[str, int]


class _ItemRow:
    """One thing agreed: its words, who does it, by when, and where it stands."""

    def __init__(self, owners: list[tuple[str, Owner]], today: QDate, no_owner: str) -> None:
        self.what = QLineEdit()
        self.what.setMinimumWidth(300)  # the widest column: some forty characters
        self.owner = QComboBox()
        self.owner.addItem(no_owner, None)
        for text, owner in owners:
            self.owner.addItem(text, owner)
        self.owner.setSizeAdjustPolicy(  # not as wide as its longest name
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.owner.setMinimumContentsLength(22)  # a name and a part: "Trâm Lê (Person harmed)"
        self.due = date_edit()
        self.due.setDate(today.addDays(7))
        self.status = choice_combo(list(AgreementStatus))
        self.remove = QPushButton("✕")
        self.remove.setFixedWidth(32)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

    def value(self) -> AgreementItemFields:
        owner: Owner | None = self.owner.currentData()
        return AgreementItemFields(
            description=self.what.text(),
            owner_participant_id=owner[1] if owner and owner[0] == "participant" else None,
            owner_staff_id=owner[1] if owner and owner[0] == "staff" else None,
            due_on=pydate(self.due.date()),
            status=current_choice(self.status, AgreementStatus) or AgreementStatus.OPEN,
        )

    def fill(self, item: AgreementItemFields) -> None:
        self.what.setText(item.description)
        if item.owner_participant_id is not None:
            select_data(self.owner, ("participant", item.owner_participant_id))
        elif item.owner_staff_id is not None:
            select_data(self.owner, ("staff", item.owner_staff_id))
        if item.due_on is not None:
            self.due.setDate(qdate(item.due_on))
        select_data(self.status, item.status)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.what, self.owner, self.due, self.status, self.remove)

    def inputs(self) -> dict[str, QWidget]:
        """The row's inputs by name, for drafts."""
        return {"what": self.what, "owner": self.owner, "due": self.due, "status": self.status}


class ItemsEditor(QWidget):
    """The items of an agreement, one line each.

    Signals:
        changed(): an item was added or removed.
    """

    changed = Signal()

    def __init__(
        self, owners: list[tuple[str, Owner]], today: QDate, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._owners = owners
        self._today = today
        self._rows: list[_ItemRow] = []
        self._grid = QGridLayout()
        # "What will be done" is the widest column; every item is due by a date.
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 2)
        for column, text in enumerate(
            (self.tr("What will be done"), self.tr("Who"), self.tr("Due by"), self.tr("Status"))
        ):
            self._grid.addWidget(QLabel(text), 0, column)
        self.add = QPushButton(self.tr("Add an item"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addWidget(self.add)
        self.add.clicked.connect(lambda: self.add_item())

    def items(self) -> tuple[AgreementItemFields, ...]:
        return tuple(row.value() for row in self._rows)

    def add_item(self, item: AgreementItemFields | None = None) -> None:
        row = _ItemRow(self._owners, self._today, self.tr("Who will do it?"))
        row.what.setPlaceholderText(self.tr("For example: repair the locker door"))
        row.what.setAccessibleName(self.tr("What will be done"))
        row.owner.setAccessibleName(self.tr("Who will do it"))
        row.due.setAccessibleName(self.tr("Due by"))
        row.status.setAccessibleName(self.tr("Status"))
        row.remove.setAccessibleName(self.tr("Remove this item"))
        if item is not None:
            row.fill(item)
        line = 1 + len(self._rows) * 2
        for column, widget in enumerate(row.widgets()):
            self._grid.addWidget(widget, line, column)
        self._grid.addWidget(row.problem, line + 1, 0, 1, 5)
        row.remove.clicked.connect(lambda: self._remove(row))
        self._rows.append(row)
        self.changed.emit()

    def draft_state(self) -> list[dict[str, Json]]:
        """Each row as typed, for the form's draft."""
        return [
            {name: form_state.capture(widget) for name, widget in row.inputs().items()}
            for row in self._rows
        ]

    def restore_draft_state(self, state: Json) -> None:
        if not isinstance(state, list):
            return
        self._clear()
        for saved in state:
            self.add_item()
            for name, widget in self._rows[-1].inputs().items():
                if isinstance(saved, dict) and name in saved:
                    form_state.restore(widget, saved[name])
        self.changed.emit()

    def show_problem(self, index: int, text: str) -> None:
        if 0 <= index < len(self._rows):
            self._rows[index].problem.setText(text)
            self._rows[index].problem.show()

    def clear_problems(self) -> None:
        for row in self._rows:
            row.problem.hide()

    def set_read_only(self, read_only: bool) -> None:
        self.add.setVisible(not read_only)
        for row in self._rows:
            for widget in row.widgets():
                widget.setEnabled(not read_only)

    def _remove(self, row: _ItemRow) -> None:
        kept = [r.value() for r in self._rows if r is not row]
        self._clear()
        for item in kept:
            self.add_item(item)
        self.changed.emit()

    def _clear(self) -> None:
        for old in self._rows:
            for widget in (*old.widgets(), old.problem):
                widget.setParent(None)
                widget.deleteLater()
        self._rows = []


class AgreementForm(RecordForm):
    """Make or change a case's agreement. Signals: see RecordForm."""

    def __init__(
        self,
        db: Database,
        detail: CaseDetail,
        agreement: Agreement | None = None,
        parent: QWidget | None = None,
        *,
        meeting_id: int | None = None,
    ) -> None:
        """`meeting_id`: the meeting a new agreement is made at (by default, the case's latest
        meeting on the agreement's day)."""
        super().__init__(self.tr("Agreement") if agreement else self.tr("New agreement"), parent)
        self.setMinimumWidth(1040)  # its items in a row: what (widest), who, by when, status
        self._db = db
        self._case_id = detail.case.id
        self._agreement = agreement
        self.made_on: QDateEdit = self.add_field("made_on", self.tr("&Made on"), date_edit())
        self.meeting: QComboBox = self.add_field(
            "meeting_id", self.tr("At the &meeting"), QComboBox()
        )
        self.items: ItemsEditor = self.add_field(
            "items", self.tr("&Items"), ItemsEditor(_owners(db, detail), qdate(db.today()))
        )
        self.notes: QPlainTextEdit = self.add_field("notes", self.tr("&Notes"), QPlainTextEdit())
        self.notes.setMaximumHeight(100)
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.meeting.addItem(self.tr("Not at a meeting"), None)
        for meeting in detail.meetings:
            when = meeting.fields.held_on.isoformat() if meeting.fields.held_on else ""
            self.meeting.addItem(f"{when} · {label(meeting.fields.kind)}", meeting.id)
        self._meetings = detail.meetings
        self._fill(agreement)
        if agreement is None:
            self._at_meeting(meeting_id)
        self.draft.keep("items", self.items.draft_state, self.items.restore_draft_state)
        agreement_id = agreement.id if agreement else None
        self.draft.start(DraftPlace(db, "agreement", agreement_id, case_id=self._case_id))
        self.remember_initial()

    def values(self) -> AgreementFields:
        return AgreementFields(
            made_on=pydate(self.made_on.date()),
            meeting_id=self.meeting.currentData(),
            notes=self.notes.toPlainText(),
            items=self.items.items(),
        )

    def submit(self, values: AgreementFields) -> int:
        agreement_id = self._agreement.id if self._agreement else None
        saved = agreements.save_agreement(
            self._db, self._case_id, values, agreement_id, replaces_draft=self.draft.key
        )
        self._agreement = saved
        return saved.id

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        super().show_problems(tuple(p for p in problems if p.index is None))
        self.items.clear_problems()
        for problem in problems:
            if problem.index is not None:
                self.items.show_problem(problem.index, problem_text(problem))

    def _at_meeting(self, meeting_id: int | None) -> None:
        """A new agreement: at `meeting_id`, or at the meeting on its day. Until the user
        chooses a meeting themselves, a new day chooses the meeting of that day."""
        chosen = next((m for m in self._meetings if m.id == meeting_id), None)
        if chosen is not None and chosen.fields.held_on is not None:
            self.made_on.setDate(qdate(chosen.fields.held_on))
        on_the_day = meeting_on(self._meetings, pydate(self.made_on.date()))
        select_data(self.meeting, chosen.id if chosen else on_the_day)
        self._meeting_chosen = False
        self.meeting.activated.connect(lambda _index: setattr(self, "_meeting_chosen", True))
        self.made_on.dateChanged.connect(self._day_changed)

    def _day_changed(self, day: QDate) -> None:
        if not self._meeting_chosen:
            self.meeting.setCurrentIndex(0)
            select_data(self.meeting, meeting_on(self._meetings, pydate(day)))

    def _fill(self, agreement: Agreement | None) -> None:
        if agreement is None:
            self.made_on.setDate(qdate(self._db.today()))
            self.items.add_item()
            return
        self.made_on.setDate(qdate(agreement.made_on))
        select_data(self.meeting, agreement.meeting_id)
        self.notes.setPlainText(agreement.notes)
        for item in agreement.items:
            self.items.add_item(item.fields)


def _owners(db: Database, detail: CaseDetail) -> list[tuple[str, Owner]]:
    """The case's people first, then staff who are not already among them."""
    owners: list[tuple[str, Owner]] = [
        (f"{p.display_name} ({label(p.fields.role)})", ("participant", p.id))
        for p in detail.case.participants
    ]
    seated_staff = {p.fields.staff_id for p in detail.case.participants}
    owners += [
        (member.display_name, ("staff", member.id))
        for member in people.list_staff(db)
        if member.id not in seated_staff
    ]
    return owners
