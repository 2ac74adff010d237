"""A lost or replaced laptop: the very first screen ("Protect your records") offers "Restore my
school from a backup…" beside creating the database, so no passphrase is chosen for a database
that is never used and no empty database is made; cancelling the restore goes back to it."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rp_desktop.services import school
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui.passphrase.forms import NewDatabaseChoice, NewDatabaseDialog
from rp_desktop.ui.startup import opening
from rp_desktop.ui.startup.restore_backup import RestoreBackupDialog
from tests.conftest import FakeClock
from tests.ui.conftest import type_text
from tests.ui.startup.test_restore_backup import OLD_LAPTOP, WRONG, school_backup


@pytest.fixture
def usb_backup(tmp_path: Path, clock: FakeClock) -> Path:
    return school_backup(tmp_path / "usb", clock, OLD_LAPTOP)


def first_screen_dialog(qtbot, target: Path, backup: Path) -> RestoreBackupDialog:  # type: ignore[no-untyped-def]
    dialog = RestoreBackupDialog(None, path=target)
    qtbot.addWidget(dialog)
    dialog.choose_backup_file = lambda: backup  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.choose_backup_button, Qt.MouseButton.LeftButton)
    return dialog


def test_the_first_screen_offers_to_restore_instead(qtbot) -> None:
    dialog = NewDatabaseDialog()
    qtbot.addWidget(dialog)
    assert dialog.restore_button.accessibleName() == "Restore my school from a backup"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert dialog.choice == NewDatabaseChoice(None, restore=True)


def test_restoring_from_the_first_screen_makes_no_database_of_its_own(
    qtbot, usb_backup: Path, tmp_path: Path
) -> None:
    target = tmp_path / "data" / "school.db"
    dialog = first_screen_dialog(qtbot, target, usb_backup)
    assert dialog.target_field.text() == str(target)
    type_text(dialog.panel.passphrase, OLD_LAPTOP.reveal())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1, dialog.problem.text()
    assert dialog.restored is not None
    with dialog.restored as restored:
        assert restored.path == target
        info = school.school_info(restored)
        assert info is not None
        assert info.name == "Cedar Hollow Middle School"
    assert sorted(os.listdir(target.parent)) == ["school.db", "school.db.lock"]
    with open_database(target, passphrase=OLD_LAPTOP) as reopened:  # the backup's passphrase
        assert school.school_info(reopened) is not None


def test_a_wrong_passphrase_is_said_under_a_field_kept_whole(
    qtbot, usb_backup: Path, tmp_path: Path
) -> None:
    target = tmp_path / "data" / "school.db"
    dialog = first_screen_dialog(qtbot, target, usb_backup)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.panel.passphrase, WRONG.reveal())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    dialog.panel.wait_timer.stop()
    assert dialog.restored is None
    assert dialog.panel.message.isVisible()
    field = dialog.panel.passphrase
    assert field.height() >= field.minimumSizeHint().height()
    assert dialog.panel.message.height() >= dialog.panel.message.minimumSizeHint().height()
    assert not target.parent.exists()  # nothing made for a restore that did not happen


def choices(monkeypatch: pytest.MonkeyPatch, *answers: NewDatabaseChoice | None) -> list[int]:
    """The first screen answers `answers` in turn; returns how often it was shown."""
    shown: list[int] = []
    queue = list(answers)

    def ask(parent: object = None) -> NewDatabaseChoice | None:
        shown.append(1)
        return queue.pop(0)

    monkeypatch.setattr(NewDatabaseDialog, "ask", staticmethod(ask))
    return shown


def test_cancelling_the_restore_goes_back_to_the_first_screen(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "data" / "school.db"
    shown = choices(monkeypatch, NewDatabaseChoice(None, restore=True), None)
    asked: list[Path] = []
    monkeypatch.setattr(
        RestoreBackupDialog, "ask_first", staticmethod(lambda path: asked.append(path))
    )
    assert opening.open_at_start(target) is None
    assert asked == [target]
    assert len(shown) == 2  # back to the first screen, where the user quit
    assert not target.exists()


def test_the_school_restored_from_the_first_screen_is_the_one_opened(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: FakeClock
) -> None:
    target = tmp_path / "data" / "school.db"
    restored: list[Database] = []

    def restore(path: Path) -> Database:  # what the dialog returns: the school, open, in place
        restored.append(open_database(path, passphrase=OLD_LAPTOP, clock=clock))
        return restored[0]

    choices(monkeypatch, NewDatabaseChoice(None, restore=True))
    monkeypatch.setattr(RestoreBackupDialog, "ask_first", staticmethod(restore))
    opened = opening.open_at_start(target)
    assert opened is not None
    assert [opened] == restored
    opened.close()
