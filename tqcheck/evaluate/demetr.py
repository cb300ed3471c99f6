"""The DEMETR measurement: is each perturbed sentence caught where its clean MT sentence is not?"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tqcheck.evaluate.corpus import make_document

#: DEMETR names the source language in ``lp`` ("russian-en"); rules want ISO 639-1 codes.
DEMETR_LANGS = {"chinese_simple": "zh", "czech": "cs", "french": "fr", "german": "de", "hindi": "hi",
                "italian": "it", "japanese": "ja", "polish": "pl", "russian": "ru", "spanish": "es"}
CODEMIX = "critical_id4_codemix"
CODEMIX_NON_LATIN, CODEMIX_LATIN = f"{CODEMIX} (non-Latin script)", f"{CODEMIX} (Latin script)"


@dataclass
class DemetrResult:
    items: int = 0
    rows: int = 0
    clean_flagged: int = 0
    #: Perturbation label -> [sentences, detected]; codemix also appears split by inserted script.
    kinds: dict[str, list[int]] = field(default_factory=dict)
    #: Perturbation label -> the MQM category DEMETR's mapping gives it.
    categories: dict[str, str] = field(default_factory=dict)
    #: Perturbation label -> rule code -> sentences that rule detected.
    credit: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def rate(self, kind: str) -> float | None:
        sentences, detected = self.kinds.get(kind, (0, 0))
        return detected / sentences if sentences else None

    @property
    def clean_rate(self) -> float | None:
        return self.clean_flagged / self.items if self.items else None


def codemix_label(clean: str, perturbed: str) -> str:
    """Which script the code-mixing perturbation inserted: compare the two sentences."""
    import difflib
    import unicodedata

    matcher = difflib.SequenceMatcher(None, clean, perturbed, autojunk=False)
    inserted = "".join(perturbed[j1:j2] for tag, _, _, j1, j2 in matcher.get_opcodes() if tag in ("insert", "replace"))
    foreign = any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in inserted)
    return CODEMIX_NON_LATIN if foreign else CODEMIX_LATIN


def evaluate_demetr(rows: list[tuple[str, dict]], linter, problems: list[str]) -> DemetrResult:
    """Score (file, row) pairs, items keyed by file and doc_id; an item without exactly one
    unperturbed row is skipped and reported in *problems*, as are rule crashes."""
    result = DemetrResult()
    cache: dict[tuple, frozenset] = {}

    def findings(path: str, row: dict) -> frozenset:
        name = str(row["lp"]).rpartition("-")[0]
        lang = DEMETR_LANGS.get(name, name if len(name) == 2 else None)  # "zh-en" style is already ISO
        key = (row["target"], lang, row.get("source"))
        if key not in cache:
            checked = linter.check_document(make_document(row["target"], row.get("source"), lang, path))
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
                labels.append(codemix_label(clean[0]["target"], row["target"]))
            for label in labels:
                tally = result.kinds.setdefault(label, [0, 0])
                tally[0] += 1
                tally[1] += bool(new)
                result.credit[label].update({code for code, _ in new})
                if row.get("errors"):
                    result.categories.setdefault(label, row["errors"][0].get("category") or "")
    return result
