"""Every report at once, as small charts in a grid that reflows with the window's width: the
first thing a principal sees. A card opens its report's detail on a click or on Enter."""

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rp_desktop.domain.reports.model import ReportKind, ReportTable
from rp_desktop.ui.reports.charts import ReportChartView, chart_or_sentence
from rp_desktop.ui.reports.words import empty_sentence, reading_aid, report_title

CARD_WIDTH = 400  # the narrowest a card's chart still reads: twelve month names side by side
CARD_HEIGHT = 315  # tall enough to name all sixteen practice kinds, one a row


class ReportCard(QFrame):
    """One report's title, how to read it, and its chart (or why there is none).

    Signals:
        opened(object): the ReportKind of the card, when it is clicked or Enter is pressed.
    """

    opened = Signal(object)

    def __init__(
        self, table: ReportTable, groups: Mapping[int, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = table.request.kind
        self._set_up_card()
        self.title, self.aid = self._make_words(table)
        self.chart = self._small_chart(table, groups)
        self._lay_out()

    def _set_up_card(self) -> None:
        self.setObjectName("reportCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedHeight(CARD_HEIGHT)
        # Set, so that a chart's legend never asks for more: the grid reflows by this width.
        self.setMinimumWidth(CARD_WIDTH - 40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _make_words(self, table: ReportTable) -> tuple[QLabel, QLabel]:
        """The card's title and how to read its chart, which are also what it says aloud."""
        text = report_title(self.kind)
        self.setAccessibleName(text)
        self.setToolTip(self.tr("Open “{title}” with its numbers and records").format(title=text))
        title = QLabel(text)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        aid = QLabel(reading_aid(self.kind, table.request.breakdown), wordWrap=True)
        self.setAccessibleDescription(aid.text())
        aid.setObjectName("readingAid")
        return title, aid

    def _small_chart(self, table: ReportTable, groups: Mapping[int, str]) -> QWidget:
        chart = chart_or_sentence(
            table, groups, empty_sentence(self.kind, table.empty or "no_records"), compact=True
        )
        # The card takes the click: the small chart is for looking, the detail for clicking bars.
        chart.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        chart.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return chart

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.aid)
        layout.addWidget(self.chart, 1)
        if isinstance(self.chart, ReportChartView) and not self.chart.named:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "{count} rows: too many to name here. Open the report to read each one."
                    ).format(count=len(self.chart.keys)),
                    wordWrap=True,
                )
            )

    @property
    def is_empty(self) -> bool:
        return isinstance(self.chart, QLabel)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the release that follows opens the report

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.opened.emit(self.kind)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.opened.emit(self.kind)
            return
        super().keyPressEvent(event)


class ReportsOverview(QScrollArea):
    """The grid of report cards.

    Signals:
        reportOpened(object): the ReportKind whose card was opened.
    """

    reportOpened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The cards reflow to the width; only the height scrolls.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inside = QWidget()
        self._grid = QGridLayout(self._inside)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._inside)
        self.setStyleSheet(
            "#reportCard { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 4px; }"
            "#reportCard:focus { border: 2px solid palette(highlight); }"
        )
        self.cards: list[ReportCard] = []
        self._columns = 0

    def show_tables(
        self, tables: Mapping[ReportKind, ReportTable], groups: Mapping[int, str]
    ) -> None:
        """Replace every card with one per table, in the order of ReportKind."""
        for card in self.cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for kind in ReportKind:
            if kind in tables:
                card = ReportCard(tables[kind], groups, self._inside)
                card.opened.connect(self.reportOpened)
                self.cards.append(card)
        self._columns = 0
        self._place()

    def card(self, kind: ReportKind) -> ReportCard:
        return next(card for card in self.cards if card.kind is kind)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        # Measured on the whole area, not the viewport: the viewport narrows while a scroll bar
        # shows, and a size computed from it can bring the very scroll bar it made room for.
        area = self.contentsRect()
        spacing = self._grid.spacing()
        columns = max(1, min(4, area.width() // CARD_WIDTH))
        rows = max(1, -(-len(self.cards) // columns))
        room = area.height() - spacing * (rows - 1) - 2
        if room // rows < CARD_HEIGHT:  # it will scroll: the bar takes its width
            narrower = area.width() - self.verticalScrollBar().sizeHint().width()
            columns = max(1, min(4, narrower // CARD_WIDTH))
            rows = max(1, -(-len(self.cards) // columns))
        # Fill the height when every row fits; otherwise scroll, never squeeze a chart.
        height = max(CARD_HEIGHT, (area.height() - spacing * (rows - 1) - 2) // rows)
        for card in self.cards:
            card.setFixedHeight(height)
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for number, card in enumerate(self.cards):
            self._grid.addWidget(card, number // columns, number % columns)
