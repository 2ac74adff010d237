"""UI fixtures: settings kept in a temporary folder, a small synthetic school, and a way to type
any Unicode text (QTest's keyClicks aborts on non-ASCII characters)."""

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)
from sqlalchemy.orm import Session

from rp_desktop.db.models import GroupMemberRow, GroupRow, StaffRow
from rp_desktop.domain.records import (
    Case,
    CaseFields,
    CircleFields,
    ParticipantFields,
    SchoolInfo,
    Student,
    StudentFields,
)
from rp_desktop.domain.vocabulary import CircleKind, CircleStatus, GroupKind, StaffRole, Tier
from rp_desktop.services import school
from rp_desktop.services.casework import cases
from rp_desktop.services.circles import records as circles
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> None:
    QCoreApplication.setOrganizationName("RP Desktop Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.mktemp("settings")),
    )


CHOOSERS = {
    QFileDialog: ("getOpenFileName", "getExistingDirectory", "getSaveFileName"),
    QInputDialog: ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"),
}


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box or dialog waits for a click no test will make: fail instead of hanging.
    Tests that expect one replace the function (or the dialog's `ask`) that shows it."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a message box would have waited for a click")

    for name in ("exec", "warning", "about", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)
    for chooser, names in CHOOSERS.items():  # Qt's static choosers wait with exec() too
        for name in names:
            monkeypatch.setattr(chooser, name, refuse)
    monkeypatch.setattr(dialogs, "wait_for", refuse)  # exec's stand-in that locking survives


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` one key event per character, accents and emoji included."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


@dataclass(frozen=True)
class School:
    info: SchoolInfo
    counselor_id: int
    advisory_id: int
    members: tuple[Student, ...]


@pytest.fixture
def school_db(db: Database) -> School:
    """Riverside Middle: a counselor, a teacher, an advisory of four students, three circles."""
    info = school.set_up_school(db, "Riverside Middle School", 2025)
    with Session(db.engine) as session, session.begin():
        counselor = StaffRow(first_name="Marisol", last_name="Quintero", role=StaffRole.COUNSELOR)
        teacher = StaffRow(first_name="Gunnar", last_name="Lindqvist", role=StaffRole.TEACHER)
        session.add_all([counselor, teacher])
        session.flush()
        advisory = GroupRow(name="Advisory 7-Blue", kind=GroupKind.ADVISORY, school_year=2025)
        advisory.staff_id = teacher.id
        session.add(advisory)
        session.flush()
        ids = counselor.id, advisory.id
    members = tuple(
        students.add_student(db, StudentFields(number, first, last, "", 7, "7-Blue"))
        for number, first, last in (
            ("700101", "Xochitl", "Ibarra"),
            ("700102", "Nou", "Xiong"),
            ("700103", "Dariusz", "Kowalczyk"),
            ("700104", "Amani", "Haddad"),
        )
    )
    with Session(db.engine) as session, session.begin():
        session.add_all(GroupMemberRow(group_id=ids[1], student_id=s.id) for s in members)
    for day, purpose in (
        (date(2026, 2, 23), "Norms for group work"),
        (date(2026, 3, 2), "Weekend check-in"),
        (date(2026, 3, 9), "Gratitude"),
    ):
        circles.record_circle(
            db,
            CircleFields(
                held_on=day,
                status=CircleStatus.HELD,
                kind=CircleKind.COMMUNITY_BUILDING,
                group_id=ids[1],
                purpose=purpose,
                attendee_ids=frozenset(s.id for s in members),
            ),
        )
    return School(info, ids[0], ids[1], members)


@pytest.fixture
def window(qtbot, db: Database, school_db: School) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(db, school_db.info)
    qtbot.addWidget(main)
    main.show_view("tier1")
    return main


def open_tier2_case(
    db: Database, *participants: ParticipantFields, description: str = "Shoving at the lockers."
) -> Case:
    """A Tier 2 case of 2 March 2026 in the school's first category, with these people."""
    fields = CaseFields(
        tier=Tier.TARGETED,
        occurred_on=date(2026, 3, 2),
        category_id=1,
        description=description,
        participants=participants,
    )
    return cases.open_case(db, fields)
