"""One evaluation run: read the corpus, check its articles in each mode, compute every figure.

The figures are data (``Evaluation.as_dict``): the report renders them, ``--format json`` prints
them, and the targets (``tqcheck.evaluate.targets``) point into them.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqcheck.evaluate.checking import check_articles, mode_articles, summaries
from tqcheck.evaluate.corpus import (DEMETR_FIELDS, MQM_FIELDS, EvalInputError, folder_references, group_articles,
                                     language_pair, read_jsonl)
from tqcheck.evaluate.demetr import DemetrResult, evaluate_demetr
from tqcheck.evaluate.mqm import MqmResult, score_mqm
from tqcheck.evaluate.ranking import Agreement, rank
from tqcheck.scoring.signature import make_signature

#: The key of the MQM figures over every language pair together (with sources), comparable with
#: reports from before the figures were split by language pair.
ALL_PAIRS = "all"


def signature(linter, scoring, files: list[Path]) -> str:
    """What produced the figures: ``tqcheck check``'s run signature (``tqcheck.scoring.signature``),
    less the language pair (the figures span several) and the weights (which eval signatures have
    never named), with the score model's hash (the ranking figures depend on it), plus the data files' hashes: equal signatures mean comparable
    figures."""
    data = ",".join(f"{f.name}@{hashlib.sha256(f.read_bytes()).hexdigest()[:8]}" for f in files)
    return str(replace(make_signature(linter, scoring), weights=None, pair=None, data=data))


@dataclass
class Corpus:
    path: Path
    mqm_files: list[Path]
    demetr_files: list[Path]
    mqm_rows: list[dict] = field(default_factory=list)
    #: (file, row): DEMETR items are keyed by file and doc_id.
    demetr_rows: list[tuple[str, dict]] = field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        return self.mqm_files + self.demetr_files

    @property
    def language_pairs(self) -> set[str]:
        return {r["lp"] for r in self.mqm_rows} | {demetr_pair(r) for _, r in self.demetr_rows}


def demetr_pair(row: dict) -> str:
    """A DEMETR row's language pair in ISO codes ("polish-en" -> "pl-en"), as ``--lp`` names it."""
    return "-".join(str(code) for code in language_pair(str(row["lp"])))


def read_corpus(path: Path, problems: list[str]) -> Corpus:
    """The rows of ``PATH/mqm/*.jsonl`` and ``PATH/demetr/*.jsonl``; a bad file goes to *problems*."""
    corpus = Corpus(path, sorted((path / "mqm").glob("*.jsonl")), sorted((path / "demetr").glob("*.jsonl")))
    for file in corpus.files:
        try:
            if file in corpus.mqm_files:
                corpus.mqm_rows += read_jsonl(file, MQM_FIELDS)
            else:
                corpus.demetr_rows += [(str(file), row) for row in read_jsonl(file, DEMETR_FIELDS)]
        except EvalInputError as exc:
            problems.append(str(exc))
    return corpus


@dataclass
class Evaluation:
    #: Language pair (or ALL_PAIRS) -> mode -> figures; modes "alone" and "sources".
    mqm: dict[str, dict[str, MqmResult]] = field(default_factory=dict)
    #: Mode ("alone", "sources") -> figures.
    demetr: dict[str, DemetrResult] = field(default_factory=dict)
    #: Language pair -> mode -> measure -> agreement with the raters.
    ranking: dict[str, dict[str, dict[str, Agreement]]] = field(default_factory=dict)
    #: MQM articles checked, counted once per mode.
    articles_checked: int = 0

    def as_dict(self) -> dict:
        return {"mqm": {lp: {mode: r.as_dict() for mode, r in modes.items()} for lp, modes in self.mqm.items()},
                "demetr": {mode: r.as_dict() for mode, r in self.demetr.items()},
                "ranking": {lp: {mode: {name: a.as_dict() for name, a in measures.items()}
                                 for mode, measures in modes.items()} for lp, modes in self.ranking.items()}}


def evaluate(corpus: Corpus, linter, scoring, lps: set[str] | None, modes: tuple[str, ...],
             problems: list[str]) -> Evaluation:
    """Every figure of the language pairs *lps* (None: all) in *modes* (``corpus.MODES`` keys)."""
    result = Evaluation()
    rows = [r for r in corpus.mqm_rows if lps is None or r["lp"] in lps]
    refs = folder_references(corpus.path, problems) if "references" in modes else {}
    articles = group_articles(rows, refs)
    codes = [r.code for r in linter.rules]
    combined_articles, combined_results = [], []
    for lp in sorted({a.lp for a in articles}):
        for mode in modes:
            chosen = mode_articles([a for a in articles if a.lp == lp], mode)
            if not chosen:
                continue
            checked = check_articles(chosen, linter, mode, problems)
            result.articles_checked += len(chosen)
            if mode != "references":
                result.mqm.setdefault(lp, {})[mode] = score_mqm(chosen, checked, codes)
            if mode == "sources":
                combined_articles += chosen
                combined_results += checked
            result.ranking.setdefault(lp, {})[mode] = rank(chosen, summaries(checked, linter, scoring))
    if combined_articles:
        result.mqm[ALL_PAIRS] = {"sources": score_mqm(combined_articles, combined_results, codes)}
    demetr_rows = [(f, r) for f, r in corpus.demetr_rows if lps is None or demetr_pair(r) in lps]
    for mode in modes:
        if demetr_rows and mode in ("alone", "sources"):
            result.demetr[mode] = evaluate_demetr(demetr_rows, linter, mode == "sources", problems)
    return result
