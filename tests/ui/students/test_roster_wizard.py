"""The roster wizard: choose a file, see what would change (or why it cannot be imported),
import, all without a message box."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import add_student, list_students
from rp_desktop.ui import dialogs
from rp_desktop.ui.students import roster_wizard
from rp_desktop.ui.students.roster_wizard import RosterWizard

ROSTER = (
    "Perm ID,Surname,Legal First,Preferred Name,Grade Level,Home Room,Email\r\n"
    "S-1,García-Núñez,María José,Majo,9th,9B,m@example.org\r\n"
    "S-2,Смирнова,Алёна,,PK,PK-1,\r\n"
    "S-3,O'Connor,Liam,,12,12A,\r\n"
)


@pytest.fixture
def roster_csv(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


@pytest.fixture
def kept(db: Database) -> Database:
    """Two students already kept: one the file moves up a grade, one it leaves out."""
    add_student(db, StudentFields("S-3", "Liam", "O'Connor", "", 11, "11A"))
    add_student(db, StudentFields("S-9", "Amani", "Haddad", "", 8, "8C"))
    return db


@pytest.fixture
def wizard(qtbot, kept: Database) -> RosterWizard:  # type: ignore[no-untyped-def]
    shown = RosterWizard(kept)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def rows(model: roster_wizard._Table) -> list[tuple[str, ...]]:
    """What the table shows, cell by cell."""
    return [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def choose(monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard, path: Path | None) -> None:
    monkeypatch.setattr(roster_wizard, "choose_file", lambda _parent: path)
    wizard.choose_button.click()


def test_nothing_can_be_imported_before_a_file_is_chosen(
    monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard
) -> None:
    assert not wizard.import_button.isEnabled()
    choose(monkeypatch, wizard, None)
    assert not wizard.import_button.isEnabled()
    assert wizard.file_name.text() == "No file chosen yet."


def test_the_preview_counts_and_lists_every_change(
    monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard, roster_csv: Path, kept: Database
) -> None:
    choose(monkeypatch, wizard, roster_csv)
    assert wizard.file_name.text() == "roster.csv"
    assert wizard.summary.text() == (
        "Read as UTF-8, separated by commas. Importing makes 2 new, updates 1, leaves 0 "
        "unchanged and marks 0 inactive."
    )
    assert rows(wizard.changes_model) == [
        ("2", "S-1", "Majo García-Núñez", "New student", ""),
        ("3", "S-2", "Алёна Смирнова", "New student", ""),
        ("4", "S-3", "Liam O'Connor", "Updated", "grade: 11 → 12; homeroom: 11A → 12A"),
    ]
    assert wizard.import_button.isEnabled()
    assert len(list_students(kept, ListQuery()).rows) == 2  # nothing written yet


def test_the_full_roster_choice_shows_who_would_be_marked_inactive(
    monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard, roster_csv: Path
) -> None:
    choose(monkeypatch, wizard, roster_csv)
    wizard.full_roster.setChecked(True)
    assert wizard.summary.text().endswith("and marks 1 inactive.")
    assert rows(wizard.changes_model)[-1] == (
        "",
        "S-9",
        "Amani Haddad",
        "Marked inactive",
        "not in the file",
    )
    wizard.full_roster.setChecked(False)
    assert wizard.summary.text().endswith("and marks 0 inactive.")


def test_import_writes_the_changes_and_closes(
    monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard, roster_csv: Path, kept: Database
) -> None:
    choose(monkeypatch, wizard, roster_csv)
    wizard.full_roster.setChecked(True)
    wizard.import_button.click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.imported is not None
    assert (wizard.imported.changes.added, wizard.imported.changes.marked_inactive) == (2, 1)
    everyone = list_students(kept, ListQuery(include_inactive=True, sort="student_number")).rows
    assert [(s.first_name, s.last_name, s.active) for s in everyone] == [
        ("María José", "García-Núñez", True),
        ("Алёна", "Смирнова", True),
        ("Liam", "O'Connor", True),
        ("Amani", "Haddad", False),
    ]


def test_a_refused_file_shows_its_problems_by_row_and_cannot_be_imported(
    monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard, tmp_path: Path, roster_csv: Path
) -> None:
    choose(monkeypatch, wizard, roster_csv)
    bad = tmp_path / "bad.csv"
    bad.write_text(ROSTER.replace("9th", "13th").replace("S-3,", "S-1,"), encoding="utf-8")
    choose(monkeypatch, wizard, bad)
    assert wizard.summary.text() == (
        "The roster was not imported and nothing was changed: 2 rows have problems."
    )
    assert rows(wizard.problem_model) == [
        ("2", "Grade Level", 'The grade "13th" is not a grade from PK to 12'),
        ("4", "Perm ID", "The student number is also on row 2"),
    ]
    assert wizard.pages.currentIndex() == 1
    assert not wizard.import_button.isEnabled()
    assert rows(wizard.changes_model) == []
    wizard.import_button.click()
    assert wizard.result() != QDialog.DialogCode.Accepted


def test_an_encoding_problem_says_to_save_as_csv_utf8(
    monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard, tmp_path: Path
) -> None:
    bad = tmp_path / "mac.csv"
    bad.write_bytes(ROSTER.replace("Смирнова,Алёна", "Muñoz,José").encode("mac_roman"))
    choose(monkeypatch, wizard, bad)
    assert wizard.summary.text().endswith(
        'Save the file from the spreadsheet program as "CSV UTF-8" and try again.'
    )
    assert not wizard.import_button.isEnabled()


def test_a_file_that_cannot_be_read_is_said_in_the_wizard(
    monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard, tmp_path: Path
) -> None:
    choose(monkeypatch, wizard, tmp_path)  # a folder
    assert wizard.summary.text().startswith("The file could not be read (")
    assert not wizard.import_button.isEnabled()


def test_an_unexpected_failure_keeps_the_wizard_open_and_says_so(
    monkeypatch: pytest.MonkeyPatch, wizard: RosterWizard, roster_csv: Path
) -> None:
    told: list[object] = []
    monkeypatch.setattr(dialogs, "show_unexpected_error", told.append)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    choose(monkeypatch, wizard, roster_csv)
    monkeypatch.setattr(roster_wizard, "import_roster", fail)
    wizard.import_button.click()
    assert told == [wizard]
    assert wizard.imported is None
    assert wizard.isVisible()


def test_ask_returns_the_import_or_none(
    monkeypatch: pytest.MonkeyPatch, kept: Database, roster_csv: Path
) -> None:
    def import_then_close(self: RosterWizard) -> int:
        self.load(roster_csv)
        self.accept()
        return self.result()

    monkeypatch.setattr(dialogs, "wait_for", lambda self: self.reject() or self.result())
    assert RosterWizard.ask(kept) is None
    monkeypatch.setattr(dialogs, "wait_for", import_then_close)
    result = RosterWizard.ask(kept)
    assert result is not None
    assert result.changes.added == 2


def test_the_table_models(qtmodeltester, wizard: RosterWizard, roster_csv: Path) -> None:  # type: ignore[no-untyped-def]
    wizard.load(roster_csv)
    assert wizard.changes_model.rowCount() == 3  # two added, one moved up a grade
    qtmodeltester.check(wizard.changes_model)
    bad = roster_csv.with_name("bad.csv")
    bad.write_text(ROSTER.replace("9th", "13th").replace("S-3,", "S-1,"), encoding="utf-8")
    wizard.load(bad)
    assert wizard.problem_model.rowCount() == 2  # a grade that is none, a number twice
    qtmodeltester.check(wizard.problem_model)
