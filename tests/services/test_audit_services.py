"""Reading the audit trail for the viewer (pages, filters, local days), checking its chain, and
checking the open database without disturbing it."""

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from rp_desktop.db import cipher
from rp_desktop.domain.records import CircleFields, StudentFields
from rp_desktop.domain.safekeeping.audit import BreakKind, BrokenLink
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import list_events, record_event, verify_chain
from rp_desktop.services.circles.records import record_circle
from rp_desktop.services.safekeeping import checking
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students.records import add_student, set_student_active
from tests.conftest import FakeClock


def three_days(db: Database, clock: FakeClock) -> list[int]:
    """Monday: a student added; Tuesday: marked inactive; Wednesday: a circle. 15:00 UTC."""
    clock.now = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)
    student = add_student(db, StudentFields("S-1", "Perpetua", "Oakhurst", grade=5)).id
    clock.advance(days=1)
    set_student_active(db, student, False)
    clock.advance(days=1)
    circle = record_circle(db, CircleFields(date(2026, 3, 11))).id
    return [student, circle]


def test_events_come_newest_first_with_ids(db: Database, clock: FakeClock) -> None:
    student, circle = three_days(db, clock)
    page = list_events(db)
    assert page.total == 3
    shown = [(e.entry.action, e.entry.entity, e.entry.entity_id) for e in page.rows if e.entry]
    assert shown == [
        (AuditAction.CREATE, "community_circle", circle),
        (AuditAction.DEACTIVATE, "student", student),
        (AuditAction.CREATE, "student", student),
    ]
    assert [e.id for e in page.rows] == [3, 2, 1]
    assert page.rows[0].entry is not None
    assert page.rows[0].entry.at == datetime(2026, 3, 11, 15, 0, tzinfo=UTC)
    assert page.rows[0].entry.actor == db.actor


@pytest.fixture
def in_chicago(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The user's computer in Chicago, where 15:00 UTC is the same morning and 03:00 UTC is
    the evening before."""
    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_filters_by_action_record_kind_and_local_day(
    db: Database, clock: FakeClock, in_chicago: None
) -> None:
    three_days(db, clock)
    created = list_events(db, action=AuditAction.CREATE)
    assert [e.id for e in created.rows] == [3, 1]
    assert created.total == 2
    assert [e.id for e in list_events(db, entity="student").rows] == [2, 1]
    tuesday = date(2026, 3, 10)
    assert [e.id for e in list_events(db, date_from=tuesday, date_to=tuesday).rows] == [2]
    assert [e.id for e in list_events(db, date_from=tuesday).rows] == [3, 2]
    assert [e.id for e in list_events(db, date_to=tuesday).rows] == [2, 1]
    assert list_events(db, action=AuditAction.PRINT).total == 0
    assert [e.id for e in list_events(db, up_to_id=2).rows] == [2, 1]


def test_a_day_is_the_users_own_day(db: Database, clock: FakeClock, in_chicago: None) -> None:
    clock.now = datetime(2026, 3, 11, 3, 30, tzinfo=UTC)  # Tuesday 22:30 in Chicago
    add_student(db, StudentFields("S-1", "Perpetua", "Oakhurst", grade=5))
    tuesday, wednesday = date(2026, 3, 10), date(2026, 3, 11)
    assert list_events(db, date_from=tuesday, date_to=tuesday).total == 1
    assert list_events(db, date_from=wednesday, date_to=wednesday).total == 0


def test_pages_split_a_long_trail(db: Database, clock: FakeClock) -> None:
    with Session(db.engine) as session, session.begin():
        for number in range(1, 451):
            record_event(session, db, AuditAction.PRINT, "agreement", number)
    pages = [list_events(db, page=number, page_size=200) for number in range(3)]
    assert [len(p.rows) for p in pages] == [200, 200, 50]
    assert {p.total for p in pages} == {450}
    ids = [e.id for p in pages for e in p.rows]
    assert ids == list(range(450, 0, -1))
    assert list_events(db, page=3, page_size=200).rows == ()


def test_an_event_changed_outside_the_app_still_lists(db: Database, clock: FakeClock) -> None:
    three_days(db, clock)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE audit_event SET action = 'wipe', at = 'x' WHERE id = 2"))
    rows = list_events(db).rows
    assert [e.id for e in rows] == [3, 2, 1]
    assert rows[1].entry is None
    assert verify_chain(db).broken == BrokenLink(2, BreakKind.CHANGED)


def test_verify_chain_counts_and_finds_the_first_break(db: Database, clock: FakeClock) -> None:
    assert verify_chain(db).events == 0
    assert verify_chain(db).intact
    three_days(db, clock)
    whole = verify_chain(db)
    assert (whole.events, whole.broken, whole.intact) == (3, None, True)
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_event WHERE id = 2"))
    broken = verify_chain(db)
    assert broken.broken == BrokenLink(3, BreakKind.REMOVED_BEFORE)
    assert not broken.intact
    assert broken.events == 2


def beside(path: Path) -> set[str]:
    return set(os.listdir(path.parent))


def test_checking_the_open_database_leaves_it_working(db: Database, clock: FakeClock) -> None:
    three_days(db, clock)
    files = beside(db.path)
    with Session(db.engine) as session:
        session.execute(text("SELECT count(*) FROM student")).scalar_one()  # a pooled connection
        report = checking.check_open_database(db)
    assert report.ok
    assert report.audit_events == 3
    assert report.counts["student"] == 1
    assert not report.encrypted
    # The app goes on saving, in the same file, with no file left beside it.
    add_student(db, StudentFields("S-2", "Cosmo", "Underhill", grade=6))
    assert checking.check_open_database(db).audit_events == 4
    assert beside(db.path) == files


def test_checking_an_open_encrypted_database_uses_its_key(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    passphrase = Passphrase("copper kettle under the stairs")
    with open_database(tmp_path / "sealed.db", passphrase=passphrase, clock=clock) as db:
        add_student(db, StudentFields("S-1", "Perpetua", "Oakhurst", grade=5))

        def no_derivation(*_args: object) -> None:
            raise AssertionError("the key was derived again")

        monkeypatch.setattr(cipher, "derive_key", no_derivation)
        report = checking.check_open_database(db)
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE audit_event SET detail = 'x' WHERE id = 1"))
        altered = checking.check_open_database(db)
        add_student(db, StudentFields("S-2", "Cosmo", "Underhill", grade=6))
    assert report.ok
    assert report.encrypted
    assert report.cipher_problems == ()
    assert altered.audit_break == BrokenLink(1, BreakKind.CHANGED)
