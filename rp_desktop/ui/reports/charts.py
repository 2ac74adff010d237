"""One ReportTable as one chart: categories along the axis, one bar set per series, and a line on
a second axis for a share drawn beside counts (agreements made and the share kept).

Built cheaply, because the Reports tab draws every report at once and has 300 ms for all of
them: one QChart per report, no animation, each bar set filled with one append(list).
A table with nothing to show is not drawn at all: `chart_or_sentence` puts its reason there."""

from collections.abc import Mapping, Sequence
from functools import partial

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QXYSeries,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget

from rp_desktop.domain.reports.model import ReportKind, ReportTable, Series, Unit
from rp_desktop.ui.reports.chart_parts import (
    are_months,
    axis_labels,
    series_colours,
    smaller,
    value_axis,
)
from rp_desktop.ui.reports.words import format_value, key_word, series_unit

# Reports whose series never overlap (a record is in one tier), so stacking shows the total.
STACKED = frozenset({ReportKind.PRACTICES_BY_MONTH, ReportKind.PRACTICE_KINDS})
HORIZONTAL_FROM = 7  # named categories (not months) from this many read better as rows
NAMED_IN_CARD = 16  # more rows than this cannot be named in a small card: the detail names them
# Series the table lists but the chart leaves out: cases opened per tier add up to "opened",
# and four bars a month hid the comparison the chart is for (opened against closed).
NOT_DRAWN = {ReportKind.CASES: frozenset({"tier:2", "tier:3"})}
ROW_PIXELS = 22  # a row of a large chart, so eighty homerooms scroll rather than squeeze


class ReportChartView(QChartView):
    """A report's chart that says which bar was clicked.

    Signals:
        barClicked(str, str): the category key and the series key of the clicked bar.
    """

    barClicked = Signal(str, str)

    def __init__(self, chart: QChart, keys: Sequence[str]) -> None:
        super().__init__(chart)
        self.keys = list(keys)  # category keys in the order the axis draws them
        self.horizontal = False
        self.groups: Mapping[int, str] = {}
        self.named = True  # False when the rows are too many to name in a small card
        self.bar_sets: list[tuple[QBarSet, str]] = []
        self.lines: list[tuple[QXYSeries, str]] = []

    def bar_hovered(self, table: ReportTable, series_key: str, shown: bool, index: int) -> None:
        """The bar's exact number as a tip while the pointer is on it (large charts only)."""
        if not shown or not 0 <= index < len(self.keys):
            QToolTip.hideText()
            return
        category = self.keys[index]
        value = table.value(category, series_key)
        QToolTip.showText(
            QCursor.pos(),
            f"{key_word(series_key, self.groups)} · {key_word(category, self.groups)}: "
            f"{format_value(value, table.unit_of(series_key))}",
            self,
        )

    def bar_clicked(self, series_key: str, index: int) -> None:
        if 0 <= index < len(self.keys):
            self.barClicked.emit(self.keys[index], series_key)

    def point_clicked(self, series_key: str, point: QPointF) -> None:
        self.bar_clicked(series_key, round(point.y() if self.horizontal else point.x()))


def chart_or_sentence(
    table: ReportTable,
    groups: Mapping[int, str],
    empty_text: str,
    *,
    compact: bool,
) -> QWidget:
    """The chart of `table`, or a label with `empty_text` in its place when it is empty."""
    if table.empty is not None or not table.categories or not table.series:
        sentence = QLabel(empty_text, wordWrap=True)
        sentence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sentence.setObjectName("emptyReport")
        sentence.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return sentence
    return report_chart(table, groups, compact=compact)


