"""The first screen comes before the database code: the real start-up (`rp-desktop --db PATH`),
run in a fresh interpreter up to the moment its first screen would wait for the user, has not
imported SQLAlchemy, the models, the main window or any tab by then.

The probe replaces QDialog.exec, so the screen is built but never waits (nor drawn: nothing
loads behind it), records which modules are imported at that moment, and quits there."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services.safekeeping.opening import open_database

# What the first screen must not wait for: the database code and the window with its pages.
LOADED_BEHIND = (
    "sqlalchemy",
    "alembic",
    "rp_desktop.db.models",
    "rp_desktop.db.engine",
    "rp_desktop.services.safekeeping.database",
    "rp_desktop.ui.window",
    "rp_desktop.ui.home",
    "rp_desktop.ui.lists",
    "rp_desktop.ui.circles",
    "rp_desktop.ui.case",
    "rp_desktop.ui.students",
    "rp_desktop.ui.run_circle",
    "rp_desktop.ui.reports",
)

PROBE = """
import json, sys
from PySide6.QtWidgets import QDialog

seen = {}

def first_screen(dialog):
    seen["screen"] = type(dialog).__name__
    seen["modules"] = sorted(sys.modules)
    return QDialog.DialogCode.Rejected  # the user quits at the first screen

QDialog.exec = first_screen
{before}
from rp_desktop.cli import main

main(["--db", sys.argv[1]])
print(json.dumps(seen))
"""


def first_screen(db: Path, home: Path, before: str = "") -> tuple[str, list[str]]:
    """Which screen the start-up shows first for `db`, and the modules imported by then.
    `before` is run first (to show that the probe sees what it imports)."""
    folders = {
        name: str(home / name.lower())
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
    }
    env = {**os.environ, **folders, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.replace("{before}", before), str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip(), done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    return seen["screen"], seen["modules"]


def loaded_too_soon(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == b or m.startswith(b + ".") for b in LOADED_BEHIND)]


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "school.db"
    open_database(path, passphrase=Passphrase("lantern maple river quiet")).close()
    return path


def test_the_unlock_screen_comes_before_the_database_code(encrypted: Path, tmp_path: Path) -> None:
    screen, modules = first_screen(encrypted, tmp_path / "home")
    assert screen == "UnlockDialog"
    assert "rp_desktop.ui.passphrase.unlock" in modules
    assert loaded_too_soon(modules) == []


def test_the_new_school_screen_comes_before_the_database_code(tmp_path: Path) -> None:
    screen, modules = first_screen(tmp_path / "not yet.db", tmp_path / "home")
    assert screen == "NewDatabaseDialog"
    assert loaded_too_soon(modules) == []


@pytest.mark.parametrize("content", [b"", b"Name,Grade\nsomeone,5\n"], ids=["empty", "not a db"])
def test_the_recovery_screen_comes_before_the_database_code(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "school.db"
    path.write_bytes(content)
    screen, modules = first_screen(path, tmp_path / "home")
    assert screen == "RecoveryDialog"
    assert loaded_too_soon(modules) == []


def test_the_probe_sees_the_database_code_when_it_is_imported(
    encrypted: Path, tmp_path: Path
) -> None:
    before = "import rp_desktop.services.safekeeping.opening"
    screen, modules = first_screen(encrypted, tmp_path / "home", before)
    assert screen == "UnlockDialog"
    assert "sqlalchemy" in loaded_too_soon(modules)
    assert "rp_desktop.services.safekeeping.database" in loaded_too_soon(modules)
