"""Issue 12, build item 5: a database opened behind the newest change recorded on this laptop (its
write-ahead log vanished, or an older copy was put in its place) is said calmly at opening, with
Open Backups… and Continue; once seen it is not shown again."""

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from rp_desktop.domain.records import StudentFields
from rp_desktop.services import audit_sealing, school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.menu import Safekeeping
from rp_desktop.ui.startup.window import open_window
from rp_desktop.ui.window import behind_notice
from rp_desktop.ui.window.behind_notice import BehindNotice
from tests.conftest import FakeClock


@pytest.fixture
def behind(db_path: Path, clock: FakeClock) -> Iterator[Database]:
    """A school whose newest 12 changes were lost outside the app, opened again."""
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        school.set_up_school(db, "Larkspur Elementary", 2025)
        for number in range(14):
            students.add_student(
                db, StudentFields(f"B-{number}", "Oswin", f"Tully{number}", grade=3)
            )
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute(
            "DELETE FROM audit_event WHERE id > (SELECT max(id) - 12 FROM audit_event)"
        )
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        yield db


def answering(button: str, shown: list[BehindNotice]):  # type: ignore[no-untyped-def]
    """A stand-in for the modal loop: the user reads the notice and presses `button`."""

    def exec_(notice: BehindNotice) -> int:
        shown.append(notice)
        getattr(notice, button).click()
        return 1

    return exec_


def test_the_window_says_the_newest_changes_are_missing(
    qtbot, behind: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    shown: list[BehindNotice] = []
    monkeypatch.setattr(dialogs, "wait_for", answering("carry_on", shown))
    window = open_window(behind, fill_now=True)
    assert window is not None
    qtbot.addWidget(window)
    (notice,) = shown
    qtbot.addWidget(notice)
    assert notice.message.text().startswith(
        "The newest 12 changes recorded on this laptop are not in this database. It may have "
        "lost its recent changes in a crash, or been replaced by an older copy."
    )
    assert notice.windowTitle() == "Recent changes missing"
    assert {b.text() for b in notice.findChildren(QPushButton)} == {"Open Backups…", "Continue"}
    assert all(b.accessibleName() for b in notice.findChildren(QPushButton))
    assert notice.sizeHint().width() <= 1280
    assert notice.sizeHint().height() <= 720
    assert "Oswin" not in notice.message.text() + notice.windowTitle()
    notice.grab().save(str(tmp_path / "notice.png"))
    assert audit_sealing.unseen_finding(behind) is None  # seen: not shown again


def test_open_backups_opens_the_backups(
    qtbot, behind: Database, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[BehindNotice] = []
    opened: list[str] = []
    monkeypatch.setattr(dialogs, "wait_for", answering("backups", shown))
    monkeypatch.setattr(Safekeeping, "show_backups", lambda self: opened.append("backups"))
    window = open_window(behind, fill_now=True)
    assert window is not None
    qtbot.addWidget(window)
    qtbot.addWidget(shown[0])
    assert opened == ["backups"]


def test_nothing_is_said_for_a_database_that_is_whole(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    school.set_up_school(db, "Larkspur Elementary", 2025)
    monkeypatch.setattr(dialogs, "wait_for", lambda notice: pytest.fail("no notice expected"))
    assert behind_notice.notice_if_behind(None, db, lambda: None) is None  # type: ignore[arg-type]
