"""Removing old records on a worker: the steps told in words on a progress bar, Cancel that
rolls the removal back (the backup made just before stays), and a dialog that cannot be closed
or started twice while the work runs."""

import pytest
from pytestqt.qtbot import QtBot

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.retention import removal
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.retention.screen import RetentionDialog
from rp_desktop.ui.safekeeping.retention.words import purge_step_words
from tests.faults.gate import Gate
from tests.services.safekeeping.test_retention import Building, build, count

TABLES = ("case", "community_circle", "circle_run", "support_plan", "student", "audit_event")


@pytest.fixture
def building(db: Database) -> Building:
    return build(db)


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, building: Building) -> RetentionDialog:
    made = RetentionDialog(db, backup=lambda: made.backups.append("made"))  # type: ignore[attr-defined]
    made.backups = []  # type: ignore[attr-defined]
    qtbot.addWidget(made)
    made.show()
    made.years.setValue(3)
    made.show_preview()
    made.understood.setChecked(True)
    return made


def held_at(monkeypatch: pytest.MonkeyPatch, step: str) -> Gate:
    gate = Gate(step)
    monkeypatch.setattr(removal, "purge", gate.hold(removal.purge))
    return gate


def counts(db: Database) -> dict[str, int]:
    return {table: count(db, table) for table in TABLES}


def test_each_step_is_told_in_words(
    qtbot: QtBot, dialog: RetentionDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = held_at(monkeypatch, "cases")
    work = dialog.remove()
    assert work is not None
    qtbot.waitUntil(lambda: gate.reached.is_set() and "Removing" in dialog.panel.doing.text())
    assert dialog.panel.doing.text() == "Removing recorded circle runs (2 of 12)…"
    assert dialog.panel.bar.accessibleName() == "Progress"
    assert not dialog.remove_button.isEnabled()  # not started twice
    assert not dialog.preview_button.isEnabled()
    assert dialog.remove() is None
    gate.release()
    with qtbot.waitSignal(work.ended):
        pass
    assert dialog.backups == ["made"]  # type: ignore[attr-defined]
    assert purge_step_words(0, 1, "backing_up") == "Backing up everything first…"
    assert [s for s in dict.fromkeys(gate.steps) if s in ("reading", "cases", "wiping")] == [
        "reading",
        "cases",
        "wiping",
    ]
    assert "7 records were removed." in dialog.status.text()
    assert purge_step_words(8, 9, "wiping").endswith("this cannot be stopped…")


def test_cancel_rolls_the_removal_back_and_the_backup_stays(
    qtbot: QtBot, dialog: RetentionDialog, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(db)
    gate = held_at(monkeypatch, "students")  # runs, cases, plans, circles, groups deleted by now
    work = dialog.remove()
    assert work is not None
    qtbot.waitUntil(gate.reached.is_set)
    assert dialog.panel.cancel()
    gate.release()
    with qtbot.waitSignal(work.ended):
        pass
    assert counts(db) == before  # nothing removed, not even the audit event of a purge
    assert dialog.removed is None
    assert dialog.backups == ["made"]  # type: ignore[attr-defined]
    assert dialog.status.text() == (
        "Cancelled; nothing was removed. The backup made just before stays in Backups."
    )
    assert dialog.preview_button.isEnabled()  # the user may look again and remove later


def test_closing_while_removing_asks_and_keeps_the_dialog(
    qtbot: QtBot, dialog: RetentionDialog, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, *_w: asked.append(text) or False)
    gate = held_at(monkeypatch, "reading")
    work = dialog.remove()
    assert work is not None
    qtbot.waitUntil(gate.reached.is_set)
    dialog.close_button.click()
    assert dialog.isVisible()
    assert len(asked) == 1
    gate.release()  # "Keep going": the removal goes on
    with qtbot.waitSignal(work.ended):
        pass
    assert count(db, "case") == 3
