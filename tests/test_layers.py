"""The layout of tqcheck/ (docs/architecture.md): every import points down a layer as the table of
layers in that page allows, no imports go round in a circle, no module is over 450 lines and at
most 12 modules sit at the top of tqcheck/.

Imports are read from the source with ``ast``: every ``import`` statement counts, at the top of a
module, inside a function or under ``if TYPE_CHECKING:`` (a static graph, as a reader sees it).
``from tqcheck.x import name`` is an import of ``tqcheck.x.name`` when that is a module, else of
``tqcheck.x``. Dynamic imports (``import_module``) are not seen.
"""
import ast
import re
from functools import cache

import pytest
from helpers import REPO

PACKAGE = REPO / "tqcheck"
MAX_LINES = 450
MAX_TOP_LEVEL_MODULES = 12


@cache
def layers() -> tuple[dict[str, str], dict[str, set[str]]]:
    """(what a layer holds -> layer, layer -> the layers it may import), from the table of
    docs/architecture.md: rows ``| layer | `path`, `path` | layer, layer |``."""
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## The layers", 1)[1]
    holds, may_import = {}, {}
    for row in re.findall(r"^\|(.+)\|\s*$", section, re.M):
        cells = [c.strip() for c in row.split("|")]
        if len(cells) != 3 or cells[0] in ("layer", "---"):
            continue
        name, paths, allowed = cells
        for path in re.findall(r"`([^`]+)`", paths):
            holds[path] = name
        may_import[name] = {a.strip() for a in allowed.split(",") if a.strip()}
    return holds, may_import


@cache
def modules() -> dict[str, ast.Module]:
    """Every module of tqcheck/ by dotted name (a package by its own name), parsed."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def _module_of(name: str) -> str:
    """The module an import of *name* runs: *name*, or its nearest enclosing module."""
    while name not in modules():
        name = name.rpartition(".")[0]
    return name


def imports_of(name: str, tree: ast.Module) -> list[tuple[str, int]]:
    """(imported tqcheck module, line) of each import statement of the module *name*."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert not node.level, f"{name} line {node.lineno}: a relative import (tqcheck writes them in full)"
            source = node.module
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules() else source
                       for alias in node.names]
        else:
            continue
        found += [(_module_of(t), node.lineno) for t in targets if t == "tqcheck" or t.startswith("tqcheck.")]
    return found


@cache
def imports() -> dict[str, list[tuple[str, int]]]:
    """The import graph of tqcheck/: module -> (imported module, line)."""
    return {name: imports_of(name, tree) for name, tree in modules().items()}


def layer_of(module: str) -> str:
    """The layer of *module*: the row of the table whose path holds its file or folder."""
    holds, _ = layers()
    parts = module.split(".")[1:]
    candidates = [f"{parts[0]}/" if len(parts) > 1 or (PACKAGE / parts[0]).is_dir() else f"{parts[0]}.py"] \
        if parts else ["__init__.py"]
    for path in candidates:
        if path in holds:
            return holds[path]
    raise AssertionError(f"{module} is in no layer of docs/architecture.md: add its file or folder to the table")


def test_the_table_of_layers_is_read_and_names_only_its_own_layers():
    holds, may_import = layers()
    assert {"cli", "engine", "model", "text"} <= set(may_import)
    for layer, allowed in may_import.items():
        assert allowed <= set(may_import), f"{layer} may import {allowed - set(may_import)}: no such layer"
        assert layer not in allowed, f"{layer} lists itself (a layer always may import from itself)"


def test_every_module_is_in_a_layer():
    for module in modules():
        layer_of(module)


def upward_imports(graph) -> list[str]:
    """The imports of *graph* that the table of layers does not allow."""
    _, may_import = layers()
    wrong = []
    for importer, targets in graph.items():
        here = layer_of(importer)
        for target, line in targets:
            there = layer_of(target)
            if there != here and there not in may_import[here]:
                wrong.append(f"{importer} (line {line}) imports {target}: {here} may not import {there}")
    return wrong


def circles(graph) -> list[list[str]]:
    """Circles of *graph*, by depth-first search: a module met again on the current path closes one."""
    edges = {m: sorted({t for t, _ in targets if t != m}) for m, targets in graph.items()}
    state: dict[str, str] = {}  # "open" while on the path, "done" after
    path: list[str] = []
    found = []

    def visit(module: str) -> None:
        state[module] = "open"
        path.append(module)
        for target in edges.get(module, ()):
            if state.get(target) == "open":
                found.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module)
    return found


def test_every_import_points_down_as_the_table_allows():
    wrong = upward_imports(imports())
    assert not wrong, "imports against docs/architecture.md:\n" + "\n".join(wrong)


def test_no_library_module_imports_the_command_line():
    users = {importer for importer, targets in imports().items() for target, _ in targets
             if layer_of(target) == "cli" and layer_of(importer) not in ("cli", "api")}
    assert not users


def test_no_imports_go_round_in_a_circle():
    found = circles(imports())
    assert not found, "import circles:\n" + "\n".join(" -> ".join(c) for c in found)


@pytest.mark.parametrize("module", sorted(modules()))
def test_module_is_at_most_450_lines(module):
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.is_file():
        path = PACKAGE.parent / module.replace(".", "/") / "__init__.py"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(REPO)} has {lines} lines: split it by what it does"


def test_at_most_twelve_modules_at_the_top_of_the_package():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_an_import_inside_a_function_or_for_type_checking_only_is_seen():
    """The checks above fail on an upward import and on a circle wherever the import is written."""
    source = ("from typing import TYPE_CHECKING\n"
              "if TYPE_CHECKING:\n    from tqcheck.document import Document\n"
              "def f():\n    from tqcheck.engine.linter import Linter\n")
    graph = dict(imports())
    graph["tqcheck.text.planted"] = imports_of("tqcheck.text.planted", ast.parse(source))
    graph["tqcheck.document"] = [*graph["tqcheck.document"], ("tqcheck.text.planted", 1)]
    assert [w.split(":")[0] for w in upward_imports(graph) if w.startswith("tqcheck.text.planted")] == [
        "tqcheck.text.planted (line 3) imports tqcheck.document", "tqcheck.text.planted (line 5) imports tqcheck.engine.linter"]
    assert ["tqcheck.document", "tqcheck.text.planted", "tqcheck.document"] in circles(graph)
