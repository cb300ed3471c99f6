"""JSON output: one object per article, inside a versioned envelope.

The schema is ``tqcheck/reporters/schema/report.schema.json`` (JSON Schema 2020-12); the
``jsonl`` format writes the same article objects, one per line. ``schema_version`` changes only
when a field is renamed or removed, or changes meaning; new fields may appear without it.
Version 2 added ``summary``, ``gate``, ``suppressed``, ``baselined``, ``warnings``, ``metrics``,
the envelope's ``signature``, ``weights`` and ``corpus``. Version 3: the gate's verdict is the only
pass or fail (``corpus.passed`` and ``corpus.failed`` count it, every article has its ``gate``), and
the cut score is gone (``cut_score``, ``summary.passed`` and the signature's ``cut:``).
"""
from __future__ import annotations

import json
from typing import TextIO

from tqcheck.version import __version__

SCHEMA_VERSION = 3


def article_dict(article, signature: str) -> dict:
    result, summary = article.result, article.summary
    out = {
        "path": result.path,
        "words": result.word_count,
        "sentences": result.sentence_count,
        "error": result.error,
        "counts": result.count_by_severity(),
        "findings": [f.to_dict() for f in result.findings],
        "suppressed": [s.to_dict() for s in result.suppressed],
        "baselined": [f.to_dict() for f in result.baselined],
        "warnings": list(result.warnings),
        "summary": {**summary.as_dict(), "signature": signature,
                    **({"note": result.coverage_note} if getattr(result, "coverage_note", None) else {})}
        if summary else None,
        "gate": article.verdict.as_dict(),
        "metrics": {name: {k: v for k, v in m.items()} for name, m in sorted(result.metrics.items())},
    }
    for key in ("source_path", "reference_path"):
        if getattr(result, key, None):
            out[key.replace("_path", "")] = getattr(result, key)
    return out


def corpus_dict(report) -> dict:
    """The corpus summary, with how many articles pass and fail the gate (unreadable ones fail)."""
    passed = report.passing
    return {**report.corpus.as_dict(), "passed": passed, "failed": report.count - passed,
            "metrics": report.corpus_metrics}


def envelope(report) -> dict:
    return {
        "tool": "tqcheck", "version": __version__, "schema_version": SCHEMA_VERSION,
        "signature": str(report.signature), "weights": report.scoring.weights.as_dict(),
        "gate": report.gate.describe(), "corpus": corpus_dict(report),
    }


class Writer:
    """Writes the report article by article (``add``) and the envelope at the end (``close``): the
    same bytes as ``render``, without holding the articles."""

    def __init__(self, head, out: TextIO, **_) -> None:
        from tqcheck.reporters.spool import placeholder, spools

        self.out, self.signature = out, str(head.signature)
        self.skeleton = lambda report: {**envelope(report), "articles": [placeholder("articles")]}
        self.spools = spools(self.skeleton(head), ["articles"])

    def add(self, article) -> None:
        self.spools["articles"].add(article_dict(article, self.signature))

    def close(self, report) -> None:
        from tqcheck.reporters.spool import assemble

        assemble(self.skeleton(report), self.spools, self.out)


def render(report, out: TextIO, **options) -> None:
    writer = Writer(report, out, **options)
    for article in report.articles:
        writer.add(article)
    writer.close(report)
