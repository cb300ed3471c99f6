"""An article's letter words, found once and read by every consumer that means the same by a word
(UT04, the scoring signals ``repetition`` and ``word_variety``): ``Document.sentence_words``,
``Document.sentence_lower_words`` and ``Document.lower_letter_words`` are built here.

A letter word is a run of letters, joined by apostrophes or hyphens ("don't", "Kidawa-Błońska");
digits and underscores are not letters.
"""
from __future__ import annotations

import re
from itertools import accumulate, chain

LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# The same words found with less work: possessive quantifiers (nothing follows them, so giving
# characters back never helps), and in ASCII text [^\W\d_] is [a-zA-Z] (no Unicode look-ups)
# and '’' cannot occur.
_LETTER_WORD = re.compile(r"[^\W\d_]++(?:['’\-][^\W\d_]++)*+")
_ASCII_LETTER_WORD = re.compile(r"[a-zA-Z]++(?:['\-][a-zA-Z]++)*+")
#: A character that can be part of a letter word.
_IN_WORD = re.compile(r"[^\W\d_]|['’\-]")


def sentence_words(text: str, sentences: list[tuple[int, int]]) -> list[list[str]]:
    """``LETTER_WORD.findall(text, start, end)`` of each sentence."""
    findall = (_ASCII_LETTER_WORD if text.isascii() else _LETTER_WORD).findall
    return [findall(text, start, end) for start, end in sentences]


def lowered(words_by_sentence: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The words lower-cased, all in a row and sentence by sentence (each lowered once)."""
    flat = list(map(str.lower, chain.from_iterable(words_by_sentence)))
    ends = list(accumulate(map(len, words_by_sentence)))
    return flat, [flat[a:b] for a, b in zip([0] + ends, ends)]


def words_in_sentences_only(text: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether the sentences' words, in a row, are ``LETTER_WORD.findall(text)``: no letter
    outside a sentence, and no word running across the gap between two sentences (a gap that is
    empty or one apostrophe or hyphen between letters could join them)."""
    search, in_word = LETTER_WORD.search, _IN_WORD.match
    end = 0
    for start, next_end in chain(sentences, ((len(text), len(text)),)):
        if start < end:
            return False  # overlapping sentences: their words would count twice
        if search(text, end, start):
            return False  # a word outside every sentence
        if 0 < end and start < len(text) and start - end <= 1 and in_word(text, end - 1) \
                and in_word(text, start) and (start == end or in_word(text, end)):
            return False  # "well" | "-" | "known": one word in the whole text
        end = next_end
    return True
