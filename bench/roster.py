"""Roster import: a 10,000-row CSV export imported into a fresh database, beside the same rows
inserted through raw sqlite3 executemany (no decoding, no checks, no comparing with the students
kept).

The file is made up: UTF-8 with a BOM, semicolons, CRLF, grades written as exports write them,
names with accents, apostrophes, hyphens, two surnames and other scripts, and two columns to
ignore. Each figure is the median of 3 rounds, each on its own fresh database.
"""

import csv
import io
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rp_desktop.domain.roster import parse_grade
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.search_keys import student_key
from rp_desktop.services.students.roster_import import import_roster

ROWS = 10_000
ROUNDS = 3
FIRST = ["María José", "Liam", "Nguyễn", "Nou Yia", "Алёна", "ليلى", "Zoë", "Seán", "Amani", "민준"]
LAST = ["García-Núñez", "O'Connor", "Thị Minh", "Xiong", "Смирнова", "حداد", "de la Cruz Ramírez"]
GRADES = ["PK", "K", "1st", "2", "03", "4th", "5", "6", "07", "8th", "9", "10", "11th", "12"]
HEADER = ["Student ID", "Last Name", "First Name", "Nickname", "Grade Level", "Homeroom"]
INSERT = (
    "INSERT INTO student (student_number, first_name, last_name, preferred_name, grade, "
    "homeroom, active, search_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"
)


@dataclass(frozen=True)
class RosterTimes:
    rows: int
    import_seconds: float  # import_roster into a fresh database
    reimport_seconds: float  # the same file again, full roster: every student unchanged
    raw_seconds: float  # the same rows through raw sqlite3 executemany


def roster_rows() -> list[list[str]]:
    return [
        [
            f"{400000 + i:07d}",
            LAST[i % len(LAST)],
            FIRST[(i // len(LAST)) % len(FIRST)],
            "Majo" if i % 7 == 0 else "",
            GRADES[i % len(GRADES)],
            f"R{i % 60:02d}",
        ]
        for i in range(ROWS)
    ]


def roster_file(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([*HEADER, "Gender", "Email"])
    writer.writerows([*row, "X", "student@example.org"] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def timed_import(folder: Path, data: bytes) -> tuple[float, float]:
    path = folder / "school.db"
    with open_database(path, unencrypted=True) as db:
        started = time.perf_counter()
        import_roster(db, data, full_roster=False)
        first = time.perf_counter() - started
        started = time.perf_counter()
        import_roster(db, data, full_roster=True)
        return first, time.perf_counter() - started


def timed_raw(folder: Path, empty: Path, rows: list[list[str]]) -> float:
    path = folder / "raw.db"
    with sqlite3.connect(empty) as source, sqlite3.connect(path) as target:
        source.backup(target)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    values = [
        (number, first, last, pref, parse_grade(grade), room,
         student_key(number, first, last, pref, room), now, now)
        for number, last, first, pref, grade, room in rows
    ]  # fmt: skip
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        started = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(INSERT, values)
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def measure() -> RosterTimes:
    rows = roster_rows()
    data = roster_file(rows)
    imports, reimports, raws = [], [], []
    with tempfile.TemporaryDirectory(prefix="rp-roster-bench-") as scratch:
        empty = Path(scratch) / "empty.db"
        open_database(empty, unencrypted=True).close()
        for round_number in range(ROUNDS):
            folder = Path(scratch) / f"round-{round_number}"
            folder.mkdir()
            first, again = timed_import(folder, data)
            imports.append(first)
            reimports.append(again)
            raws.append(timed_raw(folder, empty, rows))
    return RosterTimes(
        ROWS, statistics.median(imports), statistics.median(reimports), statistics.median(raws)
    )


if __name__ == "__main__":
    times = measure()
    print(
        f"{times.rows:,} rows: import {times.import_seconds:.3f} s, "
        f"re-import {times.reimport_seconds:.3f} s, raw sqlite3 {times.raw_seconds:.3f} s "
        f"(ratio {times.import_seconds / times.raw_seconds:.1f}); target <= 2 s"
    )
