"""No name of a child can be read in anything the app leaves on disk or in its log: the
encrypted database, its write-ahead log and shared-memory file, temporary files, settings, log
files, and the log records of an error whose SQLite message quotes a name.

One run of the real app on an encrypted school with distinctive invented names: services add
students, a case naming them and a circle, the window opens and closes (writing its settings),
and two failures are logged the way the app logs them."""

import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from rp_desktop import app
from rp_desktop.domain.records import (
    CaseFields,
    CircleFields,
    ListQuery,
    ParticipantFields,
    StudentFields,
)
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services import school
from rp_desktop.services.casework import cases
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.passphrase.unlock import UnlockDialog
from rp_desktop.ui.window.main_window import MainWindow
from tests.faults.scan import assert_no_names, assert_text_has_no_names, names_in

PASSPHRASE = Passphrase("velvet compass winter harbor tide")
# Invented, and long enough that random bytes of an encrypted file never spell one by chance.
FIRST = ("Zephyrine", "Thaddeus", "Anaïs-Maëlle")
LAST = ("Okonkwo-Laurent", "Vantongeren", "Quillfeather")
NAMES = FIRST + LAST


@dataclass(frozen=True)
class Places:
    """Where the run may write: the database's folder, a home for settings and logs, and the
    folder temporary files go to."""

    data: Path
    home: Path
    temp: Path

    @property
    def database(self) -> Path:
        return self.data / "school.db"

    def all(self) -> list[Path]:
        return [self.data, self.home, self.temp]


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Places:
    found = Places(tmp_path / "data", tmp_path / "home", tmp_path / "temp")
    for folder in found.all():
        folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(found.temp))
    monkeypatch.setattr(tempfile, "tempdir", str(found.temp))
    monkeypatch.setenv("HOME", str(found.home))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(found.home / variable.lower()))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(found.home / "settings")
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a message box would have waited for a click")

    for name in ("exec", "warning", "about", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(dialogs, "wait_for", refuse)  # exec's stand-in that locking survives
    return found


def fill(db: Database) -> None:
    school.set_up_school(db, "Juniper Flats High School", 2025)
    kids = [
        students.add_student(db, StudentFields(f"Z{n:04d}", first, last, grade=10))
        for n, (first, last) in enumerate(zip(FIRST, LAST, strict=True))
    ]
    story = (
        "Zephyrine Okonkwo-Laurent and Thaddeus Vantongeren argued at lunch; "
        "Anaïs-Maëlle Quillfeather saw it."
    )
    cases.open_case(
        db,
        CaseFields(
            tier=Tier.TARGETED,
            occurred_on=date(2026, 3, 2),
            category_id=cases.list_categories(db)[0].id,
            description=story,
            place="Cafeteria",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=kids[0].id),
                ParticipantFields(Role.PERSON_WHO_CAUSED_HARM, student_id=kids[1].id),
                ParticipantFields(Role.WITNESS, student_id=kids[2].id),
                ParticipantFields(Role.FAMILY_MEMBER, other_name="Grandpa Vantongeren"),
            ),
        ),
    )
    circles.record_circle(
        db,
        CircleFields(
            date(2026, 3, 3),
            purpose="Welcome back Thaddeus",
            notes="Zephyrine passed the piece to Anaïs-Maëlle.",
            attendee_ids=frozenset(kid.id for kid in kids),
        ),
    )


def fail_quoting_a_name(db: Database) -> None:
    """Two failures the app logs: SQLite quoting a name in its own message (a name where a
    column was expected), and a statement failing with a name among its parameters."""
    with pytest.raises(DBAPIError) as quoting, db.engine.connect() as connection:
        connection.execute(text("SELECT id FROM student WHERE first_name = Zephyrine"))
    assert "Zephyrine" in str(quoting.value.orig)  # the driver's own message does quote it
    with pytest.raises(DBAPIError) as hidden, db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO student (student_number, first_name) VALUES (:n, :f)"),
            {"n": "Z0000", "f": "Thaddeus Vantongeren"},
        )
    assert "Vantongeren" not in str(hidden.value)  # the engine hides parameters
    for failure in (quoting.value, hidden.value):
        sys.excepthook(type(failure), failure, failure.__traceback__)


def run_the_app(places: Places, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Open the window on the school, fail twice, write one more record, close; the files
    beside the database while it was open."""
    monkeypatch.setattr(
        UnlockDialog, "ask", classmethod(lambda cls, path, opener: opener(PASSPHRASE))
    )
    reported: list[str] = []
    monkeypatch.setattr(dialogs, "show_unexpected_error", lambda parent: reported.append("!"))
    window = app.main(places.database, exec=False)
    assert isinstance(window, MainWindow)
    db = window.database
    try:
        fail_quoting_a_name(db)
        assert reported, "the failures were not reported"
        students.add_student(db, StudentFields("Z0009", "Zephyrine", "Vantongeren", grade=11))
        open_files = sorted(places.data.iterdir())
        assert_no_names(open_files, NAMES)  # the log holds the last change now
        window.close()
        # The application ends with its window; here the window goes, and with it its idle
        # watch, its input watch and the quick check it had waiting.
        window.deleteLater()
    finally:
        db.close()
    return open_files


def test_no_name_in_any_file_or_log_record(
    places: Places, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with open_database(places.database, passphrase=PASSPHRASE) as db:
        fill(db)
    while_open = run_the_app(places, monkeypatch)

    assert {p.name for p in while_open} >= {"school.db", "school.db-wal", "school.db-shm"}
    searched = assert_no_names(places.all(), NAMES)
    assert any(p.suffix == ".ini" for p in searched), "the window wrote no settings"
    assert len(caplog.records) >= 2, "the failures were not logged"
    assert_text_has_no_names(caplog.text, NAMES)
    # The names are there, to be read with the passphrase: the scan looked at real data.
    with open_database(places.database, passphrase=PASSPHRASE) as db:
        kept = students.list_students(db, ListQuery(text="vantongeren")).rows
        assert sorted(s.first_name for s in kept) == ["Thaddeus", "Zephyrine"]
        story = cases.list_cases(db, Tier.TARGETED, ListQuery(text="quillfeather")).total
        assert story == 1


def test_the_scan_finds_a_name_however_it_is_written(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "app.log").write_bytes("… Anaïs-Maëlle …".encode("utf-16-le"))
    (tmp_path / "plain.txt").write_text("nothing here", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"app\.log"):
        assert_no_names([tmp_path], NAMES)
    assert names_in(b"key: anais-maelle quillfeather", NAMES)  # a search key's folded spelling
    assert names_in("Zephyrine".encode("utf-16-be"), NAMES)
    assert not names_in(b"Zephyr Okonkwo", NAMES)
    with sqlite3.connect(tmp_path / "plain.db") as connection:
        connection.execute("CREATE TABLE t (name TEXT)")
        connection.execute("INSERT INTO t VALUES ('Quillfeather')")
    connection.close()
    with pytest.raises(AssertionError, match=r"plain\.db"):
        assert_no_names([tmp_path / "plain.db"], NAMES)
