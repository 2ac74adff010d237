"""The audit trail: who did what to which record and when, newest first, with a line at the top
saying whether the trail is still whole. Records are named by kind and number only ("Case #12"),
never by a person's name."""

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSize, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import ListQuery, Page
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import audit, audit_sealing
from rp_desktop.services.audit import ChainState, LoggedEvent
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.lists.date_range import DateRangeFilter
from rp_desktop.ui.lists.record_model import Column, RecordTableModel
from rp_desktop.ui.safekeeping.audit_words import trail_lines
from rp_desktop.ui.screen_fit import fit_to_screen
from rp_desktop.ui.words.formatting import counted, format_count, format_date
from rp_desktop.ui.words.labels import label

WHOLE_STYLE = "color: #1b5e20;"
BROKEN_STYLE = "color: #b00020; font-weight: bold;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditViewer", text)


# The kinds of record events name, in the words of the screens that show them.
_RECORD_WORDS = {
    "student": lambda: _tr("Student"),
    "case": lambda: _tr("Case"),
    "community_circle": lambda: _tr("Circle"),
    "circle_run": lambda: _tr("Circle run"),
    "meeting": lambda: _tr("Meeting"),
    "agreement": lambda: _tr("Agreement"),
    "agreement_item": lambda: _tr("Agreed item"),
    "follow_up": lambda: _tr("Follow-up"),
    "tier_change": lambda: _tr("Tier change"),
    "support_plan": lambda: _tr("Support plan"),
    "progress_entry": lambda: _tr("Progress check"),
    "re_entry_plan": lambda: _tr("Re-entry plan of case"),
    "case_category": lambda: _tr("Category"),
    "prompt": lambda: _tr("Prompt"),
    "circle_plan": lambda: _tr("Circle plan"),
}
# Events about many records at once, or about the database as a whole, name no record.
_WHOLE_WORDS = {
    "student": lambda: _tr("The student roster"),
    "school_setting": lambda: _tr("School settings"),
    "circle_library": lambda: _tr("The built-in circle library"),
    "demo_data": lambda: _tr("A made-up sample school"),
    "database": lambda: _tr("The whole database"),
}


def record_text(entity: str, entity_id: int | None) -> str:
    """ "Case #12"; the kind alone for an event about no one record."""
    if entity_id is None:
        whole = _WHOLE_WORDS.get(entity)
        return whole() if whole else _plain(entity)
    words = _RECORD_WORDS.get(entity)
    return f"{words() if words else _plain(entity)} #{entity_id}"


def detail_text(detail: str) -> str:
    """ "case=12 items=1" as "case 12, items 1": field names and counts, easier on the eye."""
    parts = detail.split(" ")
    if not all("=" in part for part in parts):
        return detail
    return ", ".join(
        f"{name.replace('_', ' ')} {value.replace('_', ' ')}"
        for name, _, value in (part.partition("=") for part in parts)
    )


def when_text(at: datetime) -> str:
    """The moment in the user's own time zone, the way their locale writes it."""
    local = at.astimezone()
    time = QTime(local.hour, local.minute, local.second)
    return f"{format_date(local.date())} {QLocale().toString(time, QLocale.FormatType.ShortFormat)}"


def chain_text(state: ChainState) -> str:
    lines = trail_lines(state.events, state.broken, state.seals, state.behind)
    text = " ".join(sentence for _, sentence in lines)
    if all(passed for passed, _ in lines):
        return text
    return _tr(
        "{found} Someone changed the database outside RP Desktop. Tell your school's IT "
        "contact, and keep your backups."
    ).format(found=text)


def _plain(entity: str) -> str:
    return entity.replace("_", " ").capitalize()


def _columns() -> list[Column]:
    unreadable = _tr("Unreadable")
    return [
        Column(_tr("Event"), lambda e: format_count(e.id), numeric=True),
        Column(_tr("When"), lambda e: when_text(e.entry.at) if e.entry else ""),
        Column(_tr("Who"), lambda e: e.entry.actor if e.entry else ""),
        Column(_tr("What"), lambda e: label(e.entry.action) if e.entry else unreadable),
        Column(
            _tr("Record"),
            lambda e: record_text(e.entry.entity, e.entry.entity_id) if e.entry else "",
        ),
        Column(_tr("Details"), lambda e: detail_text(e.entry.detail) if e.entry else ""),
    ]


class AuditViewer(QDialog):
    """The audit trail, filtered by action and by date, fetched a page at a time."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Audit trail"))
        fit_to_screen(self, QSize(1100, 640), "audit")
        self.chain = QLabel(wordWrap=True)
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("Every action"), None)
        for action in AuditAction:
            self.action.addItem(label(action), action.value)
        self.dates = DateRangeFilter(db.today)
        self.shown = QLabel()
        self._up_to: int | None = None  # the event the list starts at; None for the newest
        self.jump = QPushButton()
        self.jump.clicked.connect(self._toggle_jump)
        self.model = RecordTableModel(_columns(), self._fetch, self)
        self.table = self._table()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.action)
        filters.addWidget(self.dates)
        filters.addStretch(1)
        filters.addWidget(self.shown)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.chain, 1)
        top.addWidget(self.jump)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.model.totalChanged.connect(self._show_total)
        self.action.currentIndexChanged.connect(self.reload)
        self.dates.rangeChanged.connect(self.reload)
        self.show_chain()
        self.reload()

    def show_chain(self) -> None:
        """Walk the whole chain again and say whether it holds."""
        self.state = audit_sealing.chain_state(self._db)
        self.chain.setText(chain_text(self.state))
        self.chain.setStyleSheet(WHOLE_STYLE if self.state.intact else BROKEN_STYLE)
        self._up_to = None
        self._show_jump()

    def reload(self) -> None:
        start, end = self.dates.selected()
        self.model.set_query(
            ListQuery(status=self.action.currentData(), date_from=start, date_to=end)
        )

    def _toggle_jump(self) -> None:
        where = self.state.first_problem
        self._up_to = None if self._up_to is not None else where
        self._show_jump()
        self.reload()

    def _show_jump(self) -> None:
        where = self.state.first_problem
        self.jump.setVisible(where is not None)
        if self._up_to is not None:
            self.jump.setText(self.tr("Show the newest events"))
        elif where is not None:
            number = format_count(where)
            self.jump.setText(self.tr("Show event {number}").format(number=number))

    def _fetch(self, query: ListQuery, offset: int, limit: int) -> Page[Any]:
        # The model asks for whole pages, so the offset is always a multiple of the limit.
        return audit.list_events(
            self._db,
            page=offset // limit,
            page_size=limit,
            action=AuditAction(query.status) if query.status else None,
            date_from=query.date_from,
            date_to=query.date_to,
            up_to_id=self._up_to,
        )

    def _show_total(self, total: int) -> None:
        self.shown.setText(counted(total, self.tr("1 event"), self.tr("{count} events")))

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        return table

    def events_shown(self) -> list[LoggedEvent]:
        return [self.model.record(row) for row in range(self.model.rowCount())]


def open_audit_viewer(parent: QWidget | None, db: Database) -> None:
    """Show the audit trail until the user closes it."""
    dialogs.wait_for(AuditViewer(db, parent))  # locking hides it; unlocking brings it back
