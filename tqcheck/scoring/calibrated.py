"""The quality score: one number from 0 to 100, higher is better, calibrated on human MQM ratings.

Every piece of evidence about an article is a **component** with a *badness* x >= 0 (0: nothing
wrong) and a weight w; the score is

    score = 100 * exp(-(w1*x1 + w2*x2 + ...))

so it never goes below 0 or above 100, a component that finds nothing costs nothing, and each
component's *points* w*x say how much of the loss it causes (``explain-score`` shows them). The
components (``COMPONENTS``), each in its own unit:

* ``findings`` -- the findings' MQM points (``--weights``: minor 1, major 5, critical 25 by
  default) times how much each rule's findings are trusted (its precision on the dev MQM sets),
  per 1,000 words, the words counted with ``PRIOR_WORDS`` more (a 4-word title with one major
  finding is not judged as if it were 1,000 words of such errors); x = that / 100. Bilingual
  (BI, source-aware) findings are the ``mismatches`` component instead.
* ``mismatches`` (with a source) -- the same for numbers, names and dates that differ from the source.
* ``length_mismatch``, ``alignment_doubt``, ``untranslated`` (with a source) -- the shares of
  ``tqcheck.scoring.signals``.
* ``short_translation`` (with a source, for a language pair calibrated) -- how much shorter the
  translation is than usual for its language pair: ln(usual ratio / this article's ratio) of
  target to source characters, 0 when it is not shorter (omissions make translations short).
* ``repetition`` -- the share of repeated word 3-grams in a sentence.
* ``word_variety`` (articles alone, for a target language calibrated) -- how much less varied the
  wording is than in human translations into the language (``tqcheck.scoring.signals.word_variety``,
  MATTR), on the scale of the dev sets' reference translations: 0 at their median or above, 1 at
  the least varied of them or below, linear between. Capped, because a list or a table repeats
  its words for reasons that are not the translation's (a repetitive text loses at most the
  weight). Poor wording is what a reader of MT alone can see of a weak system; with a source, the
  score measures omissions and untranslated text directly, and there word variety did not rank
  the dev systems better out of sample.
* ``chrF`` (with a reference) -- (100 - chrF) / 100, chrF as sacrebleu computes it.

The weights depend on what evidence there is (the mode): ``alone``, ``sources`` (a source) or
``references`` (a reference too). They, the rules' trust and the usual length ratios are data
(``data/score.yml``) written by ``tqcheck eval CORPUS --calibrate`` (``tqcheck.evaluate.calibrate``)
from the dev MQM sets, never by hand and never per document.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tqcheck import shipped_index

#: The calibrated weights shipped with tqcheck.
DATA = Path(__file__).parent / "data" / "score.yml"
#: Words added to an article's count for the findings' rate: a short text is not judged as if it
#: were 1,000 words of the same (a 4-word sentence with one major finding scores about 63, not 0).
PRIOR_WORDS = 50
#: The modes, by the evidence an article has.
MODES = ("alone", "sources", "references")
#: Findings of this rule family compare the translation with its source: the ``mismatches`` component.
BILINGUAL_PREFIX = "BI"

#: name -> (what it measures, the unit of its value, whether a higher value is better).
COMPONENTS: dict[str, tuple[str, str, bool]] = {
    "findings": ("findings, MQM points x rule trust", "points per 1,000 words", False),
    "mismatches": ("numbers, names, dates unlike the source (BI findings), MQM points x trust",
                   "points per 1,000 words", False),
    "length_mismatch": ("text in segments much shorter or longer than their source", "share", False),
    "alignment_doubt": ("how unlikely the segment lengths are for translations (Gale-Church)", "share", False),
    "untranslated": ("target letters or words left in the source language", "share", False),
    "short_translation": ("translation shorter than usual for the language pair", "ln ratio", False),
    "repetition": ("repeated word 3-grams within a sentence", "share", False),
    "word_variety": ("different words per 50-word window (MATTR), below human translations'", "share", True),
    "chrF": ("character F-score against the reference (sacrebleu)", "chrF", True),
}


@dataclass(frozen=True)
class Component:
    """One piece of evidence: its value (in its unit), badness, weight and points (weight x badness)."""

    name: str
    value: float
    badness: float
    weight: float

    @property
    def points(self) -> float:
        return self.weight * self.badness

    def as_dict(self, lost: float) -> dict[str, Any]:
        what, unit, higher = COMPONENTS[self.name]
        return {"value": round(self.value, 4), "unit": unit, "better": "higher" if higher else "lower",
                "badness": round(self.badness, 6), "weight": round(self.weight, 6), "points": round(self.points, 6),
                "lost": round(lost, 4)}


@dataclass(frozen=True)
class ScoreModel:
    """The calibrated weights (``data/score.yml``)."""

    weights: dict[str, dict[str, float]]
    trust: dict[str, float] = field(default_factory=dict)
    default_trust: float = 0.5
    length_ratio: dict[str, float] = field(default_factory=dict)
    #: Target language -> (the usual, the lowest) ``word_variety`` of its human translations.
    word_variety: dict[str, tuple[float, float]] = field(default_factory=dict)
    prior_words: int = PRIOR_WORDS
    signature: str = "uncalibrated"

    @classmethod
    def from_dict(cls, data: dict, where: str = "score model") -> ScoreModel:
        try:
            weights = {mode: {str(k): float(v) for k, v in (data["weights"].get(mode) or {}).items()} for mode in MODES}
            unknown = {k for w in weights.values() for k in w} - COMPONENTS.keys()
            if unknown:
                raise ValueError(f"unknown components {', '.join(sorted(unknown))}")
            return cls(weights=weights, trust={str(k): float(v) for k, v in (data.get("trust") or {}).items()},
                       default_trust=float(data.get("default_trust", 0.5)),
                       length_ratio={str(k): float(v) for k, v in (data.get("length_ratio") or {}).items()},
                       word_variety={str(k): (float(v["usual"]), float(v["lowest"]))
                                     for k, v in (data.get("word_variety") or {}).items()},
                       prior_words=int(data.get("prior_words", PRIOR_WORDS)),
                       signature=str(data.get("signature", "uncalibrated")))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"{where}: malformed score weights: {exc}") from None

    def to_dict(self) -> dict:
        return {"signature": self.signature, "prior_words": self.prior_words,
                "default_trust": round(self.default_trust, 4),
                "trust": {k: round(v, 4) for k, v in sorted(self.trust.items())},
                "length_ratio": {k: round(v, 4) for k, v in sorted(self.length_ratio.items())},
                "word_variety": {k: {"usual": round(usual, 4), "lowest": round(lowest, 4)}
                                 for k, (usual, lowest) in sorted(self.word_variety.items())},
                "weights": {mode: {k: round(v, 6) for k, v in w.items()} for mode, w in self.weights.items()}}

    @property
    def digest(self) -> str:
        """8 hex digits of the model's data: equal digests, equal scores for equal findings and signals."""
        import hashlib
        import json

        data = {k: v for k, v in self.to_dict().items() if k != "signature"}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:8]

    def trust_of(self, code: str) -> float:
        return self.trust.get(code, self.default_trust)


