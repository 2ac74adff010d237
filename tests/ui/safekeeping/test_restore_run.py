"""Restoring from the Backups dialog on a worker: the steps in words, Cancel before the copy is
put in place changes nothing (the backup of the present state stays), and the dialog is not
closed, nor a second restore started, while one runs."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.services.safekeeping import backups, restoring
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.backups_dialog import BackupsDialog
from rp_desktop.ui.safekeeping.restore_run import restore_step_words
from tests.conftest import FakeClock
from tests.faults.gate import Gate


def count(db: Database) -> int:
    return students.list_students(db, ListQuery(include_inactive=True)).total


@pytest.fixture
def dialog(
    qtbot: QtBot, db: Database, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> BackupsDialog:
    folder = tmp_path / "backups"
    students.add_student(db, StudentFields("S-1", "Saoirse", "Ní Bhriain", grade=7))
    backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    clock.advance(hours=1)
    students.add_student(db, StudentFields("S-2", "Tadhg", "Ó Briain", grade=7))
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    made = BackupsDialog(db, folder=folder)
    qtbot.addWidget(made)
    made.show()
    return made


def held_at(monkeypatch: pytest.MonkeyPatch, step: str) -> Gate:
    gate = Gate(step)
    monkeypatch.setattr(restoring, "restore_backup", gate.hold(restoring.restore_backup))
    return gate


def test_cancel_before_the_copy_is_in_place_changes_nothing(
    qtbot: QtBot, dialog: BackupsDialog, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = held_at(monkeypatch, "backing_up")
    work = dialog.restore_chosen()
    assert work is not None
    qtbot.waitUntil(lambda: gate.reached.is_set() and "Checking" in dialog.restoring.doing.text())
    assert dialog.restoring.bar.accessibleName() == "Progress"
    assert not dialog.restore_button.isEnabled()  # not started twice
    assert dialog.restore_chosen() is None
    assert dialog.restoring.cancel()
    gate.release()
    with qtbot.waitSignal(work.ended):
        pass
    assert count(db) == 2  # as it was
    assert not dialog.restored
    assert (
        dialog.outcome.text() == "Cancelled; nothing was restored. Your records are as they were."
    )
    assert dialog.restore_button.isEnabled()


def test_closing_mid_restore_asks_and_the_restore_goes_on_when_told(
    qtbot: QtBot, dialog: BackupsDialog, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = held_at(monkeypatch, "backing_up")
    work = dialog.restore_chosen()
    assert work is not None
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, *_w: asked.append(text) or False)
    qtbot.waitUntil(gate.reached.is_set)
    dialog.close()
    assert dialog.isVisible()
    assert asked == ["Stop restoring? Your records stay as they are."]
    gate.release()  # "Keep going"
    with qtbot.waitSignal(work.ended):
        pass
    assert dialog.restored
    assert count(db) == 1
    assert dialog.outcome.text().startswith("Restored the backup from")


def test_the_steps_in_words() -> None:
    assert restore_step_words(0, 3, "checking") == "Checking the backup…"
    assert restore_step_words(1, 3, "backing_up") == "Backing up the records first…"
    assert restore_step_words(2, 3, "replacing").endswith("this cannot be stopped…")
