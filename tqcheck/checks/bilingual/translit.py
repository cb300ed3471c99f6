"""Romanization of Cyrillic names by a standard table (``rules/bilingual/translit-*.yml``).

``Romanizer(lang)`` turns a Russian or Ukrainian word into its standard Latin form and lists the
spellings English news use beside it; ``skeleton()`` folds a Latin spelling to a key on which
different romanizations of one name agree (Shoygu, Shoigu, Shojgu, Šojgu -> "soigu").
"""
from __future__ import annotations

import itertools
import re
import unicodedata

from tqcheck.checks.bilingual.data import load_yaml

TABLES = {"ru": "translit-ru-bgn-pcgn.yml", "uk": "translit-uk-national.yml"}
#: Romanizations that are not English usage; Ukrainian names are compared with the Russian ones too.
OTHER_TABLES = {"ru": "translit-ru-other.yml", "uk": "translit-ru-other.yml"}
#: Russian and Ukrainian inflection endings, longest first; a name's stem is what precedes one.
ENDINGS = sorted("""ого его ому ему ыми ими ами ями ова ева ой ей ий ый ом ем ую юю ая яя ые ие ых их ым им ов ев
                 ам ям ах ях ою ею ові еві а я у ю е ы и і ь о""".split(), key=len, reverse=True)
_FOLD = [("shch", "sc"), ("sch", "s"), ("tsch", "c"), ("kh", "h"), ("zh", "z"), ("ts", "c"), ("tz", "c"),
         ("ch", "c"), ("sh", "s"), ("ks", "x"), ("j", "y"), ("w", "v"), ("yu", "u"), ("iu", "u"), ("ya", "a"),
         ("ia", "a"), ("ye", "e"), ("ie", "e"), ("yo", "o"), ("io", "o"), ("y", "i"), ("ii", "i")]


def skeleton(latin: str) -> str:
    """A key on which romanizations of the same name agree: no case, no accents, digraphs folded."""
    s = "".join(c for c in unicodedata.normalize("NFKD", latin.lower()) if not unicodedata.combining(c))
    s = re.sub(r"[^a-z]", "", s)
    for old, new in _FOLD:
        s = s.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", s)


def stem(word: str) -> str:
    """*word* without one inflection ending, keeping at least four letters."""
    lower = word.lower()
    for ending in ENDINGS:
        if lower.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: len(word) - len(ending)]
    return word


class Romanizer:
    def __init__(self, lang: str, data: dict | None = None) -> None:
        data = data or load_yaml(TABLES[lang])
        self.system = data["system"]
        self.lang = lang
        self.letters = data["letters"]
        self.initial = data.get("initial") or {}
        self.after_vowel = data.get("after_vowel") or {}
        self.vowels = set(data.get("vowels") or "")
        self.digraphs = data.get("digraphs") or {}
        self.also = {k: list(v) for k, v in (data.get("also") or {}).items()}

    def __call__(self, word: str) -> str:
        out, lower, i = [], word.lower(), 0
        while i < len(lower):
            pair = lower[i:i + 2]
            if pair in self.digraphs:
                out.append(self.digraphs[pair])
                i += 2
                continue
            ch = lower[i]
            if i == 0 and ch in self.initial:
                latin = self.initial[ch]
            elif i > 0 and lower[i - 1] in self.vowels and ch in self.after_vowel:
                latin = self.after_vowel[ch]
            else:
                latin = self.letters.get(ch, ch)
            out.append(latin)
            i += 1
        text = "".join(out)
        return text[:1].upper() + text[1:] if word[:1].isupper() else text

    def variants(self, word: str, limit: int = 64) -> set[str]:
        """The standard form of *word* and the accepted spellings built from the ``also`` table."""
        standard = self(word).lower()
        plain = "".join(c for c in unicodedata.normalize("NFKD", standard) if not unicodedata.combining(c))
        pieces = re.split(f"({'|'.join(sorted(map(re.escape, self.also), key=len, reverse=True))})", standard) \
            if self.also else [standard]
        options = [[p, *self.also.get(p, [])] if p in self.also else [p] for p in pieces]
        out = {standard, plain}
        for combo in itertools.islice(itertools.product(*options), limit):
            out.add("".join(combo))
        return {v[:1].upper() + v[1:] for v in out}


def other_romanizers(lang: str) -> tuple[list[Romanizer], list[str]]:
    """The non-English romanizations of *lang* (German, French, scientific), and their marker spellings."""
    data = load_yaml(OTHER_TABLES[lang])
    return [Romanizer(lang, table) for table in data["systems"]], list(data["markers"])
