"""The recovery screen at start-up: for a corrupt, truncated, random, empty or wrongly unlocked
file it appears, says what is wrong in plain words, and every option leaves the file's bytes as
they were (restoring keeps it, renamed, beside the restored database)."""

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.errors import DatabaseError, DatabaseInUse, WrongPassphrase
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.passphrase.unlock import UnlockDialog
from rp_desktop.ui.safekeeping.recovery import RecoveryDialog
from rp_desktop.ui.safekeeping.recovery_words import PassphraseKeepsFailing, Recovery
from rp_desktop.ui.startup import opening as start
from tests.conftest import FakeClock, digest
from tests.ui.conftest import type_text

SECRET = "tamarind harbor quilt seventeen"


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *args, **kwargs: str(folder))
    return folder


def make_school(path: Path, clock: FakeClock, passphrase: str | None = None) -> None:
    """A database with three students and one backup of it, then closed."""
    secret = Passphrase(passphrase) if passphrase else None
    with open_database(path, passphrase=secret, unencrypted=secret is None, clock=clock) as db:
        for number in range(3):
            students.add_student(db, StudentFields(f"S-{number}", "Anahí", "Quispe", grade=4))
        backups.make_backup(db, BackupReason.CLOSING)


def corrupt(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:100] + os.urandom(3000) + data[3100:])  # the list of tables


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:5000])


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(1000))


def empty(path: Path) -> None:
    path.write_bytes(b"")


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "corrupt": (corrupt, "is damaged"),
    "truncated": (truncate, "is damaged"),
    "random bytes": (random_bytes, "is not a database RP Desktop can read"),
    "empty": (empty, "is empty"),
}


def try_every_option(
    qtbot, path: Path, problem: DatabaseError, out: Path, passphrase: str | None = None
) -> RecoveryDialog:  # type: ignore[no-untyped-def]
    """Save what can be read, then restore the newest backup; the file stays as it was."""
    before = digest(path)
    dialog = RecoveryDialog(path, problem)
    qtbot.addWidget(dialog)
    if passphrase:
        type_text(dialog.passphrase, passphrase)
    dialog.choose_target = lambda: out  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.salvage_button, Qt.MouseButton.LeftButton)
    said = dialog.salvage_result.text() or dialog.problem.text()
    assert said.startswith(("Saved", "Nothing could be read"))
    assert digest(path) == before
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.database is not None, dialog.problem.text()
    kept = list(path.parent.glob(f"{path.stem}.damaged-*.db"))
    assert len(kept) == 1
    assert digest(kept[0]) == before
    return dialog


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_file_that_cannot_be_opened_leads_to_the_recovery_screen(
    qtbot, kind: str, db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    damage, words = DAMAGE[kind]
    make_school(db_path, clock)
    damage(db_path)
    confirmed: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, text, yes, no: confirmed.append(text) or True
    )
    shown: list[RecoveryDialog] = []

    def recovery(path: Path, problem: DatabaseError, parent: object = None):  # type: ignore[no-untyped-def]
        dialog = try_every_option(qtbot, path, problem, path.with_name("read.db"))
        shown.append(dialog)
        return dialog.database

    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(recovery))
    db = start.open_at_start(db_path)
    assert db is not None
    try:
        assert students.list_students(db, ListQuery()).total == 3
    finally:
        db.close()
    assert len(shown) == 1
    message = shown[0].message.text()
    assert words in message
    assert "Nothing has been changed or deleted" in message
    assert "Traceback" not in message
    assert "renamed to school.damaged-" in confirmed[0]


