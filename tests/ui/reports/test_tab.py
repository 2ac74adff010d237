"""The Reports tab on a real (small) school: charts drawn from the reports service, the records
behind a bar, the equity view, and saving a table and the monthly summary.

Riverside Middle (tests/ui/conftest.py): four grade 7 students in advisory 7-Blue, circles held
on 23 Feb, 2 Mar and 9 Mar 2026; school year 2025-26; today is 10 Mar 2026. Here a Tier 2 case
happened on 2 Mar 2026 with one student as the person who caused harm."""

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtPdf import QPdfDocument

from rp_desktop.domain.records import CaseFields, ParticipantFields, StudentFields
from rp_desktop.domain.reports.model import Breakdown, BreakdownKind, RecordRef, ReportKind
from rp_desktop.domain.vocabulary import AuditAction, Role, Tier
from rp_desktop.services import audit
from rp_desktop.services.casework import cases
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.reports import asking
from rp_desktop.ui.reports.charts import ReportChartView
from rp_desktop.ui.reports.tab import ReportsTab
from tests.ui.conftest import School

MONTHS = ["Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"]
FEB, MAR = 6, 7  # where February and March are among the school year's months


@pytest.fixture
def case_id(db: Database, school_db: School) -> int:
    return cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=cases.list_categories(db)[0].id,
            description="Pushed in the lunch line.",
            participants=(
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=school_db.members[0].id),
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[1].id),
            ),
        ),
    ).id


def make_tab(qtbot, db: Database, year: int = 2025) -> ReportsTab:  # type: ignore[no-untyped-def]
    tab = ReportsTab(db, lambda: year)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.reload()
    return tab


def chart(tab: ReportsTab, kind: ReportKind) -> ReportChartView:
    view = tab.overview.card(kind).chart
    assert isinstance(view, ReportChartView)
    return view


def bars(view: ReportChartView) -> dict[str, list[float]]:
    return {key: [s.at(i) for i in range(s.count())] for s, key in view.bar_sets}


def test_every_report_is_drawn_for_the_current_school_year(qtbot, db, case_id) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    assert tab.filters.year.currentText() == "2025-26"
    assert tab.filters.period().first == date(2025, 8, 1)
    assert [card.kind for card in tab.overview.cards] == list(ReportKind)
    held = chart(tab, ReportKind.PRACTICES_BY_MONTH)
    circles_by_month = [0.0] * 12
    circles_by_month[FEB], circles_by_month[MAR] = 1, 2  # 23 Feb; 2 and 9 Mar
    assert bars(held)["tier:1"] == circles_by_month
    assert bars(held)["tier:2"] == [0.0] * 12  # the case has had no meeting yet
    opened = [0.0] * 12
    opened[MAR] = 1
    assert bars(chart(tab, ReportKind.CASES))["measure:opened"] == opened
    # Four students in each month's circles; one more of them in a Tier 2 case in March.
    reached = bars(chart(tab, ReportKind.STUDENTS_REACHED))
    assert reached["measure:reached"][FEB : MAR + 1] == [4, 4]
    assert reached["tier:2"][MAR] == 2


