"""File > Export...: the choice of what and when, the folder, and what the user is told."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.exports import dialog as export_dialog
from rp_desktop.ui.exports.dialog import ExportChoice, ExportDialog, ExportRun, ask_and_export
from tests.services.exports.school import build_export_school


class Told:
    """What the user was shown: the words of each finished export, and the errors."""

    def __init__(self) -> None:
        self.exported: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.runs: list[ExportRun] = []


@pytest.fixture
def told(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Told:
    seen = Told()

    def wait_for(dialog: object) -> int:
        # What the user does: wait until the export has ended and its words are shown.
        assert isinstance(dialog, ExportRun)
        qtbot.waitUntil(lambda: bool(dialog.outcome.text()) and not dialog.busy)
        seen.runs.append(dialog)
        if dialog.summary is not None:
            seen.exported.append(dialog.outcome.text())
        return 0

    monkeypatch.setattr(dialogs, "wait_for", wait_for)
    monkeypatch.setattr(
        dialogs, "show_error", lambda _p, title, text: seen.errors.append((title, text))
    )
    return seen


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "usb stick"
    folder.mkdir()
    return folder


def choose(
    monkeypatch: pytest.MonkeyPatch, choice: ExportChoice | None, folder: Path | None
) -> None:
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *_args: choice))
    monkeypatch.setattr(export_dialog, "choose_folder", lambda _parent: folder)


def test_the_package_is_the_default_and_the_records_carry_a_warning(qtbot: QtBot) -> None:
    dialog = ExportDialog([2023, 2024, 2025], 2025)
    qtbot.addWidget(dialog)
    assert dialog.package.isChecked()
    assert dialog.period.currentText() == "School year 2025-26"
    assert [dialog.period.itemText(i) for i in range(dialog.period.count())] == [
        "Every date", "School year 2025-26", "School year 2024-25", "School year 2023-24",
    ]  # fmt: skip
    assert "no names" in dialog.about.text()
    assert dialog.choice() == ExportChoice(deidentified=True, start_year=2025)
    dialog.records.setChecked(True)
    assert "names, student numbers and notes" in dialog.about.text()
    assert "color" in dialog.about.styleSheet()
    dialog.period.setCurrentIndex(0)
    assert dialog.choice() == ExportChoice(deidentified=False, start_year=None)


def test_ask_returns_the_choice_or_none(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "wait_for", lambda _dialog: ExportDialog.DialogCode.Accepted.value)
    assert ExportDialog.ask([2025], 2025, None) == ExportChoice(True, 2025)
    monkeypatch.setattr(dialogs, "wait_for", lambda _dialog: ExportDialog.DialogCode.Rejected.value)
    assert ExportDialog.ask([2025], 2025, None) is None


def test_the_school_years_with_records(db: Database) -> None:
    assert export_dialog.school_years(db) == []
    build_export_school(db)
    assert export_dialog.school_years(db) == [2024, 2025]


def test_the_district_package_is_written_and_said(
    db: Database, out: Path, told: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_export_school(db)
    choose(monkeypatch, ExportChoice(True, 2025), out)
    ask_and_export(db, None)
    assert (out / "practices_by_month.csv").exists()
    assert "Period: 2025-08-01 to 2026-07-31" in (out / "README.txt").read_text(encoding="utf-8")
    (text,) = told.exported
    assert text.startswith(f"The district package was written to {out}:")
    assert told.errors == []


def test_every_record_is_written_with_the_reminder(
    db: Database, out: Path, told: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_export_school(db)
    choose(monkeypatch, ExportChoice(False, None), out)
    ask_and_export(db, None)
    assert (out / "students.csv").exists()
    (text,) = told.exported
    assert "keep them confidential" in text


@pytest.mark.parametrize(("choice", "folder"), [(None, "out"), (ExportChoice(True, 2025), None)])
def test_cancelling_writes_nothing(
    db: Database, out: Path, told: Told, monkeypatch: pytest.MonkeyPatch,
    choice: ExportChoice | None, folder: str | None,
) -> None:  # fmt: skip
    choose(monkeypatch, choice, out if folder else None)
    ask_and_export(db, None)
    assert list(out.iterdir()) == []
    assert told.exported == []


def test_a_missing_folder_is_said_plainly(
    db: Database, tmp_path: Path, told: Told, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "unplugged"
    choose(monkeypatch, ExportChoice(True, 2025), gone)
    ask_and_export(db, None)
    said = f"The folder {gone} does not exist; choose another folder."
    assert told.errors == []  # said in the export's own dialog
    assert told.exported == []
    assert told.runs[0].outcome.text() == f"Nothing was exported. {said}"


@pytest.mark.parametrize("replace", [True, False])
def test_an_earlier_export_is_replaced_only_when_the_user_says_so(
    db: Database, out: Path, told: Told, monkeypatch: pytest.MonkeyPatch, replace: bool
) -> None:
    build_export_school(db)
    choose(monkeypatch, ExportChoice(False, None), out)
    ask_and_export(db, None)
    questions: list[str] = []

    def confirm(_parent: object, title: str, *_words: str) -> bool:
        questions.append(title)
        return replace

    monkeypatch.setattr(dialogs, "confirm", confirm)
    choose(monkeypatch, ExportChoice(True, 2025), out)
    ask_and_export(db, None)
    assert questions == ["Replace the earlier export?"]
    assert (out / "students.csv").exists() is not replace
    assert (out / "practices_by_month.csv").exists() is replace
    assert len(told.exported) == (2 if replace else 1)
    if not replace:
        assert told.runs[-1].outcome.text() == "Nothing was exported: the earlier export was kept."
