"""Private notes and the district's recovery copy.

A case's private note is the counselor's memory aid: kept out of exports and printouts, but in
every backup, since a backup is the whole database. The district's recovery copy is a backup the
district holds; a school setting keeps private notes out of it. With the setting on, the copy
(written under the district's key) has every case's private note emptied, its freed space wiped
(secure delete, then VACUUM rewrites the file without the free pages) before anyone else sees it.
The counselor's own backups keep the notes whatever the setting says.
"""

from contextlib import closing
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.cipher import Key, connect
from rp_desktop.db.models import SchoolSettingRow
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.audit import record_event
from rp_desktop.services.safekeeping.database import Database

NOTES_OUT_KEY = "recovery_copy_without_private_notes"
ON, OFF = "1", "0"


def private_notes_left_out(db: Database) -> bool:
    """Whether the district's recovery copy leaves private notes out (off until chosen)."""
    with Session(db.engine) as session:
        value = session.scalar(
            select(SchoolSettingRow.value).where(SchoolSettingRow.key == NOTES_OUT_KEY)
        )
    return value == ON


def leave_private_notes_out(db: Database, left_out: bool) -> None:
    """Keep private notes out of the district's recovery copies made from now on, or not."""
    with Session(db.engine) as session, session.begin():
        session.merge(SchoolSettingRow(key=NOTES_OUT_KEY, value=ON if left_out else OFF))
        detail = f"{NOTES_OUT_KEY}={ON if left_out else OFF}"
        record_event(session, db, AuditAction.UPDATE, "school_setting", None, detail)


def empty_private_notes(copy_path: Path, key: Key | None) -> int:
    """Empty every case's private note in the copy at `copy_path` (keyed `key`) and wipe the
    space the notes took; how many notes were emptied."""
    with closing(connect(copy_path, key, isolation_level=None)) as copy:
        copy.execute("PRAGMA secure_delete = ON")
        copy.execute("BEGIN IMMEDIATE")
        emptied = copy.execute(
            "UPDATE \"case\" SET private_note = '' WHERE private_note <> ''"
        ).rowcount
        copy.execute("COMMIT")
        copy.execute("VACUUM")
        copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return int(emptied)
