"""The MQM measurement: findings against the spans human raters marked (see ``tqcheck.evaluate``).

Data in (articles and the results of checking them), figures out; ``tqcheck.evaluate.checking``
does the checking.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tqcheck.evaluate.corpus import Article, source_span, target_span


@dataclass
class Tally:
    """Findings of one rule (or dimension, or all rules) scored against the human spans."""

    findings: int = 0
    hits: int = 0
    chance_sum: float = 0.0
    spans_found: set = field(default_factory=set)

    def add(self, spans_hit: list, chance: float) -> None:
        self.findings += 1
        self.hits += bool(spans_hit)
        self.chance_sum += chance
        self.spans_found.update(spans_hit)

    @property
    def precision(self) -> float | None:
        return self.hits / self.findings if self.findings else None

    @property
    def chance(self) -> float | None:
        return self.chance_sum / self.findings if self.findings else None

    @property
    def lift(self) -> float | None:
        return self.precision - self.chance if self.findings else None


@dataclass
class MqmResult:
    articles: int = 0
    segments: int = 0
    by_rule: dict[str, Tally] = field(default_factory=dict)
    by_dimension: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)
    #: Distinct human target spans (segment key, start, end) -> the categories raters gave them.
    spans: dict[tuple, set[str]] = field(default_factory=dict)

    def recall(self, tally: Tally) -> float | None:
        return len(tally.spans_found & self.spans.keys()) / len(self.spans) if self.spans else None

    @property
    def findings_per_article(self) -> float | None:
        return self.overall.findings / self.articles if self.articles else None

    def by_category(self) -> list[tuple[str, int, int]]:
        """(human category, distinct spans, spans found by any finding), most frequent first."""
        errors, found = Counter(), Counter()
        for span, categories in self.spans.items():
            for category in categories:
                errors[category] += 1
                found[category] += span in self.overall.spans_found
        return [(c, n, found[c]) for c, n in sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))]

    def tally_dict(self, tally: Tally) -> dict:
        return {"findings": tally.findings, "hits": tally.hits, "precision": tally.precision,
                "chance": tally.chance, "lift": tally.lift, "recall": self.recall(tally)}

    def as_dict(self) -> dict:
        return {"articles": self.articles, "segments": self.segments, "human_spans": len(self.spans),
                "findings_per_article": self.findings_per_article, "overall": self.tally_dict(self.overall),
                "rules": {code: self.tally_dict(t) for code, t in sorted(self.by_rule.items())},
                "dimensions": {d: self.tally_dict(t) for d, t in sorted(self.by_dimension.items())},
                "categories": {c: {"errors": n, "found": k, "recall": k / n} for c, n, k in self.by_category()}}


class _Side:
    """One side (target or source) of an article: segment offsets and the human spans on it."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[list[tuple]] = []
        self.covered: list[float] = []
        self.pos = 0

    def add(self, key: tuple, text: str, errors: list[dict]) -> None:
        marked = sorted({(key, e["start"], e["end"]) for e in errors})
        chars = {i for _, a, b in marked for i in range(a, b)}
        self.starts.append(self.pos)
        self.spans.append(marked)
        self.covered.append(len(chars) / len(text) if text else 0.0)
        self.pos += len(text) + 1

    def score(self, offset: int) -> tuple[list[tuple], float]:
        """(human spans containing *offset*, chance) in the segment holding *offset*."""
        i = max(bisect_right(self.starts, offset) - 1, 0)
        local = offset - self.starts[i]
        return [s for s in self.spans[i] if s[1] <= local < s[2]], self.covered[i]


#: The category of the findings scored on the source side when they point into it.
OMISSION = "Accuracy/Omission"


def score_mqm(articles: list[Article], results: list, rule_codes: list[str]) -> MqmResult:
    """Score each article's findings (``results[i]`` is ``articles[i]`` checked) against the human
    spans; *rule_codes* are the rules measured, listed even when they found nothing.

    A finding is scored on the side it points at: an omission with a source span (a number of the
    source missing from the target, say) against the spans raters marked in the source, where MQM
    puts omissions; every other finding against the target spans, including a bilingual finding on
    a changed number that also names the source's number (the error is the target's).
    """
    result = MqmResult(by_rule={code: Tally() for code in rule_codes})
    for article, checked in zip(articles, results, strict=True):
        target_side, source_side = _Side(), _Side()
        for seg in article.segments:
            key = (article.lp, article.doc_id, article.system, seg["seg_id"])
            marked = list(filter(target_span, seg["errors"]))
            for e in marked:
                result.spans.setdefault((key, e["start"], e["end"]), set()).add(e.get("category") or "?")
            target_side.add(key, seg["target"], marked)
            source_side.add(key, str(seg.get("source") or ""), list(filter(source_span, seg["errors"])))
        result.articles += 1
        result.segments += len(article.segments)
        for f in checked.findings:
            if f.source_start is not None and f.category == OMISSION:
                hit, chance = source_side.score(f.source_start)
            else:
                hit, chance = target_side.score(f.start)
            for tally in (result.by_rule.setdefault(f.code, Tally()), result.by_dimension[f.dimension],
                          result.overall):
                tally.add(hit, chance)
    return result
