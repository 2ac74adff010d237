"""The Tier 2 and Tier 3 tabs: cases of harm or concern and where each one stands."""

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.records import CaseRow
from rp_desktop.domain.vocabulary import CaseStatus, Tier
from rp_desktop.services import cases
from rp_desktop.services.opening import Database
from rp_desktop.ui.formatting import format_date
from rp_desktop.ui.forms.case_form import CaseForm
from rp_desktop.ui.labels import label
from rp_desktop.ui.list_tab import ListTab
from rp_desktop.ui.record_model import Column


class CasesTab(ListTab):
    """The cases of one tier. Signals: see ListTab."""

    def __init__(self, db: Database, tier: Tier, parent: QWidget | None = None) -> None:
        columns = [
            Column(self.tr("Case"), lambda r: str(r.id), "id", numeric=True),
            Column(self.tr("Date"), lambda r: format_date(r.occurred_on), "occurred_on"),
            Column(self.tr("Status"), lambda r: label(r.status), "status"),
            Column(self.tr("Category"), lambda r: r.category_name, "category"),
            Column(self.tr("Place"), lambda r: r.place, "place"),
        ]
        if tier is Tier.INTENSIVE:
            columns.append(Column(self.tr("Practice"), lambda r: label(r.tier3_kind), "tier3_kind"))
        columns.append(Column(self.tr("People involved"), lambda r: r.people))
        super().__init__(
            columns,
            lambda query, offset, limit: cases.list_cases(db, tier, query, offset, limit),
            order=("occurred_on", True),
            search_hint=self.tr("Search by name, place, category or words  (Ctrl+F)"),
            statuses=list(CaseStatus),
            today=db.today,
            parent=parent,
        )
        self._db = db
        self.tier = tier

    def new_record(self) -> None:
        self._show_form(CaseForm(self._db, self.tier, parent=self))

    def open_record(self, record: CaseRow) -> None:
        form = self._form_for(record)
        form.set_read_only(True)
        self._show_form(form)

    def edit_record(self, record: CaseRow) -> None:
        self._show_form(self._form_for(record))

    def count_text(self, total: int) -> str:
        return self.tr("%n case(s)", "", total)

    def empty_text(self) -> str:
        return self.tr("No {tier} cases yet.\nChoose New (Ctrl+N) to open a case.").format(
            tier=label(self.tier)
        )

    def _form_for(self, record: CaseRow) -> CaseForm:
        return CaseForm(self._db, self.tier, cases.get_case(self._db, record.id), parent=self)

    def _show_form(self, form: CaseForm) -> None:
        form.saved.connect(self.saved)
        form.open()
