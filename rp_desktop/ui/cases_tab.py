"""The Tier 2 and Tier 3 tabs: cases of harm or concern and where each one stands."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.records import CaseRow
from rp_desktop.domain.vocabulary import CaseStatus, Tier
from rp_desktop.services import cases
from rp_desktop.services.opening import Database
from rp_desktop.ui.formatting import counted, format_date
from rp_desktop.ui.labels import label
from rp_desktop.ui.list_tab import ListTab
from rp_desktop.ui.record_model import Column

if TYPE_CHECKING:  # the forms load when first opened, not at start-up
    from rp_desktop.ui.forms.record_form import RecordForm


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

    def make_form(self, record: CaseRow | None) -> "RecordForm":
        # Imported when first needed: start-up does not wait for the forms.
        from rp_desktop.ui.forms.case_form import CaseForm

        case = cases.get_case(self._db, record.id) if record else None
        return CaseForm(self._db, self.tier, case, parent=self)

    def count_text(self, total: int) -> str:
        return counted(total, self.tr("1 case"), self.tr("{count} cases"))

    def empty_text(self) -> str:
        return self.tr("No {tier} cases yet.\nChoose New (Ctrl+N) to open a case.").format(
            tier=label(self.tier)
        )
