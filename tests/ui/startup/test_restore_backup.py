"""The first run offers "Restore my school from a backup…" beside setting up a school and sample
data: the backup chosen, its passphrase typed (a wrong one waits as the unlock screen does), the
place chosen; the restored school opens and the new, empty database is not left behind."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from rp_desktop import app
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services import school
from rp_desktop.services.safekeeping.backups import BackupReason, make_backup
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.safekeeping.restoring import restore_instead_of_new
from rp_desktop.services.students import records as students
from rp_desktop.ui.passphrase.forms import NewDatabaseChoice, NewDatabaseDialog
from rp_desktop.ui.settings import FAILED_UNLOCKS
from rp_desktop.ui.startup.restore_backup import RestoreBackupDialog
from rp_desktop.ui.startup.welcome import Welcomed, WelcomeDialog
from rp_desktop.ui.window.main_window import MainWindow
from tests.conftest import FakeClock, digest
from tests.ui.conftest import type_text

OLD_LAPTOP = Passphrase("willow harbor candle seventy")
NEW_LAPTOP = Passphrase("granite meadow lantern autumn")
WRONG = Passphrase("silver kettle thunder orchard")


def school_backup(folder: Path, clock: FakeClock, passphrase: Passphrase | None) -> Path:
    """A backup of a school with three invented students, its database gone."""
    folder.mkdir()
    path = folder / "school.db"
    plain = passphrase is None
    with open_database(path, passphrase=passphrase, unencrypted=plain, clock=clock) as db:
        school.set_up_school(db, "Cedar Hollow Middle School", 2025)
        for number in range(3):
            students.add_student(db, StudentFields(f"C{number}", "Amaru", "Quispe", grade=7))
        made = make_backup(db, BackupReason.BY_HAND, out=folder / "friday.db")
    for leftover in folder.glob("school.db*"):
        leftover.unlink()
    return made.path


@pytest.fixture
def usb_backup(tmp_path: Path, clock: FakeClock) -> Path:
    return school_backup(tmp_path / "usb", clock, OLD_LAPTOP)


@pytest.fixture
def new_db(tmp_path: Path, clock: FakeClock) -> Database:
    """The new, empty database the first run made a moment ago, under another passphrase."""
    (tmp_path / "data").mkdir()
    return open_database(tmp_path / "data" / "school.db", passphrase=NEW_LAPTOP, clock=clock)


def dialog_for(qtbot, db: Database, backup: Path | None) -> RestoreBackupDialog:  # type: ignore[no-untyped-def]
    dialog = RestoreBackupDialog(db)
    qtbot.addWidget(dialog)
    dialog.choose_backup_file = lambda: backup  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.choose_backup_button, Qt.MouseButton.LeftButton)
    return dialog


def test_restoring_at_the_first_run_replaces_the_new_empty_database(
    qtbot, usb_backup: Path, new_db: Database, tmp_path: Path
) -> None:
    folder = new_db.path.parent
    dialog = dialog_for(qtbot, new_db, usb_backup)
    assert dialog.backup_field.text() == str(usb_backup)
    assert dialog.target_field.text() == str(new_db.path)
    assert dialog.panel.isVisibleTo(dialog)

    type_text(dialog.panel.passphrase, OLD_LAPTOP.reveal())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == 1, dialog.problem.text()
    assert dialog.restored is not None
    with dialog.restored as restored:
        assert restored.path == new_db.path
        info = school.school_info(restored)
        assert info is not None
        assert info.name == "Cedar Hollow Middle School"
        assert restored.encrypted
    assert new_db.locked  # the new one was closed
    assert sorted(os.listdir(folder)) == ["school.db", "school.db.lock"]
    with open_database(new_db.path, passphrase=OLD_LAPTOP) as reopened:  # the backup's passphrase
        assert school.school_info(reopened) is not None


def test_a_wrong_passphrase_waits_as_the_unlock_screen_does_and_changes_nothing(
    qtbot, usb_backup: Path, new_db: Database
) -> None:
    FAILED_UNLOCKS.write(QSettings(), 2)  # two slips already: the third waits
    before = sorted(os.listdir(new_db.path.parent))
    dialog = dialog_for(qtbot, new_db, usb_backup)
    type_text(dialog.panel.passphrase, WRONG.reveal())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0
    assert dialog.restored is None
    assert "not right" in dialog.panel.message.text()
    assert dialog.panel.wait_timer.isActive()
    assert not dialog.panel.passphrase.isEnabled()
    dialog.panel.wait_timer.stop()
    assert not new_db.locked  # still open, still usable
    assert school.school_info(new_db) is None
    assert sorted(os.listdir(new_db.path.parent)) == before
    new_db.close()


def test_a_damaged_backup_is_named_and_nothing_is_changed(
    qtbot, usb_backup: Path, new_db: Database, tmp_path: Path
) -> None:
    truncated = tmp_path / "usb" / "truncated.db"
    truncated.write_bytes(usb_backup.read_bytes()[: 3 * 4096 + 100])
    before = digest(new_db.path)
    dialog = dialog_for(qtbot, new_db, truncated)
    type_text(dialog.panel.passphrase, OLD_LAPTOP.reveal())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0
    assert "damaged" in dialog.problem.text()
    assert "passphrase" not in dialog.problem.text()
    assert digest(new_db.path) == before
    new_db.close()


def test_the_restored_database_can_go_elsewhere_and_the_new_one_is_removed(
    qtbot, usb_backup: Path, new_db: Database, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "documents" / "records.db"
    dialog = dialog_for(qtbot, new_db, usb_backup)
    dialog.choose_target_file = lambda: elsewhere  # type: ignore[method-assign]
    assert not dialog.elsewhere_note.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.choose_target_button, Qt.MouseButton.LeftButton)
    assert dialog.elsewhere_note.isVisibleTo(dialog)  # how to open it there later
    assert f'rp-desktop --db "{elsewhere}"' in dialog.elsewhere_note.text()
    type_text(dialog.panel.passphrase, OLD_LAPTOP.reveal())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored is not None, dialog.problem.text()
    with dialog.restored as restored:
        assert restored.path == elsewhere
    assert os.listdir(new_db.path.parent) == []  # no new empty database left behind


def test_a_plain_backup_needs_no_passphrase(
    qtbot, tmp_path: Path, clock: FakeClock, new_db: Database
) -> None:
    plain = school_backup(tmp_path / "plain", clock, None)
    dialog = dialog_for(qtbot, new_db, plain)
    assert not dialog.panel.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored is not None, dialog.problem.text()
    with dialog.restored as restored:
        assert not restored.encrypted


def test_nothing_chosen_is_said_plainly(qtbot, new_db: Database) -> None:
    dialog = dialog_for(qtbot, new_db, None)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "Choose the backup file first."
    new_db.close()


def test_every_control_has_a_name_and_the_dialog_fits_a_small_screen(
    qtbot, new_db: Database
) -> None:
    dialog = RestoreBackupDialog(new_db)
    qtbot.addWidget(dialog)
    for control in (
        dialog.backup_field,
        dialog.choose_backup_button,
        dialog.panel.passphrase,
        dialog.target_field,
        dialog.choose_target_button,
    ):
        assert control.accessibleName() or control.text()
    hint = dialog.sizeHint()
    assert hint.width() <= 1280
    assert hint.height() <= 720
    new_db.close()


def test_the_welcome_offers_the_restore_and_opens_the_restored_school(
    qtbot, usb_backup: Path, new_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def restore(db: Database, parent: object = None) -> Database:
        return restore_instead_of_new(db, usb_backup, OLD_LAPTOP).database

    monkeypatch.setattr(RestoreBackupDialog, "ask", staticmethod(restore))
    welcome = WelcomeDialog(new_db)
    qtbot.addWidget(welcome)
    assert welcome.from_backup.text() == "Restore my school from a backup…"
    welcome.from_backup.setChecked(True)
    qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)
    assert welcome.result() == 1
    assert welcome.school is not None
    assert welcome.school.name == "Cedar Hollow Middle School"
    assert welcome.database is not new_db
    welcome.database.close()


def test_first_run_restore_opens_the_window_on_the_restored_school(
    qtbot, usb_backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def welcome(db: Database, parent: object = None) -> Welcomed:
        restored = restore_instead_of_new(db, usb_backup, OLD_LAPTOP).database
        info = school.school_info(restored)
        assert info is not None
        return Welcomed(restored, info)

    monkeypatch.setattr(WelcomeDialog, "ask", staticmethod(welcome))
    monkeypatch.setattr(
        NewDatabaseDialog, "ask", staticmethod(lambda: NewDatabaseChoice(NEW_LAPTOP))
    )
    path = tmp_path / "first" / "school.db"
    window = app.main(path, exec=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    try:
        assert "Cedar Hollow Middle School" in window.windowTitle()
        window.show_view("students")
        assert window.students.model.total == 3
    finally:
        window.database.close()
    with open_database(path, passphrase=OLD_LAPTOP) as reopened:
        assert school.school_info(reopened) is not None


def test_enter_in_the_passphrase_field_tries_once(
    qtbot, usb_backup: Path, new_db: Database
) -> None:
    dialog = dialog_for(qtbot, new_db, usb_backup)
    dialog.show()
    type_text(dialog.panel.passphrase, WRONG.reveal())
    qtbot.keyClick(dialog.panel.passphrase, Qt.Key.Key_Return)
    assert FAILED_UNLOCKS.read(QSettings()) == 1  # one try, not two
    assert "not right" in dialog.panel.message.text()
    type_text(dialog.panel.passphrase, OLD_LAPTOP.reveal())
    qtbot.keyClick(dialog.panel.passphrase, Qt.Key.Key_Return)
    assert dialog.restored is not None, dialog.problem.text()
    assert FAILED_UNLOCKS.read(QSettings()) == 0
    dialog.restored.close()
