"""Backups > Make a recovery copy: the school's switch that keeps private notes out of the
district's copy, with its one line of explanation; ticked, the copy made has no private note and
the setting is kept for the next copy; left alone, the copy has the note."""

from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from rp_desktop.db.cipher import connect
from rp_desktop.domain.records import CaseFields, ParticipantFields, StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services.casework.case_detail import set_private_note
from rp_desktop.services.casework.cases import list_categories, open_case
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.files import key_for
from rp_desktop.services.safekeeping.recovery_notes import private_notes_left_out
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.safekeeping.backups_dialog import BackupsDialog
from rp_desktop.ui.safekeeping.recovery_copy import RecoveryCopyDialog
from tests.ui.conftest import type_text

DISTRICT = "granite orchard evening compass"
NOTE = "Quillon-private: sleeps at his aunt's on Thursdays"


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible()
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def noted(db: Database) -> Database:
    student = students.add_student(db, StudentFields("S-1", "Quillon", "Marsh", "", 8, ""))
    case = open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=list_categories(db)[0].id,
            description="Words at the bus stop.",
            participants=(ParticipantFields(Role.PERSON_HARMED, student_id=student.id),),
        ),
    )
    set_private_note(db, case.id, NOTE)
    return db


def make_copy(
    qtbot: QtBot, db: Database, target: Path, monkeypatch: pytest.MonkeyPatch, *, tick: bool
) -> dict[str, object]:
    """Backups > Make a recovery copy…, the form filled in and its switch clicked as a person
    does; what the switch said and how it stood when the copy was made."""
    seen: dict[str, object] = {}

    def accepted(dialog: QDialog) -> bool:
        assert isinstance(dialog, RecoveryCopyDialog)
        seen["text"] = dialog.notes_out.text()
        seen["about"] = dialog.notes_out.accessibleDescription()
        seen["was"] = dialog.notes_out.isChecked()
        dialog.choose_target = lambda: target  # type: ignore[method-assign]
        dialog.show()
        type_text(dialog.fields.passphrase, DISTRICT)
        type_text(dialog.fields.again, DISTRICT)
        click(qtbot, dialog.choose_button)
        if tick:
            click(qtbot, dialog.notes_out)
        seen["ticked"] = dialog.notes_out.isChecked()
        click(qtbot, dialog.make_button)
        return dialog.result() == QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(dialogs, "accepted", accepted)
    backups_dialog = BackupsDialog(db, folder=target.parent / "backups")
    qtbot.addWidget(backups_dialog)
    backups_dialog.show()
    click(qtbot, backups_dialog.recovery_button)
    assert str(target) in backups_dialog.outcome.text()
    return seen


def notes_in(path: Path) -> list[str]:
    with closing(connect(path, key_for(path, Passphrase(DISTRICT)))) as copy:
        return [row[0] for row in copy.execute('SELECT private_note FROM "case"')]


def test_ticked_the_copy_has_no_private_note(
    qtbot: QtBot, noted: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = make_copy(qtbot, noted, tmp_path / "district.db", monkeypatch, tick=True)
    assert form["text"] == "Keep private notes out of the district's recovery copy"
    assert "your own backups keep them" in str(form["about"])
    assert (form["was"], form["ticked"]) == (False, True)  # off until the school chooses
    assert notes_in(tmp_path / "district.db") == [""]
    assert private_notes_left_out(noted)  # kept for the next copy
    again = RecoveryCopyDialog(None, noted)
    qtbot.addWidget(again)
    assert again.notes_out.isChecked()


def test_left_alone_the_copy_has_the_note(
    qtbot: QtBot, noted: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = make_copy(qtbot, noted, tmp_path / "district.db", monkeypatch, tick=False)
    assert (form["was"], form["ticked"]) == (False, False)
    assert notes_in(tmp_path / "district.db") == [NOTE]
    assert not private_notes_left_out(noted)


def test_the_note_is_described_honestly_where_it_is_written_and_in_the_readme(
    qtbot: QtBot, noted: Database
) -> None:
    from rp_desktop.ui.case.case_window import CaseWindow

    window = CaseWindow(noted, 1, school_name="Riverside Middle School")
    qtbot.addWidget(window)
    honest = "Kept out of exports and printouts. It is in backups."
    shown = [label.text() for label in window.findChildren(QLabel)]
    assert any(honest in text for text in shown)
    assert not any("never exported" in text for text in shown)
    assert honest in window.note.toolTip()
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    assert "for the counselor's memory only" not in readme
    assert "kept out of exports and printouts" in readme
    assert "It is in backups" in readme
