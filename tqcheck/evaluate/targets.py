"""The bars the open issues set (15: German target, 17: agreement with reviewers, 18: ranking),
as one table of data: each bar names a figure of ``Evaluation.as_dict()`` by its path and what it
must be compared with (a number, or another figure plus an offset)."""
from __future__ import annotations

import operator
from dataclasses import dataclass

from tqcheck.evaluate.demetr import CODEMIX_LATIN

Path = tuple[str, ...]
OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt}


@dataclass(frozen=True)
class Bar:
    issue: int
    what: str
    figure: Path
    op: str
    bound: float | Path
    #: A bound that is a figure: its name in the report, and what is added to it (chance + 0.35).
    bound_name: str = ""
    plus: float = 0.0


# Shorthands for the figure paths the table names.
_DE, _ZH = ("mqm", "en-de"), ("mqm", "zh-en")
_PRECISION, _CHANCE, _FINDINGS = ("overall", "precision"), ("overall", "chance"), ("overall", "findings")
_PUNCTUATION = ("categories", "Fluency/Punctuation", "recall")
_FRAGMENT = ("categories", "Accuracy/Source language fragment", "recall")
_CODEMIX_LATIN = ("perturbations", CODEMIX_LATIN, "rate")
_ACCURACY, _TAU = ("score", "pairwise_accuracy"), ("score", "within_doc_tau")
_CHRF_ACCURACY = ("chrF", "pairwise_accuracy")

BARS: tuple[Bar, ...] = (
    Bar(15, "en-de alone: findings per article", (*_DE, "alone", "findings_per_article"), ">=", 2),
    Bar(15, "en-de with sources: findings per article", (*_DE, "sources", "findings_per_article"), ">=", 2),
    Bar(15, "en-de alone: precision above chance", (*_DE, "alone", *_PRECISION), ">=",
        (*_DE, "alone", *_CHANCE), "chance", 0.35),
    Bar(15, "en-de with sources: precision above chance", (*_DE, "sources", *_PRECISION), ">=",
        (*_DE, "sources", *_CHANCE), "chance", 0.35),
    Bar(15, "en-de alone: punctuation marks found", (*_DE, "alone", *_PUNCTUATION), ">=", 0.55),
    Bar(15, "en-de with sources: punctuation marks found", (*_DE, "sources", *_PUNCTUATION), ">=", 0.55),
    Bar(15, "en-de alone: English-fragment marks found", (*_DE, "alone", *_FRAGMENT), ">=", 0.30),
    Bar(15, "en-de with sources: English-fragment marks found", (*_DE, "sources", *_FRAGMENT), ">=", 0.30),
    Bar(15, "en-de: sources do not lower precision", (*_DE, "sources", *_PRECISION), ">=",
        (*_DE, "alone", *_PRECISION), "precision alone"),
    Bar(17, "zh-en alone: precision above chance", (*_ZH, "alone", *_PRECISION), ">=",
        (*_ZH, "alone", *_CHANCE), "chance", 0.25),
    Bar(17, "zh-en with sources: precision above chance", (*_ZH, "sources", *_PRECISION), ">=",
        (*_ZH, "sources", *_CHANCE), "chance", 0.25),
    Bar(17, "zh-en: sources add findings", (*_ZH, "sources", *_FINDINGS), ">", (*_ZH, "alone", *_FINDINGS), "findings alone"),
    Bar(17, "zh-en: sources do not lower precision", (*_ZH, "sources", *_PRECISION), ">=",
        (*_ZH, "alone", *_PRECISION), "precision alone"),
    Bar(17, "DEMETR with sources: Latin-script source words found", ("demetr", "sources", *_CODEMIX_LATIN), ">=", 0.7),
    Bar(17, "DEMETR alone: Latin-script source words found", ("demetr", "alone", *_CODEMIX_LATIN), ">=", 0.5),
    Bar(17, "DEMETR alone: unperturbed sentences flagged", ("demetr", "alone", "clean_rate"), "<=", 0.05),
    Bar(17, "DEMETR with sources: unperturbed sentences flagged", ("demetr", "sources", "clean_rate"), "<=", 0.05),
    Bar(18, "zh-en alone: system pairwise accuracy", ("ranking", "zh-en", "alone", *_ACCURACY), ">=", 0.65),
    Bar(18, "en-de alone: system pairwise accuracy", ("ranking", "en-de", "alone", *_ACCURACY), ">=", 0.65),
    Bar(18, "zh-en with sources: system pairwise accuracy", ("ranking", "zh-en", "sources", *_ACCURACY), ">=", 0.80),
    Bar(18, "en-de with sources: system pairwise accuracy", ("ranking", "en-de", "sources", *_ACCURACY), ">=", 0.80),
    Bar(18, "zh-en with sources: within-document tau", ("ranking", "zh-en", "sources", *_TAU), ">=", 0.25),
    Bar(18, "en-de with sources: within-document tau", ("ranking", "en-de", "sources", *_TAU), ">=", 0.25),
    Bar(18, "zh-en with references: system pairwise accuracy", ("ranking", "zh-en", "references", *_ACCURACY), ">=", 0.85),
    Bar(18, "en-de with references: system pairwise accuracy", ("ranking", "en-de", "references", *_ACCURACY), ">=", 0.85),
    Bar(18, "zh-en with references: pairwise accuracy above chrF's", ("ranking", "zh-en", "references", *_ACCURACY), ">",
        ("ranking", "zh-en", "references", *_CHRF_ACCURACY), "chrF's"),
    Bar(18, "en-de with references: pairwise accuracy above chrF's", ("ranking", "en-de", "references", *_ACCURACY), ">",
        ("ranking", "en-de", "references", *_CHRF_ACCURACY), "chrF's"),
)


def lookup(figures: dict, path: Path) -> float | None:
    node = figures
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node if isinstance(node, int | float) and not isinstance(node, bool) else None


@dataclass(frozen=True)
class Outcome:
    bar: Bar
    required: str
    measured: float | None
    #: None when a figure is missing (a language pair or mode not run).
    passed: bool | None


def format_figure(value: float | None) -> str:
    """A count as it is, a share or score with 3 decimals, a missing figure as "-"."""
    return "-" if value is None else str(value) if isinstance(value, int) else f"{value:.3f}"


def judge(figures: dict, bars: tuple[Bar, ...] = BARS) -> list[Outcome]:
    """Each bar with its measured value and whether it is met, from *figures* (``Evaluation.as_dict()``)."""
    outcomes = []
    for bar in bars:
        measured = lookup(figures, bar.figure)
        if isinstance(bar.bound, tuple):
            other = lookup(figures, bar.bound)
            bound = other + bar.plus if other is not None and bar.plus else other
            required = f"{bar.op} {bar.bound_name}" + (f" + {bar.plus:g}" if bar.plus else "")
            required += "" if bound is None else f" = {format_figure(bound)}"
        else:
            bound, required = bar.bound, f"{bar.op} {bar.bound:g}"
        passed = None if measured is None or bound is None else OPERATORS[bar.op](measured, bound)
        outcomes.append(Outcome(bar, required, measured, passed))
    return outcomes
