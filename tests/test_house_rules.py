"""The house rules DESIGN.md sets for the code, checked so that they stay true: no folder of more
than 15 modules (tests included, since they mirror the package), no file of the app over 300
lines (migrations aside), no function of 40 lines or more. A newcomer finds a behaviour from
folder names in one hop, and reads any piece of it on one screen."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
APP = ROOT / "rp_desktop"
MIGRATIONS = APP / "db" / "migrations"
MOST_MODULES = 15
MOST_LINES = 300
FUNCTION_LINES = 40  # a function this long or longer is too long


def app_sources() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if MIGRATIONS not in p.parents)


def crowded_folders(*roots: Path) -> list[str]:
    crowded = []
    for root in roots:
        for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
            modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
            if len(modules) > MOST_MODULES and MIGRATIONS not in [folder, *folder.parents]:
                crowded.append(f"{folder.relative_to(ROOT)} ({len(modules)})")
    return crowded


def long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    shown = path.relative_to(ROOT) if ROOT in path.parents else path
    return [
        f"{shown}:{node.lineno} {node.name} ({length})"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := (node.end_lineno or node.lineno) - node.lineno + 1) >= FUNCTION_LINES
    ]


def test_no_folder_holds_more_than_15_modules() -> None:
    assert crowded_folders(APP, ROOT / "tests", ROOT / "bench") == []


def test_no_file_of_the_app_is_over_300_lines() -> None:
    long = [
        f"{path.relative_to(ROOT)} ({lines})"
        for path in app_sources()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    ]
    assert long == []


def test_no_function_of_the_app_is_40_lines_or_more() -> None:
    assert [found for path in app_sources() for found in long_functions(path)] == []


@pytest.mark.parametrize(
    ("body_lines", "too_long"), [(FUNCTION_LINES - 2, False), (FUNCTION_LINES - 1, True)]
)
def test_the_function_check_counts_from_def_to_last_line(
    tmp_path: Path, body_lines: int, too_long: bool
) -> None:
    path = tmp_path / "probe.py"
    body = "".join(f"    x{n} = {n}\n" for n in range(body_lines))
    path.write_text(f"def probe():\n{body}", encoding="utf-8")
    assert bool(long_functions(path)) is too_long
