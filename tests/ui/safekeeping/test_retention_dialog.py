"""The "Remove old records" dialog: a preview in plain words, a backup before anything goes, a
tick before Remove, and a stale preview refused. The building is the one the service tests use
(today 2026-03-10; keeping 3 school years removes one old case, circle, run, plan, group and two
former students)."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from rp_desktop.domain.safekeeping.retention import PurgeCounts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention import removal
from rp_desktop.services.safekeeping.retention.removal import PurgePreview
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.retention import screen
from rp_desktop.ui.safekeeping.retention.screen import RetentionDialog, open_retention_dialog
from rp_desktop.ui.safekeeping.retention.words import preview_lines
from rp_desktop.ui.words.formatting import format_count, format_date
from tests.services.safekeeping.test_retention import (
    EXPECTED,
    GONE,
    Building,
    build,
    count,
    raw_bytes,
)


@pytest.fixture
def building(db: Database) -> Building:
    return build(db)


@pytest.fixture
def dialog(qtbot, db: Database, building: Building) -> RetentionDialog:  # type: ignore[no-untyped-def]
    backups: list[str] = []

    def backup() -> None:
        backups.append(f"backup with {count(db, 'case')} cases")  # made before any removal

    made = RetentionDialog(db, backup=backup)
    made.backups = backups  # type: ignore[attr-defined]
    qtbot.addWidget(made)
    return made


def finish(qtbot, dialog: RetentionDialog) -> None:  # type: ignore[no-untyped-def]
    """Press Remove and wait until the work on the worker has ended."""
    work = dialog.remove()
    assert work is not None
    with qtbot.waitSignal(work.ended):
        pass
    assert not dialog.panel.busy


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_preview_says_in_plain_words_what_would_go(qtbot, dialog: RetentionDialog) -> None:
    assert dialog.years.value() == 5
    assert not dialog.remove_button.isEnabled()
    dialog.years.setValue(3)
    assert format_date(date(2022, 8, 1)) in dialog.span.text()
    assert "2021-22 and earlier" in dialog.span.text()

    click(qtbot, dialog.preview_button)

    shown = dialog.outcome.text()
    day = format_date(date(2022, 8, 1))
    assert f"1 Tier 1 circle held before {day}" in shown
    assert f"1 case closed before {day} (1 case on hold is kept; 1 older case still open" in shown
    assert "2 former students" in shown
    assert not any(word in shown for word in GONE)  # counts, never names or stories
    assert not dialog.remove_button.isEnabled()  # not until the box is ticked
    dialog.understood.setChecked(True)
    assert dialog.remove_button.isEnabled()
    assert dialog.remove_button.text() == "Remove 7 records"
    dialog.years.setValue(4)  # another choice needs its own preview
    assert not dialog.remove_button.isEnabled()


def test_remove_backs_up_first_then_removes_for_good(
    qtbot, dialog: RetentionDialog, db: Database, db_path: Path
) -> None:
    dialog.years.setValue(3)
    click(qtbot, dialog.preview_button)
    dialog.understood.setChecked(True)

    with qtbot.waitSignal(dialog.purged) as purged:
        click(qtbot, dialog.remove_button)

    assert purged.args == [7]
    assert dialog.backups == ["backup with 4 cases"]  # type: ignore[attr-defined]
    assert dialog.removed == EXPECTED
    assert count(db, "case") == 3
    assert "7 records were removed." in dialog.status.text()
    assert dialog.outcome.text().startswith("Removed:")
    assert not dialog.remove_button.isEnabled()
    assert not dialog.preview_button.isEnabled()
    assert not any(word.lower().encode() in raw_bytes(db_path).lower() for word in GONE)


def test_nothing_is_removed_when_the_backup_fails(qtbot, db: Database, building: Building) -> None:
    def failing_backup() -> None:
        raise OSError(28, "No space left on device")

    dialog = RetentionDialog(db, backup=failing_backup)
    qtbot.addWidget(dialog)
    dialog.years.setValue(3)
    dialog.show_preview()
    dialog.understood.setChecked(True)

    finish(qtbot, dialog)

    assert count(db, "case") == 4
    assert dialog.removed is None
    assert "backup could not be made, so nothing was removed" in dialog.status.text()


def test_a_preview_that_is_out_of_date_removes_nothing(
    qtbot, dialog: RetentionDialog, db: Database, building: Building
) -> None:
    dialog.years.setValue(3)
    dialog.show_preview()
    dialog.understood.setChecked(True)
    removal.set_hold(db, building.old_case, True)  # from the case's window, meanwhile

    finish(qtbot, dialog)

    assert count(db, "case") == 4
    assert count(db, "student") == 5
    assert "changed since the preview" in dialog.status.text()
    assert "2 cases on hold are kept" in dialog.outcome.text()  # the new preview is shown
    assert dialog.preview is not None
    assert dialog.preview.counts.held_cases_kept == 2
    assert not dialog.understood.isChecked()
    assert not dialog.remove_button.isEnabled()


def test_nothing_to_remove_is_said_and_remove_stays_off(qtbot, dialog: RetentionDialog) -> None:
    dialog.years.setValue(20)
    dialog.show_preview()
    dialog.understood.setChecked(True)

    assert "nothing to remove" in dialog.outcome.text()
    assert not dialog.remove_button.isEnabled()


def test_the_dialog_still_says_how_it_was_closed(qtbot, dialog: RetentionDialog) -> None:
    """None of its widgets hides a QDialog method (a label named `result` once hid result())."""
    dialog.show()
    dialog.setResult(QDialog.DialogCode.Accepted)

    click(qtbot, dialog.close_button)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.outcome.text() == "Choose Preview to see what would be removed."


def test_the_lines_leave_out_kinds_with_nothing_to_remove() -> None:
    counts = PurgeCounts(circles=312, cases=41, students=120, held_cases_kept=3)
    day = format_date(date(2021, 8, 1))

    lines = preview_lines(PurgePreview(5, date(2021, 8, 1), counts))

    assert lines == [
        f"312 Tier 1 circles held before {day}",
        f"41 cases closed before {day} (3 cases on hold are kept)",
        "120 former students",
    ]


def test_the_lines_name_practice_logs_referrals_and_caregivers() -> None:
    counts = PurgeCounts(
        cases=2, practice_logs=1480, referrals=1, students=3, caregivers=2, open_cases_kept=1
    )
    day = format_date(date(2021, 8, 1))

    lines = preview_lines(PurgePreview(5, date(2021, 8, 1), counts))

    assert lines == [
        f"2 cases closed before {day} (1 older case still open is kept)",
        f"{format_count(1480)} everyday practices logged before {day}",
        f"1 referral received before {day}, or turned into a removed case",
        "3 former students",
        "2 caregivers with no student left",
    ]


def test_open_retention_dialog_says_whether_records_were_removed(
    qtbot, db: Database, building: Building, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(self: RetentionDialog) -> int:
        self.years.setValue(3)
        self.show_preview()
        self.understood.setChecked(True)
        if self.remove_button.isEnabled():
            finish(qtbot, self)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(dialogs, "wait_for", run)
    monkeypatch.setattr(screen, "backup_before_purge", lambda db: lambda: None)

    assert open_retention_dialog(None, db) is True
    assert open_retention_dialog(None, db) is False  # nothing older is left


def test_removed_but_not_compacted_is_said_plainly(
    qtbot, dialog: RetentionDialog, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def blocked(_db: Database) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(removal, "compact", blocked)
    dialog.years.setValue(3)
    dialog.show_preview()
    dialog.understood.setChecked(True)

    finish(qtbot, dialog)

    assert "7 records were removed." in dialog.status.text()
    assert "could not be wiped yet" in dialog.status.text()
    assert dialog.removed == EXPECTED
