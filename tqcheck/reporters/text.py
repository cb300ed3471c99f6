"""Terminal output, grouped by article: one line per finding, then the article's summary line.

``detail=True`` (``tqcheck report --format text``) adds each article's scorecard (which findings
cost how many points) and the corpus summary with the run's signature; ``quiet=True`` (``-q``)
leaves out the articles that pass the gate and always ends with the summary.
"""
from __future__ import annotations

from typing import TextIO

import click

from tqcheck.reporters import visible
from tqcheck.scoring.summary import format_number

_COLORS = {"critical": "magenta", "major": "red", "minor": "yellow"}


def finding_line(path: str, f, color: bool = False) -> str:
    severity = click.style(str(f.severity), fg=_COLORS[str(f.severity)]) if color else str(f.severity)
    code = click.style(f.code, bold=True) if color else f.code
    line = f"{visible(path)}:{f.line}:{f.column}: {code} {severity} {visible(f.message)}"
    if f.suggestion is not None:
        line += f" -> {visible(f.suggestion)}"
    return line


def summary_line(article, color: bool = False) -> str:
    """``PATH: pass|fail: N findings (...) in W words; score S[; hidden][; why it fails]``: the
    gate's verdict first, the score beside it."""
    result, summary = article.result, article.summary
    path = visible(result.path)
    if result.error:
        return f"{path}: not checked ({visible(result.error)})"
    passed = article.verdict.passed
    verdict = "pass" if passed else "fail"
    if color:
        verdict = click.style(verdict, fg="green" if passed else "red", bold=True)
    n = len(result.findings)
    if not n:
        line = f"{path}: {verdict}: no findings in {result.word_count} words"
    else:
        detail = ", ".join(f"{v} {k}" for k, v in result.count_by_severity().items())
        line = f"{path}: {verdict}: {n} finding{'s' if n != 1 else ''} ({detail}) in {result.word_count} words"
    line += f"; score {summary.score:.2f}"
    hidden = [f"{len(result.suppressed)} suppressed"] if result.suppressed else []
    hidden += [f"{len(result.baselined)} in baseline"] if result.baselined else []
    if hidden:
        line += f"; {', '.join(hidden)}"
    if getattr(result, "coverage_note", None):  # few rules for the language: a pass says little
        line += f"; {visible(result.coverage_note)}"
    if not passed:
        line += f"; {'; '.join(article.verdict.reasons)}"
    return line


MODE_NAMES = {"alone": "the article alone", "sources": "with its source", "references": "with source and reference"}


def score_breakdown(summary) -> list[str]:
    """The score explained by its components: value, weight, points and the score points each loses."""
    parts = summary.components
    total = sum(c["points"] for c in parts.values())
    lines = [f"  score {summary.score:.2f} = 100 x exp(-{total:.4f}), weights for {MODE_NAMES.get(summary.mode, summary.mode)}",
             f"  {'component':<18} {'value':>9}  {'unit':<24} {'weight':>9} {'points':>8} {'lost':>6}"]
    for name, c in parts.items():
        lines.append(f"  {name:<18} {c['value']:>9.4g}  {c['unit']:<24} {c['weight']:>9.4g} {c['points']:>8.4f} "
                     f"{c['lost']:>6.2f}")
    return lines


def scorecard(summary, weights_label: str) -> list[str]:
    """The score explained: its components, then the plain MQM points each rule's findings cost."""
    lines = score_breakdown(summary)
    lines.append(f"  MQM penalty {format_number(summary.penalty_total)} points x 1000 / {summary.words} words = "
                 f"{summary.normed_penalty:.2f} per 1,000 words (weights {weights_label})")
    if summary.penalties:
        lines.append(f"  {'points':>8}  rule  {'severity':<8}  count x weight  category")
        for p in summary.penalties:
            lines.append(f"  {p.points:>8.2f}  {p.code}  {str(p.severity):<8}  "
                         f"{p.count:>5} x {format_number(p.weight):<6}  {p.category}")
    for name, metric in sorted(summary.metrics.items()):
        score = metric.get("score")
        shown = f"{score:.2f}" if isinstance(score, int | float) else "n/a"
        lines.append(f"  {name} {shown} ({metric.get('signature', '')})")
    return lines


def corpus_lines(report) -> list[str]:
    corpus = report.corpus
    n = report.count
    lines = [f"{n} article{'s' if n != 1 else ''} ({corpus.unreadable} unreadable), {corpus.findings} findings "
             f"in {corpus.words} words; corpus score {corpus.score:.2f}; "
             f"{report.passing} of {n} article{'s' if n != 1 else ''} pass ({report.gate.describe()})"]
    dist = corpus.distribution()
    if dist and n > 1:
        lines.append("scores: " + ", ".join(f"{k} {v:.2f}" for k, v in dist.items()))
        lines.append("worst: " + ", ".join(f"{visible(a.path)} ({a.score:.2f})" for a in corpus.worst(3)))
    if corpus.frequent_rules:
        lines.append("most frequent: " + ", ".join(f"{r.code} x{r.findings} in {r.articles}"
                                                   for r in corpus.frequent_rules[:5]))
    if report.corpus_metrics:
        lines.append("reference metrics: " + "; ".join(f"{name} {m['score']:.2f} ({m['signature']})"
                                                       for name, m in sorted(report.corpus_metrics.items())))
    lines.append(f"signature: {report.signature}")
    return lines


class Writer:
    """Each article's lines as it comes, the corpus summary at the end."""

    def __init__(self, head, out: TextIO, color: bool = False, detail: bool = False, quiet: bool = False, **_) -> None:
        self.out, self.color, self.detail, self.quiet = out, color, detail, quiet
        self.weights_label = head.scoring.weights.label

    def add(self, article) -> None:
        if self.quiet and article.verdict.passed:
            return
        out = self.out
        for f in article.result.findings:
            out.write(finding_line(article.path, f, self.color) + "\n")
        if self.detail and article.summary is not None:
            out.write("\n".join(scorecard(article.summary, self.weights_label)) + "\n")
        out.write(summary_line(article, self.color) + "\n")

    def close(self, report) -> None:
        if self.detail or self.quiet or report.count > 1:
            self.out.write("\n".join(corpus_lines(report)) + "\n")


def render(report, out: TextIO, color: bool = False, detail: bool = False, quiet: bool = False) -> None:
    """*quiet*: only the articles that fail the gate (or could not be read), then the summary."""
    writer = Writer(report, out, color=color, detail=detail, quiet=quiet)
    for article in report.articles:
        writer.add(article)
    writer.close(report)
