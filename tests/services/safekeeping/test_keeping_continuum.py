"""Backups, the check and salvage carry the continuum's records like the others: practice logs,
referrals, caregivers and their links, contacts and preparations come back from a backup row
for row, the check finds them whole (and a broken link in them), and salvage copies every one
of them."""

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaregiverRow, PracticeLogRow, ReferralRow
from rp_desktop.services.safekeeping import backups, restoring
from rp_desktop.services.safekeeping.backups import BackupReason
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.salvage import salvage_database
from tests.conftest import FakeClock, table_rows
from tests.services.safekeeping.test_retention_continuum import build

CONTINUUM_TABLES = (
    "practice_log",
    "practice_log_student",
    "referral",
    "referral_student",
    "caregiver",
    "caregiver_student",
    "caregiver_contact",
    "preparation",
)


def test_a_restored_backup_gives_back_every_continuum_row(
    db: Database, tmp_path: Path, clock: FakeClock
) -> None:
    build(db)
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=tmp_path / "backups")
    saved = table_rows(made.path)
    assert all(saved[table] for table in CONTINUUM_TABLES)  # the test can fail
    clock.advance(minutes=5)
    with Session(db.engine) as session, session.begin():
        session.execute(update(CaregiverRow).values(phone="555-0000"))
        session.execute(delete(ReferralRow))
        session.execute(delete(PracticeLogRow))
    assert table_rows(db.path)["referral"] == []

    restoring.restore_backup(db, made.path, folder=tmp_path / "backups")

    restored = table_rows(db.path)
    for table in CONTINUUM_TABLES:
        assert restored[table] == saved[table], table


def test_the_check_finds_the_continuum_whole_and_a_broken_link_in_it(db: Database) -> None:
    build(db)
    path = db.path
    db.close()

    whole = check_database(path)
    with closing(sqlite3.connect(path)) as connection:  # a link to a student who is not there
        connection.execute("INSERT INTO referral_student VALUES (1, 99999)")
        connection.commit()
    broken = check_database(path)

    assert (whole.integrity_problems, whole.broken_references) == ((), 0)
    assert broken.broken_references == 1


def test_salvage_copies_every_continuum_row(db: Database, tmp_path: Path) -> None:
    build(db)
    path = db.path
    db.close()
    whole = table_rows(path)

    salvage = salvage_database(path, None, tmp_path / "salvaged.db")

    assert salvage.unreadable == ()
    assert salvage.incomplete == ()
    read = table_rows(tmp_path / "salvaged.db")
    for table in CONTINUUM_TABLES:
        assert salvage.copied[table] == len(whole[table]) > 0, table
        assert read[table] == whole[table], table
