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
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget

from rp_desktop.domain.reports.model import ReportTable, Series
from rp_desktop.ui.reports.chart_parts import (
    ChartShape,
    axis_labels,
    drawn_values,
    series_colours,
    smaller,
    value_axis,
)
from rp_desktop.ui.reports.words import format_value, key_word, series_unit

# More series than this are named in smaller type under a small chart, so that every name fits
# in one line of a card (the five levels of the continuum).
SMALL_LEGEND_FROM = 4
NAMED_IN_CARD = 16  # more rows than this cannot be named in a small card: the detail names them
ROW_PIXELS = 22  # a row of a large chart, so eighty homerooms scroll rather than squeeze


class ReportChartView(QChartView):
    """The chart of one report table, small (`compact`, in an overview card) or large: bars for
    the series in the first series' unit, a line on a second axis for the others. It says
    which bar was clicked.

    Signals:
        barClicked(str, str): the category key and the series key of the clicked bar.
    """

    barClicked = Signal(str, str)

    def __init__(self, table: ReportTable, groups: Mapping[int, str], *, compact: bool) -> None:
        shape = ChartShape.of(table)
        super().__init__(_bare_chart(compact))
        self.table = table
        self.groups = groups
        self.compact = compact
        self.keys = shape.keys
        self.horizontal = shape.horizontal
        self.named = not (compact and len(shape.keys) > NAMED_IN_CARD)  # every row named
        self.bar_sets: list[tuple[QBarSet, str]] = []
        self.lines: list[tuple[QXYSeries, str]] = []
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._draw(shape)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)

    def bar_hovered(self, series_key: str, shown: bool, index: int) -> None:
        """The bar's exact number as a tip while the pointer is on it (large charts only)."""
        if not shown or not 0 <= index < len(self.keys):
            QToolTip.hideText()
            return
        category = self.keys[index]
        value = self.table.value(category, series_key)
        QToolTip.showText(
            QCursor.pos(),
            f"{key_word(series_key, self.groups)} · {key_word(category, self.groups)}: "
            f"{format_value(value, self.table.unit_of(series_key))}",
            self,
        )

    def bar_clicked(self, series_key: str, index: int) -> None:
        if 0 <= index < len(self.keys):
            self.barClicked.emit(self.keys[index], series_key)

    def point_clicked(self, series_key: str, point: QPointF) -> None:
        self.bar_clicked(series_key, round(point.y() if self.horizontal else point.x()))

    def _draw(self, shape: ChartShape) -> None:
        font = QFont()
        font.setPixelSize(11 if self.compact else 13)
        category_axis = self._category_axis(shape, font)
        if shape.horizontal and not self.compact:
            self.setMinimumHeight(ROW_PIXELS * len(shape.keys) + 90)
        colours = series_colours([column.key for column in self.table.series])
        bars = self._add_bars(shape, colours)
        values = value_axis(shape.unit, _highest(self.bar_sets, shape.stacked), font)
        # A tall chart scrolls: its scales and legend go on top, where the reader starts.
        top = shape.horizontal and not self.compact
        along, across = _axis_sides(shape.horizontal, top)
        _attach(self.chart(), bars, category_axis, along)
        _attach(self.chart(), bars, values, across)
        if shape.lines:
            self._add_lines(shape, category_axis, font)
            for line, key in self.lines:
                line.setColor(colours[key])
        # Rows of practice kinds need the room; each kind belongs to one tier anyway.
        shown = 1 if shape.horizontal and self.compact else len(self.table.series)
        crowded = self.compact and len(shape.bars) + len(shape.lines) > SMALL_LEGEND_FROM
        _legend(self.chart(), shown, smaller(font) if crowded else font, top)
        if crowded:
            self.chart().legend().setContentsMargins(0, 0, 0, 0)
            self.chart().legend().setShowToolTips(True)  # a name cut short is whole in its tip

    def _category_axis(self, shape: ChartShape, font: QFont) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append(axis_labels(shape.keys, self.groups, shape.months))
        axis.setLabelsFont(smaller(font) if self.compact and shape.horizontal else font)
        axis.setTruncateLabels(False)  # "Ju…" and "…" say nothing; a long name may wrap
        if not self.named:
            axis.setLabelsVisible(False)
        return axis

    def _add_bars(self, shape: ChartShape, colours: Mapping[str, QColor]) -> QAbstractBarSeries:
        series = _bar_series(shape.horizontal, shape.stacked)
        for column in shape.bars:
            bar_set = QBarSet(key_word(column.key, self.groups))
            bar_set.setColor(colours[column.key])
            bar_set.append(drawn_values(column, shape.keys, self.table.categories, shape.unit))
            series.append(bar_set)
            bar_set.clicked.connect(partial(self.bar_clicked, column.key))
            if not self.compact:
                bar_set.hovered.connect(partial(self.bar_hovered, column.key))
            self.bar_sets.append((bar_set, column.key))
        series.setBarWidth(0.8)
        self.chart().addSeries(series)
        return series

    def _add_lines(self, shape: ChartShape, category_axis: QBarCategoryAxis, font: QFont) -> None:
        """The series in another unit, each a line (or dots) on a value axis of their own."""
        unit = series_unit(self.table, shape.lines[0])
        highest = 0.0
        for column in shape.lines:
            values = drawn_values(column, self.keys, self.table.categories, unit, gaps=True)
            self._add_line(column, values, shape.months)
            highest = max([highest, *(v for v in values if v is not None)])
        axis = value_axis(unit, highest, font)
        side = Qt.AlignmentFlag.AlignTop if self.horizontal else Qt.AlignmentFlag.AlignRight
        self.chart().addAxis(axis, side)
        for line, _key in self.lines:
            line.attachAxis(category_axis)
            line.attachAxis(axis)

    def _add_line(self, column: Series, values: Sequence[float | None], months: bool) -> None:
        # Months follow each other, so a line joins them; groups do not, so they get dots.
        line = QLineSeries() if months else QScatterSeries()
        line.setName(key_word(column.key, self.groups))
        if isinstance(line, QScatterSeries):
            line.setMarkerSize(9)
        else:
            line.setPointsVisible(True)
        # A month with nothing to compute has no point, rather than a point at zero.
        line.append(
            [
                QPointF(v, i) if self.horizontal else QPointF(i, v)
                for i, v in enumerate(values)
                if v is not None
            ]
        )
        self.chart().addSeries(line)
        line.clicked.connect(partial(self.point_clicked, column.key))
        self.lines.append((line, column.key))


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
    return ReportChartView(table, groups, compact=compact)


def _bare_chart(compact: bool) -> QChart:
    chart = QChart()
    chart.setMargins(QMargins(2, 2, 2, 2) if compact else QMargins(8, 8, 8, 8))
    chart.setBackgroundVisible(False)  # the card or the page behind it is the background
    return chart


def _bar_series(horizontal: bool, stacked: bool) -> QAbstractBarSeries:
    if horizontal:
        return QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
    return QStackedBarSeries() if stacked else QBarSeries()


def _axis_sides(horizontal: bool, top: bool) -> tuple[Qt.AlignmentFlag, Qt.AlignmentFlag]:
    """Where the category axis and the value axis go."""
    if not horizontal:
        return Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
    return Qt.AlignmentFlag.AlignLeft, (
        Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignBottom
    )


def _attach(
    chart: QChart, series: QAbstractBarSeries, axis: QAbstractAxis, side: Qt.AlignmentFlag
) -> None:
    chart.addAxis(axis, side)
    series.attachAxis(axis)


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
