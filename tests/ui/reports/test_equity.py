"""Equity by student group: the risk ratio table shows groups of at least the minimum size and
hides the rest behind a sentence; the chart draws the shown groups' ratios with a line at 1.0."""

from dataclasses import replace
from datetime import date

from PySide6.QtCharts import QBarSet, QLineSeries
from PySide6.QtCore import Qt

from rp_desktop.domain.reports.model import (
    Breakdown,
    BreakdownKind,
    Disproportionality,
    GroupRisk,
    Period,
)
from rp_desktop.domain.vocabulary import Role
from rp_desktop.ui.reports.equity import EquityPage

YEAR = Period(date(2025, 8, 1), date(2026, 7, 31))
GRADE = Breakdown(BreakdownKind.GRADE)
HOMEROOM = Breakdown(BreakdownKind.HOMEROOM)

# 60 students: grade 6 has 30 (6 in a case), grade 7 has 26 (2 in a case), grade 8 has 4 (1).
# Grade 6 risk 6/30 = 20%; everyone else 3/30 = 10%; ratio 2.0. Grade 7: 2/26 ≈ 7.7% against
# 7/34 ≈ 20.6%; ratio ≈ 0.37. Grade 8 is under 10 students: not shown.
RESULT = Disproportionality(
    breakdown=GRADE,
    period=YEAR,
    minimum_group=10,
    groups=(
        GroupRisk("grade:6", 30, 6, 0.5, 6 / 9, 0.2, 2.0, True),
        GroupRisk("grade:7", 26, 2, 26 / 60, 2 / 9, 2 / 26, (2 / 26) / (7 / 34), True),
        GroupRisk("grade:8", 4, 1, 4 / 60, 1 / 9, 0.25, None, False),
    ),
    enrolled=60,
    with_case=9,
)


def page(qtbot, compute=None) -> EquityPage:  # type: ignore[no-untyped-def]
    asked: list[tuple[Breakdown, frozenset[Role], int]] = []

    def fake(breakdown: Breakdown, roles: frozenset[Role], minimum: int) -> Disproportionality:
        asked.append((breakdown, roles, minimum))
        return RESULT

    equity = EquityPage(compute or fake)
    equity.asked = asked  # type: ignore[attr-defined]
    qtbot.addWidget(equity)
    equity.set_choices([GRADE, HOMEROOM], {})
    return equity


def cells(equity: EquityPage) -> list[list[str]]:
    table = equity.table
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_table_shows_big_groups_and_hides_small_ones(qtbot) -> None:  # type: ignore[no-untyped-def]
    equity = page(qtbot)
    equity.refresh()
    rows = cells(equity)
    assert rows[0] == ["Grade 6", "30", "6", "50%", "67%", "20%", "2.0"]
    assert rows[1] == ["Grade 7", "26", "2", "43%", "22%", "8%", "0.4"]
    assert rows[2][:2] == ["Grade 8", "Fewer than 10 students: not shown"]
    assert "4" not in rows[2][1:]
    assert "25%" not in rows[2]
    assert equity.table.columnSpan(2, 1) == 6
    assert equity.summary.text().startswith("9 of 60 students were in a Tier 2 or 3 case. ")
    assert "twice as likely" in equity.aid.text()


def test_few_students_in_cases_come_with_a_caution_and_many_without(qtbot) -> None:  # type: ignore[no-untyped-def]
    few = page(qtbot)
    few.refresh()
    assert "not as a finding" in few.summary.text()  # 9 students in cases
    many_result = replace(RESULT, enrolled=600, with_case=90)
    many = page(qtbot, lambda breakdown, roles, minimum: many_result)
    many.refresh()
    assert many.summary.text() == "90 of 600 students were in a Tier 2 or 3 case."


def test_the_chart_draws_only_shown_groups_with_a_line_at_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    equity = page(qtbot)
    equity.refresh()
    chart = equity.chart_view.chart()
    bars: QBarSet = equity.ratio_bars
    # Rows top down are grade 6 then grade 7; Qt draws the first bar at the bottom.
    assert equity.ratio_keys == ["grade:7", "grade:6"]
    assert [round(bars.at(i), 2) for i in range(bars.count())] == [0.37, 2.0]
    [line] = [s for s in chart.series() if isinstance(s, QLineSeries)]
    assert {p.x() for p in line.points()} == {1.0}
    [groups] = chart.axes(Qt.Orientation.Vertical)
    assert groups.categories() == ["Grade 7", "Grade 6"]


def test_choices_reach_the_service(qtbot) -> None:  # type: ignore[no-untyped-def]
    equity = page(qtbot)
    equity.refresh()
    equity.minimum.setValue(5)
    equity.roles[Role.PERSON_HARMED].setChecked(True)
    equity.compare_by.setCurrentIndex(1)
    asked = equity.asked  # type: ignore[attr-defined]
    assert asked[0] == (GRADE, frozenset({Role.PERSON_WHO_CAUSED_HARM}), 10)
    assert asked[-1] == (
        HOMEROOM,
        frozenset({Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED}),
        5,
    )


def test_no_role_chosen_asks_for_one_instead_of_computing(qtbot) -> None:  # type: ignore[no-untyped-def]
    equity = page(qtbot)
    equity.roles[Role.PERSON_WHO_CAUSED_HARM].setChecked(False)
    assert equity.summary.text() == "Choose at least one role."
    assert equity.table.rowCount() == 0
    assert equity.rows() == []


def test_rows_to_save_hold_no_hidden_numbers(qtbot) -> None:  # type: ignore[no-untyped-def]
    equity = page(qtbot)
    equity.refresh()
    saved = equity.rows()
    assert saved[2] == ["Grade 8", "Fewer than 10 students: not shown"]
    assert len(equity.headers()) == 7
