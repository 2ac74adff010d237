"""No two modules import each other, not even for type hints or inside a function: such a pair is
one module in two files, and neither can be read, tested or moved without the other. (The layer
and independence contracts in pyproject.toml keep the big shapes; this keeps the small ones.)"""

import grimp
import pytest


@pytest.fixture
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("rp_desktop")


def pairs_importing_each_other(graph: grimp.ImportGraph, package: str) -> list[tuple[str, str]]:
    modules = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    return [
        (a, b)
        for a in modules
        for b in sorted(graph.find_modules_directly_imported_by(a))
        if a < b and a in graph.find_modules_directly_imported_by(b)
    ]


def test_no_two_modules_of_the_app_import_each_other(graph: grimp.ImportGraph) -> None:
    assert pairs_importing_each_other(graph, "rp_desktop") == []


def test_the_check_finds_a_pair(graph: grimp.ImportGraph) -> None:
    graph.add_import(importer="rp_desktop.ui.words.labels", imported="rp_desktop.ui.words.roster")
    graph.add_import(importer="rp_desktop.ui.words.roster", imported="rp_desktop.ui.words.labels")
    assert ("rp_desktop.ui.words.labels", "rp_desktop.ui.words.roster") in (
        pairs_importing_each_other(graph, "rp_desktop")
    )
