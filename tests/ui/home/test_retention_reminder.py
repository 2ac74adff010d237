"""Home's retention reminder in the real window: once a school year, when some cases are older
than the school keeps them, a line says how many with a button that opens the retention screen;
closing the screen, or "Not now", is a review and the line leaves until the next school year.
Riverside Middle (tests/ui/conftest.py); today is 10 March 2026, school year 2025-26."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from rp_desktop.domain.records import ParticipantFields
from rp_desktop.domain.vocabulary import ClosureReason, Role
from rp_desktop.services.casework.case_detail import close_case
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention.reminder import retention_reminder
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.retention.screen import RetentionDialog
from rp_desktop.ui.window.main_window import MainWindow
from tests.conftest import FakeClock
from tests.ui.conftest import School, open_tier2_case


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible()
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def old_cases(db: Database, school_db: School, how_many: int) -> None:
    """Cases closed in 2019, before the first day kept (1 August 2020, keeping 5 years)."""
    for _ in range(how_many):
        case = open_tier2_case(
            db, ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[0].id)
        )
        close_case(db, case.id, ClosureReason.AGREEMENT_KEPT, date(2026, 3, 9))
    with db.engine.begin() as connection:  # the past, as a school that kept them would have
        connection.exec_driver_sql(
            "UPDATE \"case\" SET occurred_on = '2019-10-01', closed_on = '2019-10-20'"
        )


@pytest.fixture
def home_window(qtbot: QtBot, db: Database, school_db: School) -> MainWindow:
    main = MainWindow(db, school_db.info)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    main.show_view("home")
    return main


def test_no_old_cases_no_line(home_window: MainWindow) -> None:
    assert not home_window.home.retention.isVisibleTo(home_window.home)


def test_the_button_opens_the_retention_screen_and_the_line_leaves(
    qtbot: QtBot,
    db: Database,
    school_db: School,
    home_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    old_cases(db, school_db, 3)
    main = home_window
    main.home.reload()  # as after any change
    line = main.home.retention
    assert line.isVisible()
    assert line.text.text().startswith(
        "3 cases are older than the retention period — review them for removal."
    )
    opened: list[int] = []

    def wait_for(dialog: QDialog) -> int:
        assert isinstance(dialog, RetentionDialog)
        dialog.show()
        click(qtbot, dialog.preview_button)
        opened.append(dialog.preview.counts.cases if dialog.preview else -1)
        click(qtbot, dialog.close_button)
        return dialog.result()

    monkeypatch.setattr(dialogs, "wait_for", wait_for)
    click(qtbot, line.review)
    assert opened == [3]  # the screen the button opened previews the same three cases
    assert not line.isVisible()
    assert retention_reminder(db) is None
    clock.advance(days=150)  # August 2026: a new school year
    main.home.reload()
    assert line.isVisible()


def test_not_now_sends_it_away_until_next_school_year(
    qtbot: QtBot, db: Database, school_db: School, home_window: MainWindow
) -> None:
    old_cases(db, school_db, 1)
    main = home_window
    main.home.reload()
    line = main.home.retention
    assert line.text.text().startswith(
        "1 case is older than the retention period — review it for removal."
    )
    assert line.not_now.accessibleName() == "Not now: remind me next school year"
    click(qtbot, line.not_now)
    assert not line.isVisible()
    main.home.reload()
    assert not line.isVisible()
