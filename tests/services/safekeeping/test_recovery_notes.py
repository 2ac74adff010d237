"""The school setting that keeps private notes out of the district's recovery copy: on, the copy
has no private note anywhere (its rows emptied, and no trace left in its pages); off, the note is
there; the counselor's own backups keep it either way."""

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from rp_desktop.db.cipher import connect
from rp_desktop.domain.records import CaseFields, ParticipantFields, StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import AuditAction, Role, Tier
from rp_desktop.services.casework.case_detail import set_private_note
from rp_desktop.services.casework.cases import list_categories, open_case
from rp_desktop.services.safekeeping import backups
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.files import key_for
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.safekeeping.recovery_notes import (
    empty_private_notes,
    leave_private_notes_out,
    private_notes_left_out,
)
from rp_desktop.services.students.records import add_student
from tests.conftest import FakeClock
from tests.services.conftest import audit_rows

SECRET = Passphrase("copper lantern meadow whistle")
DISTRICT = Passphrase("granite orchard evening compass")
NOTE = "Zephyrine-private: her uncle drinks, be gentle on Mondays"


@pytest.fixture
def school(tmp_path: Path, clock: FakeClock) -> Database:
    """An encrypted school with one case that has a private note."""
    db = open_database(tmp_path / "school.db", passphrase=SECRET, clock=clock)
    student = add_student(db, StudentFields("S-1", "Zephyrine", "Okonkwo", grade=8))
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
    yield db
    db.close()


def notes_in(path: Path, passphrase: Passphrase) -> list[str]:
    with closing(connect(path, key_for(path, passphrase))) as copy:
        return [row[0] for row in copy.execute('SELECT private_note FROM "case"')]


def pages_hold_no_old_rows(path: Path, passphrase: Passphrase) -> bool:
    """No free page (where a deleted note's bytes could stay) and no log beside the copy."""
    with closing(connect(path, key_for(path, passphrase))) as copy:
        free = copy.execute("PRAGMA freelist_count").fetchone()[0]
    wal = path.with_name(path.name + "-wal")
    return free == 0 and (not wal.exists() or wal.stat().st_size == 0)


def test_off_by_default_and_the_note_is_in_the_copy(school: Database, tmp_path: Path) -> None:
    assert not private_notes_left_out(school)
    target = tmp_path / "district.db"
    backups.make_recovery_copy(school, DISTRICT, target)
    assert notes_in(target, DISTRICT) == [NOTE]
    (event,) = [e for e in audit_rows(school) if e.detail.startswith("recovery copy")]
    assert event.detail.endswith("; private notes in")


def test_on_the_copy_has_no_private_note_anywhere(school: Database, tmp_path: Path) -> None:
    leave_private_notes_out(school, True)
    assert private_notes_left_out(school)
    setting = [e for e in audit_rows(school) if e.entity == "school_setting"][-1]
    assert setting.action is AuditAction.UPDATE
    assert setting.detail == "recovery_copy_without_private_notes=1"
    target = tmp_path / "district.db"
    counts = backups.make_recovery_copy(school, DISTRICT, target)
    assert counts["case"] == 1  # the case is there, with everything but its note
    assert notes_in(target, DISTRICT) == [""]
    assert pages_hold_no_old_rows(target, DISTRICT)
    (event,) = [e for e in audit_rows(school) if e.detail.startswith("recovery copy")]
    assert event.detail.endswith("; private notes left out")
    assert NOTE not in event.detail
    # The school's own database keeps its note.
    assert notes_in(school.path, SECRET) == [NOTE]


def test_own_backups_keep_the_note_whatever_the_setting(school: Database, tmp_path: Path) -> None:
    leave_private_notes_out(school, True)
    made = backups.make_backup(school, BackupReason.BY_HAND, folder=tmp_path / "backups")
    assert notes_in(made.path, SECRET) == [NOTE]
    leave_private_notes_out(school, False)
    assert not private_notes_left_out(school)
    target = tmp_path / "district.db"
    backups.make_recovery_copy(school, DISTRICT, target)
    assert notes_in(target, DISTRICT) == [NOTE]


def test_emptying_leaves_no_trace_in_the_file(tmp_path: Path) -> None:
    """The same emptying on a plain file, whose bytes can be read: the note is nowhere in it."""
    path = tmp_path / "plain.db"
    with closing(sqlite3.connect(path)) as plain:
        plain.execute('CREATE TABLE "case" (id INTEGER PRIMARY KEY, private_note TEXT, kept TEXT)')
        plain.executemany(
            'INSERT INTO "case" (private_note, kept) VALUES (?, ?)',
            [(f"{NOTE} #{n}", f"Okonkwo #{n}") for n in range(400)],
        )
        plain.commit()
    assert NOTE.encode() in path.read_bytes()
    assert empty_private_notes(path, None) == 400
    data = path.read_bytes()
    assert b"Zephyrine-private" not in data
    assert b"Okonkwo #399" in data  # the rest of each row is still there
