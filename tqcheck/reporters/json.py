"""JSON output: one object per article, inside a versioned envelope."""
from __future__ import annotations

import json
from typing import TextIO

from tqcheck import __version__

SCHEMA_VERSION = 1


def article_dict(result) -> dict:
    return {
        "path": result.path,
        "words": result.word_count,
        "sentences": result.sentence_count,
        "error": result.error,
        "counts": result.count_by_severity(),
        "findings": [f.to_dict() for f in result.findings],
    }


def render_json(results, out: TextIO) -> None:
    doc = {"tool": "tqcheck", "version": __version__, "schema_version": SCHEMA_VERSION,
           "articles": [article_dict(r) for r in results]}
    out.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
