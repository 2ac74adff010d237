"""The screens hold no type of the database layer, directly or through a re-export: every name the
ui imports from RP Desktop, and every attribute it reads off an imported module, is defined in
the ui, the services or the domain. (The import contract in pyproject.toml sees only the
import statements; a services module that re-exports a db class would pass it.)"""

import ast
import importlib
import types
from pathlib import Path

import pytest

import rp_desktop

PACKAGE = Path(rp_desktop.__file__).parent
FORBIDDEN = ("rp_desktop.db", "sqlalchemy", "alembic")


def ui_sources() -> list[Path]:
    return [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]


def home_of(value: object) -> str:
    """The module that defines `value` (a module is its own home)."""
    if isinstance(value, types.ModuleType):
        return value.__name__
    return str(getattr(value, "__module__", "") or "")


def db_types_used(source: str) -> list[str]:
    """`module.name` of every database-layer object that `source` imports or reads off a module
    it imported."""
    tree = ast.parse(source)
    modules: dict[str, types.ModuleType] = {}
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if not node.module.startswith(("rp_desktop", *FORBIDDEN)):
                continue
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if value is None:  # a submodule not yet imported by its package
                    value = importlib.import_module(f"{node.module}.{alias.name}")
                found += [f"{node.module}.{alias.name}"] * home_of(value).startswith(FORBIDDEN)
                if isinstance(value, types.ModuleType):
                    modules[alias.asname or alias.name] = value
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module = modules.get(node.value.id)
            value = getattr(module, node.attr, None) if module else None
            if value is not None and home_of(value).startswith(FORBIDDEN):
                found.append(f"{module.__name__}.{node.attr}")  # type: ignore[union-attr]
    return found


@pytest.mark.parametrize("path", ui_sources(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_ui_uses_no_database_type(path: Path) -> None:
    assert db_types_used(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("from rp_desktop.db.cipher import Key", "rp_desktop.db.cipher.Key"),
        # a re-export: the services module imports the db class and the ui takes it from there
        ("from rp_desktop.services.safekeeping.files import Key", "safekeeping.files.Key"),
        ("from rp_desktop.services.safekeeping import files\nfiles.Key", "safekeeping.files.Key"),
    ],
)
def test_the_check_finds_a_database_type_however_it_comes(source: str, named: str) -> None:
    found = db_types_used(source)
    assert found
    assert all(name.endswith(named) for name in found)
