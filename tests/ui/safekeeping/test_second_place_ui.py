"""The second place in the window: chosen in the Backups dialog (a setting of this laptop), used
by Back up now and the schedule on their worker, reported when it is not there, and told in the
status bar ("Last copy off this laptop: …")."""

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.second_place import second_place_folder
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping import off_laptop
from rp_desktop.ui.safekeeping.backup_schedule import BackupSchedule
from rp_desktop.ui.safekeeping.backups_dialog import BackupsDialog
from rp_desktop.ui.safekeeping.menu import Safekeeping
from tests.conftest import FakeClock
from tests.ui.choosing import answer_chooser

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def drive(tmp_path: Path) -> Path:
    place = tmp_path / "E" / "Backups"
    place.mkdir(parents=True)
    return place


def dialog_with_schedule(qtbot, db: Database, folder: Path, clock: FakeClock):  # type: ignore[no-untyped-def]
    schedule = BackupSchedule(
        db, clock, folder=folder, background=False, second_place=off_laptop.second_place
    )
    dialog = BackupsDialog(db, folder=folder, schedule=schedule)
    qtbot.addWidget(dialog)
    return dialog, schedule


def test_a_second_place_is_chosen_and_stopped_in_the_backups_dialog(
    qtbot, db: Database, folder: Path, drive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = BackupsDialog(db, folder=folder)
    qtbot.addWidget(dialog)
    box = dialog.second_place
    assert "on this laptop only" in box.where.text()
    assert not box.stop_button.isEnabled()
    monkeypatch.setattr(dialogs, "wait_for", answer_chooser(drive))
    qtbot.mouseClick(box.choose_button, Qt.MouseButton.LeftButton)
    assert off_laptop.second_place() == drive
    assert f"copied to {drive} (connected now)" in box.where.text()
    drive.rename(drive.with_name("unplugged"))
    box.show_place()
    assert "when it is connected (it is not now)" in box.where.text()
    qtbot.mouseClick(box.stop_button, Qt.MouseButton.LeftButton)
    assert off_laptop.second_place() is None


def test_back_up_now_copies_to_the_second_place(
    qtbot, db: Database, folder: Path, drive: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    off_laptop.choose_second_place(drive)
    dialog, _schedule = dialog_with_schedule(qtbot, db, folder, clock)
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    assert f"A copy is also in {drive}." in dialog.outcome.text()
    copies = list(second_place_folder(drive, db.identity).glob("*.db"))
    assert [c.name for c in copies] == [dialog.model.backup(0).path.name]
    assert dialog.back_up_button.isEnabled()
    assert dialog.restore_button.isEnabled()


def test_a_missing_second_place_is_reported_and_the_backup_is_made(
    qtbot, db: Database, folder: Path, tmp_path: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    unplugged = tmp_path / "E" / "Backups"
    off_laptop.choose_second_place(unplugged)
    dialog, _schedule = dialog_with_schedule(qtbot, db, folder, clock)
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    assert (
        f"The copy to {unplugged} was not made: the drive is not connected."
        in dialog.outcome.text()
    )


def test_the_status_bar_says_when_the_last_copy_off_this_laptop_was_made(
    qtbot, db: Database, drive: Path
) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    off_laptop.choose_second_place(drive)
    keeping = Safekeeping(window, db, lambda: None)
    assert keeping.off_laptop.text() == "No copy off this laptop yet"
    copied: list[object] = []
    keeping.offLaptopCopied.connect(copied.append)
    with qtbot.waitSignal(keeping.schedule.backedUp, timeout=20_000):
        assert keeping.schedule.back_up_now()
    keeping.schedule.wait()
    assert keeping.off_laptop.text() == "Last copy off this laptop: just now"
    assert copied == [keeping.last_off_laptop_copy()]
    assert off_laptop.last_off_laptop_copy(db.identity) is not None
    keeping.schedule.timer.stop()


def test_the_age_of_the_last_copy_in_words() -> None:
    assert off_laptop.off_laptop_words(None, NOW) == "No copy off this laptop yet"
    ages = {
        timedelta(seconds=30): "just now",
        timedelta(minutes=14): "14 minutes ago",
        timedelta(hours=1, minutes=5): "1 hour ago",
        timedelta(hours=30): "30 hours ago",
        timedelta(days=3, hours=2): "3 days ago",
    }
    for age, words in ages.items():
        assert off_laptop.off_laptop_words(NOW - age, NOW) == f"Last copy off this laptop: {words}"


def test_the_window_links_home_and_the_status_bar_to_the_second_place(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from rp_desktop.ui.safekeeping import backups_dialog

    opened: list[object] = []
    monkeypatch.setattr(
        backups_dialog, "open_backups_dialog", lambda *args, **kwargs: opened.append(kwargs)
    )
    window.show_view("home")
    home = window.home
    home.reload()
    assert home.off_laptop.isVisibleTo(home)
    qtbot.mouseClick(home.off_laptop.button, Qt.MouseButton.LeftButton)
    assert opened == [{"schedule": window.safekeeping.schedule}]
    assert window.safekeeping.off_laptop in window.statusBar().findChildren(QLabel)
    window.safekeeping.offLaptopCopied.emit(window.database.now())
    assert not home.off_laptop.isVisibleTo(home)


def test_the_worker_copies_and_the_window_thread_writes_the_event(
    qtbot,
    db: Database,
    folder: Path,
    drive: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    from rp_desktop.services.safekeeping import backups

    threads: dict[str, str] = {}
    real_complete, real_record = backups.complete_backup, backups.record_backup

    def complete(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads["copy"] = threading.current_thread().name
        return real_complete(*args, **kwargs)

    def record(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads["event"] = threading.current_thread().name
        return real_record(*args, **kwargs)

    monkeypatch.setattr(backups, "complete_backup", complete)
    monkeypatch.setattr(backups, "record_backup", record)
    schedule = BackupSchedule(db, clock, folder=folder, second_place=lambda: drive)
    with qtbot.waitSignal(schedule.backedUp, timeout=20_000) as done:
        assert schedule.back_up_now()
    schedule.wait()
    assert threads["event"] == threading.main_thread().name
    assert threads["copy"] != threading.main_thread().name
    assert done.args[0].second.path is not None
    assert not backups.changes_since_last_backup(db, folder=folder)


def closing_backups(schedule: BackupSchedule) -> list[object]:
    made: list[object] = []
    schedule.backedUp.connect(made.append)
    schedule.on_close()
    return made


def test_closing_copies_to_the_second_place_too(
    qtbot, db: Database, folder: Path, drive: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    schedule = BackupSchedule(
        db, clock, folder=folder, background=False, second_place=lambda: drive
    )
    (made,) = closing_backups(schedule)
    second = made.second  # type: ignore[attr-defined]
    assert second is not None
    assert second.path is not None
    assert second.path.parent == second_place_folder(drive, db.identity)
    assert second.path.read_bytes() == made.path.read_bytes()  # type: ignore[attr-defined]


def test_a_second_place_that_hangs_does_not_keep_the_window_from_closing(
    qtbot,
    db: Database,
    folder: Path,
    drive: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    from rp_desktop.services.safekeeping import backups
    from rp_desktop.ui.safekeeping import backup_schedule

    answering = threading.Event()

    def hanging_share(*args: object) -> object:  # a network share that stops answering
        answering.wait()
        return None

    monkeypatch.setattr(backup_schedule, "copy_to_second_place", hanging_share)
    monkeypatch.setattr(backups, "copy_to_second_place", hanging_share)  # any way there hangs
    schedule = BackupSchedule(
        db,
        clock,
        folder=folder,
        background=False,
        second_place=lambda: drive,
        closing_copy_seconds=0,
    )
    (made,) = closing_backups(schedule)  # returns: closing waited only so long
    assert made.second is None  # type: ignore[attr-defined]
    assert made.path.parent == folder  # type: ignore[attr-defined]  # the backup on this laptop stands
    answering.set()  # the share answers at last: the copier ends
    for thread in threading.enumerate():
        if thread.name == "second place, closing":
            thread.join()