@lru_cache(maxsize=4)
def load(path: str | None = None) -> ScoreModel:
    """The score model in *path* (default: the shipped ``data/score.yml``)."""
    file = Path(path) if path else DATA
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{file}: cannot read the score weights: {exc}") from None
    indexed = shipped_index.data_file(text)  # the shipped model, parsed ahead of time (importing PyYAML is start-up time)
    if indexed is not None:
        data = indexed[0]
    else:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ValueError(f"{file}: cannot read the score weights: {exc}") from None
    return ScoreModel.from_dict(data if isinstance(data, dict) else {}, str(file))


def mode_of(signals: dict, metrics: dict) -> str:
    """Which weights apply: with a reference score, with a source, or the article alone."""
    if isinstance((metrics.get("chrF") or {}).get("score"), int | float):
        return "references"
    return "sources" if "length_mismatch" in signals else "alone"


def measurements(findings, points_of, words: int, signals: dict, metrics: dict, pair: str | None,
                 model: ScoreModel) -> dict[str, tuple[float, float]]:
    """Component name -> (value, badness) for the evidence the article has.

    *points_of* gives a finding's MQM points (the ``--weights``)."""
    denominator = max(words, 0) + model.prior_words
    plain = sum(points_of(f) * model.trust_of(f.code) for f in findings if not f.code.startswith(BILINGUAL_PREFIX))
    rate = plain * 1000 / denominator
    out = {"findings": (rate, rate / 100)}
    if "repetition" in signals:
        out["repetition"] = (signals["repetition"], signals["repetition"])
    human, variety = model.word_variety.get((pair or "").rpartition("-")[2]), signals.get("word_variety")
    if human and human[0] > human[1] and variety is not None and mode_of(signals, metrics) == "alone":
        usual, lowest = human
        out["word_variety"] = (variety, min(1.0, max(0.0, (usual - variety) / (usual - lowest))))
    if "length_mismatch" in signals:
        bilingual = sum(points_of(f) * model.trust_of(f.code) for f in findings if f.code.startswith(BILINGUAL_PREFIX))
        rate = bilingual * 1000 / denominator
        out["mismatches"] = (rate, rate / 100)
        for name in ("length_mismatch", "alignment_doubt", "untranslated"):
            out[name] = (signals.get(name, 0.0), signals.get(name, 0.0))
        usual, ratio = model.length_ratio.get(pair or ""), signals.get("length_ratio")
        if usual and ratio:
            short = max(0.0, math.log(usual / ratio))
            out["short_translation"] = (math.log(usual / ratio), short)
    chrf = (metrics.get("chrF") or {}).get("score")
    if isinstance(chrf, int | float):
        out["chrF"] = (float(chrf), max(0.0, (100.0 - chrf) / 100.0))
    return out


def components(findings, points_of, words: int, signals: dict, metrics: dict, pair: str | None,
               model: ScoreModel) -> tuple[str, list[Component]]:
    """(mode, the article's components with their weights), in ``COMPONENTS`` order."""
    mode = mode_of(signals, metrics)
    weights = model.weights.get(mode, {})
    found = measurements(findings, points_of, words, signals, metrics, pair, model)
    return mode, [Component(name, *found[name], weights.get(name, 0.0)) for name in COMPONENTS if name in found]


def score_of(parts: list[Component]) -> float:
    return 100.0 * math.exp(-sum(c.points for c in parts))


def lost_points(parts: list[Component]) -> list[float]:
    """How many of the 100 - score points each component loses (shares of the total in proportion
    to their points: the loss is 100 * (1 - exp(-sum)), shared as the sum is)."""
    total = sum(c.points for c in parts)
    loss = 100.0 - score_of(parts)
    return [loss * c.points / total if total else 0.0 for c in parts]
