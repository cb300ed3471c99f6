"""What one document offers the prefilters: its words, its lower-cased text, shared tokenizations.

Each part is computed on first use; ``may_contain`` answers whether a requirement's literals
(``tqcheck.text.literals``) occur in the text, for every rule at once.
"""
from __future__ import annotations

import re
from functools import cached_property
from operator import itemgetter

from tqcheck.text.literals import LITERALS, Requirement, automaton, caseless_unsafe

#: A maximal run of word characters: the unit of ``TextIndex.words``.
WORD_RUN = re.compile(r"\w+")
#: In ASCII text the word characters are [A-Za-z0-9_]: every other character turned into a space,
#: ``str.split`` finds the same runs as ``WORD_RUN`` at a fraction of the cost.
_ASCII_NON_WORD_TO_SPACE = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})


class TextIndex:
    """The parts of a document's text that prefilters test, each computed on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: dict[tuple[re.Pattern, int], list[tuple[int, int, str]]] = {}
        self._lower_tokens: dict[tuple[re.Pattern, int], list[str]] = {}
        self._shared: dict = {}

    @cached_property
    def caseless_safe(self) -> bool:
        return self.text.isascii() or not caseless_unsafe().search(self.text)

    @cached_property
    def lower(self) -> str | None:
        """The text lower-cased, or None when ``str.lower`` cannot stand in for ``re.IGNORECASE``."""
        return self.text.lower() if self.caseless_safe else None

    @cached_property
    def words(self) -> frozenset[str]:
        """Every maximal ``\\w+`` run of the text."""
        if self.text.isascii():
            return frozenset(self.text.translate(_ASCII_NON_WORD_TO_SPACE).split())
        return frozenset(WORD_RUN.findall(self.text))

    @cached_property
    def lower_words(self) -> frozenset[str] | None:
        return frozenset(map(str.lower, self.words)) if self.caseless_safe else None

    def tokens(self, pattern: re.Pattern, start: int = 0) -> list[tuple[int, int, str]]:
        """(start, end, text) of every match of *pattern* from *start*, computed once per document
        and shared by the rules that tokenize the text the same way."""
        key = (pattern, start)
        found = self._tokens.get(key)
        if found is None:
            found = self._tokens[key] = [(m.start(), m.end(), m.group()) for m in pattern.finditer(self.text, start)]
        return found

    def shared(self, key, build):
        """``build()``, computed once per document for every rule that asks with the same *key*."""
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = build()
        return found

    def lower_tokens(self, pattern: re.Pattern, start: int = 0) -> list[str] | None:
        """The texts of ``tokens(pattern, start)`` lower-cased, or None when the text holds
        characters for which ``str.lower`` is not ``re.IGNORECASE`` (see ``caseless_safe``)."""
        if not self.caseless_safe:
            return None
        key = (pattern, start)
        found = self._lower_tokens.get(key)
        if found is None:
            found = self._lower_tokens[key] = [t.lower() for _, _, t in self.tokens(pattern, start)]
        return found

    def may_contain(self, requirement: Requirement | None) -> bool:
        """False only when no literal of *requirement* occurs in the text."""
        if requirement is None:
            return True
        if requirement.pair is not None:
            return requirement.pair.search(self.text) is not None
        present = self._present_literals(requirement.caseless)
        return present is None or not present.isdisjoint(requirement.literals)

    def _present_literals(self, caseless: bool) -> set[str] | None:
        """The literals of every requirement made so far (``tqcheck.text.literals.LITERALS``) that occur in the text (or
        in its lower-cased form), found in one C-level pass; None when the text cannot be tested."""
        haystack = self.lower if caseless else self.text
        if haystack is None:
            return None
        known = LITERALS[caseless]
        found = self._shared.get(("literals", caseless))
        if found is None:
            found = self._shared[("literals", caseless)] = [0, set()]
        if found[0] == 0 and len(known) > 1:  # all at once (Aho-Corasick): one pass over the text
            found[1].update(map(itemgetter(1), automaton(caseless, len(known)).iter(haystack)))
        elif found[0] < len(known):  # requirements made since the last look: test their literals too
            found[1].update(filter(haystack.__contains__, known[found[0]:]))
        found[0] = len(known)
        return found[1]

