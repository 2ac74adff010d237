"""The monthly summary for a principal, as a PDF: the school, the month, the key figures in
words, and every report's chart for the school year up to that month, with page numbers.

Aggregates only: the charts and figures come from report tables, whose categories are months,
tiers and kinds, so no student's name and no free text (a case's story, a note) can reach the
page. Drawn into memory; the caller saves the bytes (services.pdf_export writes atomically)."""

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPdfWriter, QRegion
from PySide6.QtWidgets import QWidget

from rp_desktop.domain.reports.model import ReportKind, ReportTable, Unit
from rp_desktop.ui.pdf import draw_pdf, pdf_text
from rp_desktop.ui.reports.charts import chart_or_sentence
from rp_desktop.ui.reports.words import (
    NOTHING,
    empty_sentence,
    format_value,
    month_word,
    reading_aid,
    report_title,
)

DPI = 96  # a chart widget's pixels map one to one onto the page
MARGIN_MM = 15
CHARTS_PER_PAGE = 3
FIGURES: tuple[tuple[ReportKind, tuple[str, ...], Callable[[], str]], ...] = (
    (ReportKind.CONTINUUM, ("level:language",), lambda: _tr("Restorative language used")),
    (
        ReportKind.CONTINUUM,
        ("level:conversations",),
        lambda: _tr("Chats and conversations held"),
    ),
    (ReportKind.PRACTICES_BY_MONTH, ("tier:1",), lambda: _tr("Tier 1 community circles held")),
    (
        ReportKind.PRACTICES_BY_MONTH,
        ("tier:2", "tier:3"),
        lambda: _tr("Tier 2 and 3 meetings held"),
    ),
    (ReportKind.STUDENTS_REACHED, ("measure:reached",), lambda: _tr("Students reached")),
    (ReportKind.CASES, ("measure:opened",), lambda: _tr("Cases of harm opened")),
    (ReportKind.CASES, ("measure:closed",), lambda: _tr("Cases of harm closed")),
    (ReportKind.CASES, ("measure:concerns",), lambda: _tr("Wellbeing concerns opened")),
    (ReportKind.AGREEMENTS, ("measure:made",), lambda: _tr("Agreements made")),
    (
        ReportKind.AGREEMENTS,
        ("measure:kept_share",),
        lambda: _tr("Share of agreement items kept"),
    ),
    (
        ReportKind.FOLLOW_UPS,
        ("measure:on_time",),
        lambda: _tr("Agreement items followed up on time"),
    ),
    (ReportKind.FOLLOW_UPS, ("measure:overdue",), lambda: _tr("Agreement items overdue")),
    (
        ReportKind.SUSPENSION_DAYS_AVOIDED,
        ("measure:days",),
        lambda: _tr("Days of suspension avoided"),
    ),
    (ReportKind.EQUITY_OF_VOICE, ("measure:pass_rate",), lambda: _tr("Pass rate in circles")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SummaryPdf", text)


@dataclass(frozen=True)
class MonthlySummary:
    """What the summary shows: the month's own tables for the figures, and the school year's
    tables up to the month's end for the charts (one month alone makes a chart of one bar)."""

    school: str
    month: str  # "2026-03"
    month_tables: Mapping[ReportKind, ReportTable]
    year_tables: Mapping[ReportKind, ReportTable]
    groups: Mapping[int, str]


def key_figures(summary: MonthlySummary) -> list[tuple[str, str]]:
    """(what, how many) for the month, in words."""
    return [
        (what(), _figure(summary.month_tables.get(kind), summary.month, keys))
        for kind, keys, what in FIGURES
    ]


def _figure(table: ReportTable | None, month: str, keys: tuple[str, ...]) -> str:
    if table is None:
        return NOTHING
    present = {s.key for s in table.series}
    unit = table.unit_of(keys[0]) if keys[0] in present else table.unit
    if table.empty is not None:
        # Nothing happened that month: a count of nothing is 0, a share of nothing is not.
        no_records = table.empty != "no_students" and unit in (Unit.COUNT, Unit.DAYS)
        return format_value(0, unit) if no_records else NOTHING
    if month not in table.categories or not set(keys) <= present:
        return NOTHING
    values = [table.value(month, key) for key in keys]
    if any(v is None for v in values):
        return NOTHING
    return format_value(sum(v for v in values if v is not None), unit)


def page_count(summary: MonthlySummary) -> int:
    return 1 + math.ceil(len(summary.year_tables) / CHARTS_PER_PAGE)


def summary_pdf(summary: MonthlySummary) -> bytes:
    """The whole PDF, as bytes."""
    groups = {key: pdf_text(name) for key, name in summary.groups.items()}
    summary = replace(summary, school=pdf_text(summary.school), groups=groups)  # typed names
    return draw_pdf(_tr("Monthly summary"), MARGIN_MM, DPI, lambda w, p: _draw(w, p, summary))


def _draw(writer: QPdfWriter, page: QRect, summary: MonthlySummary) -> None:
    total = page_count(summary)
    painter = QPainter(writer)
    try:
        _first_page(painter, page, summary)
        _footer(painter, page, summary, 1, total)
        kinds = [kind for kind in ReportKind if kind in summary.year_tables]
        for number in range(2, total + 1):
            writer.newPage()
            start = (number - 2) * CHARTS_PER_PAGE
            _chart_page(painter, page, summary, kinds[start : start + CHARTS_PER_PAGE])
            _footer(painter, page, summary, number, total)
    finally:
        painter.end()


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _first_page(painter: QPainter, page: QRect, summary: MonthlySummary) -> None:
    month = month_word(summary.month, long=True)
    y = _line(painter, page, 0, summary.school, _font(20, bold=True), 40)
    y = _line(painter, page, y, _tr("Monthly summary · {month}").format(month=month), _font(14), 30)
    y = _line(
        painter,
        page,
        y,
        _tr("Restorative practices in numbers. Counts only: no student names and no notes."),
        _font(9),
        36,
    )
    y = _line(
        painter, page, y, _tr("Key figures for {month}").format(month=month), _font(13, True), 30
    )
    painter.setFont(_font(11))
    for what, value in key_figures(summary):
        painter.drawText(QRect(0, y, page.width() - 140, 24), Qt.AlignmentFlag.AlignLeft, what)
        painter.drawText(QRect(page.width() - 140, y, 140, 24), Qt.AlignmentFlag.AlignRight, value)
        painter.drawLine(0, y + 23, page.width(), y + 23)
        y += 28
    y += 16
    painter.setFont(_font(9))
    painter.drawText(
        QRect(0, y, page.width(), 60),
        Qt.TextFlag.TextWordWrap,
        _tr(
            "The charts on the next pages show the school year from its first month to the "
            "end of {month}. A dash (—) means there was nothing to compute, such as a share "
            "of no agreement items."
        ).format(month=month),
    )


def _line(painter: QPainter, page: QRect, y: int, text: str, font: QFont, height: int) -> int:
    """Draw `text` from `y`, given `height` or the room its wrapped lines need, if more."""
    painter.setFont(font)
    wrap = Qt.TextFlag.TextWordWrap
    needed = painter.boundingRect(QRect(0, y, page.width(), page.height()), wrap, text).height()
    height = max(height, needed + 2)
    painter.drawText(QRect(0, y, page.width(), height), wrap, text)
    return y + height


def _chart_page(
    painter: QPainter, page: QRect, summary: MonthlySummary, kinds: list[ReportKind]
) -> None:
    block = (page.height() - 30) // CHARTS_PER_PAGE
    for slot, kind in enumerate(kinds):
        top = slot * block
        table = summary.year_tables[kind]
        y = _line(painter, page, top, report_title(kind), _font(12, bold=True), 22)
        y = _line(painter, page, y, reading_aid(kind), _font(9), 20)
        height = block - (y - top) - 12
        shown = chart_or_sentence(
            table, summary.groups, empty_sentence(kind, table.empty or "no_records"), compact=False
        )
        _draw_widget(painter, shown, QRect(0, y, page.width(), height))


def _draw_widget(painter: QPainter, widget: QWidget, target: QRect) -> None:
    """Draw `widget` into `target`. A chart taller than its slot (a row per practice kind has a
    minimum height on screen) is drawn at that height and scaled down to fit, never over the
    chart below it and never with rows left unnamed."""
    size = widget.minimumSize().expandedTo(target.size())
    widget.resize(size)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    scale = min(target.width() / size.width(), target.height() / size.height())
    painter.save()
    painter.setClipRect(target)
    painter.translate(target.topLeft())
    painter.scale(scale, scale)
    # Children only: the widget's own window-coloured background would print as a grey box.
    QWidget.render(widget, painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
    painter.restore()
    widget.deleteLater()


def _footer(
    painter: QPainter, page: QRect, summary: MonthlySummary, number: int, total: int
) -> None:
    painter.setFont(_font(8))
    line = QRect(0, page.height() - 18, page.width(), 18)
    painter.drawText(
        line,
        Qt.AlignmentFlag.AlignLeft,
        _tr("{school} · Monthly summary, {month}").format(
            school=summary.school, month=month_word(summary.month, long=True)
        ),
    )
    painter.drawText(
        line,
        Qt.AlignmentFlag.AlignRight,
        _tr("Page {number} of {total}").format(number=number, total=total),
    )
