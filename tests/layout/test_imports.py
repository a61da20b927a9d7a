"""The layout holds (issue 9): no import circle anywhere, a small top level, documented packages.

The layers themselves are import-linter contracts (`[tool.importlinter]` in pyproject.toml,
run by `make test`); its acyclic check looks inside one package at a time, so a circle that
crosses packages (bot -> storage -> bot) is looked for here, over the same import graph.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "handlers", "storage")
MAX_TOP_LEVEL_MODULES = 16


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def find_circles(graph: grimp.ImportGraph) -> list[tuple[str, ...]]:
    """Return each direct import that is part of a circle, with the way back to the importer."""
    circles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            way_back = graph.find_shortest_chain(importer=imported, imported=importer)
            if way_back is not None:
                circles.append((importer, *way_back))
    return circles


def test_find_circles_finds_a_circle_under_type_checking() -> None:
    graph = grimp.ImportGraph()
    for module in ("handlers", "handlers.context", "handlers.jobs"):
        graph.add_module(module)
    graph.add_import(importer="handlers.jobs", imported="handlers.context")
    graph.add_import(importer="handlers.context", imported="handlers.jobs")
    assert find_circles(graph) == [
        ("handlers.context", "handlers.jobs", "handlers.context"),
        ("handlers.jobs", "handlers.context", "handlers.jobs"),
    ]


def test_no_import_circle_in_bot_handlers_storage(graph: grimp.ImportGraph) -> None:
    assert find_circles(graph) == []


def test_bot_top_level_keeps_at_most_16_modules() -> None:
    modules = sorted(path.name for path in (ROOT / "bot").glob("*.py") if path.stem != "__init__")
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, modules


@pytest.mark.parametrize(
    "init",
    sorted(
        str(p.relative_to(ROOT)) for pkg in PACKAGES for p in (ROOT / pkg).rglob("__init__.py")
    ),
)
def test_package_init_opens_with_a_docstring(init: str) -> None:
    tree = ast.parse((ROOT / init).read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{init} should say what lives here and what it may import"
