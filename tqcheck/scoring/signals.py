"""Signals of an article's quality that are not findings: measured on the document itself, and on
its source when there is one (``Document.source`` and ``Document.alignment``). Pure: text in,
numbers out; the engine stores them on ``ArticleResult.signals`` and the score
(``tqcheck.scoring.calibrated``) turns them into components.

Each signal is a share or a rate (0 = nothing wrong):

* ``repetition`` -- share of the target's word 3-grams that repeat an earlier 3-gram of the same
  sentence (an MT system stuck in a loop: "the the", "said that the said that the").
* ``word_variety`` -- the moving-average type-token ratio (MATTR, Covington & McFall 2010): the
  share of different words (lower-cased) in each window of ``VARIETY_WINDOW`` consecutive words,
  averaged over the windows (over the whole text when it is shorter; 1.0 without words). Not a
  share of anything wrong: higher is more varied. MT output uses fewer different words than
  human translation, the more so the worse the system (Vanmassenhove et al. 2019, "Lost in
  translation: loss and decay of linguistic richness in machine translation").
* ``length_mismatch`` (with a source) -- share of the text in aligned segment pairs whose length
  ratio is far (under half, over twice) from the article's own ratio, or with an empty side: source
  characters of omissions plus target characters of additions, over both sides' characters.
* ``alignment_doubt`` (with a source) -- 1 - the mean (source-length weighted) probability of
  Gale & Church's length model that each pair is a translation of the other, with the article's
  own character ratio as the expected one.
* ``length_ratio`` (with a source) -- target characters per source character (spaces left out).
* ``untranslated`` (with a source) -- share of the target's letters written in the source's script
  (Chinese characters in an English target) when the scripts differ; otherwise the share of the
  target's words of 4+ letters that are lowercase words of the aligned source segment
  (an English word left in a German sentence).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from tqcheck.text.letter_words import LETTER_WORD

_LETTER = re.compile(r"[^\W\d_]")
#: A pair of segments is an omission or an addition when its length ratio is this far from the
#: article's own (a factor of 2 either way), or one side is empty.
FAR_RATIO = 2.0
#: Gale & Church's variance of the target length per source character (``tqcheck.text.align``).
VARIANCE = 6.8
#: Words per window of ``word_variety``: the usual MATTR window (the lexical_diversity package's
#: default), long enough for a sentence or two, short enough that an article has many windows.
VARIETY_WINDOW = 50


def measure(doc) -> dict[str, float]:
    """The signals of *doc* (a ``tqcheck.document.Document``); the source ones only with a source."""
    signals = {"repetition": repetition(doc.sentence_lower_words), "word_variety": variety(doc.lower_letter_words)}
    source, alignment = getattr(doc, "source", None), getattr(doc, "alignment", None)
    if source is not None and alignment is not None:
        pairs = [(_chars(source.text, p.source_span), _chars(doc.text, p.target_span), p) for p in alignment.pairs]
        signals["length_mismatch"] = length_mismatch([(s, t) for s, t, _ in pairs])
        signals["alignment_doubt"] = alignment_doubt([(s, t) for s, t, _ in pairs])
        signals["untranslated"] = untranslated(doc, source, [p for _, _, p in pairs])
        src_chars = sum(s for s, _, _ in pairs)
        if src_chars:
            signals["length_ratio"] = sum(t for _, t, _ in pairs) / src_chars
    return {name: round(value, 6) for name, value in signals.items()}


def _chars(text: str, span) -> int:
    """Characters of a segment, spaces left out (Chinese has none; the ratio must not count them)."""
    if span is None:
        return 0
    return len("".join(text[span[0]:span[1]].split()))


def repetition(words_by_sentence: list[list[str]]) -> float:
    """The share of 3-grams that repeat an earlier one of their sentence (*words_by_sentence*:
    each sentence's lower-cased words): a sentence's repeats are its 3-grams less its different ones."""
    total = repeated = 0
    for words in words_by_sentence:
        grams = len(words) - 2
        if grams > 0:
            total += grams
            repeated += grams - len(set(zip(words, words[1:], words[2:])))
    return repeated / total if total else 0.0


def word_variety(text: str, window: int = VARIETY_WINDOW) -> float:
    """MATTR: the mean share of different words in each *window* consecutive words.

    >>> word_variety("the cat saw the dog"), word_variety("a b a b a b", window=2)
    (0.8, 1.0)
    """
    return variety([w.lower() for w in LETTER_WORD.findall(text)], window)


def variety(words: list[str], window: int = VARIETY_WINDOW) -> float:
    """``word_variety`` of the lower-cased *words*.

    The windows start at 0 .. n - window; the word at i is one of the different words of each
    window that holds it and not its previous occurrence p (-1 without one): the windows that
    start after max(i - window, p) and at most at min(i, n - window). Their count, summed over
    the words, is the sum over the windows of their different words.
    """
    n = len(words)
    if n <= window:
        return len(set(words)) / n if words else 1.0
    last_start, previous, total = n - window, {}, 0
    for i, word in enumerate(words):
        p = previous.get(word, -1)
        previous[word] = i
        after = i - window if i - window > p else p
        until = i if i < last_start else last_start
        if until > after:
            total += until - after
    return total / ((last_start + 1) * window)


def _ratio(pairs) -> float:
    """The article's own ratio: target characters per source character over the pairs with both sides."""
    src = sum(s for s, t in pairs if s and t)
    tgt = sum(t for s, t in pairs if s and t)
    return tgt / src if src and tgt else 1.0


def length_mismatch(pairs: list[tuple[int, int]]) -> float:
    """Share of both sides' characters in pairs that look like an omission or an addition."""
    ratio, far, total = _ratio(pairs), 0, 0
    for s, t in pairs:
        total += s + t
        if not s or not t or t < s * ratio / FAR_RATIO or t > s * ratio * FAR_RATIO:
            far += s + t
    return far / total if total else 0.0


def alignment_doubt(pairs: list[tuple[int, int]]) -> float:
    """1 - mean probability that each pair's lengths fit (Gale & Church 1993, two-sided)."""
    ratio, weighted, total = _ratio(pairs), 0.0, 0
    for s, t in pairs:
        if not s and not t:
            continue
        weight = max(s, 1)
        total += weight
        if s and t:
            delta = (t - s * ratio) / math.sqrt(s * VARIANCE * ratio)
            weighted += weight * math.erfc(abs(delta) / math.sqrt(2))
    return 1.0 - weighted / total if total else 0.0


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """A letter's script, from its Unicode name ("CJK UNIFIED IDEOGRAPH-4E2D" -> "CJK")."""
    name = unicodedata.name(ch, "")
    if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
        return "CJK"
    return name.split(" ", 1)[0] or "?"


def _script_counts(letters: str) -> dict[str, int]:
    """How many of *letters* each script has, scripts in the order they first occur (an article has
    a few hundred different letters among thousands: each letter's script is looked up once)."""
    counts: dict[str, int] = {}
    for letter, count in Counter(letters).items():
        script = _script(letter)
        counts[script] = counts.get(script, 0) + count
    return counts


def _main_script(text: str) -> str | None:
    counts = _script_counts("".join(_LETTER.findall(text[:5000])))
    return max(counts, key=counts.get) if counts else None


def untranslated(doc, source, pairs) -> float:
    src_script, tgt_script = _main_script(source.text), _main_script(doc.text)
    if src_script is None or tgt_script is None:
        return 0.0
    if src_script != tgt_script:
        letters = "".join(_LETTER.findall(doc.text))
        return _script_counts(letters).get(src_script, 0) / len(letters) if letters else 0.0
    copied = words = 0
    for pair in pairs:
        if pair.target_span is None:
            continue
        target = LETTER_WORD.findall(doc.text[pair.target_span[0]:pair.target_span[1]])
        src = set() if pair.source_span is None else {
            w for w in LETTER_WORD.findall(source.text[pair.source_span[0]:pair.source_span[1]]) if w.islower()}
        words += len(target)
        copied += sum(1 for w in target if len(w) >= 4 and w.islower() and w in src)
    return copied / words if words else 0.0
