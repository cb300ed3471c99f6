"""JSON Lines: one article object per line (the ``json`` format's article schema), for streaming."""
from __future__ import annotations

import json
from typing import TextIO

from tqcheck.reporters.json import SCHEMA_VERSION, article_dict


def render(report, out: TextIO, **_) -> None:
    signature = str(report.signature)
    for article in report.articles:
        line = {"schema_version": SCHEMA_VERSION, **article_dict(article, signature)}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
