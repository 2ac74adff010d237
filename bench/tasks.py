"""The counselor's tasks counted: clicks and non-text keys of each task in tests/ui/tasks/,
performed with real events, beside what it took before issue 13 and its target."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.tables import table
from tests.ui.tasks.targets import TASKS

WORDS = (
    "## A counselor's tasks, counted\nEach task of `tests/ui/tasks/` done through real mouse and "
    "key events by one counter (`tests/ui/tasks/moves.py`): clicks, and keys other than typed "
    "text. A scroll that brings a control into sight counts as a click. The tests fail over "
    "the target; this table shows the counts."
)


def counted() -> dict[str, dict[str, object]]:
    with tempfile.TemporaryDirectory() as folder:
        counts = Path(folder) / "counts.jsonl"
        env = {**os.environ, "RP_TASK_COUNTS": str(counts), "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/ui/tasks"],
            env=env,
            check=False,
            capture_output=True,
        )
        lines = counts.read_text(encoding="utf-8").splitlines() if counts.exists() else []
    return {line["task"]: line for line in map(json.loads, lines)}


def report() -> str:
    found = counted()
    rows = []
    for name, task in TASKS.items():
        count = found.get(name)
        now = (
            f"{_count(count['clicks'], 'click')} + {_count(count['keys'], 'key')}"
            if count is not None
            else "no count (no test yet, or it failed before the count)"
        )
        rows.append((task.words, task.before, now, f"<= {task.target}"))
    return "\n\n".join([WORDS, table(("task", "before issue 13", "now", "target"), rows)])


def _count(number: object, thing: str) -> str:
    return f"{number} {thing}" + ("" if number == 1 else "s")
