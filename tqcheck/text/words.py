"""Prefilters of whole-word alternations (glossaries, phrase lists): which of a list's literals
an article may contain, answered from the set of its words."""
from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from tqcheck.text.index import WORD_RUN, TextIndex
from tqcheck.text.literals import caseless_unsafe


class WordRequirements:
    """For a list of literals matched as whole words (``tqcheck.packs.trie``): a match of a
    literal needs each of its ``\\w+`` runs to be a word of the text (the trie puts ``\\b`` at a
    literal's word-character ends, and its own non-word characters border the inner runs)."""

    def __init__(self, literals: Iterable[str], caseless: bool) -> None:
        self.caseless = caseless
        self.literals = list(literals)

    @cached_property
    def _index(self) -> tuple[bool, dict[str, list[tuple[frozenset[str], str]]], frozenset[str]]:
        """(a literal cannot be tested by words, key word -> (words needed, literal), key words);
        built on first use. The key is a literal's longest word, usually its rarest."""
        always = False
        by_key: dict[str, list[tuple[frozenset[str], str]]] = {}
        for literal in self.literals:
            words = WORD_RUN.findall(literal.lower() if self.caseless else literal)
            if not words or (self.caseless and not literal.isascii() and caseless_unsafe().search(literal)):
                always = True
                continue
            by_key.setdefault(max(words, key=len), []).append((frozenset(words), literal))
        return always, by_key, frozenset(by_key)

    def candidates(self, index: TextIndex) -> list[str]:
        """The literals (in their original order) whose words all occur in the text."""
        always, by_key, keys = self._index
        words = index.lower_words if self.caseless else index.words
        if always or words is None:
            return self.literals
        found = set()
        for key in keys & words if len(keys) < len(words) else words & keys:
            found.update(literal for needed, literal in by_key[key] if needed <= words)
        return [literal for literal in self.literals if literal in found] if found else []

    def may_match(self, index: TextIndex) -> bool:
        return bool(self.candidates(index))

