"""Quality summaries: the score of each article and of the corpus (the score itself is
``tqcheck.scoring.calibrated``; weights and presets are ``tqcheck.scoring.weights``, run signatures
``tqcheck.scoring.signature``).

These are value objects with no formatting (like sacrebleu's ``Score``); reporters render them.

* The **score** (0-100, higher is better) is the calibrated one: ``100 * exp(-sum of the
  components' points)``, each component a piece of evidence (findings; alone, word variety; with a
  source or a reference, the adequacy signals and chrF) with a weight fitted on human MQM ratings.
* The **penalty** is the plain MQM scorecard, for teams that want MQM points: absolute penalty
  total (APT) = sum of the weight of every finding (``--weights``; MQM-Core: minor 1, major 5,
  critical 25); per-word penalty = APT / evaluated words; per 1,000 words = per-word x 1,000.
  An article with no words has a per-word penalty of APT (as if it had one word).

Whether an article passes is the gate's verdict alone (``tqcheck.scoring.gate``); the score is
information beside it (and what ``--fail-under`` compares).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tqcheck.finding import Severity
from tqcheck.scoring import calibrated
from tqcheck.scoring.weights import PRESETS, Weights

#: Severity names, highest first.
_SEVERITIES = tuple(str(s) for s in sorted(Severity, reverse=True))
#: Words the normed penalty is scaled to (the MQM scorecard's "reference word count").
REFERENCE_WORDS = 1000


@dataclass(frozen=True)
class Scoring:
    """How findings become a score: the weights (MQM points of a finding) and the calibrated score
    model (None: the shipped ``tqcheck/scoring/data/score.yml``)."""

    weights: Weights = PRESETS["mqm-core"]
    model: calibrated.ScoreModel | None = None

    @property
    def score_model(self) -> calibrated.ScoreModel:
        return self.model if self.model is not None else calibrated.load()


def format_number(value: float) -> str:
    """``95`` for whole numbers, else up to 2 decimals (``96.86``)."""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Penalty:
    """What one rule's findings (at one severity and category) cost an article."""

    code: str
    name: str
    category: str
    severity: Severity
    count: int
    weight: float
    points: float


@dataclass(frozen=True)
class ArticleSummary:
    """The quality summary of one article."""

    path: str
    words: int
    sentences: int
    findings: int
    by_severity: dict[str, int]
    by_category: dict[str, dict[str, int]]
    penalties: tuple[Penalty, ...]
    penalty_total: float
    suppressed: int = 0
    baselined: int = 0
    metrics: dict[str, dict] = field(default_factory=dict)
    #: The score's evidence: which weights applied ("alone", "sources", "references") and the
    #: components (``tqcheck.scoring.calibrated.Component``) with their weights.
    mode: str = "alone"
    parts: tuple[calibrated.Component, ...] = ()
    model_signature: str = ""

    @classmethod
    def of(cls, result, scoring: Scoring) -> ArticleSummary:
        findings = result.findings
        by_severity = dict.fromkeys(_SEVERITIES, 0)
        by_category: dict[str, dict[str, int]] = {}
        groups: Counter = Counter()
        for f in findings:
            by_severity[str(f.severity)] += 1
            by_category.setdefault(f.category, dict.fromkeys(_SEVERITIES, 0))[str(f.severity)] += 1
            groups[(f.code, f.name, f.category, f.severity, scoring.weights.of(f))] += 1
        penalties = tuple(sorted(
            (Penalty(code, name, cat, sev, n, w, round(n * w, 6)) for (code, name, cat, sev, w), n in groups.items()),
            key=lambda p: (-p.points, p.code, p.category, -p.severity)))
        metrics = dict(getattr(result, "metrics", {}) or {})
        model = scoring.score_model
        mode, parts = calibrated.components(findings, scoring.weights.of, result.word_count,
                                            dict(getattr(result, "signals", {}) or {}), metrics,
                                            getattr(result, "language_pair", None), model)
        return cls(path=result.path, words=result.word_count, sentences=result.sentence_count, findings=len(findings),
                   by_severity=by_severity, by_category=dict(sorted(by_category.items())), penalties=penalties,
                   penalty_total=round(sum(p.points for p in penalties), 6),
                   suppressed=len(getattr(result, "suppressed", ())), baselined=len(getattr(result, "baselined", ())),
                   metrics=metrics, mode=mode, parts=tuple(parts), model_signature=model.signature)

    @property
    def per_word_penalty(self) -> float:
        return self.penalty_total / max(self.words, 1)

    @property
    def normed_penalty(self) -> float:
        return self.per_word_penalty * REFERENCE_WORDS

    @property
    def score(self) -> float:
        """The calibrated score, 0-100 (``tqcheck.scoring.calibrated``)."""
        return calibrated.score_of(list(self.parts))

    @property
    def components(self) -> dict[str, dict[str, Any]]:
        """Component name -> value, unit, badness, weight, points and the score points it loses."""
        parts = list(self.parts)
        return {c.name: c.as_dict(lost) for c, lost in zip(parts, calibrated.lost_points(parts))}

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "score_mode": self.mode,
            "components": self.components,
            "penalty": {"total": self.penalty_total, "per_word": round(self.per_word_penalty, 6),
                        "per_1000_words": round(self.normed_penalty, 4)},
            "by_severity": self.by_severity, "by_category": self.by_category,
            "points": [{"code": p.code, "name": p.name, "category": p.category, "severity": str(p.severity),
                        "count": p.count, "weight": p.weight, "points": p.points} for p in self.penalties],
            "suppressed": self.suppressed, "baselined": self.baselined,
        }


