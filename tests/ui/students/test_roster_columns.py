"""Before a file is chosen, the roster wizard says which columns the file needs and may have
(taken from the roster's own lists, so the words cannot drift from what the importer accepts),
and saves a sample file that imports cleanly."""

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from pytestqt.qtbot import QtBot

from rp_desktop.domain.records import ListQuery
from rp_desktop.domain.roster import REQUIRED_FIELDS, RosterField, RosterIssue, RosterRefused
from rp_desktop.domain.roster.demographics import DemographicField
from rp_desktop.domain.roster.headers import find_columns
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import list_students
from rp_desktop.services.students.roster_import import preview_roster
from rp_desktop.ui.students import roster_sample
from rp_desktop.ui.students.roster_wizard import RosterWizard
from rp_desktop.ui.words.roster import example_header, optional_fields


@pytest.fixture
def wizard(qtbot: QtBot, db: Database) -> RosterWizard:
    shown = RosterWizard(db)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_wizard_lists_every_column_before_a_file_is_chosen(wizard: RosterWizard) -> None:
    said = wizard.columns.text.text()
    assert wizard.columns.text.isVisible()
    needs, may, _known = said.split("\n")
    assert needs.startswith("Columns the file needs: ")
    assert may.startswith("Columns it may have: ")
    assert needs.removeprefix("Columns the file needs: ").removesuffix(".").split(", ") == [
        example_header(field) for field in REQUIRED_FIELDS
    ]
    assert may.removeprefix("Columns it may have: ").removesuffix(".").split(", ") == [
        example_header(field) for field in optional_fields()
    ]
    listed = set(REQUIRED_FIELDS) | set(optional_fields())
    assert listed == set(RosterField) | set(DemographicField)  # every column the importer reads


def test_the_listed_columns_are_the_ones_the_importer_needs_and_accepts(db: Database) -> None:
    required = [example_header(field) for field in REQUIRED_FIELDS]
    row = {"student_number": "7", "first_name": "Ada", "last_name": "Quill", "grade": "6"}
    values = [row[field.value] for field in REQUIRED_FIELDS]
    enough = ",".join(required) + "\r\n" + ",".join(values) + "\r\n"
    assert preview_roster(db, enough.encode(), full_roster=False).added == 1
    for left_out in range(len(required)):
        headers = [h for i, h in enumerate(required) if i != left_out]
        cells = [v for i, v in enumerate(values) if i != left_out]
        data = (",".join(headers) + "\r\n" + ",".join(cells) + "\r\n").encode()
        with pytest.raises(RosterRefused) as refused:
            preview_roster(db, data, full_roster=False)
        missing = [p.field for p in refused.value.problems if p.issue is RosterIssue.MISSING_COLUMN]
        assert missing == [REQUIRED_FIELDS[left_out]]
    optional = [example_header(field) for field in optional_fields()]
    columns, problems = find_columns(required + optional)
    assert problems == []
    for field in optional_fields():
        assert columns.column(field) is not None, field


def test_the_sample_file_is_saved_and_imports_cleanly(
    qtbot: QtBot,
    wizard: RosterWizard,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "roster-sample.csv"
    monkeypatch.setattr(roster_sample, "choose_sample_path", lambda _parent: target)
    qtbot.mouseClick(wizard.columns.save_sample, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == roster_sample.sample_roster()
    assert "Saved roster-sample.csv." in wizard.summary.text()
    wizard.load(target)
    assert wizard.changes is not None
    assert (wizard.changes.added, wizard.changes.updated) == (6, 0)
    assert wizard.changes.source.encoding.startswith("UTF-8")
    headers = target.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert headers[:4] == ["Student Number", "First Name", "Last Name", "Preferred Name"]
    wizard.import_button.click()
    assert wizard.imported is not None
    assert len(list_students(db, ListQuery()).rows) == 6


def test_a_sample_that_cannot_be_saved_says_why(
    qtbot: QtBot, wizard: RosterWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "no such folder" / "roster-sample.csv"
    monkeypatch.setattr(roster_sample, "choose_sample_path", lambda _parent: target)
    qtbot.mouseClick(wizard.columns.save_sample, Qt.MouseButton.LeftButton)
    assert not target.exists()
    assert wizard.summary.text().startswith("The sample could not be saved (")
    assert wizard.summary.text().endswith("Choose another folder.")
    assert not wizard.import_button.isEnabled()


def test_nothing_is_saved_when_the_chooser_is_cancelled(
    qtbot: QtBot, wizard: RosterWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = wizard.summary.text()
    monkeypatch.setattr(roster_sample, "choose_sample_path", lambda _parent: None)
    qtbot.mouseClick(wizard.columns.save_sample, Qt.MouseButton.LeftButton)
    assert wizard.summary.text() == before


def test_the_sample_is_suggested_in_the_documents_folder(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[str] = []

    def chooser(parent, title, suggested, filters):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return tmp_path / "ours", filters

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    monkeypatch.setattr(roster_sample.choosers, "choose_save_file", chooser)
    chosen = roster_sample.choose_sample_path(None)
    assert chosen == tmp_path / "ours.csv"  # a name typed without .csv gets it
    assert Path(asked[0]).name == "roster-sample.csv"
    if documents and Path(documents).is_dir():
        assert Path(asked[0]).parent == Path(documents)
