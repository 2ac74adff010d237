"""The start-up section of docs/benchmarks.md: each figure beside its reference, measured in the
same run (bench/startup/measure.py), as a ratio.

    QT_QPA_PLATFORM=offscreen python -m bench startup"""

from bench.startup import measure
from bench.tables import table

PLAIN_TIME, PLAIN_MEMORY = 1.3, 1.5
FIRST_TIME, FIRST_MEMORY = 1.2, 1.3
UNLOCK_MARGIN_MS = 250


def report() -> str:
    plain = measure.measure()
    first = measure.first_screen()
    unlocking = measure.unlocking()
    answering = measure.responsiveness()
    return "\n\n".join(
        [
            "## Start-up",
            _plain_words(),
            _side_by_side(
                plain["app_window"],
                plain["reference_window"],
                "start to window with data",
                PLAIN_TIME,
                PLAIN_MEMORY,
            ),
            _first_words(),
            _side_by_side(
                first["first_screen"],
                first["bare_dialog"],
                "process start to first screen (unlock)",
                FIRST_TIME,
                FIRST_MEMORY,
            ),
            _unlock_words(),
            _unlocking_table(unlocking),
            _responsive_words(),
            _responsive_table(answering),
            "Where RP Desktop's start-up on a plain database goes (median of 3 fresh processes):",
            table(
                ("phase", "time"),
                [(name, f"{s * 1000:.0f} ms") for name, s in measure.MEASURED_PHASES.items()],
            ),
        ]
    )


def _side_by_side(
    app: measure.Startup, reference: measure.Startup, figure: str, time: float, memory: float
) -> str:
    return table(
        ("figure", "RP Desktop", "reference", "ratio", "target"),
        [
            (
                figure,
                f"{app.seconds:.3f} s",
                f"{reference.seconds:.3f} s",
                f"{app.seconds / reference.seconds:.2f}",
                f"<= {time}",
            ),
            (
                "peak memory then",
                f"{app.peak_mib:.0f} MiB",
                f"{reference.peak_mib:.0f} MiB",
                f"{app.peak_mib / reference.peak_mib:.2f}",
                f"<= {memory}",
            ),
        ],
    )


def _unlocking_table(unlocking: measure.Unlocking) -> str:
    beyond = (unlocking.seconds - unlocking.derivation) * 1000
    return table(
        ("figure", "RP Desktop", "key derivation", "beyond the derivation", "target"),
        [
            (
                "passphrase accepted to Home showing data",
                f"{unlocking.seconds * 1000:.0f} ms",
                f"{unlocking.derivation * 1000:.0f} ms",
                f"{beyond:.0f} ms",
                f"<= derivation + {UNLOCK_MARGIN_MS} ms",
            )
        ],
    )


def _responsive_table(answering: measure.Responsiveness) -> str:
    return table(
        ("the unlock screen's event loop, late by", "median", "worst"),
        [
            (
                "while the rest loads behind it",
                f"{answering.loading_median:.1f} ms",
                f"{answering.loading_worst:.1f} ms",
            ),
            (
                "once it has loaded",
                f"{answering.loaded_median:.1f} ms",
                f"{answering.loaded_worst:.1f} ms",
            ),
        ],
    )


def _responsive_words() -> str:
    return (
        "Typing while the rest loads: a timer asks the unlock screen's event loop every 5 ms and "
        "notes how late each tick comes, while the worker imports and for as long again once "
        f"it is done (medians over {measure.RESPONSIVE_ROUNDS} fresh processes of each run's "
        "median and worst). The tick is handled in Python, which waits for its turn beside the "
        "worker; a key typed into the passphrase field is handled by Qt alone, so it waits no "
        "longer than this."
    )


def _plain_words() -> str:
    return (
        "A plain database: process start to the main window showing its first tab, Home (a few "
        f"small queries), median of {measure.ROUNDS} alternated runs, offscreen. The reference "
        "imports PySide6 and SQLAlchemy, opens the same file, runs one query and shows a tabbed "
        "window. Every run starts a fresh Python with its bytecode already compiled, as an "
        "installed application has it; peak memory is the process's own high-water mark."
    )


def _first_words() -> str:
    return (
        "An encrypted database: process start (`rp-desktop --db PATH`, the real command) to the "
        "unlock screen drawn, beside a script that shows a bare QDialog (a label, a line edit "
        f"and a button), median of {measure.FIRST_SCREEN_ROUNDS} alternated runs. The rest of "
        "the application loads behind the screen, after it is drawn."
    )


def _unlock_words() -> str:
    return (
        "The encrypted building: the real start-up until the unlock screen is drawn and the "
        "rest has loaded behind it (as it does while a user types), then the passphrase typed "
        "and Unlock pressed; from the press to Home drawn with its data, median of "
        f"{measure.UNLOCK_ROUNDS} fresh processes. The reference is deriving the key alone "
        "(PBKDF2-SHA512, 256,000 rounds), measured in the same processes."
    )
