"""The backups' manifests as a second witness of how far the audit trail had come (issue 12,
faults 6 and 10, on a laptop that kept no head for the file): a database whose newest events
are gone is found from a backup taken after them; a restore, in place or into the open
database, raises no alarm, since it is recorded later than every backup taken before it."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.audit_seal import Behind
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services import audit_sealing
from rp_desktop.services.audit_head import heads_folder
from rp_desktop.services.safekeeping.backups import BackupMade, BackupReason, make_backup
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.safekeeping.restoring import restore_in_place
from rp_desktop.services.students.records import add_student
from tests.conftest import FakeClock


def history(
    path: Path, clock: FakeClock, first: int, n: int, *, back_up: bool
) -> BackupMade | None:
    """`n` students added, a minute apart (one event each); then, with `back_up`, a backup."""
    with open_database(path, unencrypted=True, clock=clock) as db:
        for number in range(first, first + n):
            add_student(db, StudentFields(f"S-{number}", "Quillon", f"Marsh{number}", grade=7))
            clock.advance(minutes=1)
        made = make_backup(db, BackupReason.BY_HAND) if back_up else None
        clock.advance(minutes=1)
        return made


def events(path: Path) -> list[tuple[int, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT id, action FROM audit_event ORDER BY id").fetchall()


def drop_events_after(path: Path, last: int) -> None:
    """What a lost write-ahead log (or an older copy put in place) leaves: the trail ends at
    `last`."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DELETE FROM audit_event WHERE id > ?", (last,))


def events_in(backup: BackupMade) -> int:
    """The newest event in the backup: its own trail's last id."""
    return events(backup.path)[-1][0]


def forget_heads() -> None:
    shutil.rmtree(heads_folder(), ignore_errors=True)


def test_fault_10_lost_events_are_found_from_a_later_backup_without_a_head(
    db_path: Path, clock: FakeClock
) -> None:
    history(db_path, clock, 0, 3, back_up=True)
    made = history(db_path, clock, 3, 4, back_up=True)
    assert made is not None
    ends_at = events(db_path)[3][0]  # after the first three students and the first backup
    drop_events_after(db_path, ends_at)
    forget_heads()
    report = check_database(db_path)
    assert report.behind is not None
    assert report.behind.kind is Behind.MISSING
    assert report.behind.newest_id == ends_at
    assert report.behind.missing == events_in(made) - ends_at
    assert not report.ok


def test_opening_keeps_what_the_backups_witnessed_until_it_is_seen(
    db_path: Path, clock: FakeClock
) -> None:
    history(db_path, clock, 0, 3, back_up=True)
    history(db_path, clock, 3, 4, back_up=True)
    drop_events_after(db_path, 4)
    forget_heads()
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        found = audit_sealing.unseen_finding(db)
        assert found is not None
        assert found.kind is Behind.MISSING
        add_student(db, StudentFields("S-99", "Quillon", "Later", grade=7))  # a save after it
        assert audit_sealing.unseen_finding(db) == found
        audit_sealing.finding_seen(db)
        assert audit_sealing.unseen_finding(db) is None
    assert check_database(db_path).behind is None


def test_a_backup_taken_before_the_newest_event_is_no_witness(
    db_path: Path, clock: FakeClock
) -> None:
    history(db_path, clock, 0, 3, back_up=True)
    history(db_path, clock, 3, 2, back_up=False)
    forget_heads()
    report = check_database(db_path)
    assert report.behind is None
    assert report.ok


def test_restoring_an_older_backup_in_place_raises_no_alarm_anywhere(
    db_path: Path, clock: FakeClock
) -> None:
    older = history(db_path, clock, 0, 3, back_up=True)
    history(db_path, clock, 3, 4, back_up=True)
    assert older is not None
    restore_in_place(db_path, older.path, None, clock())
    assert events(db_path)[-1][1] == AuditAction.RESTORE.value  # recorded, as every restore
    assert check_database(db_path).behind is None
    forget_heads()  # another laptop, or a data folder wiped: only the manifests to go by
    report = check_database(db_path)
    assert report.behind is None
    assert report.ok
