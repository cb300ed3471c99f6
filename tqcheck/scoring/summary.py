"""Quality summaries: MQM-style scores, weight presets and reproducibility signatures.

These are value objects with no formatting (like sacrebleu's ``Score``); reporters render them.
The score follows the MQM scorecard:

* absolute penalty total (APT) = sum of the weight of every finding (MQM-Core: minor 1,
  major 5, critical 25);
* per-word penalty = APT / evaluated words; normed penalty = per-word penalty x 1,000 words;
* quality score = 100 - normed penalty (it can go below 0 for a short, badly flawed article);
* an article passes when its score is at or above the cut score.

An article with no words has a per-word penalty of APT (as if it had one word), so an empty
article with no findings scores 100 and one with findings fails.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tqcheck.finding import Finding, Severity

#: Words the normed penalty is scaled to (the MQM scorecard's "reference word count").
REFERENCE_WORDS = 1000
#: The default pass mark: at most 5 penalty points per 1,000 words (one major error, or five minor ones).
DEFAULT_CUT_SCORE = 95.0


@dataclass(frozen=True)
class CategoryWeight:
    """A weight for findings of one MQM category (and optionally one severity).

    ``category`` matches a finding's category exactly, any subcategory of it
    (``Fluency`` matches ``Fluency/Punctuation``), or its last part (``Non-translation``
    matches ``Accuracy/Non-translation``).
    """

    category: str
    weight: float
    severity: Severity | None = None

    def matches(self, finding: Finding) -> bool:
        if self.severity is not None and finding.severity != self.severity:
            return False
        cat = finding.category
        return cat == self.category or cat.startswith(self.category + "/") or cat.endswith("/" + self.category)


@dataclass(frozen=True)
class Weights:
    """Severity multipliers plus category-specific exceptions (the first matching one wins)."""

    name: str
    minor: float = 1.0
    major: float = 5.0
    critical: float = 25.0
    categories: tuple[CategoryWeight, ...] = ()

    def of(self, finding: Finding) -> float:
        for special in self.categories:
            if special.matches(finding):
                return special.weight
        return {Severity.MINOR: self.minor, Severity.MAJOR: self.major, Severity.CRITICAL: self.critical}[finding.severity]

    @property
    def digest(self) -> str:
        parts = [f"{self.minor!r},{self.major!r},{self.critical!r}"]
        parts += [f"{c.category}|{c.severity}|{c.weight!r}" for c in self.categories]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:8]

    @property
    def label(self) -> str:
        """Preset name, or ``custom@<hash>`` for weights that differ from every preset."""
        preset = PRESETS.get(self.name)
        return self.name if preset == self else f"custom@{self.digest}"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.label, "minor": self.minor, "major": self.major, "critical": self.critical,
                "categories": [{"category": c.category, "severity": str(c.severity) if c.severity else None,
                                "weight": c.weight} for c in self.categories]}


PRESETS: dict[str, Weights] = {
    # The MQM-Core scorecard's severity multipliers.
    "mqm-core": Weights("mqm-core"),
    # Freitag et al. (2021), "Experts, errors, and context", the weights WMT's MQM annotations use:
    # major 5, minor 1, minor Fluency/Punctuation 0.1, Non-translation 25. That scheme has no
    # critical severity; tqcheck counts a critical finding like a non-translation (25).
    "wmt": Weights("wmt", categories=(CategoryWeight("Fluency/Punctuation", 0.1, Severity.MINOR),
                                      CategoryWeight("Non-translation", 25.0))),
}


def weights_from_table(table: Mapping[str, Any], where: str) -> Weights:
    """Build weights from a config table: ``preset``, ``minor``/``major``/``critical``, ``categories``.

    Raises ValueError with a message naming *where* when the table is malformed.
    """
    allowed = {"preset", "minor", "major", "critical", "categories"}
    for key in table:
        if key not in allowed:
            raise ValueError(f"{where}: unknown key {key!r} in [weights] (allowed: {', '.join(sorted(allowed))})")
    base = preset(str(table.get("preset", "mqm-core")), where)

    def number(value: Any, what: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError(f"{where}: weights: {what} must be a number >= 0, not {value!r}")
        return float(value)

    categories = base.categories
    if "categories" in table:
        items = table["categories"]
        if not isinstance(items, list):
            raise ValueError(f"{where}: weights.categories must be a list of {{category, weight, severity}} tables")
        categories = []
        for item in items:
            if not isinstance(item, dict) or "category" not in item or "weight" not in item or set(item) - {"category", "weight", "severity"}:
                raise ValueError(f"{where}: weights.categories entries need 'category' and 'weight' (and optionally 'severity')")
            severity = Severity.parse(item["severity"]) if item.get("severity") else None
            categories.append(CategoryWeight(str(item["category"]), number(item["weight"], "a category weight"), severity))
        categories = tuple(categories)
    return Weights(base.name, minor=number(table.get("minor", base.minor), "minor"),
                   major=number(table.get("major", base.major), "major"),
                   critical=number(table.get("critical", base.critical), "critical"), categories=categories)


def preset(name: str, where: str = "weights") -> Weights:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"{where}: unknown weights preset {name!r} (use {', '.join(PRESETS)})") from None


@dataclass(frozen=True)
class Scoring:
    """How findings become a score: the weights and the cut score."""

    weights: Weights = PRESETS["mqm-core"]
    cut_score: float = DEFAULT_CUT_SCORE


@dataclass(frozen=True)
class Signature:
    """What produced a score, so that two reports can be compared honestly (sacrebleu-style)."""

    version: str
    packs: tuple[tuple[str, str], ...]
    rules: str
    weights: str
    cut: float
    pair: str
    langid_seed: int
    baseline: str | None = None

    def format(self) -> str:
        packs = ",".join(f"{name}@{digest}" for name, digest in self.packs) or "none"
        parts = [f"tqcheck:{self.version}", f"packs:{packs}", f"rules:{self.rules}", f"weights:{self.weights}",
                 f"cut:{format_number(self.cut)}", f"pair:{self.pair}", f"langid-seed:{self.langid_seed}"]
        if self.baseline:
            parts.append(f"baseline:{self.baseline}")
        return "|".join(parts)

    def __str__(self) -> str:
        return self.format()


def make_signature(linter, scoring: Scoring, baseline_digest: str | None = None) -> Signature:
    """The signature of a run of *linter* (its packs, selected rules and languages) scored by *scoring*."""
    from tqcheck import __version__
    from tqcheck.langid import SEED

    config = linter.config
    overrides = config.severities
    rules = sorted(f"{r.code}:{overrides.get(r.code, r.severity)}" for r in linter.rules)
    rules_digest = hashlib.sha256(",".join(rules).encode()).hexdigest()[:8]
    return Signature(
        version=__version__,
        packs=tuple((p.name, p.hash) for p in linter.registry.packs),
        rules=f"{len(rules)}@{rules_digest}",
        weights=scoring.weights.label,
        cut=scoring.cut_score,
        pair=f"{config.source_lang or 'und'}-{config.target_lang}",
        langid_seed=SEED,
        baseline=baseline_digest,
    )


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
    cut_score: float
    suppressed: int = 0
    baselined: int = 0
    metrics: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def of(cls, result, scoring: Scoring) -> ArticleSummary:
        findings = result.findings
        by_severity = {str(s): 0 for s in sorted(Severity, reverse=True)}
        by_category: dict[str, dict[str, int]] = {}
        groups: Counter = Counter()
        for f in findings:
            by_severity[str(f.severity)] += 1
            by_category.setdefault(f.category, {str(s): 0 for s in sorted(Severity, reverse=True)})[str(f.severity)] += 1
            groups[(f.code, f.name, f.category, f.severity, scoring.weights.of(f))] += 1
        penalties = tuple(sorted(
            (Penalty(code, name, cat, sev, n, w, round(n * w, 6)) for (code, name, cat, sev, w), n in groups.items()),
            key=lambda p: (-p.points, p.code, p.category, -p.severity)))
        return cls(path=result.path, words=result.word_count, sentences=result.sentence_count, findings=len(findings),
                   by_severity=by_severity, by_category=dict(sorted(by_category.items())), penalties=penalties,
                   penalty_total=round(sum(p.points for p in penalties), 6), cut_score=scoring.cut_score,
                   suppressed=len(getattr(result, "suppressed", ())), baselined=len(getattr(result, "baselined", ())),
                   metrics=dict(getattr(result, "metrics", {}) or {}))

    @property
    def per_word_penalty(self) -> float:
        return self.penalty_total / max(self.words, 1)

    @property
    def normed_penalty(self) -> float:
        return self.per_word_penalty * REFERENCE_WORDS

    @property
    def score(self) -> float:
        return 100.0 - self.normed_penalty

    @property
    def passed(self) -> bool:
        return self.score >= self.cut_score

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4), "cut_score": self.cut_score, "passed": self.passed,
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


@dataclass(frozen=True)
class CorpusSummary:
    """Aggregates over every article that could be read."""

    articles: tuple[ArticleSummary, ...]
    unreadable: int
    frequent_rules: tuple[RuleCount, ...]
    cut_score: float

    @classmethod
    def of(cls, summaries: Sequence[ArticleSummary], results: Iterable, cut_score: float) -> CorpusSummary:
        findings: Counter = Counter()
        articles: Counter = Counter()
        names: dict[str, str] = {}
        unreadable = 0
        for result in results:
            if result.error:
                unreadable += 1
                continue
            codes = Counter(f.code for f in result.findings)
            findings.update(codes)
            articles.update(codes.keys())
            names.update((f.code, f.name) for f in result.findings)
        frequent = tuple(RuleCount(code, names[code], n, articles[code])
                         for code, n in sorted(findings.items(), key=lambda kv: (-kv[1], kv[0])))
        return cls(articles=tuple(summaries), unreadable=unreadable, frequent_rules=frequent, cut_score=cut_score)

    @property
    def words(self) -> int:
        return sum(a.words for a in self.articles)

    @property
    def findings(self) -> int:
        return sum(a.findings for a in self.articles)

    @property
    def penalty_total(self) -> float:
        return round(sum(a.penalty_total for a in self.articles), 6)

    @property
    def score(self) -> float:
        """The corpus as one long article: 100 - total penalty per 1,000 words of all articles."""
        return 100.0 - self.penalty_total / max(self.words, 1) * REFERENCE_WORDS

    @property
    def passed(self) -> int:
        return sum(a.passed for a in self.articles)

    def scores(self) -> list[float]:
        return sorted(a.score for a in self.articles)

    def distribution(self) -> dict[str, float] | None:
        scores = self.scores()
        if not scores:
            return None
        import statistics  # here, not at the top: importing it is start-up time every run pays

        return {"min": scores[0], "median": statistics.median(scores), "mean": statistics.fmean(scores), "max": scores[-1]}

    def histogram(self, width: float = 10.0) -> list[tuple[str, int]]:
        """Article counts in score bins ``<0``, ``0-10``, ..., ``90-100`` (100 falls in the last bin)."""
        edges = [i * width for i in range(int(100 // width))]
        bins = [("<0", 0)] + [(f"{format_number(lo)}-{format_number(lo + width)}", 0) for lo in edges]
        counts = [0] * len(bins)
        for s in self.scores():
            if s < 0:
                counts[0] += 1
            else:
                counts[min(int(s // width), len(edges) - 1) + 1] += 1
        return [(label, n) for (label, _), n in zip(bins, counts)]

    def worst(self, n: int = 5) -> list[ArticleSummary]:
        return sorted(self.articles, key=lambda a: (a.score, a.path))[:n]

    def as_dict(self, worst: int = 5, rules: int = 10) -> dict[str, Any]:
        dist = self.distribution()
        return {
            "articles": len(self.articles), "unreadable": self.unreadable, "words": self.words,
            "findings": self.findings, "passed": self.passed, "failed": len(self.articles) - self.passed,
            "cut_score": self.cut_score, "score": round(self.score, 4), "penalty_total": self.penalty_total,
            "distribution": {k: round(v, 4) for k, v in dist.items()} if dist else None,
            "histogram": [{"bin": label, "articles": n} for label, n in self.histogram()],
            "worst": [{"path": a.path, "score": round(a.score, 4)} for a in self.worst(worst)],
            "frequent_rules": [{"code": r.code, "name": r.name, "findings": r.findings, "articles": r.articles}
                               for r in self.frequent_rules[:rules]],
        }
