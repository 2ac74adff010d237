"""Driving a circle for a case from the keyboard in tests: the case (a person who caused harm,
a person harmed, a supporter named in the case, and the counselor facilitating), the "Run a
circle" tab, Start by Ctrl+Enter, and keys sent where a person's keys go."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rp_desktop.domain.records import Case, CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import CaseStatus, Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab
from tests.ui.conftest import School
from tests.ui.fakes import FakeChime
from tests.ui.run_circle.test_circle_run import Monotonic, rows


def shipped(db: Database, key: str) -> str:
    """The words of a prompt of the school's library, by its shipped key."""
    return str(rows(db, f"SELECT text FROM prompt WHERE seed_key = '{key}'")[0][0])


@dataclass(frozen=True)
class Conference:
    case: Case
    caused: int  # participant ids
    harmed: int
    supporter: int
    facilitator: int


@pytest.fixture
def conference(db: Database, school_db: School) -> Conference:
    library_seed.ensure_circle_library(db)
    caused, harmed = school_db.members[1], school_db.members[0]  # Nou Xiong, Xochitl Ibarra
    case = cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=1,
            description="Pushed in the lunch line.",
            status=CaseStatus.OPEN,
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=harmed.id),
                ParticipantFields(Role.SUPPORTER, other_name="Delfina Ibarra-Soto"),
                ParticipantFields(Role.FACILITATOR, staff_id=school_db.counselor_id),
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=caused.id),
            ),
        ),
    )
    ids = {p.fields.role: p.id for p in case.participants}
    return Conference(
        case,
        ids[Role.PERSON_WHO_CAUSED_HARM],
        ids[Role.PERSON_HARMED],
        ids[Role.SUPPORTER],
        ids[Role.FACILITATOR],
    )


def answered_with_enter(qtbot: QtBot, asked: list[str]):  # type: ignore[no-untyped-def]
    """dialogs.wait_for as a person answers: the question on screen, then Enter."""

    def wait_for(box: QDialog) -> int:
        assert isinstance(box, QMessageBox)
        asked.append(box.windowTitle())
        box.show()
        box.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
        qtbot.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Return)
        return box.result()

    return wait_for


@pytest.fixture
def tab(qtbot: QtBot, db: Database) -> CircleSetupTab:
    """The "Run a circle" tab, on a school with the shipped library (alive until the console
    and wall are closed)."""
    library_seed.ensure_circle_library(db)
    setup = CircleSetupTab(db, 2025, clock=Monotonic(), chime=FakeChime())
    qtbot.addWidget(setup)
    return setup


def started(qtbot: QtBot, tab: CircleSetupTab, conference: Conference) -> CircleRunner:
    """The circle set up for the case (as "Run a circle for this case" does) and started
    with Ctrl+Enter."""
    tab.set_case(conference.case)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
    assert tab.conference.isVisible()
    assert tab.conference.on.isChecked()  # on at first for a repair-harm circle
    qtbot.keyClick(tab, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    runner = tab.runner
    assert runner is not None
    return on_screen(qtbot, runner)


def on_screen(qtbot: QtBot, runner: CircleRunner) -> CircleRunner:
    """The console active, and closed quietly if the test ends with it open."""
    qtbot.addWidget(runner.console, before_close_func=_QUIET[0])
    qtbot.addWidget(runner.wall)
    runner.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is runner.console)
    return runner


_QUIET: list[Callable[[QWidget], None]] = []


@pytest.fixture(autouse=True)
def no_questions_after_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A console still open when a test ends (one that failed half-way) closes without a
    question: nobody is left to answer it, so every question is left unanswered."""
    _QUIET[:] = [lambda _console: monkeypatch.setattr(dialogs, "wait_for", lambda box: 0)]


def key(
    qtbot: QtBot, runner: CircleRunner, which: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    """A key pressed on the console: to the box that has the focus, or else to the circle."""
    qtbot.keyClick(QApplication.focusWidget() or runner.console, which, modifier)


def to_the_script(qtbot: QtBot, runner: CircleRunner) -> None:
    """Space starts the circle; N skips the plan's rounds before the script (the opening and
    the values)."""
    key(qtbot, runner, Qt.Key.Key_Space)
    for _ in range(5):
        if runner.console.live.left.currentWidget() is runner.console.script:
            return
        key(qtbot, runner, Qt.Key.Key_N)
    raise AssertionError("the conference script never began")
