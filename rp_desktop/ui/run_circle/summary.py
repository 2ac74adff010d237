"""Equity of voice after a circle: talk time per seat and its share, passes, and a bar chart.

The keeper sees it on the laptop. The wall shows it only when the keeper asks, and then only an
anonymous version: bars without names, in no seat order."""

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
    bars = QBarSet(QCoreApplication.translate("QChart", "minutes"))
    bars.append([line.talk_seconds / 60 for line in lines])
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setBarWidth(0.7)
    chart = QChart()
    chart.addSeries(series)
    chart.legend().hide()
    seats = QBarCategoryAxis()
    seats.append([" " * (i + 1) if anonymous else line.label for i, line in enumerate(lines)])
    minutes = QValueAxis()
    minutes.setLabelFormat("%.1f")
    minutes.setTitleText(QCoreApplication.translate("QChart", "minutes spoken"))
    minutes.setMin(0)
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
