"""Exporting a list: the file holds every row the list shows (not only the loaded page), read
back and compared; names and student numbers are left out unless the box is unticked; a
folder that cannot be written gets a plain sentence and no file."""

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from rp_desktop.domain.records import CaseFields, ParticipantFields
from rp_desktop.domain.vocabulary import AuditAction, Role, Tier
from rp_desktop.services import audit
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui import dialogs
from rp_desktop.ui.case.tab import CasesTab
from rp_desktop.ui.circles.tab import CirclesTab
from rp_desktop.ui.lists import export as list_export
from rp_desktop.ui.lists import record_model
from rp_desktop.ui.lists.export import ExportOptions
from rp_desktop.ui.lists.list_tab import ListTab
from rp_desktop.ui.students.tab import StudentsTab
from tests.ui.choosing import answer_chooser
from tests.ui.conftest import School, type_text

# The school's students in the list's order (by last name), as the Students tab shows them.
STUDENTS = [
    ["Haddad", "Amani", "", 7, "7-Blue", "700104", "Active"],
    ["Ibarra", "Xochitl", "", 7, "7-Blue", "700101", "Active"],
    ["Kowalczyk", "Dariusz", "", 7, "7-Blue", "700103", "Active"],
    ["Xiong", "Nou", "", 7, "7-Blue", "700102", "Active"],
]
STUDENT_HEADERS = [
    "Last name",
    "First name",
    "Goes by",
    "Grade",
    "Homeroom",
    "Student number",
    "Status",
]


