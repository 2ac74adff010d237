"""Report tables drawn as charts, small in the overview and large in the detail page, with hand-
made tables (the chart must draw what the table says, whatever the service computed)."""

from datetime import date

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalStackedBarSeries, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QToolTip

from rp_desktop.domain.reports.model import (
    Period,
    RecordRef,
    ReportKind,
    ReportRequest,
    ReportTable,
    Series,
    Unit,
)
from rp_desktop.ui.reports.chart_parts import nice_top
from rp_desktop.ui.reports.charts import ReportChartView, chart_or_sentence
from rp_desktop.ui.reports.detail import ReportDetail
from rp_desktop.ui.reports.overview import ReportsOverview

YEAR = Period(date(2025, 8, 1), date(2026, 7, 31))
MONTHS = ("2025-08", "2025-09", "2025-10")


def table(
    kind: ReportKind, *series: Series, unit: Unit = Unit.COUNT, **extra: object
) -> ReportTable:
    categories = extra.pop("categories", MONTHS)
    return ReportTable(
        ReportRequest(kind, YEAR),
        unit,
        categories,
        series,
        **extra,  # type: ignore[arg-type]
    )


CASES = table(
    ReportKind.CASES,
    Series("measure:opened", (3.0, 0.0, 5.0)),
    Series("measure:closed", (1.0, 2.0, 4.0)),
)
AGREEMENTS = table(
    ReportKind.AGREEMENTS,
    Series("measure:made", (2.0, 0.0, 4.0)),
    Series("measure:kept_share", (0.5, None, 0.75), Unit.SHARE),
)


def bar_values(view: ReportChartView) -> dict[str, list[float]]:
    return {key: [s.at(i) for i in range(s.count())] for s, key in view.bar_sets}


def test_the_cases_chart_compares_opened_with_closed_and_leaves_the_tiers_to_the_table(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    with_tiers = table(
        ReportKind.CASES,
        *CASES.series,
        Series("tier:2", (2.0, 0.0, 4.0)),
        Series("tier:3", (1.0, 0.0, 1.0)),
    )
    view = chart_or_sentence(with_tiers, {}, "unused", compact=False)
    qtbot.addWidget(view)
    assert isinstance(view, ReportChartView)
    assert bar_values(view) == {
        "measure:opened": [3.0, 0.0, 5.0],
        "measure:closed": [1.0, 2.0, 4.0],
    }


def test_a_chart_has_one_bar_set_per_series_with_the_tables_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = chart_or_sentence(CASES, {}, "unused", compact=True)
    qtbot.addWidget(view)
    assert isinstance(view, ReportChartView)
    assert bar_values(view) == {"measure:opened": [3, 0, 5], "measure:closed": [1, 2, 4]}
    assert [s.label() for s, _ in view.bar_sets] == ["Opened", "Closed"]
    bars = [s for s in view.chart().series() if isinstance(s, QBarSeries)]
    assert len(bars) == 1
    axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert axis.categories() == ["Aug", "Sep", "Oct"]
    counts = view.chart().axes(Qt.Orientation.Vertical)[0]
    assert isinstance(counts, QValueAxis)
    assert counts.max() == 5  # the highest bar, a whole number


def test_a_share_beside_counts_is_a_line_in_percent_with_no_point_for_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = chart_or_sentence(AGREEMENTS, {}, "unused", compact=False)
    qtbot.addWidget(view)
    assert isinstance(view, ReportChartView)
    assert bar_values(view) == {"measure:made": [2, 0, 4]}
    [(line, key)] = view.lines
    assert key == "measure:kept_share"
    assert isinstance(line, QLineSeries)
    # 50% in August, nothing to compute in September (no point), 75% in October.
    assert [(p.x(), p.y()) for p in line.points()] == [(0, 50), (2, 75)]


def test_many_kinds_are_rows_read_top_down_and_stacked_by_tier(qtbot) -> None:  # type: ignore[no-untyped-def]
    kinds = tuple(f"circle_kind:{k}" for k in ("check_in", "check_out", "academic", "support"))
    kinds += tuple(
        f"meeting_kind:{k}" for k in ("peer_mediation", "formal_conference", "pre_conference")
    )
    tiers = (
        Series("tier:1", (4.0, 3.0, 2.0, 1.0, 0.0, 0.0, 0.0)),
        Series("tier:2", (0.0, 0.0, 0.0, 0.0, 6.0, 0.0, 0.0)),
        Series("tier:3", (0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 1.0)),
    )
    view = chart_or_sentence(
        table(ReportKind.PRACTICE_KINDS, *tiers, categories=kinds), {}, "", compact=True
    )
    qtbot.addWidget(view)
    assert isinstance(view, ReportChartView)
    assert isinstance(view.chart().series()[0], QHorizontalStackedBarSeries)
    assert view.keys == list(reversed(kinds))  # Qt draws the first row at the bottom
    assert bar_values(view)["tier:1"] == [0, 0, 0, 1, 2, 3, 4]
    # Clicking the top row (drawn last) is the first kind of the table.
    with qtbot.waitSignal(view.barClicked) as clicked:
        view.bar_sets[0][0].clicked.emit(6)
    assert clicked.args == ["circle_kind:check_in", "tier:1"]


@pytest.mark.parametrize(
    ("reason", "kind", "sentence"),
    [
        ("no_students", ReportKind.CASES, "No students yet: import the roster to see reports."),
        ("no_records", ReportKind.PRACTICES_BY_MONTH, "No circles or meetings in this period."),
    ],
)
def test_an_empty_report_says_why_in_the_place_of_its_chart(qtbot, reason, kind, sentence) -> None:  # type: ignore[no-untyped-def]
    empty = table(kind, Series("tier:1", (0.0, 0.0, 0.0)), empty=reason)
    overview = ReportsOverview()
    qtbot.addWidget(overview)
    overview.show_tables(
        {
            kind: empty,
            ReportKind.CASES if kind is not ReportKind.CASES else ReportKind.AGREEMENTS: AGREEMENTS,
        },
        {},
    )
    card = overview.card(kind)
    assert card.is_empty
    assert isinstance(card.chart, QLabel)
    assert card.chart.text() == sentence


def test_the_overview_reflows_with_its_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    overview = ReportsOverview()
    qtbot.addWidget(overview)
    overview.resize(1300, 700)
    tables = {ReportKind.CASES: CASES, ReportKind.AGREEMENTS: AGREEMENTS}
    tables |= {
        kind: table(kind, Series("measure:days", (1.0, 2.0, 3.0)), unit=Unit.DAYS)
        for kind in (ReportKind.SUSPENSION_DAYS_AVOIDED, ReportKind.FOLLOW_UPS)
    }
    overview.show_tables(tables, {})
    overview.show()
    grid = overview.widget().layout()

    def columns() -> int:
        return max(grid.getItemPosition(grid.indexOf(card))[1] for card in overview.cards) + 1

    wide = columns()
    overview.resize(700, 700)
    qtbot.waitUntil(lambda: columns() == 1)
    assert wide == 3  # 1300 px holds three cards of at least 400 px
    assert [card.kind for card in overview.cards] == [
        ReportKind.CASES,
        ReportKind.AGREEMENTS,
        ReportKind.FOLLOW_UPS,
        ReportKind.SUSPENSION_DAYS_AVOIDED,
    ]


def test_clicking_a_card_or_enter_on_it_opens_the_report(qtbot) -> None:  # type: ignore[no-untyped-def]
    overview = ReportsOverview()
    qtbot.addWidget(overview)
    overview.show_tables({ReportKind.CASES: CASES}, {})
    card = overview.card(ReportKind.CASES)
    with qtbot.waitSignal(overview.reportOpened) as opened:
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert opened.args == [ReportKind.CASES]
    with qtbot.waitSignal(overview.reportOpened):
        qtbot.keyClick(card, Qt.Key.Key_Return)


def test_the_detail_shows_the_same_numbers_and_lists_the_records_behind_a_bar(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[str, str]] = []
    case = RecordRef("case", 41, date(2025, 10, 3), "Tier 2 case · Bullying")

    def fetch(request: ReportRequest, category: str, series: str) -> list[RecordRef]:
        asked.append((category, series))
        return [case]

    detail = ReportDetail(fetch)
    qtbot.addWidget(detail)
    detail.show_table(AGREEMENTS, {})
    model = detail.table.model()
    cells = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Month",
        "Agreements made",
        "Share kept",
    ]
    assert cells == [["Aug 2025", "2", "50%"], ["Sep 2025", "0", "—"], ["Oct 2025", "4", "75%"]]
    chart = detail.chart
    assert isinstance(chart, ReportChartView)
    chart.bar_sets[0][0].clicked.emit(2)  # the October bar of "agreements made"
    assert asked == [("2025-10", "measure:made")]
    assert detail.records.model().rowCount() == 1
    assert detail.records_caption.text() == "1 record behind Agreements made · Oct 2025:"
    chart.point_clicked("measure:kept_share", QPointF(0, 50))
    assert asked[-1] == ("2025-08", "measure:kept_share")
    with qtbot.waitSignal(detail.recordActivated) as activated:
        detail.records.setFocus()
        detail.records.selectRow(0)
        qtbot.keyClick(detail.records, Qt.Key.Key_Return)
    assert activated.args == [case]


