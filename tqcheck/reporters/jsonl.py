"""JSON Lines: one article object per line (the ``json`` format's article schema), for streaming."""
from __future__ import annotations

import json
from typing import TextIO

from tqcheck.reporters.json import SCHEMA_VERSION, article_dict


class Writer:
    """One line per article as it comes; nothing at the end."""

    def __init__(self, head, out: TextIO, **_) -> None:
        self.out, self.signature = out, str(head.signature)

    def add(self, article) -> None:
        line = {"schema_version": SCHEMA_VERSION, **article_dict(article, self.signature)}
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")

    def close(self, report) -> None:
        pass


def render(report, out: TextIO, **options) -> None:
    writer = Writer(report, out, **options)
    for article in report.articles:
        writer.add(article)
    writer.close(report)
