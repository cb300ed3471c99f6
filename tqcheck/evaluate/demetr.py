"""The DEMETR measurement: is each perturbed sentence caught where its clean MT sentence is not?"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tqcheck.evaluate.corpus import language_pair, make_document

CODEMIX = "critical_id4_codemix"
#: DEMETR's source languages written in the Latin script: code-mixing leaves a Latin-script word
#: of the source inside the English sentence (issue 17's "source words left in English").
LATIN_SCRIPT_SOURCES = ("pl", "cs", "de", "fr", "it", "es")
CODEMIX_LATIN = f"{CODEMIX}, Latin-script source ({' '.join(LATIN_SCRIPT_SOURCES)})"
CODEMIX_OTHER = f"{CODEMIX}, other source"


@dataclass
class DemetrResult:
    items: int = 0
    rows: int = 0
    clean_flagged: int = 0
    #: Perturbation label -> [sentences, detected]; codemix also appears split by source language.
    kinds: dict[str, list[int]] = field(default_factory=dict)
    #: Perturbation label -> the MQM category DEMETR's mapping gives it.
    categories: dict[str, str] = field(default_factory=dict)
    #: Perturbation label -> rule code -> sentences that rule detected.
    credit: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def rules(self, label: str) -> list[tuple[str, int]]:
        """(rule code, sentences it detected) for perturbation *label*, most first, ties by code:
        the counter's own order is the order of sets of codes, which changes with the hash seed."""
        return sorted(self.credit[label].items(), key=lambda ck: (-ck[1], ck[0]))

    def rate(self, kind: str) -> float | None:
        sentences, detected = self.kinds.get(kind, (0, 0))
        return detected / sentences if sentences else None

    @property
    def clean_rate(self) -> float | None:
        """The share of unperturbed sentences (``perturbation: null``) with any finding."""
        return self.clean_flagged / self.items if self.items else None

    def as_dict(self) -> dict:
        return {"items": self.items, "rows": self.rows, "clean_flagged": self.clean_flagged,
                "clean_rate": self.clean_rate,
                "perturbations": {label: {"category": self.categories.get(label, ""), "sentences": n,
                                          "detected": k, "rate": k / n, "rules": dict(self.rules(label))}
                                  for label, (n, k) in sorted(self.kinds.items())}}


def evaluate_demetr(rows: list[tuple[str, dict]], linter, with_sources: bool, problems: list[str]) -> DemetrResult:
    """Score (file, row) pairs, items keyed by file and doc_id, each row checked as a one-sentence
    article (with its source when *with_sources*); an item without exactly one unperturbed row is
    skipped and reported in *problems*, as are rule crashes."""
    result = DemetrResult()
    cache: dict[tuple, frozenset] = {}

    def findings(path: str, row: dict) -> frozenset:
        source_lang, target_lang = language_pair(str(row["lp"]))
        source = row.get("source") if with_sources else None
        key = (row["target"], source_lang, target_lang, source)
        if key not in cache:
            checked = linter.check_document(make_document(row["target"], source, source_lang, target_lang, path))
            problems.extend(f"{path}: {row['doc_id']}: internal error in rule {e}" for e in checked.rule_errors)
            cache[key] = frozenset((f.code, f.text) for f in checked.findings)
        return cache[key]

    items: dict[tuple, list[dict]] = defaultdict(list)
    for path, row in rows:
        items[(path, row["doc_id"])].append(row)
    for (path, doc_id), item in sorted(items.items()):
        clean = [r for r in item if r["perturbation"] is None]
        if len(clean) != 1:
            problems.append(f"{path}: item {doc_id} has {len(clean)} unperturbed rows (perturbation: null), not 1")
            continue
        result.items += 1
        result.rows += len(item)
        before = findings(path, clean[0])
        result.clean_flagged += bool(before)
        for row in item:
            if row is clean[0]:
                continue
            new = findings(path, row) - before
            labels = [row["perturbation"]]
            if row["perturbation"] == CODEMIX:
                latin = language_pair(str(row["lp"]))[0] in LATIN_SCRIPT_SOURCES
                labels.append(CODEMIX_LATIN if latin else CODEMIX_OTHER)
            for label in labels:
                tally = result.kinds.setdefault(label, [0, 0])
                tally[0] += 1
                tally[1] += bool(new)
                result.credit[label].update({code for code, _ in new})
                if row.get("errors"):
                    result.categories.setdefault(label, row["errors"][0].get("category") or "")
    return result
