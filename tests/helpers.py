"""What the tests share: where things are, the shipped rules (loaded once per session), running
rules on a text, running the command line, and writing a house pack.

Tests import it as ``helpers`` (``tests/`` is on the path because ``tests/conftest.py`` is there).
"""
from __future__ import annotations

import contextlib
import os
import textwrap
from collections.abc import Iterable
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
#: The seed article (a machine translation of a Russian news story, with its artifacts).
SEED = FIXTURES / "seed" / "kremlin-drones-2023-05-04.en.txt"


@cache
def shipped_registry():
    """Every rule as ``tqcheck check`` loads it (built-ins, shipped packs, installed plugins), once
    per test session: the ``registry`` fixture, and the tests parametrized over the rules."""
    from tqcheck.engine.registry import Registry

    return Registry.load()


def rule_findings(text, codes: Iterable[str], fields: tuple[str, ...] = (), *, fmt: str = "text",
                  source_lang: str | None = None, registry=None) -> list:
    """The findings of the rules *codes* (in that order) on *text* (a string, or a ``Document``),
    each rule's ``check`` run straight on the document where the rule applies to it: no engine,
    so no suppression, sorting or severity override. With *fields* (``("code", "text")``), each
    finding is the tuple of those attributes."""
    from tqcheck.document import Document

    doc = text if isinstance(text, Document) else Document(text, format=fmt, source_lang=source_lang)
    found = []
    for code in codes:
        rule = (registry or shipped_registry()).get(code)
        if rule.applies_to(doc):
            found.extend(rule.check(doc))
    return [tuple(getattr(f, name) for name in fields) for f in found] if fields else found


@contextlib.contextmanager
def working_folder(folder):
    """Run the block with *folder* (if given) as the working folder."""
    old = os.getcwd()
    if folder:
        os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


def invoke(*args, input=None, cwd=None, catch_exceptions: bool = False):
    """``tqcheck ARGS`` run in this process (click's test runner), from *cwd* if given. The result
    has ``exit_code``, ``stdout``, ``stderr`` and ``output``; an exception other than the CLI's own
    exit is raised unless *catch_exceptions*."""
    from click.testing import CliRunner

    from tqcheck.cli import main

    with working_folder(cwd):
        return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=catch_exceptions)


def make_pack(tmp_path, rule_yaml: str, meta: str = "name: house\n") -> Path:
    """A house pack folder ``tmp_path/house`` with *meta* as its ``_pack.yml`` and one rule file."""
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "_pack.yml").write_text(meta, encoding="utf-8")
    (folder / "rule.yml").write_text(textwrap.dedent(rule_yaml), encoding="utf-8")
    return folder
