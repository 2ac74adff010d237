"""File > Export...: the answers to the restorative questions go into the record export only when
the box, unticked at first and shown only for the records, is ticked; a plain warning says why."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.exports import dialog as export_dialog
from rp_desktop.ui.exports.dialog import ExportChoice, ExportDialog, ExportRun, ask_and_export
from tests.services.exports.school import build_export_school

ANSWER = "I was angry at Barnaby Quist that morning"


def click(qtbot: QtBot, widget: object) -> None:
    assert widget.isVisible()
    assert widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_the_box_is_unticked_and_only_for_the_records(qtbot: QtBot) -> None:
    dialog = ExportDialog([2025], 2025)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.answers.text() == (
        "Include the answers to the restorative questions, word for word"
    )
    assert dialog.answers.accessibleName() == dialog.answers.text()
    assert not dialog.answers.isVisible()  # the district package never has them
    click(qtbot, dialog.records)
    assert dialog.answers.isVisible()
    assert not dialog.answers.isChecked()
    assert "used in discipline" in dialog.answers_warning.text()
    assert dialog.choice() == ExportChoice(False, 2025, with_answers=False)
    click(qtbot, dialog.answers)
    assert dialog.choice() == ExportChoice(False, 2025, with_answers=True)
    assert "color" in dialog.answers_warning.styleSheet()  # the warning stands out once ticked
    click(qtbot, dialog.package)
    assert not dialog.answers.isVisible()
    assert dialog.choice() == ExportChoice(True, 2025, with_answers=False)


@pytest.mark.parametrize("tick", [False, True], ids=["left unticked", "ticked"])
def test_the_export_has_the_answers_only_when_ticked(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tick: bool
) -> None:
    build_export_school(db)
    out = tmp_path / "usb stick"
    out.mkdir()
    runs: list[ExportRun] = []

    def wait_for(dialog: QDialog) -> int:
        if isinstance(dialog, ExportDialog):  # what the user clicks
            dialog.show()
            click(qtbot, dialog.records)
            if tick:
                click(qtbot, dialog.answers)
            click(qtbot, dialog.choose)
            return dialog.result()
        assert isinstance(dialog, ExportRun)
        qtbot.waitUntil(lambda: bool(dialog.outcome.text()) and not dialog.busy)
        runs.append(dialog)
        return 0

    monkeypatch.setattr(dialogs, "wait_for", wait_for)
    monkeypatch.setattr(export_dialog, "choose_folder", lambda _parent: out)
    ask_and_export(db, None)
    (run,) = runs
    assert run.summary is not None
    written = (out / "meeting_answers.csv").exists()
    assert written is tick
    in_any = any(ANSWER.encode() in path.read_bytes() for path in out.iterdir())
    assert in_any is tick
    said = "are in, word for word" if tick else "were left out"
    assert said in run.outcome.text()