class Asked:
    """Stands in for the two questions: the options dialog and the save dialog."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, leave_out: bool | None, path: Path):
        self.options: list[int] = []
        self.suggested: list[str] = []
        self.errors: list[str] = []

        def ask(_cls: object, _parent: object, count: int) -> bool | None:
            self.options.append(count)
            return leave_out

        def choose(_parent: object, suggested: str) -> Path:
            self.suggested.append(suggested)
            return path

        monkeypatch.setattr(ExportOptions, "ask", classmethod(ask))
        monkeypatch.setattr(list_export, "choose_path", choose)
        monkeypatch.setattr(
            list_export.dialogs, "show_error", lambda _p, _t, text: self.errors.append(text)
        )


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for the exports alone (the database lives in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def shown(qtbot, tab: ListTab) -> ListTab:  # type: ignore[no-untyped-def]
    qtbot.addWidget(tab)
    tab.reload()
    return tab


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def read_xlsx(path: Path) -> list[list[object]]:
    sheet = load_workbook(path, read_only=True).active
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def test_students_with_names_to_a_workbook(qtbot, monkeypatch, out, db, school_db) -> None:
    asked = Asked(monkeypatch, False, out / "roster.xlsx")
    tab = shown(qtbot, StudentsTab(db))

    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)

    assert asked.options == [4]
    assert asked.suggested == ["students.csv"]
    assert read_xlsx(out / "roster.xlsx") == [STUDENT_HEADERS, *STUDENTS]
    assert "4 rows exported to roster.xlsx" in tab.count.text()


def test_students_de_identified_by_default(qtbot, monkeypatch, out, db, school_db) -> None:
    Asked(monkeypatch, True, out / "roster.csv")
    tab = shown(qtbot, StudentsTab(db))

    tab.export_list()

    assert read_csv(out / "roster.csv") == [
        ["Grade", "Homeroom", "Status"],
        *[["7", "7-Blue", "Active"]] * 4,
    ]
    written = (out / "roster.csv").read_bytes()
    for student in school_db.members:
        for part in (student.first_name, student.last_name, student.student_number):
            assert part.encode() not in written


def test_every_matching_row_not_only_the_loaded_page(
    qtbot, monkeypatch, out, db, school_db
) -> None:
    monkeypatch.setattr(record_model, "PAGE_SIZE", 1)
    monkeypatch.setattr(list_export, "EXPORT_PAGE", 1)
    Asked(monkeypatch, False, out / "x.csv")
    tab = shown(qtbot, StudentsTab(db))
    type_text(tab.search, "x")  # Xochitl Ibarra and Nou Xiong

    assert tab.model.rowCount() == 1  # one page is loaded
    tab.export_list()

    assert read_csv(out / "x.csv")[1:] == [
        [str(cell) for cell in STUDENTS[1]],
        [str(cell) for cell in STUDENTS[3]],
    ]
    # The audit trail says what was exported and how much, never what was searched for.
    event = audit.list_events(db, action=AuditAction.EXPORT).rows[0].entry
    assert event is not None
    assert event.detail == "students list, with names; 2 rows"


def test_cases_de_identified_leave_out_the_people(
    qtbot, monkeypatch, out, db: Database, school_db: School
) -> None:
    category = cases.list_categories(db)[0]
    opened = cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 9),
            category_id=category.id,
            description="Name-calling at lunch.",
            place="Cafeteria",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[0].id),
                ParticipantFields(Role.SUPPORTER, other_name="Grandmother Ibarra"),
            ),
        ),
    )
    asked = Asked(monkeypatch, True, out / "cases.csv")
    tab = shown(qtbot, CasesTab(db, Tier.TARGETED))

    tab.export_list()

    assert asked.suggested == ["tier-2-cases.csv"]
    rows = read_csv(out / "cases.csv")
    # The place is typed text, which can name someone: left out too.
    assert rows[0] == ["Case", "Date", "Status", "Category"]
    assert rows[1][0] == str(opened.id)
    assert rows[1][2:] == ["Open", category.name]
    written = (out / "cases.csv").read_bytes()
    assert b"Cafeteria" not in written
    assert b"Ibarra" not in written
    assert b"Xochitl" not in written


def test_cases_with_names_keep_the_people(
    qtbot, monkeypatch, out, db: Database, school_db: School
) -> None:
    cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 9),
            category_id=cases.list_categories(db)[0].id,
            description="Pushing in line.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[1].id),
            ),
        ),
    )
    Asked(monkeypatch, False, out / "cases.csv")
    tab = shown(qtbot, CasesTab(db, Tier.TARGETED))
    tab.export_list()
    rows = read_csv(out / "cases.csv")
    assert rows[0][-1] == "People involved"
    assert rows[1][-1] == "Nou Xiong"


def test_circles_keep_the_count_present_and_drop_the_keeper_and_purpose(
    qtbot, monkeypatch, out, db, school_db
) -> None:
    Asked(monkeypatch, True, out / "circles.xlsx")
    tab = shown(qtbot, CirclesTab(db, lambda: 2025))
    tab.export_list()
    rows = read_xlsx(out / "circles.xlsx")
    assert rows[0] == ["Date", "Status", "Kind", "Group", "Present", "Minutes"]
    # Three circles, newest first as the list shows them; four students at each.
    assert [r[4] for r in rows[1:]] == [4, 4, 4]
    # A purpose is typed text, which can name someone.
    assert all("Gratitude" not in str(cell) for row in rows for cell in row)


def test_cancelling_writes_nothing(qtbot, monkeypatch, out, db, school_db) -> None:
    asked = Asked(monkeypatch, None, out / "never.csv")
    tab = shown(qtbot, StudentsTab(db))
    tab.export_list()
    assert asked.suggested == []  # the save dialog was not even shown
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "words"),
    [("missing/roster.csv", "does not exist"), ("roster.txt", "ends in .csv or .xlsx")],
)
def test_a_file_that_cannot_be_written_gets_a_plain_sentence(
    qtbot, monkeypatch, out, db, school_db, name: str, words: str
) -> None:
    asked = Asked(monkeypatch, True, out / name)
    tab = shown(qtbot, StudentsTab(db))
    tab.export_list()
    assert len(asked.errors) == 1
    assert words in asked.errors[0]
    assert list(out.iterdir()) == []
    assert "exported" not in tab.count.text()


def test_the_box_is_ticked_and_an_empty_list_has_nothing_to_export(qtbot, db) -> None:
    options = ExportOptions(12)
    qtbot.addWidget(options)
    assert options.leave_out_names.isChecked()
    tab = shown(qtbot, StudentsTab(db))
    assert not tab.export_button.isEnabled()


def test_a_name_without_an_ending_gets_the_chosen_type(monkeypatch, out) -> None:
    excel = list_export.FORMATS[".xlsx"]
    monkeypatch.setattr(dialogs, "wait_for", answer_chooser(out / "april", excel))
    assert list_export.choose_path(None, "students.csv") == out / "april.xlsx"
    monkeypatch.setattr(dialogs, "wait_for", answer_chooser(None))
    assert list_export.choose_path(None, "students.csv") is None
