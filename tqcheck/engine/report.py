"""The ``Report`` of a run: everything one run produced, for the reporters (``tqcheck.reporters``)
to render: each article's result, quality summary and gate verdict, the corpus summary, the run's
signature and the metadata of the rules that ran.

The gate's verdict is the only pass or fail there is: ``check`` and ``report`` judge by the same
gate, and every format shows its verdict, with the score beside it as information.
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
    verdict: Verdict                 # the gate's (an unreadable article fails)

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
    gate: Gate = Gate()
    #: Corpus-level reference metrics (BLEU, chrF, TER) when references were given.
    corpus_metrics: dict | None = None

    @property
    def passing(self) -> int:
        """How many articles pass the gate."""
        return sum(a.verdict.passed for a in self.articles)

    @property
    def failed(self) -> bool:
        """Whether an article fails the gate."""
        return self.passing < len(self.articles)


def build_report(results: Sequence, linter, scoring: Scoring, gate: Gate = Gate(),
                 baseline_digest: str | None = None) -> Report:
    """Summarise and judge *results* (after suppression and baseline) for the reporters."""
    articles = []
    for result in results:
        summary = None if result.error else ArticleSummary.of(result, scoring)
        articles.append(ArticleReport(result, summary, gate.judge(result, summary)))
    summaries = [a.summary for a in articles if a.summary is not None]
    corpus = CorpusSummary.of(summaries, results)
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
