"""Terminal output: one line per finding, then a summary line per article."""
from __future__ import annotations

from typing import TextIO

import click

_COLORS = {"critical": "magenta", "major": "red", "minor": "yellow"}


def finding_line(path: str, f, color: bool = False) -> str:
    severity = click.style(str(f.severity), fg=_COLORS[str(f.severity)]) if color else str(f.severity)
    code = click.style(f.code, bold=True) if color else f.code
    line = f"{path}:{f.line}:{f.column}: {code} {severity} {f.message}"
    if f.suggestion is not None:
        line += f" -> {f.suggestion}"
    return line


def summary_line(result) -> str:
    if result.error:
        return f"{result.path}: not checked ({result.error})"
    counts = result.count_by_severity()
    n = len(result.findings)
    if not n:
        return f"{result.path}: no findings in {result.word_count} words"
    detail = ", ".join(f"{v} {k}" for k, v in counts.items())
    return f"{result.path}: {n} finding{'s' if n != 1 else ''} ({detail}) in {result.word_count} words"


def render_text(results, out: TextIO, color: bool = False) -> None:
    for result in results:
        for f in result.findings:
            out.write(finding_line(result.path, f, color) + "\n")
        out.write(summary_line(result) + "\n")