def test_choosing_a_number_in_the_table_lists_its_records_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[str, str]] = []
    detail = ReportDetail(lambda _r, c, s: asked.append((c, s)) or [])
    qtbot.addWidget(detail)
    detail.show_table(CASES, {})
    detail.table.setCurrentIndex(detail.table.model().index(1, 2))
    assert asked == [("2025-09", "measure:closed")]
    assert detail.records_caption.text() == "No records behind Closed · Sep 2025."


def test_escape_goes_back_to_all_reports(qtbot) -> None:  # type: ignore[no-untyped-def]
    detail = ReportDetail(lambda *_: [])
    qtbot.addWidget(detail)
    detail.show_table(CASES, {})
    detail.show()
    qtbot.waitExposed(detail)
    with qtbot.waitSignal(detail.backRequested):
        qtbot.keyClick(detail.table, Qt.Key.Key_Escape)


@pytest.mark.parametrize(
    ("highest", "top"), [(0, (1, 2)), (3, (3, 4)), (7, (8, 5)), (37, (40, 5)), (1234, (1250, 6))]
)
def test_count_axes_end_on_a_round_number_with_whole_steps(
    highest: float, top: tuple[int, int]
) -> None:
    assert nice_top(highest) == top


def test_hovering_a_large_bar_tells_its_exact_number(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = chart_or_sentence(AGREEMENTS, {}, "", compact=False)
    qtbot.addWidget(view)
    assert isinstance(view, ReportChartView)
    view.show()
    view.bar_hovered("measure:kept_share", True, 2)
    assert QToolTip.text() == "Share kept · Oct 2025: 75%"
    view.bar_hovered("measure:kept_share", True, 1)
    assert QToolTip.text() == "Share kept · Sep 2025: —"
