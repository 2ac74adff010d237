"""One report, large: its chart, the same numbers as a table under it, and the records behind
the bar (or the table cell) the user picks. Escape or the back button returns to all reports."""

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.reports.model import RecordRef, ReportRequest, ReportTable
from rp_desktop.ui.reports.charts import ReportChartView, chart_or_sentence
from rp_desktop.ui.reports.numbers import NumbersModel
from rp_desktop.ui.reports.records import RecordsList
from rp_desktop.ui.reports.words import (
    empty_sentence,
    key_word,
    reading_aid,
    report_title,
)

RECORDS_LIMIT = 500
FetchRecords = Callable[[ReportRequest, str, str], Sequence[RecordRef]]


class ReportDetail(QWidget):
    """The page of one report.

    Signals:
        backRequested(): the user wants all the reports again.
        recordActivated(object): a RecordRef to open.
    """

    backRequested = Signal()
    recordActivated = Signal(object)

    def __init__(self, fetch_records: FetchRecords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch_records
        self._table: ReportTable | None = None
        self._groups: Mapping[int, str] = {}
        self.back = QPushButton(self.tr("← All reports"))
        self.back.setToolTip(self.tr("Back to all the reports (Esc)"))
        self.back.clicked.connect(self.backRequested)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.aid = QLabel(wordWrap=True)
        self.chart: QWidget = QLabel()
        # Eighty homerooms make a chart taller than the window: it scrolls, never squeezes.
        self.chart_area = QScrollArea(widgetResizable=True)
        self.chart_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_area.setWidget(self.chart)
        self.numbers = NumbersModel(self)
        self.table = QTableView()
        self.table.setModel(self.numbers)
        self.table.setAccessibleName(self.tr("The report's numbers"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentChanged.connect(self._cell_chosen)
        self.records_caption = QLabel(wordWrap=True)
        self.records = RecordsList()
        self.records.recordActivated.connect(self.recordActivated)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        records_side = QWidget()
        side = QVBoxLayout(records_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.records_caption)
        side.addWidget(self.records, 1)
        self.numbers_and_records = QSplitter(Qt.Orientation.Horizontal)
        self.numbers_and_records.addWidget(self.table)
        self.numbers_and_records.addWidget(records_side)
        self.numbers_and_records.setStretchFactor(0, 1)
        self.numbers_and_records.setStretchFactor(1, 1)
        self.main = QSplitter(Qt.Orientation.Vertical)
        self.main.addWidget(self.chart_area)
        self.main.addWidget(self.numbers_and_records)
        self.main.setStretchFactor(0, 1)
        self.main.setStretchFactor(1, 1)
        self.main.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.aid)
        layout.addWidget(self.main, 1)

    @property
    def shown(self) -> ReportTable | None:
        return self._table

    def show_table(self, table: ReportTable, groups: Mapping[int, str]) -> None:
        self._table = table
        self._groups = groups
        kind = table.request.kind
        self.title.setText(report_title(kind))
        self.aid.setText(reading_aid(kind, table.request.breakdown))
        chart = chart_or_sentence(
            table, groups, empty_sentence(kind, table.empty or "no_records"), compact=False
        )
        if isinstance(chart, ReportChartView):
            chart.barClicked.connect(self.list_records)
            chart.setAccessibleName(
                self.tr("Chart: {title}. The same numbers are in the table below.").format(
                    title=report_title(kind)
                )
            )
        self.chart_area.takeWidget().deleteLater()
        self.chart_area.setWidget(chart)
        self.chart = chart
        self.main.setSizes([600, 400])  # shares of the height: the chart first
        self.numbers.set_table(table, groups)
        self.records.show_records([])
        self.records_caption.setText(
            self.tr("Click a bar, or choose a number in the table, to list the records behind it.")
            if table.empty is None
            else ""
        )

    def list_records(self, category: str, series: str) -> None:
        """List the records counted in one bar: `category` and `series` are keys."""
        if self._table is None:
            return
        found = list(self._fetch(self._table.request, category, series))
        where = self.tr("{series} · {category}").format(
            series=key_word(series, self._groups), category=key_word(category, self._groups)
        )
        if not found:
            text = self.tr("No records behind {where}.").format(where=where)
        elif len(found) >= RECORDS_LIMIT:
            text = self.tr("The first {count} records behind {where}:").format(
                count=len(found), where=where
            )
        else:
            text = self.tr("{count} records behind {where}:").format(count=len(found), where=where)
            if len(found) == 1:
                text = self.tr("1 record behind {where}:").format(where=where)
        self.records_caption.setText(text)
        self.records.show_records(found)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape reaches here from the table, the list and the chart, none of which use it.
        if event.key() == Qt.Key.Key_Escape:
            self.backRequested.emit()
            return
        super().keyPressEvent(event)

    def _cell_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        table = self._table
        if table is None or not current.isValid() or current.column() == 0:
            return
        self.list_records(table.categories[current.row()], table.series[current.column() - 1].key)
