"""Requirements and the process-wide registry of their literals.

A ``Requirement`` says what text every match of a pattern contains: one of a few literals, or two
adjacent characters of two classes. Each requirement made in this process adds its literals to
``LITERALS``, so that an article is searched for all of them in one pass
(``tqcheck.text.index.TextIndex``) instead of rule by rule.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1)
def caseless_unsafe() -> re.Pattern:
    """Characters for which ``str.lower`` does not stand in for ``re.IGNORECASE``.

    ``re.IGNORECASE`` treats two characters as equal when their simple lower-case forms are equal
    or listed together in ``re._casefix`` (i/ı, s/ſ, µ/μ, the Greek iota forms ...). A character
    is safe when ``str.lower`` gives every member of its class the same result; the unsafe ones
    are the listed classes' odd members, 'İ' (lower-cased to two characters) and 'Σ' (whose
    ``str.lower`` depends on the next character). Text without them can be tested lower-cased.
    """
    import _sre
    from re._casefix import _EXTRA_CASES

    classes = {low: frozenset((low, *others)) for low, others in _EXTRA_CASES.items()}
    unsafe = {0x130, 0x3A3}
    # Every member of a listed class lies in the BMP (checked), so the BMP holds all characters
    # whose simple lower-case form is a class member.
    bmp = range(0x10000) if all(c < 0x10000 for cls in classes.values() for c in cls) else range(0x110000)
    for code in bmp:
        if 0xD800 <= code <= 0xDFFF:
            continue
        low = _sre.unicode_tolower(code)
        if low in classes and chr(code).lower() != chr(min(classes[low])):
            unsafe.add(code)
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(unsafe)) + "]")


#: Every literal of every requirement made in this process, case-sensitive ones [False] and
#: lower-cased ones [True], in order of arrival: each article is searched for all of them in one
#: pass (``tqcheck.text.index.TextIndex``) instead of rule by rule, entry by entry.
LITERALS: dict[bool, list[str]] = {False: [], True: []}
_KNOWN: dict[bool, set[str]] = {False: set(), True: set()}


@lru_cache(maxsize=2)
def automaton(caseless: bool, count: int):
    """An Aho-Corasick automaton of the first *count* literals of ``LITERALS[caseless]``."""
    import ahocorasick

    machine = ahocorasick.Automaton()
    for literal in LITERALS[caseless][:count]:
        machine.add_word(literal, literal)
    machine.make_automaton()
    return machine


class Requirement:
    """Every match contains one of ``literals`` (lower-cased, and tested so, when ``caseless``),
    or, for a pattern without such literals, a match of ``pair``: two adjacent characters of
    two classes (``[.][0-5]`` for a time such as 14.30), which one C-speed search finds."""

    __slots__ = ("literals", "caseless", "pair")

    def __init__(self, literals: Iterable[str], caseless: bool, pair: re.Pattern | None = None) -> None:
        unique = set(literals)
        # a literal that contains another one adds nothing to the test
        unique = {s for s in unique if not any(o != s and o in s for o in unique)}
        self.literals = tuple(sorted(unique, key=lambda s: (-len(s), s)))
        self.caseless = caseless
        self.pair = pair
        known = LITERALS[caseless]
        known.extend(literal for literal in self.literals if literal not in _KNOWN[caseless])
        _KNOWN[caseless].update(self.literals)

    def __repr__(self) -> str:
        if self.pair is not None:
            return f"Requirement(pair={self.pair.pattern!r})"
        return f"Requirement({list(self.literals)!r}, caseless={self.caseless})"

    @classmethod
    def from_json(cls, entry: dict | None) -> Requirement | None:
        """The requirement a ``to_json`` dict describes (as ``tqcheck.shipped_index`` stores it)."""
        if entry is None:
            return None
        if "pair" in entry:
            return cls((), False, re.compile(entry["pair"], entry["flags"]))
        return cls(entry["literals"], entry["caseless"])

    def to_json(self) -> dict:
        if self.pair is not None:
            return {"pair": self.pair.pattern, "flags": self.pair.flags}
        return {"literals": list(self.literals), "caseless": self.caseless}
