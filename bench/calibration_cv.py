"""Is the score's calibration overfit? Ranking figures of weights fitted without the articles ranked.

    python bench/calibration_cv.py CORPUS_DIR [--without COMPONENT,...]

``tqcheck eval CORPUS --calibrate`` fits the score's weights on the dev MQM sets and reports how
the score ranks those same articles, which flatters it. This script checks every MQM article once
per mode, then refits everything the calibration fits (rule trust, usual length ratios, the word
variety of human translations, the weights; ``tqcheck.evaluate.calibrate``) on part of the
articles and ranks the rest:

* leave one document out: for each document, fit on all the others and score its articles; the
  figures are those of the scores so gathered (system-level pairwise accuracy, within-document and
  article tau, as ``tqcheck eval`` reports them);
* one language pair from the other: fit on zh-en alone and rank en-de, and the reverse (the zero
  points, per language pair or target language -- the usual length ratio, the word variety of
  human translations -- come from all the articles: one pair says nothing of the other's).

``--without`` leaves components out of the fit (e.g. ``--without word_variety`` for the score as it
was before that component), for comparison. Takes a minute or two (each fit ranks the dev articles
many times).
"""
from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace
from pathlib import Path

from tqcheck.cli.options import build_linter, scoring
from tqcheck.engine.config import Config
from tqcheck.evaluate import calibrate as cal
from tqcheck.evaluate.checking import check_articles, mode_articles
from tqcheck.evaluate.corpus import MODES, folder_references, group_articles
from tqcheck.evaluate.mqm import score_mqm
from tqcheck.evaluate.ranking import agreement, human_quality
from tqcheck.evaluate.run import read_corpus
from tqcheck.scoring import calibrated


def key(article) -> tuple[str, str, str]:
    return article.lp, article.doc_id, article.system


class Calibrator:
    def __init__(self, corpus_dir: Path, without: set[str]):
        problems: list[str] = []
        corpus = read_corpus(corpus_dir, problems)
        config = Config(select=(), ignore=())
        self.linter, self.scoring, self.without = build_linter(config), scoring(config), without
        self.articles = group_articles(corpus.mqm_rows, folder_references(corpus.path, problems))
        self.checked: dict[str, list[tuple]] = {mode: [] for mode in MODES}
        for lp in sorted({a.lp for a in self.articles}):
            for mode in MODES:
                chosen = mode_articles([a for a in self.articles if a.lp == lp], mode)
                self.checked[mode] += list(zip(chosen, check_articles(chosen, self.linter, mode, problems)))
        if problems:
            sys.exit("\n".join(problems))

    def fit(self, articles, zero_points_from=None) -> calibrated.ScoreModel:
        """The score model as ``cal.calibrate`` fits it, on *articles* only (the zero points on
        *zero_points_from* when given)."""
        checked, zero = self._checked(articles), self._checked(zero_points_from or articles)
        precision = score_mqm([a for a, _ in checked["sources"]], [r for _, r in checked["sources"]],
                              [r.code for r in self.linter.rules])
        trust = {code: (t.hits + 1) / (t.findings + 2) for code, t in precision.by_rule.items() if t.findings}
        ratios: dict[str, list[float]] = {}
        for article, result in zero["sources"]:
            if "length_ratio" in result.signals:
                ratios.setdefault(result.language_pair or article.lp, []).append(result.signals["length_ratio"])
        model = calibrated.ScoreModel(weights={m: {} for m in MODES}, trust=trust,
                                      length_ratio={lp: statistics.median(v) for lp, v in ratios.items()},
                                      word_variety=cal.human_word_variety(zero_points_from or articles))
        model = calibrated.ScoreModel.from_dict(model.to_dict())
        weights = {}
        for mode in MODES:
            sample = cal._sample(checked[mode], self.scoring, model)
            names = [n for n in calibrated.COMPONENTS
                     if n not in self.without and any(n in b for b in sample.badness)]
            weights[mode] = cal.fit(sample, names, cal.FINDINGS_FLOOR[mode])
        return calibrated.ScoreModel.from_dict(replace(model, weights=weights).to_dict())

    def _checked(self, articles) -> dict[str, list[tuple]]:
        keep = {key(a) for a in articles}
        return {m: [(a, r) for a, r in pairs if key(a) in keep] for m, pairs in self.checked.items()}

    def scores(self, model, mode: str, chosen: set) -> dict:
        """Article key -> (article, result, score under *model*) for the *chosen* articles of *mode*."""
        out = {}
        for article, result in self.checked[mode]:
            if key(article) in chosen:
                parts = calibrated.components(result.findings, self.scoring.weights.of, result.word_count,
                                              result.signals, result.metrics, result.language_pair, model)[1]
                out[key(article)] = (article, result, calibrated.score_of(parts))
        return out


def figures(scored: dict, lp: str) -> str:
    rows = [v for k, v in scored.items() if k[0] == lp]
    a = agreement([art.doc_id for art, _, _ in rows], [art.system for art, _, _ in rows], [s for _, _, s in rows],
                  [human_quality(art, r.word_count) for art, r, _ in rows])
    return f"{a.pairwise_accuracy:.3f} ({a.pairs} pairs), within-doc tau {a.within_doc_tau:.3f}, article tau {a.article_tau:.3f}"


def weights_text(model) -> str:
    return "; ".join(f"{mode}: " + ", ".join(f"{k} {v:.3g}" for k, v in w.items() if v) for mode, w in model.weights.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--without", default="", help="components left out of the fit, comma-separated")
    args = parser.parse_args()
    cal_ = Calibrator(args.corpus, {n for n in args.without.split(",") if n})
    lps = sorted({a.lp for a in cal_.articles})
    everything = {mode: {key(a) for a, _ in cal_.checked[mode]} for mode in MODES}

    model = cal_.fit(cal_.articles)
    print(f"fitted on every document: {weights_text(model)}")
    for mode in MODES:
        scored = cal_.scores(model, mode, everything[mode])
        for lp in lps:
            print(f"  in sample      {mode:<10} {lp}: {figures(scored, lp)}")

    gathered: dict[str, dict] = {mode: {} for mode in MODES}
    for lp, doc in sorted({(a.lp, a.doc_id) for a in cal_.articles}):
        fold = cal_.fit([a for a in cal_.articles if (a.lp, a.doc_id) != (lp, doc)])
        print(f"  without {doc}: {weights_text(fold)}")
        for mode in MODES:
            gathered[mode].update(cal_.scores(fold, mode, {k for k in everything[mode] if k[:2] == (lp, doc)}))
    for mode in MODES:
        for lp in lps:
            print(f"  leave one document out {mode:<10} {lp}: {figures(gathered[mode], lp)}")

    for fitted in lps:
        model = cal_.fit([a for a in cal_.articles if a.lp == fitted], zero_points_from=cal_.articles)
        print(f"fitted on {fitted} only: {weights_text(model)}")
        for mode in MODES:
            for lp in lps:
                if lp != fitted:
                    scored = cal_.scores(model, mode, {k for k in everything[mode] if k[0] == lp})
                    print(f"  ranks {lp} {mode:<10}: {figures(scored, lp)}")


if __name__ == "__main__":
    main()
