"""GitHub Actions workflow commands: one annotation per finding, one per failing article.

``::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CODE (name)::message``; critical and
major findings are errors, minor ones warnings. Values are escaped as the runner expects.
"""
from __future__ import annotations

import re
from typing import TextIO

from tqcheck.reporters import visible

_LEVEL = {"critical": "error", "major": "error", "minor": "warning"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def escape_data(value: str) -> str:
    return visible(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    args = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {args}::{escape_data(message)}" if args else f"::{level}::{escape_data(message)}"


def render(report, out: TextIO, **_) -> None:
    for article in report.articles:
        r = article.result
        if r.error:
            out.write(command("error", f"not checked: {r.error}", file=r.path, title="tqcheck") + "\n")
            continue
        for f in r.findings:
            pieces = _LINE_BREAK.split(f.text)
            end_line = f.line + len(pieces) - 1
            end_col = (f.column if len(pieces) == 1 else 1) + len(pieces[-1])
            message = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion is not None else "")
            out.write(command(_LEVEL[str(f.severity)], message, file=r.path, line=f.line, col=f.column,
                              endLine=end_line, endColumn=end_col, title=f"{f.code} ({f.name})") + "\n")
        if not article.verdict.passed:
            out.write(command("error", f"fails the gate: {'; '.join(article.verdict.reasons)} "
                              f"(score {article.summary.score:.2f})", file=r.path, title="tqcheck gate") + "\n")
