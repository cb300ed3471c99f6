"""Ranking: does a per-article number order translations as the MQM raters do (issue 18)?

Each article is one system's translation of one document. Its human quality is minus the raters'
MQM penalty (the sum of its segments' ``mqm_penalty``) per 1,000 target words, the words counted as
``tqcheck check`` counts them (the summary's ``words``), so that long and short articles compare.
A measure is any number of an article's summary, higher meaning better (``MEASURES``, plus every
entry of the summary's ``components``: a number, or a component's ``value``, negated when lower
is better). For each measure:

* system-level pairwise accuracy: each system's mean measure and mean human quality over the
  documents; the share of system pairs the two order the same way (a pair tied on one side and
  not the other counts half, tied on both counts as agreeing);
* within-document Kendall tau-b: over the systems of each document, averaged over documents;
* article-level Kendall tau-b: over all articles at once.

A tau over values that are all equal on one side is undefined; it counts as 0 (no agreement).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import fmean

from tqcheck.evaluate.corpus import Article

#: Words the human penalty is scaled to (as the MQM scorecard and tqcheck's score are).
PER_WORDS = 1000

#: The numbers ranked: name -> the article summary's value (None when it has none), higher = better.
MEASURES: dict[str, Callable[[object], float | None]] = {
    "score": lambda summary: summary.score,
    "chrF": lambda summary: (summary.metrics.get("chrF") or {}).get("score"),
}


def measures_of(summary) -> dict[str, float]:
    """The ranked numbers of one article: ``MEASURES`` and each numeric ``components`` entry."""
    values = {name: get(summary) for name, get in MEASURES.items()}
    for name, value in (getattr(summary, "components", None) or {}).items():
        if isinstance(value, dict) and isinstance(value.get("value"), int | float):
            value = value["value"] if value.get("better", "higher") == "higher" else -value["value"]
        if isinstance(value, int | float) and not isinstance(value, bool):
            values[f"component {name}"] = value
    return {name: float(v) for name, v in values.items() if v is not None}


def human_quality(article: Article, words: int) -> float:
    return -article.penalty * PER_WORDS / max(words, 1)


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def kendall_tau_b(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Kendall's tau-b of two paired sequences (exact, O(n^2)); None when one side is constant."""
    concordant = discordant = tied_x = tied_y = 0
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            dx, dy = _sign(x[i] - x[j]), _sign(y[i] - y[j])
            if dx and dy:
                concordant += dx == dy
                discordant += dx != dy
            elif dx:
                tied_y += 1
            elif dy:
                tied_x += 1
    untied = concordant + discordant
    denominator = math.sqrt((untied + tied_x) * (untied + tied_y))
    return (concordant - discordant) / denominator if denominator else None


def pairwise_accuracy(x: Sequence[float], y: Sequence[float]) -> tuple[float | None, int]:
    """(share of pairs ordered alike, with ties as above; number of pairs)."""
    agree, pairs = 0.0, 0
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            dx, dy = _sign(x[i] - x[j]), _sign(y[i] - y[j])
            agree += 1.0 if dx == dy else 0.5 if 0 in (dx, dy) else 0.0
            pairs += 1
    return (agree / pairs if pairs else None), pairs


@dataclass(frozen=True)
class Agreement:
    """How one measure ranks the articles of one language pair and mode against the raters."""

    systems: int
    pairs: int
    pairwise_accuracy: float | None
    docs: int
    within_doc_tau: float | None
    articles: int
    article_tau: float | None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def agreement(docs: Sequence[str], systems: Sequence[str], metric: Sequence[float],
              human: Sequence[float]) -> Agreement:
    """The figures of one measure; position i of each sequence is one article."""
    names = sorted(set(systems))
    mean_metric = [fmean(m for s, m in zip(systems, metric) if s == name) for name in names]
    mean_human = [fmean(h for s, h in zip(systems, human) if s == name) for name in names]
    accuracy, pairs = pairwise_accuracy(mean_metric, mean_human)
    per_doc = []
    for doc in sorted(set(docs)):
        rows = [i for i, d in enumerate(docs) if d == doc]
        if len(rows) >= 2:
            per_doc.append(kendall_tau_b([metric[i] for i in rows], [human[i] for i in rows]) or 0.0)
    return Agreement(systems=len(names), pairs=pairs, pairwise_accuracy=accuracy, docs=len(per_doc),
                     within_doc_tau=fmean(per_doc) if per_doc else None, articles=len(metric),
                     article_tau=(kendall_tau_b(metric, human) or 0.0) if len(metric) >= 2 else None)


def rank(articles: Sequence[Article], summaries: Sequence) -> dict[str, Agreement]:
    """Measure name -> its agreement with the raters, for every measure all the articles have."""
    values = [measures_of(s) for s in summaries]
    human = [human_quality(a, s.words) for a, s in zip(articles, summaries, strict=True)]
    docs, systems = [a.doc_id for a in articles], [a.system for a in articles]
    names = [n for n in values[0] if all(n in v for v in values)] if values else []
    return {name: agreement(docs, systems, [v[name] for v in values], human) for name in names}
