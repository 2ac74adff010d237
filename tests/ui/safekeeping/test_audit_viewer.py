"""The audit trail window: plain words for what was done to which record, ids and never names,
filters, pages, and a first line that says whether the trail is whole or where it breaks."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import QDialog
from sqlalchemy import text
from sqlalchemy.orm import Session

from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.audit import BreakKind
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import audit
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.safekeeping import audit_viewer
from rp_desktop.ui.safekeeping.audit_viewer import (
    AuditViewer,
    detail_text,
    open_audit_viewer,
    record_text,
)
from rp_desktop.ui.words.labels import label
from tests.conftest import FakeClock
from tests.ui.conftest import School


@pytest.fixture
def viewer(qtbot, db: Database, school_db: School) -> AuditViewer:  # type: ignore[no-untyped-def]
    dialog = AuditViewer(db)
    qtbot.addWidget(dialog)
    return dialog


def cells(view: AuditViewer) -> list[list[str]]:
    model = view.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_it_lists_what_was_done_newest_first(viewer: AuditViewer, school_db: School) -> None:
    shown = cells(viewer)
    # The school's setup, its four students, then three circles: newest first.
    assert [row[0] for row in shown] == ["8", "7", "6", "5", "4", "3", "2", "1"]
    assert shown[0][3:5] == ["Added", "Circle #3"]
    assert shown[-1][3:5] == ["Changed", "School settings"]
    first_student = school_db.members[0].id
    assert shown[-2][3:5] == ["Added", f"Student #{first_student}"]
    assert viewer.windowTitle() == "Audit trail"
    assert viewer.shown.text() == "8 events"


def test_the_time_is_the_users_own(viewer: AuditViewer) -> None:
    expected = datetime(2026, 3, 10, 15, 0, tzinfo=UTC).astimezone()
    assert cells(viewer)[0][1].startswith(expected.strftime("%Y-%m-%d"))
    time = QLocale().toString(QTime(expected.hour, 0), QLocale.FormatType.ShortFormat)
    assert cells(viewer)[0][1].endswith(f" {time}")


def test_no_name_shows_anywhere(viewer: AuditViewer, school_db: School) -> None:
    everything = " ".join(" ".join(row) for row in cells(viewer))
    everything += viewer.chain.text() + viewer.windowTitle()
    for student in school_db.members:
        assert student.first_name not in everything
        assert student.last_name not in everything
    assert "Student #" in everything  # the check above read real rows


def test_the_chain_line_says_the_trail_is_whole(viewer: AuditViewer) -> None:
    assert viewer.chain.text() == (
        "The audit trail is whole: all 8 events are as they were written. It is sealed with "
        "the public key of an unencrypted database, which catches accidental edits but not "
        "deliberate ones."
    )
    assert viewer.jump.isHidden()


def test_an_empty_trail_says_so(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    viewer = AuditViewer(db)
    qtbot.addWidget(viewer)
    assert viewer.chain.text() == "The audit trail is empty: nothing has been changed yet."
    assert viewer.model.rowCount() == 0
    assert viewer.shown.text() == "0 events"


def test_an_altered_trail_is_named_and_can_be_shown(qtbot, db: Database, school_db: School) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE audit_event SET detail = 'x' WHERE id = 5"))
        connection.execute(text("UPDATE audit_event SET action = 'wipe' WHERE id = 7"))
    viewer = AuditViewer(db)
    qtbot.addWidget(viewer)
    assert viewer.chain.text().startswith(
        "The audit trail was altered at event 5 (the event was changed)."
    )
    assert "font-weight: bold" in viewer.chain.styleSheet()
    assert cells(viewer)[1][3] == "Unreadable"  # event 7, whose action no longer reads
    assert not viewer.jump.isHidden()
    assert viewer.jump.text() == "Show event 5"
    viewer.jump.click()
    assert cells(viewer)[0][0] == "5"
    assert viewer.jump.text() == "Show the newest events"
    viewer.jump.click()
    assert cells(viewer)[0][0] == "8"


def test_filtering_by_action(viewer: AuditViewer, db: Database, school_db: School) -> None:
    students.set_student_active(db, school_db.members[1].id, False)
    viewer.reload()
    viewer.action.setCurrentIndex(viewer.action.findData(AuditAction.DEACTIVATE.value))
    assert cells(viewer)[0][3:5] == ["Marked inactive", f"Student #{school_db.members[1].id}"]
    assert viewer.model.rowCount() == 1
    assert viewer.shown.text() == "1 event"
    viewer.action.setCurrentIndex(0)
    assert viewer.model.rowCount() == 9


def test_filtering_by_date(viewer: AuditViewer, db: Database, clock: FakeClock) -> None:
    clock.now = datetime(2026, 4, 19, 15, 0, tzinfo=UTC)
    students.add_student(db, StudentFields("700199", "Ilse", "Marchetti", grade=7))
    viewer.reload()
    viewer.dates.preset.setCurrentIndex(viewer.dates.preset.findData("custom"))
    viewer.dates.end.setDate(QDate(2026, 4, 20))
    viewer.dates.start.setDate(QDate(2026, 4, 18))
    assert viewer.model.rowCount() == 1
    assert cells(viewer)[0][3] == "Added"
    viewer.dates.preset.setCurrentIndex(viewer.dates.preset.findData("any"))
    assert viewer.model.rowCount() == 9


def test_a_long_trail_is_fetched_a_page_at_a_time(qtbot, db: Database, school_db: School) -> None:  # type: ignore[no-untyped-def]
    with Session(db.engine) as session, session.begin():
        for number in range(450):
            audit.record_event(session, db, AuditAction.PRINT, "agreement", number + 1)
    viewer = AuditViewer(db)
    qtbot.addWidget(viewer)
    assert viewer.model.rowCount() == 200
    assert viewer.shown.text() == "458 events"
    assert viewer.model.canFetchMore()
    viewer.model.fetchMore()
    viewer.model.fetchMore()
    assert viewer.model.rowCount() == 458
    assert not viewer.model.canFetchMore()
    assert [e.id for e in viewer.events_shown()] == list(range(458, 0, -1))


def test_the_table_model(qtmodeltester, viewer: AuditViewer) -> None:  # type: ignore[no-untyped-def]
    assert viewer.model.rowCount() == 8  # the school's set-up, its students and circles
    qtmodeltester.check(viewer.model)
    assert viewer.model.headerData(0, Qt.Orientation.Horizontal) == "Event"


@pytest.mark.parametrize(
    ("entity", "entity_id", "words"),
    [
        ("case", 12, "Case #12"),
        ("student", 40, "Student #40"),
        ("agreement_item", 3, "Agreed item #3"),
        ("re_entry_plan", 12, "Re-entry plan of case #12"),
        ("student", None, "The student roster"),
        ("school_setting", None, "School settings"),
        ("backup_copy", 2, "Backup copy #2"),  # a kind this version does not know yet
        ("database", None, "The whole database"),
    ],
)
def test_records_are_named_by_kind_and_number(
    entity: str, entity_id: int | None, words: str
) -> None:
    assert record_text(entity, entity_id) == words


def test_details_read_as_field_names_and_counts() -> None:
    assert detail_text("case=12 attendees=2 answers=0") == "case 12, attendees 2, answers 0"
    assert detail_text("field=private_note") == "field private note"
    assert detail_text("") == ""
    assert detail_text("roster import: added 2") == "roster import: added 2"


@pytest.mark.parametrize("kind", [AuditAction, BreakKind])
def test_every_action_and_break_has_words(kind: type) -> None:
    words = [label(member) for member in kind]
    assert all(words)
    assert len(set(words)) == len(words)


def test_open_audit_viewer_shows_it_modally(
    qtbot, db: Database, school_db: School, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[AuditViewer] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(dialog)  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr(audit_viewer.dialogs, "wait_for", exec_)
    open_audit_viewer(None, db)
    assert len(shown) == 1
    assert shown[0].model.rowCount() == 8


def test_the_chain_line_says_when_the_newest_events_are_missing(
    qtbot,
    db: Database,  # type: ignore[no-untyped-def]
) -> None:
    from sqlalchemy import text

    from rp_desktop.domain.records import StudentFields
    from rp_desktop.services.students import records as students

    for number in range(6):
        students.add_student(db, StudentFields(f"V-{number}", "Ilse", f"Brandt{number}", grade=6))
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_event WHERE id > 2"))
    viewer = AuditViewer(db)
    qtbot.addWidget(viewer)
    assert viewer.chain.text().startswith(
        "The newest 4 events of the audit trail are missing: the database was rolled back or "
        "lost its recent changes."
    )
    assert not viewer.state.intact
