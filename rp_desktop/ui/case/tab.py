"""The "Tier 2 · Cases" and "Tier 3 · Cases" tabs: cases of harm or concern and where each
one stands."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from rp_desktop.domain.records import CaseListItem
from rp_desktop.domain.vocabulary import CaseStatus, Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.lists.list_tab import ListTab
from rp_desktop.ui.lists.record_model import Column
from rp_desktop.ui.words.formatting import counted, format_date
from rp_desktop.ui.words.labels import label

if TYPE_CHECKING:  # the forms load when first opened, not at start-up
    from rp_desktop.ui.forms.record_form import RecordForm


class CasesTab(ListTab):
    """The cases of one tier.

    Signals (besides ListTab's):
        circleRequested(int): the keeper wants to run a circle for this case (its id).
        caseOpenRequested(int): open the case's own window (its id).
        conversationRequested(): record a new restorative conversation (Tier 2).
    """

    circleRequested = Signal(int)
    caseOpenRequested = Signal(int)
    conversationRequested = Signal()

    def __init__(self, db: Database, tier: Tier, parent: QWidget | None = None) -> None:
        columns = [
            Column(self.tr("Case"), lambda r: str(r.id), "id", numeric=True),
            Column(self.tr("Date"), lambda r: format_date(r.occurred_on), "occurred_on"),
            Column(self.tr("Status"), lambda r: label(r.status), "status"),
            Column(self.tr("Category"), lambda r: r.category_name, "category"),
            Column(self.tr("Place"), lambda r: r.place, "place", private=True),
        ]
        if tier is Tier.INTENSIVE:
            columns.append(Column(self.tr("Practice"), lambda r: label(r.tier3_kind), "tier3_kind"))
        columns.append(Column(self.tr("People involved"), lambda r: r.people, private=True))
        super().__init__(
            columns,
            lambda query, offset, limit: cases.list_cases(db, tier, query, offset, limit),
            order=("occurred_on", True),
            search_hint=self.tr("Search names, places, categories  (Ctrl+F)"),
            statuses=list(CaseStatus),
            today=db.today,
            parent=parent,
        )
        self._db = db
        self.tier = tier
        if tier is Tier.TARGETED:
            self.conversation_button = QPushButton(self.tr("New conversation…"))
            self.conversation_button.setAccessibleName(self.tr("New conversation"))
            self.add_action(self.conversation_button)
            self.conversation_button.clicked.connect(self.conversationRequested)
        self.circle_button = QPushButton(self.tr("Run a circle for this case"))
        self.add_action(self.circle_button)
        self.circle_button.clicked.connect(self._request_circle)
        self.table.selectionModel().selectionChanged.connect(self._sync_circle_button)
        self.model.modelReset.connect(self._sync_circle_button)
        self._sync_circle_button()

    def make_form(self, record_id: int | None) -> "RecordForm":
        # Imported when first needed: start-up does not wait for the forms.
        from rp_desktop.ui.case.form import CaseForm

        case = cases.get_case(self._db, record_id) if record_id is not None else None
        form = CaseForm(self._db, self.tier, case, parent=self)
        form.caseOpened.connect(self.caseOpenRequested)  # a new case opens once saved
        return form

    def count_text(self, total: int) -> str:
        return counted(total, self.tr("1 case"), self.tr("{count} cases"))

    def empty_text(self) -> str:
        return self.tr(
            "No {tier} cases yet. Choose New (Ctrl+N) to record what happened and who was in it."
        ).format(tier=label(self.tier))

    def no_match_text(self, text: str) -> str:
        return self.tr('No case matches "{text}". Check the spelling or clear the search.').format(
            text=text
        )

    def filtered_empty_text(self) -> str:
        return self.tr(
            'No case matches these filters. Choose "Any status" and "Any date" to see them all.'
        )

    def open_record(self, record: CaseListItem) -> None:
        """Open shows the whole case: its meetings, agreement, follow-up and plans."""
        self.caseOpenRequested.emit(record.id)

    def _request_circle(self) -> None:
        case = self.selected_record()
        if case is not None:
            self.circleRequested.emit(case.id)

    def _sync_circle_button(self) -> None:
        self.circle_button.setEnabled(self.selected_record() is not None)
