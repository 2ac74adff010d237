"""The passphrase screens: choosing one for a new database (or explicitly none), unlocking with
a wait that grows after each wrong try, and changing it."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import NotADatabase, WrongPassphrase
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui.passphrase.forms import (
    ChangePassphraseDialog,
    NewDatabaseChoice,
    NewDatabaseDialog,
)
from rp_desktop.ui.passphrase.unlock import UnlockDialog
from rp_desktop.ui.safekeeping.recovery import RecoveryDialog
from rp_desktop.ui.settings import FAILED_UNLOCKS
from rp_desktop.ui.startup import opening as start
from tests.conftest import FakeClock
from tests.ui.conftest import type_text

SECRET = "lantern maple river quiet"


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_database_gets_a_good_passphrase_typed_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewDatabaseDialog()
    qtbot.addWidget(dialog)
    fields = dialog.fields
    assert fields.passphrase.echoMode() is fields.passphrase.EchoMode.Password
    type_text(fields.passphrase, "short")
    assert "at least 15 characters" in fields.advice.text()
    click(qtbot, dialog.create_button)
    assert dialog.choice is None
    fields.passphrase.clear()
    type_text(fields.passphrase, "Correct Horse Battery Staple")
    assert "easy to guess" in fields.advice.text()
    fields.passphrase.clear()
    type_text(fields.passphrase, SECRET)
    assert fields.advice.text() == "Good. Now type it again below."
    type_text(fields.again, "lantern maple river quite")
    assert fields.advice.text() == "The two passphrases are not the same."
    click(qtbot, dialog.create_button)
    assert dialog.choice is None
    assert fields.again.hasFocus() or not dialog.isVisible()
    fields.again.clear()
    fields.again.setText(SECRET)  # pasted: allowed
    assert fields.advice.text().startswith("Good. Write it down")
    click(qtbot, dialog.create_button)
    assert dialog.choice == NewDatabaseChoice(Passphrase(SECRET))
    assert not dialog.choice.unencrypted


def test_no_encryption_only_by_ticking_the_box_that_warns(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewDatabaseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.warning.isVisible()
    dialog.unencrypted.setChecked(True)
    assert dialog.warning.isVisible()
    assert "anyone who has this laptop" in dialog.warning.text()
    assert not dialog.fields.isEnabled()
    click(qtbot, dialog.create_button)
    assert dialog.choice == NewDatabaseChoice(None)
    assert dialog.choice.unencrypted


@pytest.fixture
def locked_file(db_path: Path, clock: FakeClock) -> Path:
    open_database(db_path, passphrase=Passphrase(SECRET), clock=clock).close()
    return db_path


def test_unlocking_at_start_up_waits_longer_after_each_wrong_try(qtbot, locked_file: Path) -> None:  # type: ignore[no-untyped-def]
    opened: list[Database] = []
    dialog = UnlockDialog(locked_file, lambda p: open_database(locked_file, passphrase=p))
    qtbot.addWidget(dialog)
    panel = dialog.panel
    for attempt in (1, 2):
        type_text(panel.passphrase, f"wrong guess number {attempt}")
        click(qtbot, panel.unlock_button)
        assert "not right" in panel.message.text()
        assert panel.passphrase.text() == ""
        assert panel.unlock_button.isEnabled()  # two slips cost nothing
    type_text(panel.passphrase, "wrong guess number 3")
    click(qtbot, panel.unlock_button)
    assert not panel.unlock_button.isEnabled()
    assert not panel.passphrase.isEnabled()
    assert panel.wait_timer.isActive()
    assert panel.wait_timer.interval() == 2000
    assert "Wait 2 seconds" in panel.message.text()
    assert FAILED_UNLOCKS.read(QSettings()) == 3
    panel.wait_timer.stop()
    panel.wait_timer.timeout.emit()  # the wait is over, without waiting in the test
    assert panel.unlock_button.isEnabled()
    type_text(panel.passphrase, SECRET)
    click(qtbot, panel.unlock_button)
    assert dialog.result() == 1
    assert isinstance(dialog.database, Database)
    opened.append(dialog.database)
    assert FAILED_UNLOCKS.read(QSettings()) == 0
    for db in opened:
        db.close()


def test_the_wait_survives_a_restart(qtbot, locked_file: Path) -> None:  # type: ignore[no-untyped-def]
    FAILED_UNLOCKS.write(QSettings(), 5)
    dialog = UnlockDialog(locked_file, lambda p: open_database(locked_file, passphrase=p))
    qtbot.addWidget(dialog)
    assert not dialog.panel.unlock_button.isEnabled()
    assert dialog.panel.wait_timer.interval() == 8000
    assert "Wait 8 seconds" in dialog.panel.message.text()


def test_start_up_asks_for_the_passphrase_of_an_encrypted_database(
    locked_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unlock(path: Path, opener):  # type: ignore[no-untyped-def]
        with pytest.raises(WrongPassphrase):
            opener(Passphrase("not the passphrase at all"))
        return opener(Passphrase(SECRET))

    monkeypatch.setattr(UnlockDialog, "ask", staticmethod(unlock))
    db = start.open_at_start(locked_file)
    assert db is not None
    try:
        assert db.encrypted
    finally:
        db.close()


def test_start_up_explains_a_file_that_is_not_a_database(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.write_text("Name,Grade\nsomeone,5\n", encoding="utf-8")
    shown: list[Exception] = []

    def recovery(path: Path, problem: Exception, parent: object = None) -> None:
        shown.append(problem)

    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(recovery))
    assert start.open_at_start(db_path) is None
    assert len(shown) == 1
    assert isinstance(shown[0], NotADatabase)


def test_changing_the_passphrase_needs_the_current_one(
    qtbot, locked_file: Path, clock: FakeClock
) -> None:  # type: ignore[no-untyped-def]
    with open_database(locked_file, passphrase=Passphrase(SECRET), clock=clock) as db:
        dialog = ChangePassphraseDialog(db)
        qtbot.addWidget(dialog)
        new = "harbor cedar violin morning"
        type_text(dialog.current_field, "a wrong current passphrase")
        type_text(dialog.fields.passphrase, new)
        type_text(dialog.fields.again, new)
        click(qtbot, dialog.change_button)
        assert dialog.result() == 0
        assert dialog.current_problem.text() == "That is not the current passphrase."
        type_text(dialog.current_field, SECRET)
        click(qtbot, dialog.change_button)
        assert dialog.result() == 1
        assert dialog.changed
        assert db.check_passphrase(Passphrase(new))
