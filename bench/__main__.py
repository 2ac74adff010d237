"""`make bench`: start-up and list benchmarks on the 2,000-student x 10-year building, printed as
tables beside their references and written to docs/benchmarks.md.

`python -m bench NAME` runs one part alone and prints it, leaving docs/benchmarks.md be (NAME is
one of ALONE's keys)."""

import os
import platform
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6 import __version__ as pyside_version
from sqlalchemy import __version__ as sqlalchemy_version

from bench import circle, encryption, lists, reports, roster, tasks
from bench.building import STUDENTS, YEARS, building
from bench.startup import report as startup_report
from bench.tables import table

RESULTS = Path(__file__).parent.parent / "docs" / "benchmarks.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} logical cores; "
        f"Python {platform.python_version()}, PySide6 {pyside_version}, "
        f"SQLAlchemy {sqlalchemy_version}"
    )


def lists_section() -> str:
    listed = lists.measure()
    app_ms = float(listed["app_median"]) * 1000  # type: ignore[arg-type]
    raw_ms = float(listed["raw_median"]) * 1000  # type: ignore[arg-type]
    p90_ms = float(listed["app_p90"]) * 1000  # type: ignore[arg-type]
    search = (
        f"search keystroke, median ({listed['total']:,} circles)",
        f"{app_ms:.1f} ms",
        f"{raw_ms:.1f} ms",
        f"{app_ms / raw_ms:.2f}",
        "<= 30 ms and <= 1.5",
    )
    lists_table = table(
        ("figure", "RP Desktop", "raw sqlite3", "ratio", "target"),
        [search, ("search keystroke, 90th percentile", f"{p90_ms:.1f} ms", "", "", "")],
    )
    opening = listed["open"]
    assert isinstance(opening, dict)
    open_table = table(
        ("open a record into its form (median)", "time", "target"),
        [
            (kind, f"{seconds * 1000:.1f} ms", "<= 50 ms" if "timeline" in kind else "<= 20 ms")
            for kind, seconds in opening.items()
        ],
    )
    typed = ", ".join(f"`{q}`" for q in listed["queries"])  # type: ignore[attr-defined]
    words = (
        "## Lists\nOne keystroke = the search box changes, the list counts the matches and "
        f"shows the first page (what the user sees). Typed: {typed}, letter by letter, "
        f"{lists.ROUNDS} times ({listed['keystrokes']} keystrokes). The raw side runs the same "
        "two SQL statements through sqlite3."
    )
    return "\n\n".join([words, lists_table, open_table])


def roster_section() -> str:
    importing = roster.measure()
    rows = [
        (
            f"import a roster of {importing.rows:,} rows into a new database",
            f"{importing.import_seconds:.2f} s",
            f"{importing.raw_seconds:.3f} s",
            "<= 2 s",
        ),
        (
            "the same roster again (every student unchanged)",
            f"{importing.reimport_seconds:.2f} s",
            "",
            "",
        ),
    ]
    return "\n\n".join(
        [
            "## Roster import\nDecoding, checking every row, search keys and one transaction, "
            "beside the same rows inserted by raw sqlite3 executemany.",
            table(("figure", "RP Desktop", "raw sqlite3", "target"), rows),
        ]
    )


def circle_section() -> str:
    measured = circle.measure()
    sim, sim_naive, wall, wall_naive = (
        measured.sim,
        measured.sim_naive,
        measured.wall,
        measured.wall_naive,
    )
    rows = [
        (
            "shown time behind the clock, simulated 90 min (worst / median)",
            f"{sim.worst_ms:.1f} / {sim.median_ms:.1f} ms",
            f"{sim_naive.worst_ms:.1f} / {sim_naive.median_ms:.1f} ms",
            "<= 16 ms, no drift",
        ),
        (
            f"wake-ups late, real {circle.REAL_SECONDS} s (worst / median)",
            f"{wall.late_worst_ms:.1f} / {wall.late_median_ms:.1f} ms",
            f"{wall_naive.late_worst_ms:.1f} / {wall_naive.late_median_ms:.1f} ms",
            "<= 16 ms",
        ),
        (
            f"CPU of the wall at 1920x1080, {circle.REAL_SECONDS} s",
            f"{wall.cpu_percent:.1f} % ({wall.repaints} repaints)",
            f"{wall_naive.cpu_percent:.1f} % ({wall_naive.repaints} repaints)",
            "<= 3 % of a core",
        ),
    ]
    return "\n\n".join([CIRCLE_WORDS, table(("figure", "RP Desktop", "reference", "target"), rows)])


CIRCLE_WORDS = (
    "## The circle on the wall\nA 30-seat circle, the piece passed every 8 s. RP Desktop wakes "
    "once when a shown number changes (computed from the clock, never counted); the reference "
    "is the usual way, a timer ticking at 10 Hz (simulation) or repainting at 60 fps (real "
    "time). Shown numbers are always read from the clock when drawn, so a late wake-up is the "
    "only way a shown time can be behind, and no error accumulates."
)


def main() -> None:
    building()
    report = "\n\n".join(
        [
            "# Benchmarks",
            f"Measured {date.today().isoformat()} by `make bench` on {machine()}.",
            f"Building: {STUDENTS:,} students x {YEARS} school years "
            "(`rp-desktop demo-data --students 2000 --years 10 --seed 7`).",
            startup_report.report(),
            lists_section(),
            roster_section(),
            circle_section(),
            encryption.report(),
            reports.report(),
            tasks.report(),
        ]
    )
    print(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report + "\n", encoding="utf-8")


ALONE: dict[str, Callable[[], str]] = {
    "startup": startup_report.report,
    "encryption": encryption.report,
    "reports": reports.report,
    "tasks": tasks.report,
}

if __name__ == "__main__":
    if sys.argv[1:]:
        building()
        print(ALONE[sys.argv[1]]())
    else:
        main()