def report_chart(
    table: ReportTable, groups: Mapping[int, str], *, compact: bool
) -> ReportChartView:
    """Bars for the series in the table's first series' unit; a line on a right-hand axis for
    the others (a share beside counts)."""
    first_unit = series_unit(table, table.series[0])
    left_out = NOT_DRAWN.get(table.request.kind, frozenset())
    drawn = [s for s in table.series if s.key not in left_out]
    bars = [s for s in drawn if series_unit(table, s) is first_unit]
    lines = [s for s in drawn if series_unit(table, s) is not first_unit]
    months = are_months(table.categories)
    horizontal = not months and len(table.categories) >= HORIZONTAL_FROM
    keys = list(table.categories)
    if horizontal:
        keys.reverse()  # Qt draws the first category at the bottom; the list reads top down
    chart = QChart()
    chart.setMargins(QMargins(2, 2, 2, 2) if compact else QMargins(8, 8, 8, 8))
    chart.setBackgroundVisible(False)  # the card or the page behind it is the background
    view = ReportChartView(chart, keys)
    view.horizontal = horizontal
    view.groups = groups
    view.setBackgroundRole(QPalette.ColorRole.Base)
    font = QFont()
    font.setPixelSize(11 if compact else 13)
    category_axis = QBarCategoryAxis()
    category_axis.append(axis_labels(keys, groups, months))
    category_axis.setLabelsFont(smaller(font) if compact and horizontal else font)
    category_axis.setTruncateLabels(False)  # "Ju…" and "…" say nothing; a long name may wrap
    if compact and len(keys) > NAMED_IN_CARD:
        category_axis.setLabelsVisible(False)
        view.named = False
    if horizontal and not compact:
        view.setMinimumHeight(ROW_PIXELS * len(keys) + 90)
    stacked = table.request.kind in STACKED
    series = _bar_series(horizontal, stacked)
    colours = series_colours([column.key for column in table.series])
    for column in bars:
        bar_set = QBarSet(key_word(column.key, groups))
        bar_set.setColor(colours[column.key])
        bar_set.append(_drawn(column, keys, table.categories, first_unit))
        series.append(bar_set)
        bar_set.clicked.connect(partial(view.bar_clicked, column.key))
        if not compact:
            bar_set.hovered.connect(partial(view.bar_hovered, table, column.key))
        view.bar_sets.append((bar_set, column.key))
    series.setBarWidth(0.8)
    chart.addSeries(series)
    values = value_axis(first_unit, _highest(view.bar_sets, stacked), font)
    # A tall chart scrolls: its scales and legend go on top, where the reader starts.
    top = horizontal and not compact
    along, across = (
        (
            Qt.AlignmentFlag.AlignLeft,
            Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignBottom,
        )
        if horizontal
        else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
    )
    _attach(chart, series, category_axis, along)
    _attach(chart, series, values, across)
    if lines:
        line_side = Qt.AlignmentFlag.AlignTop if horizontal else Qt.AlignmentFlag.AlignRight
        _add_lines(chart, view, table, lines, category_axis, groups, font, line_side)
        for line, key in view.lines:
            line.setColor(colours[key])
    # Rows of practice kinds need the room; each kind belongs to one tier anyway.
    _legend(chart, 1 if horizontal and compact else len(table.series), font, top)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


def _bar_series(horizontal: bool, stacked: bool) -> QAbstractBarSeries:
    if horizontal:
        return QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
    return QStackedBarSeries() if stacked else QBarSeries()


def _add_lines(
    chart: QChart,
    view: ReportChartView,
    table: ReportTable,
    lines: Sequence[Series],
    category_axis: QBarCategoryAxis,
    groups: Mapping[int, str],
    font: QFont,
    side: Qt.AlignmentFlag,
) -> None:
    unit = series_unit(table, lines[0])
    highest = 0.0
    drawn = []
    for column in lines:
        # Months follow each other, so a line joins them; groups do not, so they get dots.
        line = QLineSeries() if are_months(table.categories) else QScatterSeries()
        line.setName(key_word(column.key, groups))
        if isinstance(line, QScatterSeries):
            line.setMarkerSize(9)
        else:
            line.setPointsVisible(True)
        values = _drawn(column, view.keys, table.categories, unit, gaps=True)
        # A month with nothing to compute has no point, rather than a point at zero.
        line.append(
            [
                QPointF(v, i) if view.horizontal else QPointF(i, v)
                for i, v in enumerate(values)
                if v is not None
            ]
        )
        highest = max([highest, *(v for v in values if v is not None)])
        chart.addSeries(line)
        line.clicked.connect(partial(view.point_clicked, column.key))
        view.lines.append((line, column.key))
        drawn.append(line)
    axis = value_axis(unit, highest, font)
    chart.addAxis(axis, side)
    for line in drawn:
        line.attachAxis(category_axis)
        line.attachAxis(axis)


def _attach(
    chart: QChart, series: QAbstractBarSeries, axis: QAbstractAxis, side: Qt.AlignmentFlag
) -> None:
    chart.addAxis(axis, side)
    series.attachAxis(axis)


def _drawn(
    column: Series,
    keys: Sequence[str],
    categories: Sequence[str],
    unit: Unit,
    *,
    gaps: bool = False,
) -> list[float]:
    """The column's values in drawing order; a share as a percentage. None becomes 0 for a bar
    (a bar cannot be missing) and stays None for a line's point when `gaps`."""
    scale = 100.0 if unit is Unit.SHARE else 1.0
    position = {key: i for i, key in enumerate(categories)}
    out = []
    for key in keys:
        value = column.values[position[key]]
        out.append(None if value is None and gaps else (value or 0.0) * scale)
    return out  # type: ignore[return-value]


def _highest(bar_sets: Sequence[tuple[QBarSet, str]], stacked: bool) -> float:
    if not bar_sets:
        return 0.0
    count = bar_sets[0][0].count()
    if stacked:
        return max((sum(s.at(i) for s, _ in bar_sets) for i in range(count)), default=0.0)
    return max((s.at(i) for s, _ in bar_sets for i in range(count)), default=0.0)


def _legend(chart: QChart, series_count: int, font: QFont, top: bool) -> None:
    legend = chart.legend()
    if series_count < 2:
        legend.hide()
        return
    legend.setFont(font)
    legend.setAlignment(Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignBottom)
