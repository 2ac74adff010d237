"""The "Tier 1 · Circles" tab: community circles held, planned or cancelled."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rp_desktop.domain.records import CircleListItem
from rp_desktop.domain.vocabulary import CircleStatus
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.lists.list_tab import ListTab
from rp_desktop.ui.lists.record_model import Column
from rp_desktop.ui.words.formatting import counted, format_date
from rp_desktop.ui.words.labels import label

if TYPE_CHECKING:  # the forms load when first opened, not at start-up
    from rp_desktop.ui.forms.record_form import RecordForm


class CirclesTab(ListTab):
    """Tier 1 circles. Signals: see ListTab."""

    def __init__(
        self, db: Database, school_year: Callable[[], int], parent: QWidget | None = None
    ) -> None:
        columns = [
            Column(self.tr("Date"), lambda r: format_date(r.held_on), "held_on"),
            Column(self.tr("Status"), lambda r: label(r.status), "status"),
            Column(self.tr("Kind"), lambda r: label(r.kind), "kind"),
            Column(self.tr("Group"), lambda r: r.group_name, "group"),
            Column(self.tr("Keeper"), lambda r: r.keeper_name, "keeper", private=True),
            Column(self.tr("Present"), _present, numeric=True),
            Column(self.tr("Minutes"), _minutes, "duration", numeric=True),
            Column(self.tr("Purpose"), lambda r: r.purpose, "purpose", private=True),
        ]
        super().__init__(
            columns,
            lambda query, offset, limit: circles.list_circles(db, query, offset, limit),
            order=("held_on", True),
            search_hint=self.tr("Search by group, keeper or purpose  (Ctrl+F)"),
            statuses=list(CircleStatus),
            today=db.today,
            parent=parent,
        )
        self._db = db
        self._school_year = school_year

    def make_form(self, record_id: int | None) -> "RecordForm":
        # Imported when first needed: start-up does not wait for the forms.
        from rp_desktop.ui.circles.form import CircleForm

        circle = circles.get_circle(self._db, record_id) if record_id is not None else None
        return CircleForm(self._db, circle, school_year=self._school_year(), parent=self)

    def count_text(self, total: int) -> str:
        return counted(total, self.tr("1 circle"), self.tr("{count} circles"))

    def empty_text(self) -> str:
        return self.tr(
            "No Tier 1 circles recorded yet. Choose New (Ctrl+N) to record one, "
            'or "Run a circle" to hold one.'
        )


def _present(row: CircleListItem) -> str:
    """Nobody has attended a circle that is still ahead."""
    return "" if row.status is CircleStatus.PLANNED else str(row.attendance)


def _minutes(row: CircleListItem) -> str:
    return "" if row.duration_minutes is None else str(row.duration_minutes)
