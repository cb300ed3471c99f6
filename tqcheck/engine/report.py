"""The ``Report`` of a run: everything one run produced, for the reporters (``tqcheck.reporters``)
to render: each article's result, quality summary and gate verdict, the corpus summary, the run's
signature and the metadata of the rules that ran.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tqcheck.scoring.gate import Gate, Verdict
from tqcheck.scoring.signature import Signature, make_signature
from tqcheck.scoring.summary import ArticleSummary, CorpusSummary, Scoring


@dataclass(frozen=True)
class RuleInfo:
    """What a reporter may know about a rule (SARIF's ``tool.driver.rules``, help links)."""

    code: str
    name: str
    category: str
    severity: str
    description: str
    doc: str
    default_enabled: bool

    @classmethod
    def of(cls, rule) -> RuleInfo:
        return cls(rule.code, rule.name, rule.category, str(rule.severity), rule.description, rule.doc,
                   rule.default_enabled)


@dataclass(frozen=True)
class ArticleReport:
    result: object                   # tqcheck.engine.linter.ArticleResult
    summary: ArticleSummary | None   # None when the article could not be read
    verdict: Verdict | None          # None when the run has no gate (``tqcheck report``)

    @property
    def path(self) -> str:
        return self.result.path


@dataclass(frozen=True)
class Report:
    articles: tuple[ArticleReport, ...]
    corpus: CorpusSummary
    signature: Signature
    scoring: Scoring
    rules: dict[str, RuleInfo]
    gate: Gate | None = None
    #: Corpus-level reference metrics (BLEU, chrF, TER) when references were given.
    corpus_metrics: dict | None = None

    @property
    def failed(self) -> bool:
        return any(a.verdict is not None and not a.verdict.passed for a in self.articles)


def build_report(results: Sequence, linter, scoring: Scoring, gate: Gate | None = None,
                 baseline_digest: str | None = None) -> Report:
    """Summarise and judge *results* (after suppression and baseline) for the reporters."""
    articles = []
    for result in results:
        summary = None if result.error else ArticleSummary.of(result, scoring)
        verdict = gate.judge(result, summary) if gate is not None else None
        articles.append(ArticleReport(result, summary, verdict))
    summaries = [a.summary for a in articles if a.summary is not None]
    corpus = CorpusSummary.of(summaries, results, scoring.cut_score)
    rules = {r.code: RuleInfo.of(r) for r in linter.registry}
    return Report(tuple(articles), corpus, make_signature(linter, scoring, baseline_digest), scoring, rules, gate,
                  _corpus_metrics(results, linter.config.target_lang))


def _corpus_metrics(results: Sequence, target_lang: str) -> dict | None:
    scored = [(r.scored_segments, next(iter(r.metrics.values()), {}).get("aligned", "lines"))
              for r in results if getattr(r, "scored_segments", None)]
    if not scored:
        return None
    from tqcheck.scoring.metrics import corpus_totals

    return corpus_totals(scored, target_lang)
