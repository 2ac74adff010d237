"""The quick check as the database opens: silent when the file is whole, a plain, non-modal word
when it is damaged, and never in the way of locking or closing."""

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rp_desktop.services.safekeeping.checking import quick_check
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.ui.safekeeping import quick_check as quick_check_module
from rp_desktop.ui.window.main_window import MainWindow
from tests.cli.test_check import fill
from tests.conftest import FakeClock


def scramble_table_pages(path: Path) -> None:
    """Damage some of the last pages written (the filler), as a failing disk would; the
    schema and the tables opening reads are left whole, so the file still opens."""
    data = bytearray(path.read_bytes())
    page = 4096
    noise = random.Random(5)
    for start in range(len(data) - 40 * page, len(data) - page, page * 7):
        data[start : start + 64] = noise.randbytes(64)  # the page header and cell pointers
    path.write_bytes(bytes(data))


def test_a_whole_file_has_nothing_to_say(db: Database) -> None:
    fill(db)
    assert quick_check(db) == ()


def test_damage_that_opening_does_not_read_is_found(db_path: Path, clock: FakeClock) -> None:
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        fill(db)
    with closing(sqlite3.connect(db_path)) as connection, connection:  # pages to damage
        connection.executemany(
            "INSERT INTO school_setting (key, value) VALUES (?, ?)",
            [(f"filler-{n}", "x" * 2000) for n in range(200)],
        )
    scramble_table_pages(db_path)
    with open_database(db_path, unencrypted=True, clock=clock) as db:
        problems = quick_check(db)
    assert problems
    assert all(isinstance(problem, str) for problem in problems)


def test_the_window_says_so_without_stopping_the_user(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(quick_check_module, "quick_check", lambda _db: ("page 31 is damaged",))
    check = quick_check_module.QuickCheck(window.database, window, background=False)
    with qtbot.waitSignal(check.finished) as found:
        check.start()
    assert found.args == [1]
    assert check.message is not None
    assert check.message.isVisible()
    assert check.message.windowModality() == Qt.WindowModality.NonModal
    assert "Help > Check database" in check.message.text()
    assert "page 31" not in check.message.text()  # the details are in the check dialog


def test_a_whole_file_shows_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    check = quick_check_module.QuickCheck(window.database, window)
    with qtbot.waitSignal(check.finished) as found:
        check.start()
    check.wait()
    assert found.args == [0]
    assert check.message is None
