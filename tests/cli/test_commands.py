"""The command-line contract: version, usage errors, screenshots, and errors as one sentence."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from rp_desktop import __version__, cli
from rp_desktop.services import school
from rp_desktop.services.safekeeping.opening import open_database
from tests.cli.conftest import Run


def test_version_through_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rp_desktop", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"rp-desktop {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        ("check",),
        ("screenshot", "--db", "x.db", "--view", "nowhere", "--out", "x.png"),
        ("screenshot", "--db", "x.db", "--view", "tier1", "--out", "x.png", "--size", "big"),
        ("demo-data", "--db", "x.db", "--students", "0"),
        ("demo-data", "--db", "x.db", "--grades", "12-9"),
        ("no-such-command",),
    ],
)
def test_usage_errors_exit_2(run: Run, argv: tuple[str, ...]) -> None:
    outcome = run(*argv)
    assert outcome.code == 2
    assert "usage:" in outcome.err


@pytest.mark.parametrize("view", ["tier1", "tier2", "tier3", "students"])
def test_screenshot_draws_the_view_at_the_size_asked(
    run: Run, db_path: Path, tmp_path: Path, view: str
) -> None:
    with open_database(db_path, unencrypted=True) as db:
        school.set_up_school(db, "Harbor View Academy", 2025)
    out = tmp_path / "shots" / f"{view}.png"
    outcome = run(
        "screenshot", "--db", str(db_path), "--view", view, "--out", str(out), "--size", "1280x720"
    )
    assert outcome.code == 0, outcome.err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 720, 16)}
    assert len(colours) > 5  # a drawn window, not a blank rectangle


def test_screenshot_of_a_new_school_made_unencrypted_as_asked(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    """--unencrypted makes the database that is not there yet, as its help says (it used to be
    refused as if no choice had been made)."""
    out = tmp_path / "home.png"
    outcome = run(
        "screenshot", "--db", str(db_path), "--unencrypted", "--view", "home", "--out", str(out)
    )
    assert outcome.code == 0, outcome.err
    assert QImage(str(out)).width() > 0
    with open_database(db_path) as db:
        assert not db.encrypted


def test_screenshot_of_a_database_in_use_is_refused_plainly(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    with open_database(db_path, unencrypted=True):
        outcome = run(
            "screenshot", "--db", str(db_path), "--view", "tier1", "--out", str(tmp_path / "x.png")
        )
    assert outcome.code == 1
    assert "is in use by" in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_an_unexpected_error_is_named_not_dumped(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rp_desktop.services.safekeeping import checking as check

    def broken(path: Path, passphrase: object = None) -> None:
        raise KeyError("Ximena Ortíz")

    monkeypatch.setattr(check, "check_database", broken)
    outcome = run("check", "--db", str(tmp_path / "x.db"))
    assert outcome.code == 1
    assert "KeyError" in outcome.err
    assert "Ximena" not in outcome.err
    assert "Traceback" not in outcome.err
    with pytest.raises(KeyError):
        cli.main(["--debug", "check", "--db", str(tmp_path / "x.db")])


def test_demo_data_makes_a_school_once(run: Run, db_path: Path) -> None:
    made = run(
        "demo-data",
        "--db",
        str(db_path),
        "--unencrypted",
        "--students",
        "40",
        "--years",
        "1",
        "--grades",
        "K-5",
    )
    assert made.code == 0, made.err
    assert "40 students enrolled" in made.out
    with open_database(db_path, unencrypted=True) as db:
        info = school.school_info(db)
    assert info is not None
    again = run(
        "demo-data", "--db", str(db_path), "--unencrypted", "--students", "40", "--years", "1"
    )
    assert again.code == 1
    assert again.err.startswith("rp-desktop: ")
    assert len(again.err.strip().splitlines()) == 1
    checked = run("check", "--db", str(db_path))
    assert checked.code == 0, checked.err


def test_the_cli_knows_every_view_the_ui_can_draw() -> None:
    from rp_desktop.ui.screenshots.dialogs import DIALOG_VIEWS
    from rp_desktop.ui.screenshots.views import CIRCLE_VIEWS, RECORD_VIEWS
    from rp_desktop.ui.window.main_window import VIEWS as WINDOW_VIEWS

    drawn = set(WINDOW_VIEWS) | set(CIRCLE_VIEWS) | set(RECORD_VIEWS) | set(DIALOG_VIEWS)
    assert set(cli.VIEWS) == drawn


@pytest.mark.parametrize(
    ("view", "size"), [("projector", "1920x1080"), ("circle-console", "1280x720")]
)
def test_screenshot_of_a_circle_in_progress(run: Run, tmp_path: Path, view: str, size: str) -> None:
    db_path = tmp_path / "school.db"
    made = run(
        "demo-data", "--db", str(db_path), "--unencrypted", "--students", "60", "--years", "1"
    )
    assert made.code == 0, made.err
    out = tmp_path / f"{view}.png"
    outcome = run(
        "screenshot", "--db", str(db_path), "--view", view, "--out", str(out), "--size", size
    )
    assert outcome.code == 0, outcome.err
    image = QImage(str(out))
    width, height = (int(n) for n in size.split("x"))
    assert (image.width(), image.height()) == (width, height)
    colours = {image.pixel(x, y) for x in range(0, width, 16) for y in range(0, height, 16)}
    assert len(colours) > 5


def test_a_circle_screenshot_of_an_empty_school_says_why(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    with open_database(db_path, unencrypted=True) as db:
        school.set_up_school(db, "Harbor View Academy", 2025)
    outcome = run(
        "screenshot", "--db", str(db_path), "--view", "projector", "--out", str(tmp_path / "p.png")
    )
    assert outcome.code == 1
    assert "no group with students" in outcome.err
