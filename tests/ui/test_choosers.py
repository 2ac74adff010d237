"""The choosers of ui/choosers.py ask what Qt's static functions asked (same title, place, file
types, hidden typing) and give back the user's answer, or None when cancelled."""

from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QStandardPaths
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QInputDialog, QLineEdit

from rp_desktop.ui import choosers, dialogs
from tests.ui.choosing import answer_chooser, answer_text

TYPES = "CSV (*.csv);;Excel workbook (*.xlsx)"


def test_a_save_chooser_starts_at_the_suggested_name_and_gives_the_type_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}
    answer = answer_chooser(tmp_path / "April", "Excel workbook (*.xlsx)")

    def look_then_answer(chooser: QDialog) -> int:
        assert isinstance(chooser, QFileDialog)
        seen["asked"] = (
            chooser.windowTitle(),
            chooser.acceptMode(),
            chooser.nameFilters(),
            chooser.directory().absolutePath(),
            chooser.selectedFiles(),
        )
        return answer(chooser)

    monkeypatch.setattr(dialogs, "wait_for", look_then_answer)
    chosen = choosers.choose_save_file(None, "Export the list", str(tmp_path / "x.csv"), TYPES)
    assert seen["asked"] == (
        "Export the list",
        QFileDialog.AcceptMode.AcceptSave,
        ["CSV (*.csv)", "Excel workbook (*.xlsx)"],
        str(tmp_path),
        [str(tmp_path / "x.csv")],
    )
    assert chosen == (tmp_path / "April", "Excel workbook (*.xlsx)")
    monkeypatch.setattr(dialogs, "wait_for", answer_chooser(None))
    assert choosers.choose_save_file(None, "Export the list", "x.csv", TYPES) is None


def test_a_folder_or_file_chooser_gives_the_one_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("Perm ID\r\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "wait_for", answer_chooser(tmp_path))
    assert choosers.choose_folder(None, "Export into which folder?") == tmp_path
    monkeypatch.setattr(dialogs, "wait_for", answer_chooser(roster))
    assert choosers.choose_file(None, "Choose the roster file", "CSV files (*.csv)") == roster
    monkeypatch.setattr(dialogs, "wait_for", answer_chooser(None))
    assert choosers.choose_folder(None, "Export into which folder?") is None
    assert choosers.choose_file(None, "Choose the roster file", "CSV files (*.csv)") is None


def test_a_chooser_without_a_start_opens_in_documents_not_where_the_app_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # e.g. a shared folder the app was started from
    opened: list[str] = []

    def look(chooser: QDialog) -> int:
        assert isinstance(chooser, QFileDialog)
        opened.append(chooser.directory().absolutePath())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(dialogs, "wait_for", look)
    assert choosers.choose_folder(None, "Export into which folder?") is None
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = documents if Path(documents).is_dir() else QDir.homePath()
    assert opened == [QDir(expected).absolutePath()]
    assert opened[0] != str(tmp_path)


def test_a_question_hides_a_passphrase_names_its_field_and_gives_the_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, object] = {}
    answer = answer_text("tangerine okapi lighthouse")

    def look_then_answer(asking: QDialog) -> int:
        assert isinstance(asking, QInputDialog)
        field = asking.findChild(QLineEdit)
        seen["asked"] = (asking.windowTitle(), asking.labelText(), asking.textEchoMode())
        seen["names"] = (asking.accessibleName(), field.accessibleName())
        return answer(asking)

    monkeypatch.setattr(dialogs, "wait_for", look_then_answer)
    typed = choosers.ask_text(None, "Earlier passphrase", "Type it", QLineEdit.EchoMode.Password)
    assert seen["asked"] == ("Earlier passphrase", "Type it", QLineEdit.EchoMode.Password)
    assert seen["names"] == ("Earlier passphrase", "Type it")
    assert typed == "tangerine okapi lighthouse"
    monkeypatch.setattr(dialogs, "wait_for", answer_text(None))
    assert choosers.ask_text(None, "Save as a plan", "Name of the plan") is None


def test_a_choice_from_a_list_starts_at_the_given_one_and_cannot_be_typed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, object] = {}
    answer = answer_text("March")

    def look_then_answer(asking: QDialog) -> int:
        assert isinstance(asking, QInputDialog)
        box = asking.findChild(QComboBox)
        seen["asked"] = (asking.textValue(), asking.comboBoxItems(), box.isEditable())
        return answer(asking)

    monkeypatch.setattr(dialogs, "wait_for", look_then_answer)
    months = ["January", "February", "March"]
    assert choosers.ask_item(None, "Monthly summary", "Which month?", months, 1) == "March"
    assert seen["asked"] == ("February", months, False)
    monkeypatch.setattr(dialogs, "wait_for", answer_text(None))
    assert choosers.ask_item(None, "Monthly summary", "Which month?", months, 1) is None
