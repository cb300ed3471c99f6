"""Romanization of Cyrillic names by a standard table (BI02's options: ``rules/data/bilingual/translit-*.yml``).

``Romanizer(lang, table)`` turns a Russian or Ukrainian word into its standard Latin form and lists
the spellings English news use beside it; ``stem()`` takes the inflection ending off a name.
"""
from __future__ import annotations

import itertools
import re
import unicodedata


def stem(word: str, endings: tuple[str, ...]) -> str:
    """*word* without the first of the inflection *endings* (longest first) it ends with, keeping at
    least four letters."""
    lower = word.lower()
    for ending in endings:
        if lower.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: len(word) - len(ending)]
    return word


class Romanizer:
    def __init__(self, lang: str, data: dict) -> None:
        self.system = data["system"]
        self.lang = lang
        self.letters = data["letters"]
        self.initial = data.get("initial") or {}
        self.after_vowel = data.get("after-vowel") or {}
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
