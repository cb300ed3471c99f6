"""Reporters render results; they never run or read rules."""
from __future__ import annotations

from typing import TextIO


def render(fmt: str, results, out: TextIO, *, color: bool = False) -> None:
    if fmt == "json":
        from tqcheck.reporters.json import render_json

        render_json(results, out)
    else:
        from tqcheck.reporters.text import render_text

        render_text(results, out, color=color)