@dataclass(frozen=True)
class RuleCount:
    code: str
    name: str
    findings: int
    articles: int


class CorpusSummary:
    """Aggregates over every article that could be read, added one article at a time (``add``),
    so a run of any size keeps a number or two per article, never the articles themselves."""

    #: The lowest-scoring articles kept for ``worst`` (reports show at most 5).
    KEEP_WORST = 10

    def __init__(self) -> None:
        self.count = 0          # summaries added (articles that could be read)
        self.unreadable = 0
        self._words = 0
        self._findings = 0
        self._penalties: list[float] = []
        self._scores: list[float] = []
        self._score_weight = 0  # the corpus score: scores weighted by words (at least 1 each)
        self._score_words = 0.0
        self._worst: list[tuple[float, str, int, ArticleSummary]] = []  # a max-heap by (-score, path)
        self._rule_findings: Counter = Counter()
        self._rule_articles: Counter = Counter()
        self._names: dict[str, str] = {}

    @classmethod
    def of(cls, summaries: Sequence[ArticleSummary], results: Iterable) -> CorpusSummary:
        corpus = cls()
        for result in results:
            corpus.add_result(result)
        for summary in summaries:
            corpus.add_summary(summary)
        return corpus

    def add(self, result, summary: ArticleSummary | None) -> None:
        """Count one article: its result and (when it could be read) its summary."""
        self.add_result(result)
        if summary is not None:
            self.add_summary(summary)

    def add_result(self, result) -> None:
        if result.error:
            self.unreadable += 1
            return
        codes = Counter(f.code for f in result.findings)
        self._rule_findings.update(codes)
        self._rule_articles.update(codes.keys())
        self._names.update((f.code, f.name) for f in result.findings)

    def add_summary(self, summary: ArticleSummary) -> None:
        import heapq

        self.count += 1
        self._words += summary.words
        self._score_weight += max(summary.words, 1)
        self._findings += summary.findings
        self._penalties.append(summary.penalty_total)
        score = summary.score
        self._scores.append(score)
        self._score_words += score * max(summary.words, 1)
        # the heap's top is the best of the kept: the key inverts (score, path), the count breaks ties
        item = (-score, _Inverted(summary.path), self.count, summary)
        if len(self._worst) < self.KEEP_WORST:
            heapq.heappush(self._worst, item)
        elif item > self._worst[0]:
            heapq.heapreplace(self._worst, item)

    @property
    def frequent_rules(self) -> tuple[RuleCount, ...]:
        return tuple(RuleCount(code, self._names[code], n, self._rule_articles[code])
                     for code, n in sorted(self._rule_findings.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def words(self) -> int:
        return self._words

    @property
    def findings(self) -> int:
        return self._findings

    @property
    def penalty_total(self) -> float:
        return round(sum(self._penalties), 6)

    @property
    def score(self) -> float:
        """The articles' scores averaged, each weighted by its words (100 for no articles)."""
        return self._score_words / self._score_weight if self.count else 100.0

    def scores(self) -> list[float]:
        return sorted(self._scores)

    def distribution(self) -> dict[str, float] | None:
        scores = self.scores()
        if not scores:
            return None
        import statistics  # here, not at the top: importing it is start-up time every run pays

        return {"min": scores[0], "median": statistics.median(scores), "mean": statistics.fmean(scores), "max": scores[-1]}

    def histogram(self, width: float = 10.0) -> list[tuple[str, int]]:
        """Article counts in score bins ``0-10``, ..., ``90-100`` (100 falls in the last bin)."""
        edges = [i * width for i in range(int(100 // width))]
        bins = [(f"{format_number(lo)}-{format_number(lo + width)}", 0) for lo in edges]
        counts = [0] * len(bins)
        for s in self.scores():
            counts[min(max(int(s // width), 0), len(edges) - 1)] += 1
        return [(label, n) for (label, _), n in zip(bins, counts)]

    def worst(self, n: int = 5) -> list[ArticleSummary]:
        """The *n* (at most ``KEEP_WORST``) lowest-scoring articles, ties by path."""
        return [item[3] for item in sorted(self._worst, key=lambda t: (-t[0], t[1].value))][:n]

    def as_dict(self, worst: int = 5, rules: int = 10) -> dict[str, Any]:
        dist = self.distribution()
        return {
            "articles": self.count, "unreadable": self.unreadable, "words": self.words,
            "findings": self.findings, "score": round(self.score, 4), "penalty_total": self.penalty_total,
            "distribution": {k: round(v, 4) for k, v in dist.items()} if dist else None,
            "histogram": [{"bin": label, "articles": n} for label, n in self.histogram()],
            "worst": [{"path": a.path, "score": round(a.score, 4)} for a in self.worst(worst)],
            "frequent_rules": [{"code": r.code, "name": r.name, "findings": r.findings, "articles": r.articles}
                               for r in self.frequent_rules[:rules]],
        }



class _Inverted:
    """A string that sorts backwards (the worst-articles heap keeps the lowest (score, path))."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __lt__(self, other: _Inverted) -> bool:
        return self.value > other.value

    def __gt__(self, other: _Inverted) -> bool:
        return self.value < other.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Inverted) and self.value == other.value
