"""Which target segment translates which source segment.

Two ways, chosen per pair of documents:

* **lines** -- both files have the same number of lines (the WMT convention, and unit-based files
  such as XLIFF, one unit a line): line *i* of the target translates line *i* of the source.
* **sentences** -- otherwise. When both have as many paragraphs, the sentences of each pair of
  paragraphs are aligned; otherwise those of the whole text at once (paragraphing often differs
  between a source and its translation). Sentences are aligned with the length-based method of Gale & Church (1993, "A program for
  aligning sentences in bilingual corpora", Computational Linguistics 19(1)): a dynamic program over
  1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 "beads" whose cost is how unlikely the character-length ratio is.
  The expected ratio is the document's own (target characters per source character), so the same
  code serves Russian, Chinese or German sources. Two changes to the original: numbers act as
  anchors (a sentence pair disagreeing on them costs more, as in hunalign), and an omitted or added
  sentence costs its prior only, so that a dropped sentence is not forced into a 2-1 merge.

The result is a list of beads; each names a range of source segments and a range of target
segments (either may be empty: an omission or an addition). Everything here is pure.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

Span = tuple[int, int]


class Segmented(Protocol):
    """What alignment reads of a document (``tqcheck.document.Document`` is one)."""

    text: str
    paragraphs: list[Span]
    sentences: list[Span]

#: Gale & Church's bead priors (their Table 5), as costs (-log p).
_MOVES = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2,
          (2, 2): 0.011}
_MOVE_COST = {move: -math.log(p) for move, p in _MOVES.items()}
#: Variance of the target length per source character (Gale & Church's s^2).
VARIANCE = 6.8
#: Extra cost of a bead per anchor (number) present on one side only.
ANCHOR_COST = 2.0
_NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")
#: Half-width of the search band around the diagonal, in segments (plus the length difference).
BAND = 30


@dataclass(frozen=True, slots=True)
class Bead:
    """Source segments ``source[0]:source[1]`` correspond to target segments ``target[0]:target[1]``."""

    source: tuple[int, int]
    target: tuple[int, int]


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """One bead with its character spans (None for an empty side)."""

    source_span: Span | None
    target_span: Span | None
    source_segments: tuple[int, int]
    target_segments: tuple[int, int]


@dataclass(frozen=True)
class Alignment:
    """Segments of both documents (character spans into each ``text``) and the beads joining them."""

    mode: str  # "lines" or "sentences"
    source_segments: list[Span]
    target_segments: list[Span]
    beads: list[Bead]

    @property
    def pairs(self) -> list[AlignedPair]:
        return [AlignedPair(_join(self.source_segments, b.source), _join(self.target_segments, b.target),
                            b.source, b.target) for b in self.beads]

    def pair_for_target(self, offset: int) -> AlignedPair | None:
        """The aligned pair whose target side contains *offset*."""
        for pair in self.pairs:
            if pair.target_span and pair.target_span[0] <= offset < pair.target_span[1]:
                return pair
        return None


def _join(segments: list[Span], rng: tuple[int, int]) -> Span | None:
    return (segments[rng[0]][0], segments[rng[1] - 1][1]) if rng[1] > rng[0] else None


# -- segmentation ------------------------------------------------------------------------------
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def line_spans(text: str, start: int = 0) -> list[Span]:
    """(start, end) of every line of *text* from *start*, whitespace trimmed; blank lines give (i, i)."""
    spans = []
    for m in _LINE.finditer(text, start):
        if m.start() == len(text) and spans:
            break  # the empty "line" after a final line break is not a line
        a, b = m.start(), m.start() + len(m.group().rstrip("\r\n"))
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        spans.append((a, b) if a < b else (a, a))
        if m.end() == len(text):
            break
    return spans


# -- the aligners --------------------------------------------------------------------------------
def align_documents(target: Segmented, source: Segmented) -> Alignment:
    """Line-align when both files have as many lines, else align sentences within paragraphs."""
    src_lines, tgt_lines = line_spans(source.text), line_spans(target.text)
    if len(src_lines) == len(tgt_lines):
        return _align_lines(src_lines, tgt_lines)
    return _align_sentences(source, target)


def _align_lines(src_lines: list[Span], tgt_lines: list[Span]) -> Alignment:
    src_segments, tgt_segments, beads = [], [], []
    for s, t in zip(src_lines, tgt_lines):
        if s[0] == s[1] and t[0] == t[1]:
            continue  # a blank line on both sides (e.g. a paragraph break)
        si, ti = len(src_segments), len(tgt_segments)
        if s[0] < s[1]:
            src_segments.append(s)
        if t[0] < t[1]:
            tgt_segments.append(t)
        beads.append(Bead((si, len(src_segments)), (ti, len(tgt_segments))))
    return Alignment("lines", src_segments, tgt_segments, beads)


def _align_sentences(source: Segmented, target: Segmented) -> Alignment:
    src_paras, tgt_paras = source.paragraphs, target.paragraphs
    src_sents, tgt_sents = source.sentences, target.sentences
    ratio = _ratio(src_paras, tgt_paras)
    if len(src_paras) == len(tgt_paras):
        para_beads = [Bead((i, i + 1), (i, i + 1)) for i in range(len(src_paras))]
    else:  # the paragraphing differs (or one was dropped): align the sentences of the whole text at once
        para_beads = [Bead((0, len(src_paras)), (0, len(tgt_paras)))]
    beads = []
    for pb in para_beads:
        s_idx = _sentences_in(src_sents, src_paras, pb.source)
        t_idx = _sentences_in(tgt_sents, tgt_paras, pb.target)
        lengths_s = [src_sents[i][1] - src_sents[i][0] for i in s_idx]
        lengths_t = [tgt_sents[i][1] - tgt_sents[i][0] for i in t_idx]
        s0 = s_idx[0] if s_idx else _first_after(src_sents, src_paras, pb.source)
        t0 = t_idx[0] if t_idx else _first_after(tgt_sents, tgt_paras, pb.target)
        anchors_s = [anchors(source.text[slice(*src_sents[i])]) for i in s_idx]
        anchors_t = [anchors(target.text[slice(*tgt_sents[i])]) for i in t_idx]
        for b in gale_church(lengths_s, lengths_t, ratio, anchors_s, anchors_t):
            beads.append(Bead((s0 + b.source[0], s0 + b.source[1]), (t0 + b.target[0], t0 + b.target[1])))
    return Alignment("sentences", list(src_sents), list(tgt_sents), beads)


def anchors(text: str) -> frozenset[str]:
    """The numbers of *text* reduced to their significant digits ("3,5" and "3.5" -> "35"; "40 000",
    "40,000" and "40" -> "4"), so that the same quantity agrees across scripts and number formats."""
    out = set()
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group()).strip("0")
        if digits:
            out.add(digits)
    return frozenset(out)


def _ratio(src: Sequence[Span], tgt: Sequence[Span]) -> float:
    s, t = sum(b - a for a, b in src), sum(b - a for a, b in tgt)
    return t / s if s and t else 1.0


def _sentences_in(sents: list[Span], paras: list[Span], rng: tuple[int, int]) -> list[int]:
    if rng[1] <= rng[0]:
        return []
    lo, hi = paras[rng[0]][0], paras[rng[1] - 1][1]
    return [i for i, (a, _) in enumerate(sents) if lo <= a < hi]


def _first_after(sents: list[Span], paras: list[Span], rng: tuple[int, int]) -> int:
    """Index where an empty paragraph range would sit in the sentence list."""
    if rng[0] >= len(paras):
        return len(sents)
    lo = paras[rng[0]][0]
    return next((i for i, (a, _) in enumerate(sents) if a >= lo), len(sents))


def gale_church(source_lengths: Sequence[int], target_lengths: Sequence[int], ratio: float = 1.0,
                source_anchors: Sequence[frozenset[str]] | None = None,
                target_anchors: Sequence[frozenset[str]] | None = None) -> list[Bead]:
    """Gale-Church alignment of two sequences of segment lengths; *ratio* = expected target/source.

    With *anchors* (one set per segment, see ``anchors()``), a bead whose two sides disagree on them
    costs ``ANCHOR_COST`` more per anchor found on one side only, as numbers rarely change in translation.
    """
    n, m = len(source_lengths), len(target_lengths)
    if not n or not m:
        return [Bead((0, n), (0, m))] if n or m else []
    band = BAND + abs(n - m)
    inf = float("inf")
    cost = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        centre = i * m / n
        for j in range(max(0, int(centre - band)), min(m, int(centre + band)) + 1):
            if i == 0 and j == 0:
                continue
            best, best_move = inf, None
            for (di, dj), move_cost in _MOVE_COST.items():
                prev = cost.get((i - di, j - dj))
                if prev is None:
                    continue
                c = prev + move_cost + _length_cost(sum(source_lengths[i - di:i]), sum(target_lengths[j - dj:j]), ratio)
                if source_anchors is not None and target_anchors is not None and di and dj:
                    a = frozenset().union(*source_anchors[i - di:i])
                    b = frozenset().union(*target_anchors[j - dj:j])
                    c += ANCHOR_COST * len(a ^ b)
                if c < best:
                    best, best_move = c, (di, dj)
            if best_move is not None:
                cost[(i, j)] = best
                back[(i, j)] = best_move
    if (n, m) not in cost:  # cannot happen with the band above; a 1-bead fallback keeps it total
        return [Bead((0, n), (0, m))]
    beads, i, j = [], n, m
    while (i, j) != (0, 0):
        di, dj = back[(i, j)]
        beads.append(Bead((i - di, i), (j - dj, j)))
        i, j = i - di, j - dj
    return beads[::-1]


def _length_cost(source_len: int, target_len: int, ratio: float) -> float:
    if source_len == 0 or target_len == 0:
        # An omission or addition is priced by its prior alone: the length model would make any
        # dropped sentence look less likely than a bad 2-1 merge, hiding the very gaps BI04 reports.
        return 0.0
    mean = (source_len + target_len / ratio) / 2
    delta = (target_len - source_len * ratio) / math.sqrt(mean * VARIANCE)
    p = math.erfc(abs(delta) / math.sqrt(2))  # two-sided tail of the standard normal
    return -math.log(max(p, 1e-300))
