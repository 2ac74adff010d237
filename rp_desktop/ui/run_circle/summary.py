"""Equity of voice after a circle: talk time per seat and its share, passes, and a bar chart.

The keeper sees it on the laptop. The wall shows it only when the keeper asks, and then only an
anonymous version: bars without names, in no seat order."""

import math
from typing import NamedTuple

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.circle.display import clock_text, shown_elapsed
from rp_desktop.domain.circle.equity import VoiceSummary
from rp_desktop.ui.run_circle.wall.window import WallWindow


def voice_chart(summary: VoiceSummary, *, anonymous: bool, text_pixels: int = 13) -> QChartView:
    """Minutes spoken per seat as horizontal bars, first seat at the top. Anonymous: largest
    first and no names at all."""
    lines = list(summary.seats)
    if anonymous:
        lines.sort(key=lambda line: line.talk_seconds, reverse=True)
    lines.reverse()  # Qt draws the first category at the bottom
    scale = talk_scale(max((line.talk_seconds for line in lines), default=0.0))
    bars = QBarSet(scale.unit)
    bars.append([line.talk_seconds / scale.seconds for line in lines])
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setBarWidth(0.7)
    chart = QChart()
    chart.addSeries(series)
    chart.legend().hide()
    seats = QBarCategoryAxis()
    seats.append([" " * (i + 1) if anonymous else line.label for i, line in enumerate(lines)])
    minutes = QValueAxis()
    minutes.setRange(0, scale.top)
    minutes.setTickCount(scale.ticks)
    minutes.setLabelFormat(scale.label_format)
    minutes.setTitleText(scale.title)
    font = QFont()
    font.setPixelSize(text_pixels)
    for axis in (seats, minutes):
        axis.setLabelsFont(font)
        axis.setTruncateLabels(False)
    chart.addAxis(seats, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(minutes, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(seats)
    series.attachAxis(minutes)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    return view


class TalkScale(NamedTuple):
    """The talk-time axis: its unit (seconds under two minutes, else minutes), its top, its
    tick count and how a tick reads, so that no two ticks read the same."""

    seconds: float  # seconds in one unit of the axis
    top: float
    ticks: int
    label_format: str
    unit: str
    title: str


SECOND_STEPS = (1, 2, 5, 10, 15, 20, 30)
MINUTE_STEPS = (0.5, 1, 2, 5, 10, 15, 30, 60)
MOST_STEPS = 6


def talk_scale(longest_seconds: float) -> TalkScale:
    """Seconds when the longest talk is under two minutes; whole or half minutes otherwise."""
    if longest_seconds < 120:
        step = _step(max(longest_seconds, 1.0), SECOND_STEPS)
        top = step * max(1, math.ceil(longest_seconds / step))
        unit = QCoreApplication.translate("QChart", "seconds")
        title = QCoreApplication.translate("QChart", "seconds spoken")
        return TalkScale(1.0, top, round(top / step) + 1, "%.0f", unit, title)
    minutes = longest_seconds / 60
    step = _step(minutes, MINUTE_STEPS)
    top = step * math.ceil(minutes / step)
    unit = QCoreApplication.translate("QChart", "minutes")
    title = QCoreApplication.translate("QChart", "minutes spoken")
    label_format = "%.1f" if step < 1 else "%.0f"
    return TalkScale(60.0, top, round(top / step) + 1, label_format, unit, title)


def _step(highest: float, steps: tuple[float, ...]) -> float:
    """The smallest step that reaches `highest` in at most MOST_STEPS steps."""
    return next((s for s in steps if math.ceil(highest / s) <= MOST_STEPS), steps[-1])


class VoiceSummaryPanel(QWidget):
    """The console's page once a circle has ended.

    Signals:
        openRecordRequested(): the keeper wants to open the circle's record.
    """

    openRecordRequested = Signal()

    def __init__(self, wall: WallWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wall = wall
        self._summary: VoiceSummary | None = None
        self.headline = QLabel(wordWrap=True)
        headline_font = QFont()
        headline_font.setPixelSize(18)
        self.headline.setFont(headline_font)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Seat"), self.tr("Talk time"), self.tr("Share"), self.tr("Passes")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart_holder = QVBoxLayout()
        self.on_wall = QCheckBox(self.tr("Show an anonymous version on the wall (no names)"))
        self.open_record = QPushButton(self.tr("Open the circle's record"))
        self.open_record.clicked.connect(self.openRecordRequested)
        self.on_wall.toggled.connect(self._toggle_wall)
        side = QVBoxLayout()
        side.addWidget(self.table)
        side.addWidget(self.on_wall)
        side.addWidget(self.open_record)
        body = QHBoxLayout()
        body.addLayout(self.chart_holder, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(body, 1)

    def show_summary(self, summary: VoiceSummary) -> None:
        self._summary = summary
        self.headline.setText(
            self.tr(
                "The circle has ended and is saved. {talk} of talking; the largest share was "
                "{largest:.0%}; {passes:.0%} of turns were passes."
            ).format(
                talk=clock_text(shown_elapsed(summary.total_talk)),
                largest=summary.largest_share,
                passes=summary.pass_rate,
            )
        )
        self.table.setRowCount(len(summary.seats))
        for row, line in enumerate(summary.seats):
            cells = (
                line.label,
                clock_text(shown_elapsed(line.talk_seconds)),
                f"{line.share:.0%}",
                str(line.passes),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        while (item := self.chart_holder.takeAt(0)) is not None:
            old = item.widget()
            if old is not None:
                old.deleteLater()
        self.chart_holder.addWidget(voice_chart(summary, anonymous=False))

    def _toggle_wall(self, shown: bool) -> None:
        if shown and self._summary is not None:
            self._wall.show_summary(voice_chart(self._summary, anonymous=True, text_pixels=32))
        else:
            self._wall.show_summary(None)
            self._wall.set_blank(True)
