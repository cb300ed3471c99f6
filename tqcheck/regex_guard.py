"""Time limits for the regular expressions that rule packs bring (other people's YAML).

A pack pattern such as ``(a|aa)+$`` backtracks exponentially: one article could hang a CI run.
Python's ``re`` cannot be interrupted, so pack patterns (``kind: patterns`` entries and every
rule's ``exceptions``) run on the ``regex`` engine, which takes a time limit. Two guards:

1. :func:`probe` (at load time): the pattern is matched against inputs built from its own
   repeated pieces (``aaaa…!``), the inputs that make backtracking explode, with a short time
   limit; a pattern that blows it, or that matches empty text, is refused (a ``file:line`` error).
2. :class:`GuardedPattern` (at check time): every search over an article has a time budget that
   grows with the article's length; a pattern the probe missed stops with :class:`PatternTimeout`
   (an error for that rule and article) instead of hanging the run.

Glossary and phrase lists are compiled by tqcheck itself into trie-shaped, escaped alternations
that cannot backtrack badly, so they stay on ``re``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from re import _constants as sre  # the stdlib parser's opcodes: the tree that probe() walks
from re import _parser as sre_parse


#: Time limit of one load-time probe search (one pattern on one probe input), in seconds.
PROBE_SECONDS = 0.05
#: Probe inputs repeat a piece of the pattern up to about this many characters.
PROBE_LENGTH = 256
#: Check-time budget of one pattern over one article: a base plus so much per MiB of text.
BASE_SECONDS = 2.0
SECONDS_PER_MIB = 20.0

_TAILS = ("", "!", "\n", "\x00", " ")
#: A character matching each category (for probe inputs).
_CATEGORY_CHAR = {sre.CATEGORY_DIGIT: "1", sre.CATEGORY_NOT_DIGIT: "a", sre.CATEGORY_SPACE: " ",
                  sre.CATEGORY_NOT_SPACE: "a", sre.CATEGORY_WORD: "a", sre.CATEGORY_NOT_WORD: " ",
                  sre.CATEGORY_LINEBREAK: "\n", sre.CATEGORY_NOT_LINEBREAK: "a"}


_REPEATS = tuple(op for op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) if op)
_ATOMIC = getattr(sre, "ATOMIC_GROUP", None)


class PatternTimeout(Exception):
    """A pack pattern ran over its time budget on an article."""


class UnsafePattern(ValueError):
    """A pattern refused at load time; the message says why."""


def _regex_flags(flags: int) -> int:
    import regex

    out = regex.VERSION0
    for std, rx in ((re.IGNORECASE, regex.IGNORECASE), (re.MULTILINE, regex.MULTILINE), (re.DOTALL, regex.DOTALL),
                    (re.VERBOSE, regex.VERBOSE), (re.ASCII, regex.ASCII)):
        if flags & std:
            out |= rx
    return out


class GuardedPattern:
    """A compiled pack pattern whose searches stop after a time budget (``re``-like API)."""

    def __init__(self, pattern: str, flags: int = 0, where: str = "pattern") -> None:
        self.pattern = pattern
        self.flags = flags
        self.where = where

    @cached_property
    def _compiled(self):
        # Compiled on the first search: a run whose articles never need a pattern never pays for it
        # (nor for importing the engine).
        import regex

        return regex.compile(self.pattern, _regex_flags(self.flags))

    def budget(self, text: str) -> float:
        return BASE_SECONDS + SECONDS_PER_MIB * len(text) / 2**20

    def finditer(self, text: str, pos: int = 0) -> Iterator:
        limit = self.budget(text)
        try:
            yield from self._compiled.finditer(text, pos, timeout=limit)
        except TimeoutError:
            raise PatternTimeout(f"{self.where}: gave up after {limit:.3g} s on this article "
                                 "(catastrophic backtracking?)") from None


def compile_guarded(pattern: str, flags: int = 0, where: str = "pattern") -> GuardedPattern:
    """Compile a pack *pattern*; raise ``re.error`` for bad syntax, :class:`UnsafePattern` if it is refused."""
    re.compile(pattern, flags)  # the documented syntax is Python's re; this also gives re's error messages
    import regex

    guarded = GuardedPattern(pattern, flags, where)
    try:
        guarded._compiled
    except regex.error as exc:
        raise re.error(f"not supported by the pattern engine: {exc}") from None
    probe(guarded)
    return guarded


def probe(guarded: GuardedPattern) -> None:
    """Refuse a pattern that matches empty text or backtracks explosively on its own repeated pieces."""
    compiled = guarded._compiled
    if compiled.fullmatch(""):
        raise UnsafePattern("pattern matches empty text, so it would flag every position")
    budget = PROBE_SECONDS
    for text in probe_inputs(guarded.pattern):
        try:
            compiled.search(text, timeout=budget)
        except TimeoutError:
            sample = text[:12].encode("unicode_escape").decode("ascii")
            raise UnsafePattern(f"pattern backtracks catastrophically (over {PROBE_SECONDS} s on "
                                f"'{sample}…', {len(text)} characters); simplify nested or overlapping repeats") from None


def probe_inputs(pattern: str) -> list[str]:
    """Inputs that expose exponential backtracking: what leads to each repeat, its body pumped, a mismatch."""
    try:
        tree = sre_parse.parse(pattern)
    except re.error:
        return []
    pumps: list[tuple[str, str]] = []
    _collect(tree, "", pumps)
    pumps += [("", c) for c in sorted({c for c in pattern if c.isalnum() or c in " -'.,\n"})[:20]]
    out, seen = [], set()
    for lead, body in pumps:
        if not body or (lead, body) in seen:
            continue
        seen.add((lead, body))
        pumped = lead + body * max(2, PROBE_LENGTH // len(body))
        out.extend(pumped + tail for tail in _TAILS)
    return out


def _collect(tree, lead: str, pumps: list[tuple[str, str]]) -> None:
    """Add (text leading to it, sample of its body) for every repeat in the parse *tree* to *pumps*."""
    for item in tree:
        op, arg = item
        if op in _REPEATS:
            body = _sample(arg[2])
            pumps += [(lead, body), (lead, body[:1])]  # 'a a a' may be harmless where 'aaa' explodes
            _collect(arg[2], lead, pumps)
        elif op is sre.SUBPATTERN:
            _collect(arg[-1], lead, pumps)
        elif op is sre.BRANCH:
            for branch in arg[1]:
                _collect(branch, lead, pumps)
                pumps.append((lead, _sample(branch)))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _collect(arg[1], lead, pumps)
        elif op is _ATOMIC:
            _collect(arg, lead, pumps)
        lead += _sample([item])


def _sample(tree) -> str:
    """One short text the parse *tree* matches (a best effort: good enough to pump)."""
    out = []
    for op, arg in tree:
        if op is sre.LITERAL:
            out.append(chr(arg))
        elif op is sre.ANY:
            out.append("a")
        elif op is sre.IN:
            out.append(_class_char(arg))
        elif op in _REPEATS:
            low, _, body = arg
            out.append(_sample(body) * max(1, min(low, 3)))
        elif op is sre.SUBPATTERN:
            out.append(_sample(arg[-1]))
        elif op is sre.BRANCH:
            out.append(_sample(arg[1][0]))
        elif op is _ATOMIC:
            out.append(_sample(arg))
    return "".join(out)


def _class_char(items) -> str:
    negated = any(op is sre.NEGATE for op, _ in items)
    for op, arg in items:
        if negated:
            return "!" if not any(o is sre.LITERAL and a == ord("!") for o, a in items) else "~"
        if op is sre.LITERAL:
            return chr(arg)
        if op is sre.RANGE:
            return chr(arg[0])
        if op is sre.CATEGORY:
            return _CATEGORY_CHAR.get(arg, "a")
    return "a"
