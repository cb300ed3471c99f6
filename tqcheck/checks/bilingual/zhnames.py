"""Chinese person names of a source segment and their spellings in an English segment.

Names are found by jieba's part-of-speech tags (``nr``: person name) and kept only when they start
with a surname of BI10's list (``rules/data/bilingual/chinese-names.yml``) and have a one- or
two-character given name; pypinyin gives the syllables (every reading of a polyphonic character,
the surname's reading from the list), so "马祚波" is family "ma", given ("zuo", "bo").
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
#: A capitalised word of the target, with its hyphenated parts ("Zuo-bo", "Ying-wen").
_WORD = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z'’]*(?:-[A-Za-z][a-z'’]*)*")


@dataclass(frozen=True)
class SourceName:
    start: int
    end: int
    text: str
    family: tuple[str, ...]  # accepted spellings of the surname, the first the suggestion
    given: tuple[tuple[str, ...], ...]  # the readings of each character of the given name
    wade_giles: tuple[str, str] = ("", "")  # family and given name in Wade-Giles (no apostrophes, hyphens)

    @property
    def suggestion(self) -> str:
        given = "".join(r[0] for r in self.given)
        return f"{self.family[0].capitalize()} {given.capitalize()}"

    def given_forms(self) -> set[str]:
        return {"".join(p) for p in itertools.product(*self.given)}


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def norm(self) -> str:
        plain = unicodedata.normalize("NFKD", self.text)
        return "".join(c for c in plain if c.isalpha() and c.isascii()).lower()


def _strip_tone(syllable: str) -> str:
    plain = unicodedata.normalize("NFKD", syllable)
    return "".join(c for c in plain if c.isascii() and c.isalpha()).replace("v", "u")


@cache
def _readings(char: str, wade_giles: bool) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    out = [_strip_tone(r) for r in pinyin(char, style=Style.NORMAL, heteronym=True)[0]]
    if wade_giles:
        out += [_strip_tone(r) for r in pinyin(char, style=Style.WADEGILES, heteronym=True)[0]]
    return tuple(dict.fromkeys(r for r in out if r))


@cache
def _wade_giles(chars: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(_strip_tone(r) for r in lazy_pinyin(chars, style=Style.WADEGILES))


@cache
def syllables() -> frozenset[str]:
    """Every pinyin syllable (toneless), from pypinyin's dictionary."""
    from pypinyin.constants import PINYIN_DICT

    return frozenset(_strip_tone(r) for v in PINYIN_DICT.values() for r in v.split(","))


def pinyin_like(word: str) -> bool:
    """*word* (lower case, letters only) is one to three pinyin syllables."""
    known = syllables()

    def split(rest: str, depth: int) -> bool:
        if not rest:
            return True
        return depth < 3 and any(rest[:n] in known and split(rest[n:], depth + 1) for n in range(min(6, len(rest)), 0, -1))

    return split(word, 0)


@cache
def _segmenter():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def source_names(text: str, start: int, end: int, surnames: dict[str, tuple[str, ...]],
                 wade_giles: bool) -> list[SourceName]:
    out, pos = [], start
    longest = max(map(len, surnames), default=1)
    for pair in _segmenter().cut(text[start:end], HMM=True):
        word, flag = pair.word, pair.flag
        at, pos = pos, pos + len(word)
        if not flag.startswith("nr") or not _HAN.match(word):
            continue
        for n in range(min(longest, len(word) - 1), 0, -1):
            family = surnames.get(word[:n])
            if family and 1 <= len(word) - n <= 2:
                extra = (_wade_giles(word[:n]),) if wade_giles else ()
                given = tuple(_readings(c, wade_giles) for c in word[n:])
                out.append(SourceName(at, pos, word, tuple(dict.fromkeys(family + extra)), given,
                                      (_wade_giles(word[:n]), _wade_giles(word[n:]))))
                break
    return out


def target_words(text: str, start: int, end: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def adjacent(text: str, a: Word, b: Word) -> bool:
    return b.start > a.end and text[a.end:b.start] == " "
