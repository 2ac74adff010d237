"""The Backups dialog and the backup schedule, driven as a counselor would: no dialog waits for
a click (tests answer in its place) and no timer is waited for (tests call its slot)."""

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.backup_schedule import BackupSchedule
from rp_desktop.ui.safekeeping.backups_dialog import BackupsDialog, open_backups_dialog
from rp_desktop.ui.safekeeping.recovery_copy import RecoveryCopyDialog, RecoveryCopyRequest
from tests.conftest import FakeClock
from tests.ui.conftest import type_text

DISTRICT = "granite orchard evening compass"
EVERYONE = ListQuery(include_inactive=True)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def add(db: Database, number: str) -> None:
    students.add_student(db, StudentFields(number, "Saoirse", "Ní Bhriain", grade=7))


def count(db: Database) -> int:
    return students.list_students(db, EVERYONE).total


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_list_shows_backups_newest_first(
    qtbot, qtmodeltester, db: Database, folder: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    add(db, "S-1")
    backups.make_backup(db, BackupReason.SCHEDULED, folder=folder)
    clock.advance(hours=2)
    backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    dialog = BackupsDialog(db, folder=folder)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    first = [dialog.model.index(0, c).data() for c in range(4)]
    assert first[1] == "Backed up by hand"
    assert "2026" in first[0]
    assert first[3] == "Yes"
    assert dialog.model.index(1, 1).data() == "While you worked"
    assert dialog.restore_button.isEnabled()
    assert dialog.empty.isHidden()


def test_back_up_now(qtbot, db: Database, folder: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog(db, folder=folder)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.restore_button.isEnabled()
    click(qtbot, dialog.back_up_button)
    assert dialog.model.rowCount() == 1
    assert dialog.outcome.text().startswith("Backed up just now")


def test_restoring_asks_first_in_plain_words_then_restores(
    qtbot, db: Database, folder: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    add(db, "S-1")
    backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    clock.advance(hours=1)
    add(db, "S-2")
    asked: list[str] = []
    answer = [False]

    def confirm(parent, title, text, yes, no) -> bool:  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(dialogs, "confirm", confirm)
    dialog = BackupsDialog(db, folder=folder)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.restore_button)
    assert count(db) == 2  # "Cancel" changed nothing
    assert not dialog.restored
    assert "backs up the records as they are now" in asked[0]
    assert "entered after that will not be in them" in asked[0]

    answer[0] = True
    with qtbot.waitSignal(dialog.restoring.ended):  # restored on a worker
        click(qtbot, dialog.restore_button)
    assert dialog.restored
    assert count(db) == 1
    assert dialog.model.rowCount() == 2  # the backup, and the one made just before restoring
    assert dialog.model.index(0, 1).data() == "Before a restore"
    assert "Restored the backup from" in dialog.outcome.text()


def test_a_backup_under_another_passphrase_is_not_offered(
    qtbot, db: Database, folder: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder.mkdir()
    stranger = folder / "2026-03-09_100000Z_scheduled_e1-abcdef12.db"
    stranger.write_bytes(bytes(range(256)) * 16)
    dialog = BackupsDialog(db, folder=folder)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 3).data() == "No: it does not open"
    assert not dialog.restore_button.isEnabled()


def test_a_recovery_copy_from_the_dialog(
    qtbot, db: Database, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    add(db, "S-1")
    target = tmp_path / "district.db"
    monkeypatch.setattr(
        RecoveryCopyDialog,
        "ask",
        classmethod(
            lambda cls, parent=None, db=None: RecoveryCopyRequest(Passphrase(DISTRICT), target)
        ),
    )
    dialog = BackupsDialog(db, folder=folder)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.recovery_button)
    assert target.exists()
    assert not target.read_bytes().startswith(b"SQLite format 3")
    assert str(target) in dialog.outcome.text()


def test_the_recovery_copy_dialog_needs_the_passphrase_twice_and_a_file(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = RecoveryCopyDialog()
    qtbot.addWidget(dialog)
    target = tmp_path / "for the district.db"
    dialog.choose_target = lambda: target  # type: ignore[method-assign]
    type_text(dialog.fields.passphrase, DISTRICT)
    type_text(dialog.fields.again, DISTRICT + "x")
    click(qtbot, dialog.make_button)
    assert dialog.request is None
    assert dialog.fields.advice.text() == "The two passphrases are not the same."
    dialog.fields.again.clear()
    type_text(dialog.fields.again, DISTRICT)
    click(qtbot, dialog.make_button)
    assert dialog.request is None
    assert dialog.problem.text() == "Choose where to save the recovery copy."
    click(qtbot, dialog.choose_button)
    click(qtbot, dialog.make_button)
    assert dialog.request == RecoveryCopyRequest(Passphrase(DISTRICT), target)


def test_opening_the_backups_folder(
    qtbot, db: Database, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    dialog = BackupsDialog(db, folder=folder)
    qtbot.addWidget(dialog)
    click(qtbot, dialog.folder_button)
    assert [url.toLocalFile() for url in opened] == [str(folder)]


def test_open_backups_dialog_says_whether_a_restore_happened(
    qtbot, db: Database, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    add(db, "S-1")
    backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    add(db, "S-2")
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    monkeypatch.setattr(dialogs, "wait_for", lambda self: 0)  # closed at once
    assert open_backups_dialog(None, db, folder=folder) is False
    assert count(db) == 2

    def restore_then_close(dialog: BackupsDialog) -> int:
        with qtbot.waitSignal(dialog.restoring.ended):
            dialog.restore_button.click()
        return 0

    monkeypatch.setattr(dialogs, "wait_for", restore_then_close)
    assert open_backups_dialog(None, db, folder=folder) is True
    assert count(db) == 1


# The schedule


def test_the_schedule_backs_up_at_most_every_half_hour_while_there_are_changes(
    qtbot, db: Database, folder: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    schedule = BackupSchedule(db, clock, folder=folder, background=False)
    made: list[object] = []
    schedule.backedUp.connect(made.append)
    schedule.tick()  # no backup yet: the first one is made straight away
    assert len(made) == 1
    add(db, "S-1")
    clock.advance(minutes=29)
    schedule.tick()
    assert len(made) == 1  # too soon
    clock.advance(minutes=1)
    schedule.tick()
    assert len(made) == 2
    clock.advance(hours=2)
    schedule.tick()
    assert len(made) == 2  # nothing changed
    add(db, "S-2")
    schedule.on_close()
    assert len(made) == 3
    assert not schedule.timer.isActive()
    reasons = [b.reason for b in backups.list_backups(db.path, folder=folder, check=False)]
    assert reasons[0] is BackupReason.CLOSING


def test_a_new_schedule_waits_for_the_half_hour_since_the_newest_backup(
    db: Database, folder: Path, clock: FakeClock
) -> None:
    backups.make_backup(db, BackupReason.SCHEDULED, folder=folder)
    add(db, "S-1")
    clock.advance(minutes=10)
    schedule = BackupSchedule(db, clock, folder=folder, background=False)
    schedule.tick()
    assert len(backups.list_backups(db.path, folder=folder, check=False)) == 1
    clock.advance(minutes=20)
    schedule.tick()
    assert len(backups.list_backups(db.path, folder=folder, check=False)) == 2


def test_a_failing_backup_is_said_once_and_never_crashes(
    qtbot,
    db: Database,
    folder: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # type: ignore[no-untyped-def]
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(db.path))

    monkeypatch.setattr(backups, "complete_backup", full_disk)
    window = QWidget()
    qtbot.addWidget(window)
    schedule = BackupSchedule(db, clock, window, folder=folder, background=False)
    said: list[str] = []
    schedule.failed.connect(said.append)
    with caplog.at_level(logging.WARNING):
        schedule.tick()
        add(db, "S-1")
        clock.advance(minutes=30)
        schedule.tick()
        schedule.on_close()
    assert len(said) == 1
    assert "could not back up" in said[0]
    assert schedule.note is not None
    assert schedule.note.isVisible()
    assert not schedule.note.isModal()
    assert "A backup failed (OSError)." in caplog.text
    assert str(db.path) not in caplog.text
    assert "Ní Bhriain" not in caplog.text
    schedule.note.close()


def test_a_locked_database_is_not_backed_up(db: Database, folder: Path, clock: FakeClock) -> None:
    schedule = BackupSchedule(db, clock, folder=folder, background=False)
    made: list[object] = []
    schedule.backedUp.connect(made.append)
    db.lock()
    schedule.tick()
    schedule.on_close()
    assert not folder.exists()
    assert made == []
    db.unlock(None)  # the same schedule, unlocked, backs up at once: the lock alone held it back
    schedule.tick()
    assert len(made) == 1
    listed = backups.list_backups(db.path, folder=folder, check=False)
    assert [b.reason for b in listed] == [BackupReason.SCHEDULED]


def test_a_scheduled_backup_runs_beside_the_window_and_closing_waits_for_it(
    qtbot, db: Database, folder: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    schedule = BackupSchedule(db, clock, folder=folder)
    with qtbot.waitSignal(schedule.backedUp, timeout=20_000) as done:
        assert schedule.back_up_if_changed(BackupReason.SCHEDULED)
        add(db, "S-1")  # typing goes on while the copy is made
    assert done.args[0].path.exists()
    add(db, "S-2")
    schedule.on_close()  # the closing backup runs in the foreground
    assert not schedule.running
    newest = backups.list_backups(db.path, folder=folder, check=False)[0]
    assert newest.reason is BackupReason.CLOSING
    assert not backups.changes_since_last_backup(db, folder=folder)