def test_an_empty_database_says_to_import_the_roster(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    assert [card.kind for card in tab.overview.cards] == list(ReportKind)
    for card in tab.overview.cards:
        assert card.is_empty
        assert card.chart.text() == "No students yet: import the roster to see reports."
    assert tab.filters.year.currentText() == "2025-26"  # the current year, though nothing yet


def test_one_student_and_no_circles_say_so_in_words(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    students.add_student(db, StudentFields("800001", "Tupac", "Quispe", "", 6, "6A"))
    tab = make_tab(qtbot, db)
    texts = {card.kind: card.chart.text() for card in tab.overview.cards if card.is_empty}
    assert texts[ReportKind.PRACTICES_BY_MONTH] == "No circles or meetings in this period."
    assert texts[ReportKind.CASES] == "No cases of harm or wellbeing concerns in this period."
    assert texts[ReportKind.AGREEMENTS] == "No agreements were made in this period."
    assert "no talk time" in texts[ReportKind.EQUITY_OF_VOICE]


def test_clicking_a_bar_lists_the_circles_behind_it_and_opens_one(qtbot, db, school_db) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.open_report(ReportKind.PRACTICES_BY_MONTH)
    assert tab.pages.currentWidget() is tab.detail
    view = tab.detail.chart
    assert isinstance(view, ReportChartView)
    tier1 = next(s for s, key in view.bar_sets if key == "tier:1")
    tier1.clicked.emit(MAR)
    listed = tab.detail.records.records
    assert listed.rowCount() == 2
    refs = [listed.record(row) for row in range(2)]
    assert [ref.on for ref in refs] == [date(2026, 3, 9), date(2026, 3, 2)]  # newest first
    assert circles.get_circle(db, refs[0].id).fields.purpose == "Gratitude"
    with qtbot.waitSignal(tab.circleOpenRequested) as opened:
        tab.detail.records.doubleClicked.emit(listed.index(0, 0))
    assert opened.args == [refs[0].id]


def test_a_case_behind_a_bar_opens_its_case(qtbot, db, case_id) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.open_report(ReportKind.CASES)
    tab.detail.list_records("2026-03", "measure:opened")
    listed = tab.detail.records.records
    assert listed.rowCount() == 1
    with qtbot.waitSignal(tab.caseOpenRequested) as opened:
        tab.detail.records.doubleClicked.emit(listed.index(0, 2))
    assert opened.args == [case_id]


def test_a_circle_run_behind_a_bar_opens_the_circle_it_made_or_its_case(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    made_a_circle = RecordRef("run", 7, date(2026, 3, 2), "Advisory 7B", circle_id=41)
    for_a_case = RecordRef("run", 8, date(2026, 3, 3), "", case_id=12)
    with qtbot.waitSignal(tab.circleOpenRequested) as circle:
        tab.open_record(made_a_circle)
    assert circle.args == [41]
    with qtbot.waitSignal(tab.caseOpenRequested) as case:
        tab.open_record(for_a_case)
    assert case.args == [12]


def test_breaking_down_by_grade_draws_grades_and_says_groups_overlap(qtbot, db, school_db) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.filters.choose_breakdown(Breakdown(BreakdownKind.GRADE))
    table = tab.tables[ReportKind.PRACTICES_BY_MONTH]
    assert table.categories == ("grade:7",)
    assert table.value("grade:7", "tier:1") == 3
    view = chart(tab, ReportKind.PRACTICES_BY_MONTH)
    assert view.chart().axes()[0].categories() == ["Grade 7"]
    assert tab.notes.text().startswith("A record counts once in every group")


def test_a_custom_range_reports_those_days_only(qtbot, db, school_db) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.filters.choose_dates(date(2026, 3, 1), date(2026, 3, 31))
    table = tab.tables[ReportKind.PRACTICES_BY_MONTH]
    assert table.categories == ("2026-03",)
    assert table.value("2026-03", "tier:1") == 2


def test_equity_hides_a_group_under_the_minimum(qtbot, db, case_id) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.show_equity()
    rows = tab.equity.rows()
    assert rows == [["Grade 7", "Fewer than 10 students: not shown"]]
    tab.equity.minimum.setValue(4)
    # Grade 7 is everyone: 1 of 4 students, risk 25%, and no one else to compare with.
    assert tab.equity.rows() == [["Grade 7", "4", "1", "100%", "100%", "25%", "—"]]


def test_the_table_shown_is_saved_and_reads_back_the_same(
    qtbot, db, school_db, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.open_report(ReportKind.PRACTICES_BY_MONTH)
    out = tmp_path / "circles.csv"
    monkeypatch.setattr(asking, "choose_table_path", lambda _parent, _name: out)
    tab.export_table()
    with out.open(encoding="utf-8-sig", newline="") as stream:
        saved = list(csv.reader(stream))
    assert saved[0] == ["Month", "Tier 1", "Tier 2", "Tier 3"]
    assert len(saved) == 13
    assert saved[FEB + 1] == ["Feb 2026", "1", "0", "0"]
    assert saved[MAR + 1] == ["Mar 2026", "2", "0", "0"]
    event = audit.list_events(db, action=AuditAction.EXPORT).rows[0].entry
    assert event is not None
    assert event.detail == "report practices_by_month; 2025-08-01 to 2026-07-31; 12 rows"


def test_the_overview_saves_every_number_as_a_spreadsheet(
    qtbot, db, school_db, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    out = tmp_path / "all.xlsx"
    monkeypatch.setattr(asking, "choose_table_path", lambda _parent, _name: out)
    tab.export_table()
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Report", "Category", "Measure", "Value", "Unit")
    assert ("Circles and meetings held", "Mar 2026", "Tier 1", 2, "count") in rows


def test_a_missing_folder_is_said_plainly_and_nothing_is_written(
    qtbot, db, school_db, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    said: list[str] = []
    monkeypatch.setattr(asking, "choose_table_path", lambda *_: tmp_path / "gone" / "x.csv")
    monkeypatch.setattr("rp_desktop.ui.dialogs.show_error", lambda _p, _t, text: said.append(text))
    tab.export_table()
    assert said == [f"The folder {tmp_path / 'gone'} does not exist; choose another folder."]
    assert not (tmp_path / "gone").exists()


NAMES = ("Xochitl", "Ibarra", "Nou", "Xiong", "Dariusz", "Kowalczyk", "Amani", "Haddad")
FREE_TEXT = ("Gratitude", "Weekend check-in", "Norms for group work", "Pushed in the lunch line")


def test_the_monthly_summary_names_no_one(qtbot, db, case_id, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    out = tmp_path / "March.pdf"
    offered: list[list[str]] = []

    def pick(_parent, months, preferred):  # type: ignore[no-untyped-def]
        offered.append([key for key, _ in months])
        assert preferred == "2026-02"  # the last whole month before today
        return "2026-03"

    monkeypatch.setattr(asking, "choose_month", pick)
    monkeypatch.setattr(asking, "choose_pdf_path", lambda _parent, _name: out)
    tab.save_summary()
    # The school year's months up to today's: August to March.
    assert offered == [[f"2025-{m:02d}" for m in range(8, 13)] + ["2026-01", "2026-02", "2026-03"]]
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    document = QPdfDocument()
    assert document.load(str(out)) == QPdfDocument.Error.None_
    assert document.pageCount() == 6  # the key figures, then 13 charts three to a page
    text = "\n".join(document.getAllText(page).text() for page in range(6))
    assert "Riverside Middle School" in text
    assert "March 2026" in text
    for word in NAMES + FREE_TEXT:
        assert word not in text
    event = audit.list_events(db, action=AuditAction.EXPORT).rows[0].entry
    assert event is not None
    assert event.detail == "monthly summary 2026-03"


def test_cancelling_the_summary_writes_nothing(
    qtbot, db, school_db, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    monkeypatch.setattr(asking, "choose_month", lambda *_: "2026-03")
    monkeypatch.setattr(asking, "choose_pdf_path", lambda *_: None)
    tab.save_summary()
    assert list(tmp_path.rglob("*.pdf*")) == []
    assert audit.list_events(db, action=AuditAction.EXPORT).total == 0


def test_the_detail_follows_the_filters_and_back_returns_to_its_card(qtbot, db, school_db) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.open_report(ReportKind.PRACTICES_BY_MONTH)
    tab.filters.choose_breakdown(Breakdown(BreakdownKind.GRADE))
    shown = tab.detail.shown
    assert shown is not None
    assert shown.categories == ("grade:7",)  # still the detail, now by grade
    assert tab.pages.currentWidget() is tab.detail
    tab.detail.backRequested.emit()
    assert tab.pages.currentWidget() is tab.overview


def test_the_equity_page_sets_the_breakdown_aside(qtbot, db, school_db) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.show_equity()
    assert not tab.filters.breakdown_choice.isEnabled()
    tab.equity.backRequested.emit()
    assert tab.filters.breakdown_choice.isEnabled()
    assert tab.pages.currentWidget() is tab.overview


def test_groups_are_named_by_their_names(qtbot, db, school_db) -> None:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    tab.filters.choose_breakdown(Breakdown(BreakdownKind.GROUP))
    key = f"group:{school_db.advisory_id}"
    assert tab.tables[ReportKind.PRACTICES_BY_MONTH].categories == (key,)
    view = chart(tab, ReportKind.PRACTICES_BY_MONTH)
    assert view.chart().axes()[0].categories() == ["Advisory 7-Blue"]


def test_a_past_years_groups_are_named_too(qtbot, db, school_db) -> None:  # type: ignore[no-untyped-def]
    """An earlier year's advisory is no longer active, so not among the groups a form offers:
    the tab asks for it by id, in one call."""
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from rp_desktop.db.models import GroupRow

    with Session(db.engine) as session, session.begin():
        session.execute(
            update(GroupRow).where(GroupRow.id == school_db.advisory_id).values(active=False)
        )
    tab = make_tab(qtbot, db)
    assert school_db.advisory_id not in tab.groups  # not among the active ones
    tab.filters.choose_breakdown(Breakdown(BreakdownKind.GROUP))
    view = chart(tab, ReportKind.PRACTICES_BY_MONTH)
    assert view.chart().axes()[0].categories() == ["Advisory 7-Blue"]
