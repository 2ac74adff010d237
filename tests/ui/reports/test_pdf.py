"""The monthly summary PDF: a cover page with the key figures in words, then the charts three to a
page, page numbers on every page; read back with Qt's own PDF reader."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtPdf import QPdfDocument

from rp_desktop.domain.reports.model import (
    Period,
    ReportKind,
    ReportRequest,
    ReportTable,
    Series,
    Unit,
)
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import audit
from rp_desktop.services.exports import pdf as pdf_export
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.reports.summary_pdf import MonthlySummary, key_figures, summary_pdf

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
YEAR_TO_MARCH = Period(date(2025, 8, 1), date(2026, 3, 31))


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def month_table(kind: ReportKind, *series: Series, empty: str | None = None) -> ReportTable:
    unit = {ReportKind.SUSPENSION_DAYS_AVOIDED: Unit.DAYS, ReportKind.EQUITY_OF_VOICE: Unit.INDEX}
    return ReportTable(
        ReportRequest(kind, MARCH), unit.get(kind, Unit.COUNT), ("2026-03",), series, empty
    )


MONTH = {
    ReportKind.PRACTICES_BY_MONTH: month_table(
        ReportKind.PRACTICES_BY_MONTH,
        Series("tier:1", (14.0,)),
        Series("tier:2", (3.0,)),
        Series("tier:3", (2.0,)),
    ),
    ReportKind.CASES: month_table(
        ReportKind.CASES, Series("measure:opened", (4.0,)), Series("measure:closed", (1.0,))
    ),
    ReportKind.AGREEMENTS: month_table(
        ReportKind.AGREEMENTS,
        Series("measure:made", (2.0,)),
        Series("measure:kept_share", (0.75,), Unit.SHARE),
    ),
    ReportKind.SUSPENSION_DAYS_AVOIDED: month_table(
        ReportKind.SUSPENSION_DAYS_AVOIDED, Series("measure:days", (0.0,)), empty="no_records"
    ),
    ReportKind.EQUITY_OF_VOICE: month_table(
        ReportKind.EQUITY_OF_VOICE,
        Series("measure:gini", (None,)),
        Series("measure:pass_rate", (None,), Unit.SHARE),
        empty="no_runs",
    ),
}


def year_tables() -> dict[ReportKind, ReportTable]:
    months = (
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
    )
    return {
        kind: ReportTable(
            ReportRequest(kind, YEAR_TO_MARCH),
            Unit.COUNT,
            months,
            (Series("measure:opened", tuple(float(i) for i in range(8))),),
        )
        for kind in ReportKind
    }


def summary() -> MonthlySummary:
    return MonthlySummary("Riverside Middle School", "2026-03", MONTH, year_tables(), {})


def read(data: bytes, tmp_path: Path) -> QPdfDocument:
    path = tmp_path / "summary.pdf"
    path.write_bytes(data)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document


def test_key_figures_are_the_months_numbers_in_words() -> None:
    figures = dict(key_figures(summary()))
    assert figures["Tier 1 community circles held"] == "14"
    assert figures["Tier 2 and 3 meetings held"] == "5"  # 3 + 2
    assert figures["Cases of harm opened"] == "4"
    assert figures["Share of agreement items kept"] == "75%"
    assert figures["Days of suspension avoided"] == "0"  # nothing happened: a count of zero
    assert figures["Pass rate in circles"] == "—"  # no runs: a share of nothing
    assert figures["Students reached"] == "—"  # a report the summary was not given


def test_the_pdf_has_a_cover_and_the_charts_three_to_a_page(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = summary_pdf(summary())
    assert data.startswith(b"%PDF")
    document = read(data, tmp_path)
    # A cover page, then 13 charts three to a page: 1 + 5 pages.
    assert len(ReportKind) == 13
    assert document.pageCount() == 6
    cover = document.getAllText(0).text()
    assert "Riverside Middle School" in cover
    assert "Monthly summary · March 2026" in cover
    assert "Tier 1 community circles held" in cover
    assert "75%" in cover
    for page in range(6):
        assert f"Page {page + 1} of 6" in document.getAllText(page).text()
    second = document.getAllText(1).text()
    assert "The continuum of practice" in second  # the continuum leads
    assert "Circles and meetings held" in second
    assert "Aug" in second
    assert "Mar" in second


def test_saving_refuses_other_names_and_leaves_nothing_in_a_missing_folder(
    db: Database, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=r"ends in \.pdf"):
        pdf_export.save_pdf(db, tmp_path / "summary.txt", b"%PDF-1.4", "monthly summary 2026-03")
    with pytest.raises(pdf_export.ExportNotWritten, match="does not exist"):
        pdf_export.save_pdf(db, tmp_path / "gone" / "s.pdf", b"%PDF-1.4", "monthly summary")
    assert list(tmp_path.rglob("*.pdf*")) == []
    assert audit.list_events(db, action=AuditAction.EXPORT).total == 0
    pdf_export.save_pdf(db, tmp_path / "s.pdf", b"%PDF-1.4 whole", "monthly summary 2026-03")
    assert (tmp_path / "s.pdf").read_bytes() == b"%PDF-1.4 whole"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_chart_taller_than_its_slot_is_scaled_into_it_not_drawn_over_the_next(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from rp_desktop.ui.reports.summary_pdf import _draw_widget

    # As a horizontal chart with sixteen rows asks on screen: taller than its slot, with
    # something to see in its middle (a black bar, 40 px of 600).
    tall = QWidget()
    tall.setMinimumHeight(600)
    bar = QLabel()
    bar.setFixedHeight(40)
    bar.setStyleSheet("background: black")
    layout = QVBoxLayout(tall)
    layout.addStretch(1)
    layout.addWidget(bar)
    layout.addStretch(1)
    page = QImage(400, 800, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    slot = QRect(10, 20, 300, 150)
    painter = QPainter(page)
    _draw_widget(painter, tall, slot)
    painter.end()

    def dark(x: int, y: int) -> bool:
        return QColor(page.pixel(x, y)).lightness() < 60

    inside = [(x, y) for x in range(400) for y in range(0, 800, 2) if dark(x, y)]
    assert inside, "nothing was drawn"
    assert all(slot.contains(x, y) for x, y in inside)  # nothing over the next chart
    ys = [y for _, y in inside]
    # In the middle of the slot (20 to 170): the 600 px widget was scaled by 1/4.
    assert min(ys) >= 80
    assert max(ys) <= 110
