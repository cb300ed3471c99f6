"""How common characters are in English news text, and the prefilter built on that: two
adjacent character classes that every match of a pattern contains (``[.][0-5]`` for a time such
as 14.30), used when a pattern has no literal worth testing (``tqcheck.text.prefilter``).

The shares are rough estimates: they only decide whether a test is worth making, never a finding.
"""
from __future__ import annotations

import re

from tqcheck.text.regex_tree import REPEATS, opcodes


def literal_share(literals) -> float:
    """Rough chance that a position of English text starts one of *literals*."""
    total = 0.0
    for literal in literals:
        share = 1.0
        for ch in literal:
            share *= _char_share(ord(ch))
        total += max(share, 0.002) if literal.isdigit() else share  # "20", "19": years are everywhere
    return total


# -- two adjacent character classes -------------------------------------------------------------
#: Rough share of the characters of English news text in a class: the pair test is worth it only
#: when it fails on most articles (estimated share of the pair under MAX_PAIR_SHARE).
_CATEGORY_SHARE = {"CATEGORY_DIGIT": 0.02, "CATEGORY_NOT_DIGIT": 1.0, "CATEGORY_SPACE": 0.17,
                   "CATEGORY_NOT_SPACE": 1.0, "CATEGORY_WORD": 0.8, "CATEGORY_NOT_WORD": 0.2,
                   "CATEGORY_LINEBREAK": 0.01, "CATEGORY_NOT_LINEBREAK": 1.0}
MAX_PAIR_SHARE = 0.0005
_CATEGORY_TEXT = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                  "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _char_share(code: int) -> float:
    ch = chr(code)
    if ch == " ":
        return 0.15
    if ch.isalpha():
        return 0.7 / 26 if ch.islower() else 0.05 / 26
    if ch.isdigit():
        return 0.002
    return 0.005 if ch in ".,\n" else 0.001


def _class_share(items) -> float:
    share = 0.0
    for op, av in items:
        if op is opcodes.LITERAL:
            share += _char_share(av)
        elif op is opcodes.RANGE:
            share += sum(_char_share(c) for c in range(av[0], min(av[1], av[0] + 200) + 1))
        elif op is opcodes.CATEGORY:
            share += _CATEGORY_SHARE.get(str(av), 1.0)
        else:
            return 1.0
    return min(share, 1.0)


def _class_text(items) -> str | None:
    """The class *items* (an ``IN`` list without negation) as regex text, or None."""
    parts = []
    for op, av in items:
        if op is opcodes.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is opcodes.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is opcodes.CATEGORY and str(av) in _CATEGORY_TEXT:
            parts.append(_CATEGORY_TEXT[str(av)])
        else:
            return None
    return "[" + "".join(parts) + "]"


class _Chars:
    """What a piece of a pattern guarantees about single characters: the class of its first and
    last character (``IN`` lists, None when unknown), whether it can match nothing, and the best
    pair of adjacent classes inside it."""

    __slots__ = ("first", "last", "nullable", "pairs")

    def __init__(self, first=None, last=None, nullable=True, pairs=()):
        self.first, self.last, self.nullable, self.pairs = first, last, nullable, list(pairs)


_OPAQUE = _Chars(nullable=False)


def _chars_of_sequence(items, flags: int) -> _Chars:
    pairs, first, last, nullable = [], None, None, True
    started = False
    for op, av in items:
        if op is opcodes.ASSERT and av[0] == 1:  # (?=X): X's first character comes next in the text
            ahead = _chars_of_sequence(av[1], flags)
            pairs.extend(ahead.pairs)
            if last is not None and ahead.first is not None:
                pairs.append((last, ahead.first))
            continue
        if op in (opcodes.AT, opcodes.ASSERT, opcodes.ASSERT_NOT):
            continue  # zero width: the characters around it are adjacent
        item = _chars_of(op, av, flags)
        pairs.extend(item.pairs)
        if not started:
            first, started = (item.first if not item.nullable else None), True
        if last is not None and item.first is not None and not item.nullable:
            pairs.append((last, item.first))
        last = item.last if not item.nullable else None
        nullable = nullable and item.nullable
    return _Chars(first, last, nullable, pairs)


