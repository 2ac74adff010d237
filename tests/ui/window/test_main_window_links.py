"""From the main window, one action away: a case's window, a student's timeline, the
agreements due, the roster import."""

from datetime import date

import pytest

from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.ui.case.case_window import CaseWindow
from rp_desktop.ui.home.due_list import DueList
from rp_desktop.ui.students.timeline import StudentTimeline
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School


def test_open_on_a_case_shows_its_window_once(window: MainWindow, db, school_db: School) -> None:
    cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Name-calling at recess.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[0].id),
            ),
        ),
    )
    window.show_view("tier2")
    tab = window.tier2
    tab.open_record(tab.model.record(0))
    tab.open_record(tab.model.record(0))
    opened = [w for w in window.windows._windows.values() if isinstance(w, CaseWindow)]
    assert len(opened) == 1
    assert opened[0].windowTitle() == f"Case {tab.model.record(0).id}"
    window.windows.close_all()


def test_open_on_a_student_shows_their_timeline(window: MainWindow, school_db: School) -> None:
    window.show_view("students")
    window.students.open_record(window.students.model.record(0))
    timelines = [w for w in window.windows._windows.values() if isinstance(w, StudentTimeline)]
    assert len(timelines) == 1
    assert timelines[0].student.id == window.students.model.record(0).id
    window.windows.close_all()


def test_the_status_bar_and_the_go_menu_reach_the_due_list(window: MainWindow) -> None:
    assert window.due.text() == "No agreements due this week"
    window.due.linkActivated.emit("due")
    assert any(isinstance(w, DueList) for w in window.windows._windows.values())
    window.windows.close_all()


def test_importing_the_roster_reloads_the_lists(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rp_desktop.ui.students import roster_wizard

    reloaded: list[bool] = []
    monkeypatch.setattr(
        roster_wizard.RosterWizard, "ask", staticmethod(lambda db, parent: object())
    )
    monkeypatch.setattr(window, "records_changed", lambda: reloaded.append(True))
    window.import_roster()
    assert reloaded == [True]
