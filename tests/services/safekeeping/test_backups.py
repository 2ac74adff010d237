"""Backups: a backup restores to the same data, one taken during writes is sound, an encrypted
one needs the key, the folder is thinned, and a damaged file is read without being changed."""

import os
import sqlite3
import stat
import threading
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from rp_desktop.db import schema
from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.demo import build_demo_school
from rp_desktop.services.safekeeping import backups, restoring
from rp_desktop.services.safekeeping.backup_files import manifest_path, read_manifest
from rp_desktop.services.safekeeping.backups import BackupReason, RestoreRefused, Unfit
from rp_desktop.services.safekeeping.checking import check_database
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import WrongPassphrase
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.safekeeping.passphrases import WeakPassphrase
from rp_desktop.services.safekeeping.salvage import salvage_database, salvage_file
from rp_desktop.services.students.records import add_student, list_students, set_student_active
from tests.conftest import FakeClock, digest, table_rows
from tests.services.conftest import Roster

SECRET = Passphrase("copper lantern meadow whistle")
DISTRICT = Passphrase("granite orchard evening compass")
EVERYONE = ListQuery(include_inactive=True)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def test_backup_then_restore_gives_identical_data(
    db: Database, roster: Roster, folder: Path, clock: FakeClock
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    assert made.path.parent == folder
    assert made.counts["student"] == 4
    saved = table_rows(made.path)
    clock.advance(minutes=5)
    add_student(db, StudentFields("S-900", "Ingrid", "Halvorsen", grade=6))
    set_student_active(db, roster.ana.id, False)
    assert table_rows(db.path) != saved

    restoring.restore_backup(db, made.path, folder=folder)

    restored = table_rows(db.path)
    assert restored.keys() == saved.keys()
    for table in saved:
        if table != "audit_event":
            assert restored[table] == saved[table], table
    # The audit trail is the backup's, plus one event saying it was restored.
    added = set(restored["audit_event"]) - set(saved["audit_event"])
    assert set(saved["audit_event"]) < set(restored["audit_event"])
    assert [row[3] for row in added] == ["restore"]
    # The database is usable straight away, on the restored data.
    assert list_students(db, EVERYONE).total == 4
    add_student(db, StudentFields("S-901", "Tomasz", "Zielinski", grade=6))
    assert list_students(db, EVERYONE).total == 5


def test_a_restore_backs_up_the_current_state_first(
    db: Database, roster: Roster, folder: Path, clock: FakeClock
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    clock.advance(minutes=5)
    add_student(db, StudentFields("S-900", "Ingrid", "Halvorsen", grade=6))
    restored = restoring.restore_backup(db, made.path, folder=folder)
    assert restored.before.path.exists()
    assert "before-restore" in restored.before.path.name
    numbers = {row[1] for row in table_rows(restored.before.path)["student"]}
    assert "S-900" in numbers
    assert "S-900" not in {row[1] for row in table_rows(db.path)["student"]}
    assert made.path.exists()  # thinning never takes the backup being restored


def test_a_backup_taken_while_another_connection_writes_is_sound(
    db: Database, roster: Roster, folder: Path, clock: FakeClock
) -> None:
    started, stop = threading.Event(), threading.Event()
    written: list[int] = []
    failures: list[BaseException] = []

    def keep_writing() -> None:
        try:
            with closing(sqlite3.connect(db.path, timeout=10, isolation_level=None)) as writer:
                while not stop.is_set():
                    writer.execute(
                        "INSERT INTO audit_event (at, actor, action, entity, detail, "
                        "previous_hash, hash) VALUES ('2026-03-10 15:00:00', 't', 'update', "
                        "'student', '', '', '')"
                    )
                    written.append(1)
                    # Reading between writes leaves the write lock free now and then, as a
                    # busy program would; a loop of bare writes would starve every other writer.
                    writer.execute("SELECT count(*), max(at) FROM audit_event").fetchone()
                    if len(written) == 20:
                        started.set()
        except BaseException as error:  # reported by the test, not lost in the thread
            failures.append(error)
            started.set()

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        assert started.wait(30)
        made = [backups.make_backup(db, BackupReason.SCHEDULED, folder=folder)]
        for _ in range(3):
            clock.advance(days=1)
            made.append(backups.make_backup(db, BackupReason.SCHEDULED, folder=folder))
        during = len(written)
    finally:
        stop.set()
        thread.join()
    assert not failures
    assert len(written) >= during > 20
    for backup in made:
        with closing(sqlite3.connect(backup.path)) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            count = copy.execute("SELECT count(*) FROM audit_event").fetchone()[0]
        assert count == backup.counts["audit_event"]
    assert made[-1].counts["audit_event"] > made[0].counts["audit_event"]


def test_an_encrypted_backup_opens_only_with_the_key(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "backups"
    with open_database(tmp_path / "school.db", passphrase=SECRET, clock=clock) as db:
        add_student(db, StudentFields("S-1", "Aiyana", "Redcloud", grade=8))
        made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
        listed = backups.list_backups(db.path, db.key, folder=folder)
        assert [b.readable for b in listed] == [True]
        assert [b.readable for b in backups.list_backups(db.path, folder=folder)] == [False]
        unchecked = backups.list_backups(db.path, folder=folder, check=False)
        assert [b.readable for b in unchecked] == [None]
    data = made.path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Redcloud" not in data
    with closing(sqlite3.connect(made.path)) as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM student").fetchone()
    report = check_database(made.path, SECRET)
    assert report.ok
    assert report.counts["student"] == 1


def test_the_backups_folder_is_thinned(db: Database, folder: Path, clock: FakeClock) -> None:
    # One backup a day, 10 to 29 March 2026 (a Sunday), each at 15:00 UTC. Kept: the last
    # seven days (23-29), and the newest of ISO weeks 12 (22nd) and 11 (15th).
    for _ in range(20):
        backups.make_backup(db, BackupReason.SCHEDULED, folder=folder)
        clock.advance(days=1)
    kept = backups.list_backups(db.path, folder=folder, check=False)
    local_days = {b.taken_at.astimezone().date() for b in kept}
    utc_days = {b.taken_at.date() for b in kept}
    expected = {date(2026, 3, d) for d in (15, 22, *range(23, 30))}
    assert utc_days == expected or local_days == expected
    # Nothing else left behind: nine backups, each with its manifest.
    assert sorted(p.suffix for p in folder.iterdir()) == [".db"] * 9 + [".json"] * 9
    assert {p.name for p in folder.glob("*.json")} == {b.path.name + ".json" for b in kept}


def test_changes_since_the_last_backup(db: Database, roster: Roster, folder: Path) -> None:
    assert backups.changes_since_last_backup(db, folder=folder)  # no backup yet
    backups.make_backup(db, BackupReason.SCHEDULED, folder=folder)
    assert not backups.changes_since_last_backup(db, folder=folder)
    add_student(db, StudentFields("S-900", "Ingrid", "Halvorsen", grade=6))
    assert backups.changes_since_last_backup(db, folder=folder)
    backups.make_backup(db, BackupReason.SCHEDULED, folder=folder)
    assert not backups.changes_since_last_backup(db, folder=folder)


def test_backup_names_hold_no_names(db: Database, roster: Roster, folder: Path) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    assert made.path.name.startswith("2026-03-10_150000Z_by-hand_e")
    for name in ("Ana", "Muñoz", "Liam", "Delgado", "Becker"):
        assert name not in str(made.path)


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    db: Database, roster: Roster, folder: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(bytes(range(256)) * 32)
    before = table_rows(db.path)
    with pytest.raises(RestoreRefused) as refused:
        restoring.restore_backup(db, junk, folder=folder)
    assert refused.value.reason is Unfit.UNREADABLE
    with pytest.raises(RestoreRefused) as itself:
        restoring.restore_backup(db, db.path, folder=folder)
    assert itself.value.reason is Unfit.SAME_FILE
    assert table_rows(db.path) == before
    assert not folder.exists()  # no backup was made for a restore that did not happen


def test_the_recovery_copy_opens_with_the_district_passphrase_only(
    tmp_path: Path, clock: FakeClock
) -> None:
    target = tmp_path / "for the district.db"
    with open_database(tmp_path / "school.db", passphrase=SECRET, clock=clock) as db:
        add_student(db, StudentFields("S-1", "Aiyana", "Redcloud", grade=8))
        with pytest.raises(WeakPassphrase):
            backups.make_recovery_copy(db, Passphrase("password"), target)
        with pytest.raises(ValueError, match="own passphrase"):
            backups.make_recovery_copy(db, SECRET, target)
        assert not target.exists()
        counts = backups.make_recovery_copy(db, DISTRICT, target)
    assert counts["student"] == 1
    with pytest.raises(WrongPassphrase):
        open_database(target, passphrase=SECRET, clock=clock)
    with open_database(target, passphrase=DISTRICT, clock=clock) as copy:
        assert [s.last_name for s in list_students(copy, EVERYONE).rows] == ["Redcloud"]


def scramble_a_leaf_page(path: Path, table: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        page = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchone()[0]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(b"\xa5\x5a" * ((size - 16) // 2))


def test_salvage_reads_what_it_can_and_leaves_the_damaged_file_as_it_was(
    db: Database, tmp_path: Path
) -> None:
    build_demo_school(db, students=60, years=1, seed=3)
    whole = table_rows(db.path)
    path = db.path
    db.close()
    scramble_a_leaf_page(path, "student")
    before = digest(path)
    beside = sorted(p.name for p in tmp_path.iterdir())

    target = tmp_path / "what could be read.db"
    salvage = salvage_database(path, None, target)

    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*beside, target.name])
    assert "student" in salvage.incomplete
    assert 0 < salvage.copied["student"] < len(whole["student"])
    assert salvage.copied["community_circle"] == len(whole["community_circle"])
    read = table_rows(target)
    assert set(read["student"]) < set(whole["student"])
    with closing(sqlite3.connect(target)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_salvage_of_an_encrypted_file_stays_encrypted(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "school.db"
    with open_database(path, passphrase=SECRET, clock=clock) as db:
        for number in range(40):
            add_student(db, StudentFields(f"S-{number}", "Wanjiru", f"Kamau{number}", grade=5))
    data = bytearray(path.read_bytes())
    data[4096 * 3 + 100 : 4096 * 3 + 200] = bytes(100)  # one page's contents no longer match
    path.write_bytes(bytes(data))
    before = digest(path)
    target = tmp_path / "salvaged.db"
    salvage = salvage_file(path, SECRET, target)
    assert digest(path) == before
    assert salvage.rows > 0
    assert salvage.incomplete or salvage.unreadable
    assert not target.read_bytes().startswith(b"SQLite format 3")
    assert b"Wanjiru" not in target.read_bytes()


def test_recovery_sets_the_damaged_file_aside_and_restores(
    db: Database, roster: Roster, folder: Path, clock: FakeClock
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    path = db.path
    db.close()
    with path.open("r+b") as handle:
        handle.seek(200)
        handle.write(bytes(3000))
    before = digest(path)
    aside = restoring.restore_in_place(path, made.path, None, clock())
    assert aside.name == "school.damaged-2026-03-10_150000.db"
    assert digest(aside) == before
    with open_database(path, clock=clock) as restored:
        assert list_students(restored, EVERYONE).total == 4


def test_a_backup_from_before_a_passphrase_change_is_restored_with_the_earlier_one(
    tmp_path: Path, folder: Path, clock: FakeClock
) -> None:
    path = tmp_path / "school.db"
    newer = Passphrase("harbor cedar violin morning")
    with open_database(path, passphrase=SECRET, clock=clock) as db:
        add_student(db, StudentFields("S-1", "Ines", "Valderrama", "", 7, "7A"))
        made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
        db.change_passphrase(SECRET, newer)
        add_student(db, StudentFields("S-2", "Tobiah", "Fenwick", "", 7, "7A"))
        [listed] = backups.list_backups(path, db.key, folder=folder)
        assert listed.readable is False  # today's key does not open it
        with pytest.raises(WrongPassphrase):
            restoring.restore_backup(
                db, made.path, folder=folder, backup_passphrase=Passphrase("not the one ever")
            )
        assert numbers(db) == ["S-1", "S-2"]  # nothing changed
        restoring.restore_backup(db, made.path, folder=folder, backup_passphrase=SECRET)
        assert numbers(db) == ["S-1"]
    with open_database(path, passphrase=newer, clock=clock) as db:  # today's passphrase
        assert numbers(db) == ["S-1"]


def numbers(db: Database) -> list[str]:
    return sorted(s.student_number for s in list_students(db, EVERYONE).rows)


def test_a_manifest_is_written_beside_each_backup(
    db: Database, roster: Roster, folder: Path
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    manifest_file = manifest_path(made.path)
    text = manifest_file.read_text(encoding="utf-8")
    manifest = read_manifest(made.path)

    assert manifest == made.manifest
    assert manifest is not None
    assert manifest.format == 1
    assert manifest.database_identity == db.identity
    assert manifest.taken_at == made.taken_at
    assert manifest.reason == "by-hand"
    assert manifest.schema_revision == schema.HEAD_REVISION
    assert manifest.counts == made.counts
    newest = table_rows(made.path)["audit_event"][-1]
    assert (manifest.newest_event_id, len(manifest.newest_event_hash)) == (newest[0], 64)
    assert made.path.name.endswith(f"_e{newest[0]}-{manifest.newest_event_hash[:8]}.db")
    assert manifest.size == made.path.stat().st_size
    assert manifest.sha256 == digest(made.path)
    assert stat.S_IMODE(os.stat(manifest_file).st_mode) == 0o600
    for name in ("Ana", "Muñoz", "Liam", "Delgado", "Becker", "Wiśniewski"):
        assert name not in text
    [listed] = backups.list_backups(db.path, folder=folder, check=False)
    assert listed.manifest == manifest


def test_a_backup_without_a_manifest_still_lists_and_restores(
    db: Database, roster: Roster, folder: Path, clock: FakeClock
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    manifest_path(made.path).unlink()  # as backups from before manifests are
    clock.advance(minutes=5)
    add_student(db, StudentFields("S-900", "Ingrid", "Halvorsen", grade=6))
    [listed] = backups.list_backups(db.path, db.key, folder=folder)
    assert listed.manifest is None
    assert listed.readable is True
    assert made.manifest is not None
    assert listed.newest_event == (
        made.manifest.newest_event_id,
        made.manifest.newest_event_hash[:8],
    )

    restoring.restore_backup(db, made.path, folder=folder)

    assert list_students(db, EVERYONE).total == 4


def test_backup_events_after_a_backup_are_not_changes(
    db: Database, roster: Roster, folder: Path, tmp_path: Path
) -> None:
    backups.make_backup(db, BackupReason.SCHEDULED, folder=folder)
    backups.make_backup(db, BackupReason.COMMAND_LINE, out=tmp_path / "elsewhere.db")
    backups.make_recovery_copy(db, DISTRICT, tmp_path / "district.db")
    assert not backups.changes_since_last_backup(db, folder=folder)


def test_a_restore_of_an_older_backup_counts_as_a_change(
    db: Database, roster: Roster, folder: Path, clock: FakeClock
) -> None:
    older = backups.make_backup(db, BackupReason.SCHEDULED, folder=folder)
    clock.advance(minutes=5)
    add_student(db, StudentFields("S-900", "Ingrid", "Halvorsen", grade=6))
    clock.advance(minutes=5)
    restoring.restore_backup(db, older.path, folder=folder)
    assert backups.changes_since_last_backup(db, folder=folder)


def test_a_backup_of_another_database_is_refused_by_its_identity(
    db: Database, roster: Roster, folder: Path, tmp_path: Path, clock: FakeClock
) -> None:
    other_path = tmp_path / "other" / "school.db"
    with open_database(other_path, unencrypted=True, clock=clock) as other:
        theirs = backups.make_backup(other, BackupReason.BY_HAND, folder=folder / "other")
    before = table_rows(db.path)
    with pytest.raises(RestoreRefused) as refused:
        restoring.restore_backup(db, theirs.path, folder=folder)
    assert refused.value.reason is Unfit.OTHER_DATABASE
    assert "different database" in str(refused.value)
    assert table_rows(db.path) == before
    assert [p.name for p in folder.iterdir()] == ["other"]  # no before-restore backup made


def test_a_truncated_backup_is_refused_as_damaged(
    db: Database, roster: Roster, folder: Path, tmp_path: Path
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(made.path.read_bytes()[:5000])
    with pytest.raises(RestoreRefused) as refused:
        restoring.restore_backup(db, truncated, folder=folder)
    assert refused.value.reason is Unfit.DAMAGED


def test_a_database_with_records_is_never_discarded_for_a_first_run_restore(
    db: Database, roster: Roster, folder: Path
) -> None:
    made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
    before = table_rows(db.path)
    with pytest.raises(ValueError, match="holds records"):
        restoring.restore_instead_of_new(db, made.path, None)
    assert table_rows(db.path) == before
    assert not db.locked


def test_recovery_with_an_earlier_passphrase_encrypts_the_copy_under_todays(
    tmp_path: Path, folder: Path, clock: FakeClock
) -> None:
    path = tmp_path / "school.db"
    newer = Passphrase("harbor cedar violin morning")
    with open_database(path, passphrase=SECRET, clock=clock) as db:
        add_student(db, StudentFields("S-1", "Ines", "Valderrama", "", 7, "7A"))
        made = backups.make_backup(db, BackupReason.BY_HAND, folder=folder)
        db.change_passphrase(SECRET, newer)
    path.write_bytes(path.read_bytes()[:4096] + bytes(4096))  # damaged past its first page
    with pytest.raises(WrongPassphrase):
        restoring.restore_in_place(path, made.path, newer, clock())  # not the backup's
    aside = restoring.restore_in_place(path, made.path, newer, clock(), backup_passphrase=SECRET)
    assert aside.exists()
    with open_database(path, passphrase=newer, clock=clock) as db:
        assert numbers(db) == ["S-1"]
