"""The benchmark building: 2,000 students and 10 school years, made once and kept in bench/.cache.

Every benchmark works on a copy so that no run changes what the next one measures."""

import sqlite3
import sys
import time
from pathlib import Path

from rp_desktop.services.demo import build_demo_school
from rp_desktop.services.safekeeping.opening import open_database

CACHE = Path(__file__).with_name(".cache")
STUDENTS, YEARS, SEED = 2000, 10, 7
# Which demo the cached building was made by: a new name when the demo school gains something
# (issue 6: demographic fields and circle runs) or its schema changes (issue 11: a circle's
# keeper), so no benchmark measures an older building, or migrates one while it measures.
DEMO = "demo7"


def building() -> Path:
    """The cached building database, made first if it is missing."""
    path = CACHE / f"building-{STUDENTS}x{YEARS}-seed{SEED}-{DEMO}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.db")
        partial.unlink(missing_ok=True)
        started = time.perf_counter()
        print(
            f"Making the benchmark building ({STUDENTS} students x {YEARS} years)…", file=sys.stderr
        )
        with open_database(partial, unencrypted=True) as db:
            build_demo_school(db, students=STUDENTS, years=YEARS, seed=SEED)
        partial.rename(path)
        print(f"  made in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def working_copy(name: str) -> Path:
    """A fresh copy of the building, made through SQLite's backup API."""
    target = CACHE / f"{name}.db"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(building()) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    return target


def remove(path: Path) -> None:
    """A working copy, its sidecars, and the copies opening made before migrating it."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    for before in path.parent.glob(f"{path.stem}.before-*.db"):
        before.unlink()
