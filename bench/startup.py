"""Start-up: process start to the main window showing data, and peak memory at that moment,
for RP Desktop and for the reference script, alternated over several rounds."""

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.building import CACHE, remove, working_copy

ROUNDS = 7
MEASURED_PHASES: dict[str, float] = {}
HERE = Path(__file__).parent


@dataclass(frozen=True)
class Startup:
    seconds: float
    peak_mib: float


def launch(script: str, database: Path) -> Startup:
    """Run one script in a fresh Python and time it until it says SHOWN."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # The app's window preferences go to a throwaway folder, not the user's own.
        "XDG_CONFIG_HOME": str(CACHE / "config"),
    }
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", f"bench.{script}", str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=HERE.parent,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("SHOWN "):
            seconds = time.perf_counter() - started
            peak_kib = int(line.split()[1])
            break
    else:
        raise RuntimeError(f"{script} ended without showing its window")
    child.wait(timeout=60)
    return Startup(seconds, peak_kib / 1024)


def phases(database: Path) -> dict[str, float]:
    """Median seconds per start-up phase of RP Desktop over a few fresh processes."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(CACHE / "config")}
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-m", "bench.startup_phases", str(database)],
            capture_output=True,
            text=True,
            env=env,
            cwd=HERE.parent,
            check=True,
        ).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def measure() -> dict[str, tuple[float, float]]:
    """Median seconds and peak MiB for each side; the app's settings are in a throwaway place."""
    database = working_copy("startup")
    try:
        launch("app_window", database)  # warm the file cache and bytecode once, unmeasured
        launch("reference_window", database)
        runs: dict[str, list[Startup]] = {"reference_window": [], "app_window": []}
        for _ in range(ROUNDS):
            for script, results in runs.items():
                results.append(launch(script, database))
        breakdown = phases(database)
    finally:
        remove(database)
    MEASURED_PHASES.clear()
    MEASURED_PHASES.update(breakdown)
    return {
        script: (
            statistics.median(r.seconds for r in results),
            statistics.median(r.peak_mib for r in results),
        )
        for script, results in runs.items()
    }
