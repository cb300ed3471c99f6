"""Calibrating the score (``tqcheck.scoring.calibrated``) on the dev MQM sets: ``tqcheck eval CORPUS
--calibrate`` checks every MQM article as the eval does (alone, with sources, with references),
then writes the score's data file (``tqcheck/scoring/data/score.yml``) from what it measured:

1. **Rule trust**: each rule's precision with sources over every language pair (a finding is a hit
   when it starts in a span the raters marked, as ``tqcheck eval`` counts it), smoothed as
   (hits + 1) / (findings + 2), so a rule seen twice is not trusted fully; unseen rules get 0.5.
2. **Usual length ratio** of each language pair: the median target/source character ratio of its
   articles (the ``short_translation`` component's zero point); **word variety of human
   translations** into each target language: the median and the lowest ``word_variety`` of the
   reference translations (one per document), the ``word_variety`` component's 0 (as varied as a
   usual human translation: nothing lost) and 1 (as poor as the poorest).
3. **Weights**, one set per mode. A component may have a weight only if alone it ranks the
   systems no worse than chance on every language pair and better on one (``eligible``). The badness are scaled by their spread over the dev
   articles, then each weight is chosen in turn from ``GRID`` (coordinate ascent, a few rounds, in
   ``COMPONENTS`` order, so the result is deterministic) to maximise ``objective`` (of the score
   itself, each candidate's weights scaled as in step 4): the mean over
   the language pairs of 1/2 system-level pairwise accuracy + 1/4 within-document Kendall tau +
   1/4 article-level tau against the raters' MQM per 1,000 words. The search starts from the best
   single component beside the findings (with references: from chrF alone) and only accepts a
   change that improves the objective by ``MIN_GAIN``; with references, also none that makes a
   language pair's system-level pairwise accuracy worse than chrF's alone, so the score ranks at
   least as well as chrF alone on the dev sets.
4. **Scale**: one factor for all the weights of a mode, by least squares without intercept, so
   that the score is close to 100 * exp(-MQM points per 1,000 words / ``HUMAN_SCALE``) as the raters
   would give it (a typical WMT system article, about 90 points per 1,000 words, scores about 70).
   ``findings`` then weighs between ``FINDINGS_FLOOR`` and ``FINDINGS_CEILING``: findings must
   lower the score whatever the dev sets say (without a reference, a finding's trusted point
   counts as one to four of the raters' points; with one, what the fit gives), and no more than that.
   The search in step 3 ranks the weights as they will be after this step.

Never per document: one set of weights per mode for every article and language pair.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field, replace

from tqcheck.evaluate.checking import check_articles, mode_articles
from tqcheck.evaluate.corpus import MODES, folder_references, group_articles, language_pair
from tqcheck.evaluate.mqm import score_mqm
from tqcheck.evaluate.ranking import agreement, human_quality
from tqcheck.scoring import calibrated
from tqcheck.scoring.signals import word_variety

#: The relative weights tried for each component (times 1 / its spread).
GRID = (0.0, 0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
ROUNDS = 4
#: A change of weights must raise the objective by this much: a component that does not rank
#: better than chance on the dev sets keeps weight 0 instead of being fitted to their noise.
MIN_GAIN = 0.005
#: MQM points per 1,000 words that take the score from 100 to 100/e (about 37).
HUMAN_SCALE = 250.0
#: The least weight of ``findings`` per mode. Without a reference, a finding's trusted MQM points
#: cost at least what the raters' points cost on the score's scale (x is points / 100, the scale
#: HUMAN_SCALE). With a reference, chrF sees much of what findings see, and the score must rank at
#: least as well as chrF alone on every language pair: the findings have a weight only where they
#: help.
FINDINGS_FLOOR = {"alone": 100.0 / HUMAN_SCALE, "sources": 100.0 / HUMAN_SCALE, "references": 0.0}
#: ... and at most 4 times the raters' rate: the findings catch a small share of what raters mark,
#: and a least squares fit on them alone would make every finding stand for many unseen errors.
FINDINGS_CEILING = 4 * 100.0 / HUMAN_SCALE


@dataclass
class Sample:
    """The dev articles of one mode: language pair, document, system, human quality, badness per component."""

    lps: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)
    human: list[float] = field(default_factory=list)
    badness: list[dict[str, float]] = field(default_factory=list)


@dataclass
class Calibration:
    model: calibrated.ScoreModel
    #: mode -> language pair -> measure ("score" or a component) -> agreement dict.
    figures: dict = field(default_factory=dict)


def finish(sample: Sample, weights: dict[str, float], floor: float) -> dict[str, float]:
    """*weights* as the data file will hold them: times their least-squares scale, the findings'
    weight then kept between *floor* and ``FINDINGS_CEILING``."""
    factor = scale(sample, weights)
    final = {n: w * factor for n, w in weights.items()}
    final["findings"] = min(max(final.get("findings", 0.0), floor), FINDINGS_CEILING)
    return final


def objective(sample: Sample, weights: dict[str, float], floor: float = 0.0) -> float:
    """How the score ranks the dev articles with *weights* as ``finish`` makes them: the score
    itself, 100 * exp(-points), is ranked, as ``tqcheck eval`` ranks it (system means of the score,
    not of the points)."""
    return _objective(sample, weights, floor)[0]


def _objective(sample: Sample, weights: dict[str, float], floor: float) -> tuple[float, dict[str, float]]:
    """(the objective, each language pair's system-level pairwise accuracy)."""
    final = finish(sample, weights, floor)
    values = [math.exp(-sum(final.get(k, 0.0) * v for k, v in b.items())) for b in sample.badness]
    total, accuracy = [], {}
    for lp in sorted(set(sample.lps)):
        rows = [i for i, x in enumerate(sample.lps) if x == lp]
        a = agreement([sample.docs[i] for i in rows], [sample.systems[i] for i in rows], [values[i] for i in rows],
                      [sample.human[i] for i in rows])
        accuracy[lp] = a.pairwise_accuracy if a.pairwise_accuracy is not None else 0.5
        total.append(0.5 * accuracy[lp] + 0.25 * (a.within_doc_tau or 0.0) + 0.25 * (a.article_tau or 0.0))
    return (statistics.fmean(total) if total else 0.0), accuracy


def eligible(sample: Sample, name: str) -> bool:
    """Whether a component alone ranks the systems no worse than chance on every language pair and
    better on one (system-level pairwise accuracy): only then may it have a weight."""
    accuracies = []
    for lp in sorted(set(sample.lps)):
        rows = [i for i, x in enumerate(sample.lps) if x == lp]
        a = agreement([sample.docs[i] for i in rows], [sample.systems[i] for i in rows],
                      [-sample.badness[i].get(name, 0.0) for i in rows], [sample.human[i] for i in rows])
        accuracies.append(a.pairwise_accuracy if a.pairwise_accuracy is not None else 0.5)
    return min(accuracies) >= 0.5 and max(accuracies) > 0.5


def fit(sample: Sample, names: list[str], findings_floor: float = 0.0) -> dict[str, float]:
    """The weights (``finish``-ed) by coordinate ascent from the best single component."""
    spread = {n: statistics.pstdev([b.get(n, 0.0) for b in sample.badness]) for n in names}
    usable = [n for n in names if spread[n] > 0 and (n == "findings" or eligible(sample, n))]
    if not usable:
        return {n: (findings_floor if n == "findings" else 0.0) for n in names}

    def weights(rel: dict[str, float]) -> dict[str, float]:
        return {n: rel.get(n, 0.0) / spread[n] for n in usable}

    def floor(n: str) -> tuple[float, ...]:
        return tuple(g for g in GRID if g > 0) if n == "findings" and not findings_floor == 0 else GRID

    # With a reference, no language pair may rank its systems worse than chrF alone does.
    guard = _objective(sample, {"chrF": 1.0}, 0.0)[1] if "chrF" in usable else {}

    def value(rel: dict[str, float]) -> float | None:
        """The objective of *rel*, or None when it breaks the guard."""
        result, accuracy = _objective(sample, weights(rel), findings_floor)
        return None if any(accuracy[lp] < bound - 1e-9 for lp, bound in guard.items()) else result

    base = {n: (floor(n)[0] if n == "findings" else 0.0) for n in usable}
    if "chrF" in usable:
        base = {**base, "findings": 0.0, "chrF": 1.0}
    best, best_value = base, value(base)
    for first in usable:
        trial = {**base, first: 1.0}
        found = value(trial)
        if found is not None and (best_value is None or found > best_value + MIN_GAIN):
            best, best_value = trial, found
    for _ in range(ROUNDS):
        changed = False
        for n in usable:
            for g in floor(n):
                trial = {**best, n: g}
                found = value(trial)
                if found is not None and (best_value is None or found > best_value + MIN_GAIN):
                    best, best_value, changed = trial, found, True
        if not changed:
            break
    result = finish(sample, weights(best), findings_floor)
    return {n: result.get(n, 0.0) for n in names}


def scale(sample: Sample, weights: dict[str, float]) -> float:
    """The factor that makes 100 * exp(-points) closest to 100 * exp(-MQM per 1,000 words / HUMAN_SCALE)."""
    points = [sum(weights.get(k, 0.0) * v for k, v in b.items()) for b in sample.badness]
    targets = [-h / HUMAN_SCALE for h in sample.human]
    num = sum(p * t for p, t in zip(points, targets))
    den = sum(p * p for p in points)
    return num / den if den and num > 0 else 1.0


def calibrate(corpus, linter, scoring, problems: list[str], signature: str = "") -> Calibration:
    """Check the corpus's MQM articles in every mode and fit the score model on them."""
    refs = folder_references(corpus.path, problems)
    articles = group_articles(corpus.mqm_rows, refs)
    lps = sorted({a.lp for a in articles})
    checked: dict[str, list[tuple]] = {mode: [] for mode in MODES}
    for lp in lps:
        for mode in MODES:
            chosen = mode_articles([a for a in articles if a.lp == lp], mode)
            if chosen:
                checked[mode] += list(zip(chosen, check_articles(chosen, linter, mode, problems)))
    codes = [r.code for r in linter.rules]
    precision = score_mqm([a for a, _ in checked["sources"]], [r for _, r in checked["sources"]], codes)
    trust = {code: (t.hits + 1) / (t.findings + 2) for code, t in precision.by_rule.items() if t.findings}
    ratios: dict[str, list[float]] = {}
    for article, result in checked["sources"]:
        if "length_ratio" in result.signals:
            ratios.setdefault(result.language_pair or article.lp, []).append(result.signals["length_ratio"])
    model = calibrated.ScoreModel(weights={m: {} for m in calibrated.MODES}, trust=trust,
                                  length_ratio={lp: statistics.median(v) for lp, v in sorted(ratios.items())},
                                  word_variety=human_word_variety(articles), signature=signature or "calibrated")
    model = calibrated.ScoreModel.from_dict(model.to_dict())  # as the data file will hold it (rounded)
    weights = {}
    for mode in MODES:
        sample = _sample(checked[mode], scoring, model)
        names = [n for n in calibrated.COMPONENTS if any(n in b for b in sample.badness)]
        weights[mode] = fit(sample, names, FINDINGS_FLOOR[mode]) if sample.badness else {"findings": FINDINGS_FLOOR[mode]}
    model = calibrated.ScoreModel.from_dict(replace(model, weights=weights).to_dict())
    samples = {mode: _sample(checked[mode], scoring, model) for mode in MODES}
    return Calibration(model, figures(samples, model.weights))


def human_word_variety(articles) -> dict[str, tuple[float, float]]:
    """Target language -> (the median, the lowest) ``word_variety`` of the articles' reference
    translations, one per document (every system of a document shares it)."""
    references = {(a.lp, a.doc_id): a.reference for a in articles if a.reference}
    varieties: dict[str, list[float]] = {}
    for (lp, _), reference in sorted(references.items()):
        varieties.setdefault(language_pair(lp)[1], []).append(word_variety(reference))
    return {lang: (statistics.median(v), min(v)) for lang, v in sorted(varieties.items())}


def _sample(checked: list[tuple], scoring, model) -> Sample:
    """The badness of each checked article's components under *model*."""
    sample = Sample()
    for article, result in checked:
        found = calibrated.measurements(result.findings, scoring.weights.of, result.word_count, result.signals,
                                        result.metrics, result.language_pair, model)
        sample.lps.append(article.lp)
        sample.docs.append(article.doc_id)
        sample.systems.append(article.system)
        sample.human.append(human_quality(article, result.word_count))
        sample.badness.append({name: bad for name, (_, bad) in found.items()})
    return sample


def figures(samples: dict[str, Sample], weights: dict[str, dict[str, float]]) -> dict:
    """mode -> language pair -> measure -> agreement: the score and each component alone."""
    out: dict = {}
    for mode, sample in samples.items():
        for lp in sorted(set(sample.lps)):
            rows = [i for i, x in enumerate(sample.lps) if x == lp]
            docs, systems = [sample.docs[i] for i in rows], [sample.systems[i] for i in rows]
            human = [sample.human[i] for i in rows]
            measures = {"score": [100 * math.exp(-sum(weights[mode].get(k, 0.0) * v
                                                      for k, v in sample.badness[i].items())) for i in rows]}
            for name in weights[mode]:
                measures[f"component {name}"] = [-sample.badness[i].get(name, 0.0) for i in rows]
            out.setdefault(mode, {})[lp] = {name: agreement(docs, systems, values, human).as_dict()
                                            for name, values in measures.items()}
    return out


def write_model(model: calibrated.ScoreModel, path, command: str) -> None:
    import yaml

    header = (f"# The score's calibrated weights (tqcheck.scoring.calibrated), written by `{command}`\n"
              "# (tqcheck.evaluate.calibrate) from the dev MQM sets. Data, not code: re-run the command after\n"
              "# changing rules instead of editing by hand. trust: each rule's smoothed precision on dev;\n"
              "# length_ratio: usual target/source characters per language pair; word_variety: median and\n"
              "# lowest MATTR of the reference translations per target language; weights: per mode.\n")
    path.write_text(header + yaml.safe_dump(model.to_dict(), sort_keys=False, allow_unicode=True), encoding="utf-8")


def render(calibration: Calibration) -> str:
    """The dev figures per mode, language pair and measure, as a text table."""
    lines = ["mode        lp     measure                    weight    pairs  pairwise  within-doc tau  article tau"]
    for mode, by_lp in calibration.figures.items():
        for lp, measures in by_lp.items():
            for name, a in measures.items():
                weight = calibration.model.weights[mode].get(name.removeprefix("component "))
                shown = "" if name == "score" else f"{weight:.4g}"
                lines.append(f"{mode:<11} {lp:<6} {name:<26} {shown:>8} {a['pairs']:>7}  "
                             f"{_f(a['pairwise_accuracy']):>8}  {_f(a['within_doc_tau']):>14}  {_f(a['article_tau']):>11}")
    return "\n".join(lines) + "\n"


def _f(value) -> str:
    return "-" if value is None else f"{value:.3f}"
