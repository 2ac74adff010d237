"""The main window's first and last tabs: Home, where a counselor starts, one action from each
record; and Reports, built when first shown and read again after a change."""

from datetime import date

import pytest

from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.reports.model import ReportKind
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.case.form import CaseForm
from rp_desktop.ui.circles.form import CircleForm
from rp_desktop.ui.home.tab import HomeTab
from rp_desktop.ui.reports.tab import ReportsTab
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School


def open_a_case(db, school_db: School, tier: Tier = Tier.TARGETED) -> int:  # type: ignore[no-untyped-def]
    return cases.open_case(
        db,
        CaseFields(
            tier=tier,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Name-calling at recess.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[0].id),
            ),
        ),
    ).id


@pytest.fixture
def fresh(qtbot, db, school_db: School) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window as it opens: on its first tab."""
    main = MainWindow(db, school_db.info)
    qtbot.addWidget(main)
    main.show_view("home")
    return main


def test_the_window_opens_on_home_and_reports_comes_last(fresh: MainWindow) -> None:
    assert isinstance(fresh.tabs.currentWidget(), HomeTab)
    assert fresh.tabs.tabText(0) == "Home"
    assert fresh.tabs.tabText(fresh.tabs.count() - 1) == "Reports"
    assert fresh.home.summary is not None  # read when shown


def test_home_shows_a_new_case_after_a_save_and_opens_it(
    fresh: MainWindow, db, school_db: School
) -> None:
    case_id = open_a_case(db, school_db)
    fresh.records_changed()
    assert fresh.home.summary is not None
    assert [c.id for c in fresh.home.summary.open_cases] == [case_id]
    fresh.home.caseOpenRequested.emit(case_id)
    opened = [w for w in fresh.windows._windows.values() if isinstance(w, CaseWindow)]
    assert [w.windowTitle() for w in opened] == [f"Case {case_id}"]
    fresh.windows.close_all()


def test_home_opens_a_circle_in_its_form_on_the_tier1_tab(
    fresh: MainWindow, school_db: School
) -> None:
    fresh.show_view("tier1")
    circle_id = fresh.tier1.model.record(0).id
    fresh.show_view("home")
    fresh.home.circleOpenRequested.emit(circle_id)
    assert fresh.tabs.currentWidget() is fresh.tier1
    forms = fresh.tier1.findChildren(CircleForm)
    assert forms
    assert forms[-1].isVisible()


def test_home_buttons_lead_to_a_new_case_of_their_tier_and_to_running_a_circle(
    fresh: MainWindow,
) -> None:
    fresh.home.newCaseRequested.emit(int(Tier.INTENSIVE))
    assert fresh.tabs.currentWidget() is fresh.tier3
    assert fresh.tier3.findChildren(CaseForm)
    fresh.show_view("home")
    fresh.home.runCircleRequested.emit()
    assert fresh.tabs.currentWidget() is fresh.circle
    assert fresh.circle.built() is not None


def test_reports_are_built_only_when_shown_and_read_again_after_a_change(
    fresh: MainWindow, db, school_db: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fresh.reports.built() is None
    fresh.show_view("reports")
    tab = fresh.reports.built()
    assert isinstance(tab, ReportsTab)
    assert set(tab.tables) == set(ReportKind)
    reads: list[bool] = []
    monkeypatch.setattr(tab, "reload", lambda: reads.append(True))
    fresh.show_view("home")
    open_a_case(db, school_db)
    fresh.records_changed()
    assert reads == []  # not shown: it waits
    fresh.show_view("reports")
    assert reads == [True]
    fresh.show_view("home")
    fresh.show_view("reports")
    assert reads == [True]  # nothing changed since


def test_file_export_asks_what_to_export(fresh: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from rp_desktop.ui.exports import dialog as export_dialog

    asked: list[object] = []
    monkeypatch.setattr(export_dialog, "ask_and_export", lambda db, parent: asked.append(parent))
    action = next(
        a for a in fresh.menuBar().actions()[0].menu().actions() if a.text() == "&Export…"
    )
    assert action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    assert asked == [fresh]
