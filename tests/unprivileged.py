"""A step of a test run as an ordinary user, even where the tests run as root (CI does).

Root writes into a read-only folder anyway, so a refusal to write is only seen without root.
When the tests run as root, the step runs in a forked child that gives root up for the user
`nobody` and reports how the step ended through a pipe; otherwise it runs here, as the
ordinary user running the tests already is. Either way the operating system, not a fake,
refuses the write."""

import json
import os
import pwd
import shutil
import stat
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import NoReturn

from rp_desktop.services.safekeeping.opening import Database

NOBODY = 65534  # the unprivileged user and group on Linux, where `pwd` does not say otherwise


@dataclass(frozen=True)
class Outcome:
    """How the step ended: the error's class name and message ("" when it returned), and the
    user it ran as."""

    error: str
    message: str
    uid: int


def as_ordinary_user(db: Database | None, step: Callable[[], object]) -> Outcome:
    """Run `step` without root's power to write anywhere, and say how it ended. `db` is the
    database the step reads: as root, the child opens its connection before giving root up,
    as a user opening their own database would (None: the step opens what it needs)."""
    if os.geteuid() != 0:
        return _run(step)
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: it never returns into pytest
        _child(db, step, reading, writing)
    os.close(writing)
    with os.fdopen(reading, "rb") as stream:
        report = stream.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged child failed before its step"
    return Outcome(**json.loads(report))


def _child(db: Database | None, step: Callable[[], object], reading: int, writing: int) -> NoReturn:
    code = 1
    try:
        os.close(reading)
        # SQLAlchemy's advice for a fork: leave the parent's pooled connections alone, open new.
        if db is not None:
            db.engine.dispose(close=False)
            with db.engine.connect() as connection:  # opened as root; the pool keeps it
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_schema").all()
        uid, gid = _nobody()
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)  # for good: no way back to root from here
        report = json.dumps(asdict(_run(step))).encode("utf-8")
        with os.fdopen(writing, "wb") as stream:
            stream.write(report)
        code = 0
    except BaseException:
        traceback.print_exc(file=sys.stderr)
    finally:
        os._exit(code)


def _nobody() -> tuple[int, int]:
    try:
        entry = pwd.getpwnam("nobody")
    except KeyError:
        return NOBODY, NOBODY
    return entry.pw_uid, entry.pw_gid


def _run(step: Callable[[], object]) -> Outcome:
    uid = os.geteuid()
    try:
        step()
    except Exception as error:
        return Outcome(type(error).__name__, str(error), uid)
    return Outcome("", "", uid)


@contextmanager
def folder_anyone_can_reach() -> Iterator[Path]:
    """A new folder that every user can reach and read. pytest's temporary folders are closed
    to other users: a step run as `nobody` could not even look into one, and a refusal there
    would be for the wrong reason."""
    folder = Path(tempfile.mkdtemp(prefix="rp-desktop-tests-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(stat.S_IRWXU)
        shutil.rmtree(folder)
