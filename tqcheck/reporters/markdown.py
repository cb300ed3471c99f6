"""A Markdown summary fit for a pull-request comment (GitHub-flavoured tables, collapsed details).

All article text is escaped, so a flagged ``<script>`` or ``|`` shows as text and cannot break
the table or inject HTML into the comment.
"""
from __future__ import annotations

import html
import re
from typing import TextIO

from tqcheck.reporters import visible

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")
#: Findings listed per article; the rest are counted.
MAX_LISTED = 50


def escape(text: str) -> str:
    """Escape Markdown and HTML syntax; fold line breaks into spaces."""
    text = visible(" ".join(str(text).split()))
    return _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def _result_cell(article) -> str:
    if article.result.error:
        return "⚠️ not checked"
    return "✅ pass" if article.verdict.passed else "❌ fail"


def render(report, out: TextIO, **_) -> None:
    corpus = report.corpus
    n = report.count
    lines = [f"## tqcheck: {report.passing} of {n} article{'s' if n != 1 else ''} pass "
             f"(gate: {escape(report.gate.describe())})", ""]
    lines += ["| article | words | critical | major | minor | score | result |",
              "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for a in report.articles:
        if a.result.error:
            lines.append(f"| {escape(a.path)} | | | | | | {_result_cell(a)}: {escape(a.result.error)} |")
            continue
        c = a.summary.by_severity
        lines.append(f"| {escape(a.path)} | {a.summary.words} | {c['critical']} | {c['major']} | {c['minor']} "
                     f"| {a.summary.score:.2f} | {_result_cell(a)} |")
    lines += ["", f"Corpus score **{corpus.score:.2f}**: {corpus.findings} findings in {corpus.words} words "
              f"(weights {escape(report.scoring.weights.label)})."]
    if report.corpus_metrics:
        lines.append("Reference metrics: " + ", ".join(f"{escape(name)} {m['score']:.2f}"
                                                       for name, m in sorted(report.corpus_metrics.items())) + ".")
    if corpus.frequent_rules:
        lines.append("Most frequent rules: " + ", ".join(
            f"{r.code} ({escape(r.name)}) ×{r.findings}" for r in corpus.frequent_rules[:5]) + ".")
    for a in report.articles:
        r = a.result
        if r.error or not (r.findings or not a.verdict.passed):
            continue
        # Markdown is not processed inside <summary>: HTML escaping only, or the backslashes would show.
        lines += ["", f"<details><summary>{html.escape(' '.join(visible(a.path).split()))}: {len(r.findings)} findings, "
                  f"score {a.summary.score:.2f}</summary>", ""]
        if not a.verdict.passed:
            lines += [f"Fails the gate: {escape('; '.join(a.verdict.reasons))}.", ""]
        lines += ["| line | rule | severity | flagged | message | suggestion |", "| ---: | --- | --- | --- | --- | --- |"]
        for f in r.findings[:MAX_LISTED]:
            suggestion = escape(f.suggestion) if f.suggestion is not None else ""
            lines.append(f"| {f.line}:{f.column} | {f.code} | {f.severity} | {escape(f.text)} | {escape(f.message)} "
                         f"| {suggestion} |")
        if len(r.findings) > MAX_LISTED:
            lines.append(f"\n…and {len(r.findings) - MAX_LISTED} more.")
        lines += ["", "</details>"]
    lines += ["", f"<sub>signature: {escape(str(report.signature))}</sub>"]
    out.write("\n".join(lines) + "\n")