def test_many_wrong_passphrases_lead_to_the_recovery_screen(
    qtbot, db_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    make_school(db_path, clock, SECRET)
    before = digest(db_path)
    asked = []

    def unlock(path: Path, opener):  # type: ignore[no-untyped-def]
        # What the unlock dialog does: a wrong passphrase is said beside the field, any
        # other problem ends the dialog with it.
        asked.append(path)
        for attempt in range(start.TRIES_BEFORE_RECOVERY):
            try:
                opener(Passphrase(f"not the passphrase, try {attempt}"))
            except WrongPassphrase:
                continue
            except DatabaseError as error:
                return error
        raise AssertionError("the recovery screen was not offered")

    outcomes = [Recovery.TRY_AGAIN, None]
    screens: list[RecoveryDialog] = []

    def recovery(path: Path, problem: DatabaseError, parent: object = None):  # type: ignore[no-untyped-def]
        assert isinstance(problem, PassphraseKeepsFailing)
        dialog = RecoveryDialog(path, problem)
        qtbot.addWidget(dialog)
        screens.append(dialog)
        return outcomes.pop(0)

    monkeypatch.setattr(UnlockDialog, "ask", staticmethod(unlock))
    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(recovery))
    assert start.open_at_start(db_path) is None  # tried again, then quit
    assert len(asked) == 2
    assert "did not open school.db" in screens[0].message.text()
    assert screens[0].try_again_button.isVisibleTo(screens[0])
    assert digest(db_path) == before


def test_the_recovery_screen_of_an_encrypted_file_uses_the_passphrase(
    qtbot, db_path: Path, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    make_school(db_path, clock, SECRET)
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    dialog = try_every_option(
        qtbot, db_path, PassphraseKeepsFailing(db_path), tmp_path / "read.db", SECRET
    )
    assert dialog.salvage_result.text().startswith("Saved")
    assert dialog.database is not None
    assert dialog.database.encrypted
    dialog.database.close()


def test_random_pages_look_encrypted_and_nothing_can_be_read(
    qtbot, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db_path.write_bytes(os.urandom(8192))
    before = digest(db_path)
    dialog = RecoveryDialog(db_path, PassphraseKeepsFailing(db_path))
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isVisibleTo(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "There are no backups of this database in the backups folder" in texts
    dialog.choose_target = lambda: tmp_path / "read.db"  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.salvage_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text().startswith("Type the passphrase first")
    type_text(dialog.passphrase, SECRET)
    qtbot.mouseClick(dialog.salvage_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.text().startswith("Nothing could be read")
    assert not (tmp_path / "read.db").exists()
    qtbot.mouseClick(dialog.try_again_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is Recovery.TRY_AGAIN
    assert digest(db_path) == before


def test_a_database_in_use_still_gets_the_plain_message(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[DatabaseError] = []
    monkeypatch.setattr(dialogs, "show_database_error", lambda parent, error: shown.append(error))
    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(lambda *a: pytest.fail("recovery")))
    with open_database(db_path, unencrypted=True):
        assert start.open_at_start(db_path) is None
    assert len(shown) == 1
    assert isinstance(shown[0], DatabaseInUse)


def test_a_backup_kept_elsewhere_is_restored_from_the_recovery_screen(
    qtbot, db_path: Path, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """No backup in the folder on this computer, one on a USB drive: chosen as a file, it is put
    in place of the damaged database, which is kept renamed."""
    from rp_desktop.domain.safekeeping.files import Unreadable
    from rp_desktop.services.safekeeping.errors import NotADatabase

    make_school(db_path, clock, SECRET)
    usb = tmp_path / "usb"
    usb.mkdir()
    [made] = (tmp_path / "data" / "backups").rglob("*_closing_*.db")
    os.replace(made, usb / "friday.db")
    truncate(db_path)  # part of a page: it no longer looks encrypted
    before = digest(db_path)
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    dialog = RecoveryDialog(db_path, NotADatabase(db_path, Unreadable.NOT_SQLITE))
    qtbot.addWidget(dialog)
    assert dialog.backups == []
    assert dialog.restore_file_button.isVisibleTo(dialog)
    dialog.choose_backup_file = lambda: usb / "friday.db"  # type: ignore[method-assign]
    assert not dialog.passphrase.isVisibleTo(dialog)  # the file does not look encrypted
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    assert dialog.passphrase.isVisibleTo(dialog)  # the backup is: its passphrase is asked for
    assert "Type the passphrase first" in dialog.problem.text()
    assert digest(db_path) == before
    type_text(dialog.passphrase, SECRET)
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    assert dialog.database is not None, dialog.problem.text()
    with dialog.database as restored:
        assert students.list_students(restored, ListQuery()).total == 3
    [kept] = db_path.parent.glob("school.damaged-*.db")
    assert digest(kept) == before
