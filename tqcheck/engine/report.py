"""The ``Report`` of a run: everything one run produced, for the reporters (``tqcheck.reporters``)
to render: each article's result, quality summary and gate verdict, the corpus summary, the run's
signature and the metadata of the rules that ran.

The gate's verdict is the only pass or fail there is: ``check`` and ``report`` judge by the same
gate, and every format shows its verdict, with the score beside it as information.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from tqcheck.scoring.gate import Gate, Verdict
from tqcheck.scoring.signature import Signature, make_signature
from tqcheck.scoring.summary import ArticleSummary, CorpusSummary, Scoring


@dataclass(frozen=True)
class RuleInfo:
    """What a reporter may know about a rule (SARIF's ``tool.driver.rules``, help links). The
    documentation is read from the rule when a reporter first asks for it: only SARIF does, and
    reading every rule's on every run cost ``tqcheck check`` of a small file 2% of its time."""

    code: str
    name: str
    category: str
    severity: str
    default_enabled: bool
    rule: object = field(repr=False, compare=False)

    @classmethod
    def of(cls, rule) -> RuleInfo:
        return cls(rule.code, rule.name, rule.category, str(rule.severity), rule.default_enabled, rule)

    @cached_property
    def description(self) -> str:
        return self.rule.description

    @cached_property
    def doc(self) -> str:
        return self.rule.doc


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
    """A run's report. ``articles`` holds every article's report, unless the run streamed them to
    the output as they were checked (``ReportBuilder``): then it is empty and ``count`` and
    ``passing`` say how many there were."""

    articles: tuple[ArticleReport, ...]
    corpus: CorpusSummary
    signature: Signature
    scoring: Scoring
    rules: dict[str, RuleInfo]
    gate: Gate = Gate()
    #: Corpus-level reference metrics (BLEU, chrF, TER) when references were given.
    corpus_metrics: dict | None = None
    #: (articles, passing) of a streamed run; None when ``articles`` holds them all.
    totals: tuple[int, int] | None = None

    @property
    def count(self) -> int:
        """How many articles the run checked (read or not)."""
        return self.totals[0] if self.totals else len(self.articles)

    @property
    def passing(self) -> int:
        """How many articles pass the gate."""
        return self.totals[1] if self.totals else sum(a.verdict.passed for a in self.articles)

    @property
    def failed(self) -> bool:
        """Whether an article fails the gate."""
        return self.passing < self.count


class ReportBuilder:
    """Builds a run's ``Report`` one result at a time, in the order of the run.

    ``add`` judges a result and returns its ``ArticleReport`` (for a streaming reporter to write at
    once); the corpus summary and the corpus metrics' statistics are added up as it goes. With
    ``keep=False`` the article reports are not kept: memory stays flat however many articles."""

    def __init__(self, linter, scoring: Scoring, gate: Gate = Gate(), baseline_digest: str | None = None,
                 keep: bool = True) -> None:
        self.linter, self.scoring, self.gate, self.keep = linter, scoring, gate, keep
        self.signature = make_signature(linter, scoring, baseline_digest)
        self.rules = {r.code: RuleInfo.of(r) for r in linter.registry}
        self.corpus = CorpusSummary()
        self.articles: list[ArticleReport] = []
        self.count = self.passing = 0
        self._scored: list = []

    def head(self) -> Report:
        """The report as far as it is known before any article: signature, rules, scoring, gate."""
        return Report((), self.corpus, self.signature, self.scoring, self.rules, self.gate, None, (0, 0))

    def add(self, result) -> ArticleReport:
        summary = None if result.error else ArticleSummary.of(result, self.scoring)
        article = ArticleReport(result, summary, self.gate.judge(result, summary))
        self.corpus.add(result, summary)
        self.count += 1
        self.passing += article.verdict.passed
        if getattr(result, "scored_segments", None):
            aligned = next(iter(result.metrics.values()), {}).get("aligned", "lines")
            self._scored.append((result.scored_segments, aligned))
        if self.keep:
            self.articles.append(article)
        return article

    def finish(self) -> Report:
        metrics = None
        if self._scored:
            from tqcheck.scoring.metrics import corpus_totals

            metrics = corpus_totals(self._scored, self.linter.config.target_lang)
        return Report(tuple(self.articles), self.corpus, self.signature, self.scoring, self.rules, self.gate,
                      metrics, None if self.keep else (self.count, self.passing))


def build_report(results: Sequence, linter, scoring: Scoring, gate: Gate = Gate(),
                 baseline_digest: str | None = None) -> Report:
    """Summarise and judge *results* (after suppression and baseline) for the reporters."""
    builder = ReportBuilder(linter, scoring, gate, baseline_digest)
    for result in results:
        builder.add(result)
    return builder.finish()