def _union(classes):
    if any(c is None for c in classes):
        return None
    out = []
    for cls in classes:
        out.extend(x for x in cls if x not in out)
    return None if any(op is opcodes.NEGATE for op, _ in out) else out


def _chars_of(op, av, flags: int) -> _Chars:
    if op is opcodes.LITERAL:
        return _Chars([(op, av)], [(op, av)], False)
    if op is opcodes.IN:
        cls = None if any(o is opcodes.NEGATE for o, _ in av) else list(av)
        return _Chars(cls, cls, False)
    if op in (opcodes.ANY, opcodes.NOT_LITERAL):
        return _OPAQUE
    if op is opcodes.SUBPATTERN:
        if av[1] or av[2]:  # (?i:...) and the like: the classes would need other flags
            inner = _chars_of_sequence(av[3], flags)
            return _Chars(nullable=inner.nullable)
        return _chars_of_sequence(av[3], flags)
    if op is opcodes.ATOMIC_GROUP:
        return _chars_of_sequence(av, flags)
    if op is opcodes.BRANCH:
        alts = [_chars_of_sequence(alt, flags) for alt in av[1]]
        nullable = any(a.nullable for a in alts)
        best = [_best_pair(a.pairs) for a in alts]
        pairs = []
        if best and all(b is not None for b in best):
            a_cls, b_cls = _union([b[0] for b in best]), _union([b[1] for b in best])
            if a_cls is not None and b_cls is not None:
                pairs.append((a_cls, b_cls))
        return _Chars(_union([a.first for a in alts]), _union([a.last for a in alts]), nullable, pairs)
    if op in REPEATS:
        low, _high, body = av
        inner = _chars_of_sequence(body, flags)
        if low == 0 or inner.nullable:
            return _Chars(nullable=True)  # what is inside may not occur at all
        pairs = list(inner.pairs)
        if low >= 2 and inner.last is not None and inner.first is not None:
            pairs.append((inner.last, inner.first))
        return _Chars(inner.first, inner.last, False, pairs)
    return _OPAQUE


def _best_pair(pairs):
    scored = [(_class_share(a) * _class_share(b), i) for i, (a, b) in enumerate(pairs)
              if _class_text(a) and _class_text(b)]
    return pairs[min(scored)[1]] if scored else None


def pair_requirement(parsed, flags: int) -> tuple[re.Pattern | None, float]:
    """A regex of two adjacent character classes every match contains, if a selective one
    exists, and its estimated share of text positions."""
    chars = _chars_of_sequence(parsed.data, flags)
    best = _best_pair(chars.pairs)
    if best is None:
        return None, 1.0
    share = _class_share(best[0]) * _class_share(best[1])
    if share > MAX_PAIR_SHARE:
        return None, share
    # Same flags as the pattern (IGNORECASE widens the classes the same way); no MULTILINE/VERBOSE.
    return re.compile(_pair_text(*best), flags & (re.IGNORECASE | re.ASCII | re.UNICODE)), share


def _pair_text(first, second) -> str:
    """Regex text of the two adjacent classes. ``re`` jumps to a leading literal at C speed but
    tries a leading class at every position, so a single character goes first, the class it
    needs beside it checked by a look-ahead or look-behind."""
    def single(items):
        return len(items) == 1 and items[0][0] is opcodes.LITERAL

    a, b = _class_text(first), _class_text(second)
    if single(first) and single(second):
        return re.escape(chr(first[0][1])) + re.escape(chr(second[0][1]))
    if single(first):
        return f"{re.escape(chr(first[0][1]))}(?={b})"
    if single(second):
        y = re.escape(chr(second[0][1]))
        return f"{y}(?<={a}{y})"
    return a + b

