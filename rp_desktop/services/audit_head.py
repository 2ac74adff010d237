"""The audit trail's external head: the newest event's id and seal, kept outside the database in a
small file in the user's data folder (audit-heads/<database identity>.json, 0600, replaced
atomically), rewritten after every commit that added events. A database whose newest event is
older than its head lost its recent changes (its write-ahead log vanished, say) or was replaced
by an older copy outside the app.

Opening compares before anything is written, and a database found behind keeps that finding in
the head file until the user has seen it (`reset_head`), so the next save cannot erase it. The
head is compared only for the file it was written for: a backup, or another copy elsewhere, is
older by nature."""

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import event
from sqlalchemy.orm import Session

from rp_desktop.domain.safekeeping.audit_seal import Behind, Head, HeadFinding
from rp_desktop.services.safekeeping.files import APP_NAME

log = logging.getLogger(__name__)
FOLDER = "audit-heads"
# Where a session keeps the head its transaction will make, until it commits.
_PENDING = "rp_desktop.audit_head"


@dataclass(frozen=True, slots=True)
class HeadRecord:
    """What a head file holds: the database file it was written for, its newest event, and a
    finding not yet shown to the user (None when there is none)."""

    path: str
    head: Head
    behind: HeadFinding | None = None


def note_new_head(session: Session, identity: str, db_path: Path, head: Head) -> None:
    """`head` becomes the database's head once `session` commits (one file write per commit,
    however many events it added); nothing is written if it rolls back."""
    session.info[_PENDING] = (identity, db_path, head)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending is not None:
        write_head(*pending)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


def heads_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / FOLDER


def head_file(identity: str) -> Path | None:
    """Where the head of the database `identity` is kept; None for a database without one (a
    file from before revision 0007) or an identity that is not a plain name."""
    if not identity or not all(ch.isalnum() or ch == "-" for ch in identity):
        return None
    return heads_folder() / f"{identity}.json"


def read_head(identity: str) -> HeadRecord | None:
    """The recorded head, or None when there is none or it cannot be read (said in the log)."""
    path = head_file(identity)
    if path is None or not path.exists():
        return None
    try:
        return _record(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("The audit trail's head file could not be read (%s).", type(error).__name__)
        return None


def recorded_for(identity: str, db_path: Path) -> HeadRecord | None:
    """The head recorded for the database file at `db_path`; None when none was, or when it
    was recorded for a copy of the database somewhere else."""
    record = read_head(identity)
    if record is None or record.path != str(db_path.expanduser().absolute()):
        return None
    return record


def write_head(identity: str, db_path: Path, head: Head) -> None:
    """Record `head` as the newest event of the database at `db_path`, keeping a finding the
    user has not seen yet. Never raises: a head not written costs only a later comparison."""
    path = head_file(identity)
    if path is None:
        return
    kept = recorded_for(identity, db_path)
    behind = None if kept is None else kept.behind
    _write(path, HeadRecord(str(db_path.expanduser().absolute()), head, behind))


def keep_finding(identity: str, db_path: Path, finding: HeadFinding) -> None:
    """Remember `finding` until the user has seen it (the first one found is kept); with no
    head recorded for this file yet, the head it was found against becomes its head."""
    path = head_file(identity)
    record = recorded_for(identity, db_path)
    if path is None or (record is not None and record.behind is not None):
        return
    head = finding.head if record is None else record.head
    _write(path, HeadRecord(str(db_path.expanduser().absolute()), head, finding))


def reset_head(identity: str, db_path: Path, head: Head | None) -> None:
    """A restore moved the database back on purpose: `head` (its newest event now) is the
    head, and any finding is dropped."""
    path = head_file(identity)
    if path is None:
        return
    if head is None:
        path.unlink(missing_ok=True)
        return
    _write(path, HeadRecord(str(db_path.expanduser().absolute()), head, None))


def _write(path: Path, record: HeadRecord) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".head-", dir=path.parent)
        try:
            # mkstemp makes it 0600. Not synced to disk: that would double the cost of every
            # save (the database's own commit is), and a head lost to a power cut is only
            # behind, never ahead; a killed process loses nothing already written.
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(json.dumps(_fields(record)))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.warning("The audit trail's head file was not written (%s).", type(error).__name__)


def _fields(record: HeadRecord) -> dict[str, Any]:
    found = record.behind
    return {
        "version": 1,
        "path": record.path,
        "newest_id": record.head.event_id,
        "newest_seal": record.head.seal,
        "behind": None
        if found is None
        else {
            "kind": found.kind.value,
            "missing": found.missing,
            "newest_id": found.newest_id,
            "head_id": found.head.event_id,
            "head_seal": found.head.seal,
        },
    }


def _record(fields: dict[str, Any]) -> HeadRecord:
    head = Head(int(fields["newest_id"]), _seal(fields["newest_seal"]))
    found = fields.get("behind")
    behind = None
    if found is not None:
        behind = HeadFinding(
            Behind(found["kind"]),
            int(found["missing"]),
            int(found["newest_id"]),
            Head(int(found["head_id"]), _seal(found["head_seal"])),
        )
    return HeadRecord(str(fields["path"]), head, behind)


def _seal(value: object) -> str | None:
    return None if value is None else str(value)
