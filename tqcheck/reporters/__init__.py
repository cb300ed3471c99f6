"""Reporters render a ``Report`` (``tqcheck.engine.report``); they never run or read rules.

Each format is one module here with ``render(report, out, **options)``; ``html`` writes a folder.
"""
from __future__ import annotations

import re
from importlib import import_module
from typing import TextIO

#: Format name -> module in this package.
FORMATS = {"text": "text", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "junit": "junit",
           "github": "github", "markdown": "markdown", "html": "html"}
#: Formats that write a folder (``-o DIR``) rather than a stream.
FOLDER_FORMATS = {"html"}

#: Control characters (terminal escapes such as ESC and CSI, characters XML forbids) and the
#: bidirectional overrides that reorder what a terminal shows; line feed and tab are kept.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """*text* with unsafe characters written as ``\\xNN``/``\\uNNNN``: an article cannot drive the
    terminal, break an XML report or disguise a line of the output."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def render(fmt: str, report, out: TextIO, **options) -> None:
    """Write *report* (a ``tqcheck.engine.report.Report``) in format *fmt* to *out* (options:
    ``color``, ``detail`` for text)."""
    module = import_module(f"tqcheck.reporters.{FORMATS[fmt]}")
    module.render(report, out, **options)


#: Formats that can write each article as it is checked (a ``Writer``: ``add(article)``, ``close(report)``).
STREAMING = {"text", "json", "jsonl", "sarif", "junit"}


def writer(fmt: str, head, out: TextIO, **options):
    """The ``Writer`` of *fmt* (one of ``STREAMING``) for a run whose report starts as *head*
    (``tqcheck.engine.report.ReportBuilder.head``)."""
    module = import_module(f"tqcheck.reporters.{FORMATS[fmt]}")
    return module.Writer(head, out, **options)
