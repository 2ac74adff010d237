"""The case window's "Family contacts" tab: every contact with the case's families, newest
first, with who was contacted, how, what came of it and in which language; log, change or
remove one; and print letters for families in their home language (an invitation to a planned
meeting, or the agreement)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.domain.continuum.caregivers import Contact
from rp_desktop.domain.continuum.kinds import MeetingStatus
from rp_desktop.services.continuum import caregivers, contacts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.families import letters
from rp_desktop.ui.families.contact_form import ContactForm
from rp_desktop.ui.families.languages import language_name
from rp_desktop.ui.families.rows_table import rows_table
from rp_desktop.ui.words.formatting import format_date
from rp_desktop.ui.words.labels import label


class ContactsPanel(QWidget):
    """Signals: changed(): a contact was logged, changed or removed (letters printed too)."""

    changed = Signal()

    def __init__(self, db: Database, school: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._school = school
        self._detail: CaseDetail | None = None
        self.shown: list[Contact] = []
        self.empty = QLabel(
            self.tr("No contact with the family logged yet. Log calls, meetings and letters.")
        )
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.table = self._make_table()
        self.buttons = {
            key: QPushButton(text)
            for key, text in (
                ("add", self.tr("Log a contact…")),
                ("edit", self.tr("Edit…")),
                ("remove", self.tr("Remove")),
                ("invite", self.tr("Print invitation…")),
                ("letter", self.tr("Print letter for family…")),
            )
        }
        self.form: ContactForm | None = None
        self._lay_out()
        self.buttons["add"].clicked.connect(self.add_contact)
        self.buttons["edit"].clicked.connect(self.edit_contact)
        self.buttons["remove"].clicked.connect(self.remove_contact)
        self.buttons["invite"].clicked.connect(self.print_invitation)
        self.buttons["letter"].clicked.connect(self.print_letter)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.doubleClicked.connect(self.edit_contact)

    def show_detail(self, detail: CaseDetail) -> None:
        self._detail = detail
        self.shown = contacts.case_contacts(self._db, detail.case.id)
        self.table.setRowCount(len(self.shown))
        for row, contact in enumerate(self.shown):
            for column, text in enumerate(self._cells(contact)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.shown)
        planned = any(m.fields.status is MeetingStatus.PLANNED for m in detail.meetings)
        self.buttons["invite"].setEnabled(planned)
        self.buttons["invite"].setToolTip(
            "" if planned else self.tr("Plan a meeting first (Meetings tab).")
        )
        self.buttons["letter"].setEnabled(bool(detail.agreements))
        self.buttons["letter"].setToolTip(
            "" if detail.agreements else self.tr("Make an agreement first (Agreement tab).")
        )
        self._sync_buttons()

    def selected(self) -> Contact | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows else None

    def add_contact(self) -> ContactForm | None:
        return self._open(None)

    def edit_contact(self) -> ContactForm | None:
        chosen = self.selected()
        return self._open(chosen) if chosen is not None else None

    def print_invitation(self) -> bool:
        if self._detail is None:
            return False
        printed = letters.print_invitation(self, self._db, self._school, self._detail)
        if printed:
            self._saved()
        return printed

    def print_letter(self) -> bool:
        if self._detail is None:
            return False
        printed = letters.print_agreement_letter(self, self._db, self._school, self._detail)
        if printed:
            self._saved()
        return printed

    def remove_contact(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if dialogs.confirm(
            self,
            self.tr("Remove this contact"),
            self.tr("Remove the {kind} of {day} from the case's family contacts?").format(
                kind=label(chosen.fields.kind).lower(),
                day=format_date(chosen.fields.contacted_on),
            ),
            self.tr("Remove"),
            self.tr("Keep"),
        ):
            contacts.delete_contact(self._db, chosen.id)
            self._saved()

    def _open(self, contact: Contact | None) -> ContactForm | None:
        if self._detail is None:
            return None
        case_id = self._detail.case.id
        families = caregivers.caregivers_of_case(self._db, case_id)
        form = ContactForm(self._db, case_id, families, contact, self)
        self.form = form
        form.saved.connect(lambda _id: self._saved())
        form.open()
        return form

    def _saved(self) -> None:
        if self._detail is not None:
            self.show_detail(self._detail)
        self.changed.emit()

    def _cells(self, contact: Contact) -> tuple[str, ...]:
        fields = contact.fields
        return (
            format_date(fields.contacted_on),
            contact.caregiver_name or self.tr("Family (not on record)"),
            label(fields.kind),
            label(fields.outcome),
            language_name(fields.language),
            contact.staff_name,
            " ".join(fields.note.split())[:120],
        )

    def _make_table(self) -> QTableWidget:
        headers = [
            self.tr("Date"),
            self.tr("With"),
            self.tr("How"),
            self.tr("Outcome"),
            self.tr("Language"),
            self.tr("By"),
            self.tr("Note"),
        ]
        return rows_table(headers, self.tr("Family contacts, newest first"))

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        for key in ("add", "edit", "remove"):
            actions.addWidget(self.buttons[key])
        actions.addStretch(1)
        letters = QHBoxLayout()
        letters.addWidget(QLabel(self.tr("Letters in the family's language:")))
        for key in ("invite", "letter"):
            letters.addWidget(self.buttons[key])
        letters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(letters)

    def _sync_buttons(self) -> None:
        chosen = self.selected() is not None
        self.buttons["edit"].setEnabled(chosen)
        self.buttons["remove"].setEnabled(chosen)
