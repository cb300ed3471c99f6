"""The MQM measurement: findings against the spans human raters marked (see ``tqcheck.evaluate``)."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tqcheck.evaluate.corpus import make_document, source_span, target_span


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

    def by_category(self) -> list[tuple[str, int, int]]:
        """(human category, distinct spans, spans found by any finding), most frequent first."""
        errors, found = Counter(), Counter()
        for span, categories in self.spans.items():
            for category in categories:
                errors[category] += 1
                found[category] += span in self.overall.spans_found
        return [(c, n, found[c]) for c, n in sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))]


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


def evaluate_mqm(rows: list[dict], linter, problems: list[str]) -> MqmResult:
    """Check each (doc_id, system) article once and score its findings; rule crashes go to *problems*.

    A finding is scored on the side it points at: a bilingual finding with a source span (a number
    of the source missing from the target, say) against the spans raters marked in the source,
    where MQM puts omissions; every other finding against the target spans.
    """
    result = MqmResult(by_rule={r.code: Tally() for r in linter.rules}, segments=len(rows))
    articles: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        articles[(row["doc_id"], row["system"])].append(row)
    for (doc_id, system), segs in sorted(articles.items()):
        segs.sort(key=lambda r: r["seg_id"])
        target_side, source_side = _Side(), _Side()
        for seg in segs:
            key = (doc_id, system, seg["seg_id"])
            for e in filter(target_span, seg["errors"]):
                result.spans.setdefault((key, e["start"], e["end"]), set()).add(e.get("category") or "?")
            target_side.add(key, seg["target"], list(filter(target_span, seg["errors"])))
            source_side.add(key, str(seg.get("source") or ""), list(filter(source_span, seg["errors"])))
        lang = str(segs[0]["lp"]).partition("-")[0] or None
        target = "\n".join(s["target"] for s in segs)
        source = "\n".join(str(s.get("source") or "") for s in segs)
        checked = linter.check_document(make_document(target, source, lang, f"{doc_id}@{system}"))
        problems.extend(f"{checked.path}: internal error in rule {e}" for e in checked.rule_errors)
        result.articles += 1
        for f in checked.findings:
            if f.source_start is not None:
                hit, chance = source_side.score(f.source_start)
            else:
                hit, chance = target_side.score(f.start)
            for tally in (result.by_rule.setdefault(f.code, Tally()), result.by_dimension[f.dimension],
                          result.overall):
                tally.add(hit, chance)
    return result
