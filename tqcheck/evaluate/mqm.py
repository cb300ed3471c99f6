"""The MQM measurement: findings against the spans human raters marked (see ``tqcheck.evaluate``)."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tqcheck.evaluate.corpus import OMISSION, make_document, omission_span, target_span


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
    #: Omission findings scored against the distinct source-side omission spans, ``omission_spans``.
    omission_by_rule: dict[str, Tally] = field(default_factory=dict)
    omission_spans: set[tuple] = field(default_factory=set)

    def recall(self, tally: Tally) -> float | None:
        return len(tally.spans_found) / len(self.spans) if self.spans else None

    def by_category(self) -> list[tuple[str, int, int]]:
        """(human category, distinct spans, spans found by any finding), most frequent first."""
        errors, found = Counter(), Counter()
        for span, categories in self.spans.items():
            for category in categories:
                errors[category] += 1
                found[category] += span in self.overall.spans_found
        return [(c, n, found[c]) for c, n in sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))]


def evaluate_mqm(rows: list[dict], linter, problems: list[str]) -> MqmResult:
    """Check each (doc_id, system) article once and score its findings; rule crashes go to *problems*."""
    result = MqmResult(by_rule={r.code: Tally() for r in linter.rules}, segments=len(rows))
    omission_rate = sum(any(map(omission_span, r["errors"])) for r in rows) / len(rows) if rows else 0.0
    articles: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        articles[(row["doc_id"], row["system"])].append(row)
    for (doc_id, system), segs in sorted(articles.items()):
        segs.sort(key=lambda r: r["seg_id"])
        starts, spans, covered, omitted, pos = [], [], [], [], 0
        for seg in segs:
            key = (doc_id, system, seg["seg_id"])
            for e in filter(target_span, seg["errors"]):
                result.spans.setdefault((key, e["start"], e["end"]), set()).add(e.get("category") or "?")
            marked = sorted({(key, e["start"], e["end"]) for e in seg["errors"] if target_span(e)})
            chars = {i for _, a, b in marked for i in range(a, b)}
            starts.append(pos)
            spans.append(marked)
            omitted.append(sorted({(key, e["start"], e["end"]) for e in seg["errors"] if omission_span(e)}))
            result.omission_spans.update(omitted[-1])
            covered.append(len(chars) / len(seg["target"]) if seg["target"] else 0.0)
            pos += len(seg["target"]) + 1
        lang = str(segs[0]["lp"]).partition("-")[0] or None
        target = "\n".join(s["target"] for s in segs)
        source = "\n".join(str(s.get("source") or "") for s in segs)
        checked = linter.check_document(make_document(target, source, lang, f"{doc_id}@{system}"))
        problems.extend(f"{checked.path}: internal error in rule {e}" for e in checked.rule_errors)
        result.articles += 1
        for f in checked.findings:
            i = max(bisect_right(starts, f.start) - 1, 0)
            offset = f.start - starts[i]
            hit = [s for s in spans[i] if s[1] <= offset < s[2]]
            for tally in (result.by_rule.setdefault(f.code, Tally()), result.by_dimension[f.dimension],
                          result.overall):
                tally.add(hit, covered[i])
            if f.category == OMISSION:
                result.omission_by_rule.setdefault(f.code, Tally()).add(omitted[i], omission_rate)
    return result
