"""The words of a part of a text (a segment of an alignment), from the text's own word runs
(``tqcheck.text.index.TextIndex.tokens``, found once per document): a rule asks whether a segment
can hold a match of a whole-word pattern before it searches the segment with that pattern."""
from __future__ import annotations

import re
from bisect import bisect_left

from tqcheck.text.index import WORD_RUN, TextIndex

#: A digit: every number or date written in digits has one.
DIGIT = re.compile(r"\d")


def word_runs(words) -> frozenset[str] | None:
    """*words* when each is one run of word characters, else None (a list of words a pattern
    matches whole, ready for ``SegmentWords.lower_words``)."""
    return frozenset(words) if all(WORD_RUN.fullmatch(w) for w in words) else None


def may_hold(words: frozenset[str] | None, needed: frozenset[str] | None) -> bool:
    """Whether a segment of *words* (``SegmentWords.lower_words``; None: not known) may hold a
    match that needs one of *needed* (``word_runs``; None: needs no word known)."""
    return words is None or needed is None or not words.isdisjoint(needed)


class SegmentWords:
    def __init__(self, index: TextIndex) -> None:
        self.runs = index.tokens(WORD_RUN)
        self.starts = [start for start, _, _ in self.runs]
        #: None when ``str.lower`` is not ``re.IGNORECASE`` somewhere in the text.
        self.caseless = index.lower is not None

    def lower_words(self, start: int, end: int) -> frozenset[str] | None:
        """The lower-cased word runs in text[start:end], or None when that cannot stand in for a
        caseless search of the segment alone: a run crossing an end of the segment (the search
        would see a word edge there), or characters ``str.lower`` folds unlike ``re.IGNORECASE``.

        >>> from tqcheck.text.index import TextIndex
        >>> text = "In May, twenty-one. Mayor"
        >>> words = SegmentWords(TextIndex(text))
        >>> sorted(words.lower_words(0, 19)), words.lower_words(20, 23)
        (['in', 'may', 'one', 'twenty'], None)
        """
        if not self.caseless:
            return None
        i = bisect_left(self.starts, start)
        if i and self.runs[i - 1][1] > start:
            return None  # a run that begins before the segment and reaches into it
        found = set()
        for run_start, run_end, run in self.runs[i:]:
            if run_start >= end:
                break
            if run_end > end:
                return None  # a run that goes on past the segment
            found.add(run.lower())
        return frozenset(found)
