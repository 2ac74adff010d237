"""The shape every list screen shares: search, filters, New / Open / Edit, and the table."""

from collections.abc import Callable, Sequence
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.records import ListQuery
from rp_desktop.ui.lists.date_range import DateRangeFilter
from rp_desktop.ui.lists.keys import ListKeys
from rp_desktop.ui.lists.record_model import Column, Fetch, RecordTableModel
from rp_desktop.ui.lists.record_table import RecordTableView
from rp_desktop.ui.words.formatting import counted, format_count
from rp_desktop.ui.words.labels import label

if TYPE_CHECKING:  # the forms load when first opened, not at start-up
    from rp_desktop.services.safekeeping.database import Database
    from rp_desktop.ui.forms.record_form import RecordForm


class ListTab(QWidget):
    """A searchable list of one kind of record. Subclasses say what New, Open and Edit do.

    Signals:
        recordsChanged(): something was saved from this tab; other lists may need a reload.
    """

    recordsChanged = Signal()
    _db: "Database"  # each kind of list keeps the database it reads

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Fetch,
        *,
        search_hint: str,
        order: tuple[str, bool],
        statuses: Sequence[Enum] = (),
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = RecordTableModel(columns, fetch, self)
        self.columns, self.fetch = tuple(columns), fetch  # for exporting every matching row
        self.model.set_order(*order)
        self._make_filters(search_hint, statuses, today)
        self.new_button = QPushButton(self.tr("New"))
        self.open_button = QPushButton(self.tr("Open"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save every row this list shows as CSV or Excel"))
        self.table = RecordTableView(self.model)
        self.empty = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty.setObjectName("emptyState")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        self.count = QLabel()
        self._lay_out()
        self._connect()

    def _make_filters(
        self, search_hint: str, statuses: Sequence[Enum], today: Callable[[], date] | None
    ) -> None:
        self.search = QLineEdit(placeholderText=search_hint, clearButtonEnabled=True)
        self.search.setAccessibleName(self.tr("Search"))
        hint_width = self.search.fontMetrics().horizontalAdvance(search_hint)
        self.search.setMinimumWidth(hint_width + 40)  # the hint read whole, and the clear button
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), None)
        for status in statuses:
            self.status.addItem(label(status), status.value)
        self.status.setVisible(bool(statuses))
        self.dates = DateRangeFilter(today) if today else None

    # -- to be given by each kind of list -------------------------------------------------------
    def make_form(self, record_id: int | None) -> "RecordForm":
        """The form for the record with this id as it is saved now, or for a new one."""
        raise NotImplementedError

    def count_text(self, total: int) -> str:
        return counted(total, self.tr("1 record"), self.tr("{count} records"))

    def empty_text(self) -> str:
        """What the list says when there is nothing in it yet: what to do next, one sentence."""
        return self.tr("Nothing here yet. Choose New (Ctrl+N) to add the first record.")

    def no_match_text(self, text: str) -> str:
        """What the list says when the search finds nothing (lists of people say "No one")."""
        return self.tr('Nothing matches "{text}". Check the spelling or clear the search.').format(
            text=text
        )

    def filtered_empty_text(self) -> str:
        """What the list says when its filters, with no search, leave nothing."""
        return self.tr(
            'Nothing matches these filters. Choose "Any status" and "Any date" to see all.'
        )

    def extra_filters(self, query: ListQuery) -> ListQuery:
        """Let a subclass add its own filters to the query."""
        return query

    # -- shared behaviour -----------------------------------------------------------------------
    def new_record(self) -> None:
        self._show_form(self.make_form(None))

    def open_record(self, record: Any) -> None:
        form = self.make_form(record.id)
        form.set_read_only(True)
        self._show_form(form)

    def edit_record(self, record: Any) -> None:
        self.edit_record_id(record.id)

    def edit_record_id(self, record_id: int) -> None:
        self._show_form(self.make_form(record_id))

    def reload(self) -> None:
        """Run the current search and filters again, keeping the selection where possible."""
        selected = self.selected_record()
        self.model.set_query(self.current_query())
        if selected is not None:
            self.select_record(selected.id)

    def current_query(self) -> ListQuery:
        start, end = self.dates.selected() if self.dates else (None, None)
        query = ListQuery(
            text=self.search.text(),
            status=self.status.currentData(),
            date_from=start,
            date_to=end,
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )
        return self.extra_filters(query)

    @property
    def database(self) -> "Database":
        return self._db

    def export_list(self) -> None:
        """Save every record that matches the search and filters to a file (lists/export.py)."""
        # Imported when first used: the spreadsheet library is not needed to start.
        from rp_desktop.ui.lists import export

        tier = getattr(self, "tier", None)
        name = export.list_name(self.count_text(2), None if tier is None else int(tier))
        total = self.model.total
        contents = export.ListContents(name, self.columns, self.fetch, self.model.query, total)
        done = export.export_list(self, self.database, contents)
        if done is not None:
            written, path = done
            self.count.setText(
                self.tr("{count} · {rows} rows exported to {file}").format(
                    count=self.count_text(total), rows=format_count(written), file=path.name
                )
            )

    def is_filtering(self) -> bool:
        return bool(
            self.search.text().strip()
            or self.status.currentData()
            or (self.dates and self.dates.is_filtering())
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_record(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_record(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectRow(row)

    def saved(self, record_id: int) -> None:
        """After a form saved a record: reload every list, and show the saved one here."""
        self.recordsChanged.emit()
        self.select_record(record_id)

    # -- private --------------------------------------------------------------------------------
    def add_filter(self, widget: QWidget) -> None:
        """Another filter, after the shared ones."""
        self._filters.insertWidget(self._filters.indexOf(self._stretch_at) + 1, widget)

    def add_action(self, button: QPushButton) -> None:
        """Another button, after New, Open and Edit."""
        self._filters.addWidget(button)

    def _lay_out(self) -> None:
        self._filters = QHBoxLayout()
        self._filters.addWidget(self.search, 3)
        self._filters.addWidget(self.status)
        self._stretch_at: QWidget = self.status
        if self.dates:
            self._filters.addWidget(self.dates)
            self._stretch_at = self.dates
        self._filters.addStretch(1)
        for button in (self.new_button, self.open_button, self.edit_button, self.export_button):
            self._filters.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.count)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        if self.dates:
            self.dates.rangeChanged.connect(self.reload)
        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(lambda: self._with_selected(self.open_record))
        self.edit_button.clicked.connect(lambda: self._with_selected(self.edit_record))
        self.export_button.clicked.connect(self.export_list)
        self.table.doubleClicked.connect(self._open_at)
        self.model.totalChanged.connect(self._show_total)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.keys = ListKeys(
            self, self.search, self.table, lambda: self._with_selected(self.open_record)
        )

    def _show_form(self, form: "RecordForm") -> None:
        form.saved.connect(self.saved)
        form.open()

    def _with_selected(self, action: Callable[[Any], None]) -> None:
        record = self.selected_record()
        if record is not None:
            action(record)

    def _open_at(self, index: QModelIndex) -> None:
        self.open_record(self.model.record(index.row()))

    def _show_total(self, total: int) -> None:
        self.count.setText(self.count_text(total))
        self.export_button.setEnabled(total > 0)
        if total:
            self.pages.setCurrentWidget(self.table)
        else:
            self.empty.setText(self._empty_sentence())
            self.pages.setCurrentWidget(self.empty)

    def _empty_sentence(self) -> str:
        """Why the list is empty and what to do about it: the search, the filters, or nothing
        recorded yet."""
        text = self.search.text().strip()
        if text:
            return self.no_match_text(text)
        return self.filtered_empty_text() if self.is_filtering() else self.empty_text()

    def _update_buttons(self) -> None:
        has_selection = self.table.selectionModel().hasSelection()
        self.open_button.setEnabled(has_selection)
        self.edit_button.setEnabled(has_selection)
