"""Start-up, each figure beside its reference measured in the same run, alternated round after
round in fresh processes so that whatever else the machine does falls on both sides alike:

- a plain database: process start to the main window showing data (Home), and peak memory then,
  beside a script that only imports PySide6 and SQLAlchemy, runs one query and shows a window;
- an encrypted database: process start to the first screen (unlock) on screen, and peak memory
  then, beside a script that shows a bare QDialog (a label, a line edit and a button);
- the passphrase accepted to Home showing data, beside deriving the key alone.

    QT_QPA_PLATFORM=offscreen python -m bench startup"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.building import CACHE, remove, working_copy

ROUNDS = 7
FIRST_SCREEN_ROUNDS = 25
UNLOCK_ROUNDS = 7
RESPONSIVE_ROUNDS = 5
MEASURED_PHASES: dict[str, float] = {}
ROOT = Path(__file__).parents[2]  # the repository, where `python -m bench...` runs


@dataclass(frozen=True)
class Startup:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Responsiveness:
    """How late the unlock screen's event loop answered (ms): median and worst of a run, while
    the rest loaded behind it and once it had; each the median over the runs."""

    loading_median: float
    loading_worst: float
    loaded_median: float
    loaded_worst: float


@dataclass(frozen=True)
class Unlocking:
    seconds: float  # Unlock pressed to Home drawn with its data
    derivation: float  # deriving the key alone, in the same processes


def _environment() -> dict[str, str]:
    """Offscreen, with the app's settings, log and backups in a throwaway folder, and compiled
    bytecode kept between runs as an installed application keeps it (a machine that sets
    PYTHONDONTWRITEBYTECODE would otherwise compile RP Desktop's modules at every start, and
    none of the references' modules, which were compiled when they were installed)."""
    folders = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPYCACHEPREFIX": str(CACHE / "bytecode"),
        **{name: str(CACHE / "user" / name.lower()) for name in folders},
    }
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def _run(script: str, database: Path, mark: str) -> tuple[float, list[str]]:
    """Run bench/startup/`script`.py in a fresh Python; the seconds from its start to the line
    starting with `mark`, and that line's words."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", f"bench.startup.{script}", str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_environment(),
        cwd=ROOT,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(mark):
            seconds = time.perf_counter() - started
            words = line.split()[1:]
            break
    else:
        raise RuntimeError(f"{script} ended without saying {mark}")
    child.wait(timeout=120)
    return seconds, words


def launch(script: str, database: Path) -> Startup:
    """Time one script until it says SHOWN, with the peak memory it gives."""
    seconds, words = _run(script, database, "SHOWN ")
    return Startup(seconds, int(words[0]) / 1024)


def alternated(scripts: tuple[str, str], database: Path, rounds: int) -> dict[str, Startup]:
    """Median seconds and peak MiB of each script, run in turn, after one unmeasured run each
    (which warms the file cache and the bytecode)."""
    for script in scripts:
        launch(script, database)
    runs: dict[str, list[Startup]] = {script: [] for script in scripts}
    for _ in range(rounds):
        for script in scripts:
            runs[script].append(launch(script, database))
    return {
        script: Startup(
            statistics.median(r.seconds for r in results),
            statistics.median(r.peak_mib for r in results),
        )
        for script, results in runs.items()
    }


def phases(database: Path) -> dict[str, float]:
    """Median seconds per start-up phase of RP Desktop over a few fresh processes."""
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-m", "bench.startup.phases", str(database)],
            capture_output=True,
            text=True,
            env=_environment(),
            cwd=ROOT,
            check=True,
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def measure() -> dict[str, Startup]:
    """The plain database: the app's window with data beside the reference window."""
    database = working_copy("startup")
    try:
        figures = alternated(("reference_window", "app_window"), database, ROUNDS)
        breakdown = phases(database)
    finally:
        remove(database)
    MEASURED_PHASES.clear()
    MEASURED_PHASES.update(breakdown)
    return figures


def encrypted_copy() -> Path:
    from bench.encryption import encrypted_building

    target = CACHE / "startup-encrypted.db"
    remove(target)
    shutil.copyfile(encrypted_building(), target)
    return target


def first_screen() -> dict[str, Startup]:
    """The encrypted database: the app's unlock screen beside the bare dialog."""
    database = encrypted_copy()
    try:
        return alternated(("bare_dialog", "first_screen"), database, FIRST_SCREEN_ROUNDS)
    finally:
        remove(database)


def unlocking() -> Unlocking:
    """Unlock pressed to Home with data, and the key derivation, medians of fresh processes."""
    database = encrypted_copy()
    try:
        _run("unlock_to_home", database, "UNLOCKED ")  # warms the file cache, unmeasured
        runs = [_run("unlock_to_home", database, "UNLOCKED ")[1] for _ in range(UNLOCK_ROUNDS)]
    finally:
        remove(database)
    return Unlocking(
        statistics.median(float(words[0]) for words in runs),
        statistics.median(float(words[1]) for words in runs),
    )


def responsiveness() -> Responsiveness:
    """The unlock screen's answers while the rest loads, and once it has
    (bench/startup/responsive.py)."""
    database = encrypted_copy()
    try:
        runs = [_run("responsive", database, "RESPONSIVE ")[1] for _ in range(RESPONSIVE_ROUNDS)]
    finally:
        remove(database)
    return Responsiveness(*(statistics.median(float(r[i]) for r in runs) for i in range(4)))
