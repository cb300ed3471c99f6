"""Run signatures: what produced a score (tool version, packs, rules, weights, languages), so
that two reports can be compared honestly, as sacrebleu signs its scores."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tqcheck.options import signature as options_signature
from tqcheck.scoring.summary import Scoring
from tqcheck.text.langid import SEED
from tqcheck.version import __version__


@dataclass(frozen=True)
class Signature:
    """What produced a score, so that two reports can be compared honestly (sacrebleu-style).

    ``tqcheck eval`` signs its figures with the same fields, less the weights and the
    language pair (its figures span several pairs), plus the hashes of its ``data`` files."""

    version: str
    packs: tuple[tuple[str, str], ...]
    rules: str
    weights: str | None
    pair: str | None
    langid_seed: int
    baseline: str | None = None
    data: str | None = None
    #: The calibrated score model (``tqcheck.scoring.calibrated``): a hash of its weights.
    score: str | None = None

    def format(self) -> str:
        packs = ",".join(f"{name}@{digest}" for name, digest in self.packs) or "none"
        parts = [f"tqcheck:{self.version}", f"packs:{packs}", f"rules:{self.rules}"]
        if self.weights is not None:
            parts.append(f"weights:{self.weights}")
        if self.score is not None:
            parts.append(f"score:{self.score}")
        if self.pair is not None:
            parts.append(f"pair:{self.pair}")
        parts.append(f"langid-seed:{self.langid_seed}")
        if self.baseline:
            parts.append(f"baseline:{self.baseline}")
        if self.data:
            parts.append(f"data:{self.data}")
        return "|".join(parts)

    def __str__(self) -> str:
        return self.format()


def make_signature(linter, scoring: Scoring, baseline_digest: str | None = None) -> Signature:
    """The signature of a run of *linter* (its packs, selected rules and languages) scored by *scoring*."""
    config = linter.config
    overrides = config.severities
    rules = sorted(f"{r.code}:{overrides.get(r.code, r.severity)}{options_signature(r)}" for r in linter.rules)
    rules_digest = hashlib.sha256(",".join(rules).encode()).hexdigest()[:8]
    return Signature(
        version=__version__,
        packs=tuple((p.name, p.hash) for p in linter.registry.packs),
        rules=f"{len(rules)}@{rules_digest}",
        weights=scoring.weights.label,
        pair=run_pair(config),
        langid_seed=SEED,
        baseline=baseline_digest,
        score=scoring.score_model.digest,
    )


def run_pair(config) -> str:
    """The run's language pair as given: ``--source-lang``/``--target-lang`` (or the config's
    source-lang), else ``auto`` for a side found per article (the target language from each file's
    name, metadata or text: ``tqcheck.text.article_language``; the source's from its file)."""
    source, target = config.source_lang or "auto", getattr(config, "force_lang", None) or "auto"
    return "auto" if source == target == "auto" else f"{source}-{target}"
