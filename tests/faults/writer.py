"""A process that writes to a database until it is stopped: the victim of the fault tests.

    python -m tests.faults.writer serve DATABASE
        Import everything once, then for each number START read on stdin fork a worker that
        opens DATABASE through services.opening and adds students START, START+1, ... one
        transaction each, printing "ack N" only after the commit of N returned. Prints
        "worker PID" when it starts one and "ended STATUS" (os.waitpid's) when it is gone.
        Forking from a warm process keeps a trial to a few tenths of a second.

    python -m tests.faults.writer fill DATABASE START LIMIT
        The same in this process, under a file-size limit of LIMIT bytes (RLIMIT_FSIZE, SIGXFSZ
        ignored, so a write past it fails instead of killing the process), until a write is
        refused; then prints "refused <the message the user would be shown>".

The passphrase comes from RP_DESKTOP_PASSPHRASE, as for the command line; never from argv.
"""

import os
import sys
from pathlib import Path

from rp_desktop.cli import PASSPHRASE_VARIABLE
from rp_desktop.domain.records import StudentFields
from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import disk_full_from, open_database
from rp_desktop.services.students import records as students


def student_number(number: int) -> str:
    return f"K{number:07d}"


def number_of(student_number_: str) -> int:
    return int(student_number_[1:])


def add_numbered(db: Database, number: int) -> None:
    students.add_student(
        db, StudentFields(student_number(number), "Writer", f"Row{number}", grade=5)
    )


def opened(database: Path) -> Database:
    passphrase = os.environ.get(PASSPHRASE_VARIABLE)
    return open_database(
        database,
        passphrase=Passphrase(passphrase) if passphrase else None,
        unencrypted=not passphrase,
    )


def say(line: str) -> None:
    """One line in one write: print() writes the text and the newline separately, and a kill
    between the two left "ack 141" run into the parent's next line."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_forever(database: Path, start: int) -> None:
    db = opened(database)
    number = start
    while True:
        add_numbered(db, number)
        say(f"ack {number}")  # the acknowledgement: only after the commit
        number += 1


def serve(database: Path) -> None:
    for line in sys.stdin:
        start = int(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                write_forever(database, start)
            except BaseException as error:
                say(f"error {type(error).__name__}: {error}")
                code = 2
            finally:
                os._exit(code)
        say(f"worker {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"ended {status}")


def fill(database: Path, start: int, limit: int) -> None:
    import resource
    import signal

    db = opened(database)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    number = start
    try:
        while True:
            add_numbered(db, number)
            say(f"ack {number}")
            number += 1
    except Exception as error:
        full = disk_full_from(error, database)
        say(f"refused {full if full is not None else type(error).__name__}")
    finally:
        db.close()


def main(argv: list[str]) -> None:
    command, database = argv[0], Path(argv[1])
    if command == "serve":
        serve(database)
    elif command == "fill":
        fill(database, int(argv[2]), int(argv[3]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
