"""Literal prefilters: skip a regular expression on a document that cannot contain a match.

Python's ``re`` tries a pattern that starts with ``\\b`` or a character class at every position,
so each rule pays a full pass over the text even when the article has nothing for it. Most
patterns need some literal text in every match (``employees of the``, ``Kiev``); ``str.find``
looks for that at C speed, and a set of the article's words answers for a whole glossary at once.
When the literal is absent the rule is skipped; when it is present the original pattern runs over
the whole text as before, so the findings never change (a prefilter can only say "maybe").

* ``requirement(pattern)``: a set of literals, one of which every match of *pattern* contains
  (derived here from the parsed pattern), or None when there is no useful one; failing that, two
  adjacent character classes (``tqcheck.text.letters``).
* ``may_match(pattern, index)``: whether a document (its ``tqcheck.text.index.TextIndex``) may
  hold a match.
* ``tqcheck.text.words``: the same for the whole-word alternations of ``tqcheck.packs.trie``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tqcheck import shipped_index
from tqcheck.text.index import TextIndex
from tqcheck.text.letters import MAX_PAIR_SHARE, literal_share, pair_requirement
from tqcheck.text.literals import Requirement, caseless_unsafe
from tqcheck.text.regex_tree import REPEATS, opcodes, parse, walk

#: A requirement is usable when its shortest literal has this many characters.
MIN_LITERAL = 2
#: More alternatives than this cost more to test than the pattern saves.
MAX_ALTERNATIVES = 24


# -- deriving a requirement from a pattern -------------------------------------------------------
class _Info:
    """What a piece of a pattern guarantees: the set of texts it can match when that is a small
    set of literals (``exact``), else a literal prefix and suffix of every match and the best
    requirement found inside it."""

    __slots__ = ("exact", "prefix", "suffix", "best")

    def __init__(self, exact: frozenset[str] | None = None, prefix: str = "", suffix: str = "",
                 best: frozenset[str] | None = None) -> None:
        self.exact, self.prefix, self.suffix, self.best = exact, prefix, suffix, best


_UNKNOWN = _Info()
_EMPTY = _Info(exact=frozenset([""]))


def _useful(lits: frozenset[str] | None) -> bool:
    """Worth testing: not too many literals, none trivially common (one letter, digit or space)."""
    if not lits or len(lits) > MAX_ALTERNATIVES:
        return False
    return all(len(s) >= MIN_LITERAL or (len(s) == 1 and not s.isspace() and not (s.isascii() and s.isalnum()))
               for s in lits)


def _score(lits: frozenset[str] | None) -> tuple[int, int]:
    if not _useful(lits):
        return (0, 0)
    return (min(map(len, lits)), -len(lits))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return b if _score(b) > _score(a) else a


def _exact(texts) -> _Info:
    texts = frozenset(texts)
    return _Info(exact=texts, prefix=_common_prefix(list(texts)), suffix=_common_suffix(list(texts)), best=texts)


def _analyse(items, caseless: bool) -> _Info:
    run: frozenset[str] = frozenset([""])  # the texts the literal run so far can be
    prefix, best, broken = None, None, False
    for op, av in items:
        if op is opcodes.LITERAL or op is opcodes.AT:  # the common case, without building an _Info
            ch = "" if op is opcodes.AT else _literal(av, caseless)
            if ch is not None:
                run = frozenset(a + ch for a in run) if ch else run
                continue
        info = _item(op, av, caseless)
        if info.exact is not None and len(run) * len(info.exact) <= MAX_ALTERNATIVES:
            run = frozenset(a + b for a in run for b in info.exact)
            continue
        if info.exact is not None:  # too many combinations: keep the run so far, start anew
            best = _better(best, run)
            if not broken:
                prefix, broken = _common_prefix(list(run)), True
            run = info.exact
            continue
        run = frozenset(a + info.prefix for a in run)
        if not broken:
            prefix, broken = _common_prefix(list(run)), True
        best = _better(_better(best, run), info.best)
        run = frozenset([info.suffix])
    best = _better(best, run)
    if not broken:
        info = _exact(run)
        info.best = best
        return info
    return _Info(prefix=prefix, suffix=_common_suffix(list(run)), best=best)


def _literal(code: int, caseless: bool) -> str | None:
    ch = chr(code)
    if caseless:
        if code >= 0x80 and caseless_unsafe().match(ch):  # no ASCII character is unsafe
            return None
        return ch.lower()
    return ch


def _item(op, av, caseless: bool) -> _Info:
    if op is opcodes.LITERAL:
        ch = _literal(av, caseless)
        return _UNKNOWN if ch is None else _exact([ch])
    if op is opcodes.IN and all(o is opcodes.LITERAL for o, _ in av) and 0 < len(av) <= MAX_ALTERNATIVES:
        chars = [_literal(a, caseless) for _, a in av]
        return _UNKNOWN if None in chars else _exact(chars)
    if op in (opcodes.AT, opcodes.ASSERT, opcodes.ASSERT_NOT):
        return _EMPTY  # zero width: the literals around it are adjacent in the text
    if op is opcodes.SUBPATTERN:
        return _analyse(av[3], caseless)
    if op is opcodes.ATOMIC_GROUP:
        return _analyse(av, caseless)
    if op is opcodes.BRANCH:
        infos = [_analyse(alt, caseless) for alt in av[1]]
        if all(i.exact is not None for i in infos):
            return _exact(set().union(*(i.exact for i in infos)))
        alternatives: set[str] | None = set()
        for info in infos:
            own = info.best if info.exact is None else _better(info.best, info.exact)
            if not _useful(own):
                alternatives = None
                break
            alternatives |= own
        return _Info(prefix=_common_prefix([min(i.exact) if i.exact else i.prefix for i in infos]
                                           + [max(i.exact) if i.exact else i.prefix for i in infos]),
                     suffix=_common_suffix([t for i in infos for t in (i.exact or [i.suffix])]),
                     best=frozenset(alternatives) if _useful(frozenset(alternatives or ())) else None)
    if op in REPEATS:
        low, high, body = av
        if low == 0:
            return _UNKNOWN
        info = _analyse(body, caseless)
        if info.exact is not None:
            if low == high == 1:
                return info
            texts = list(info.exact)
            return _Info(prefix=_common_prefix(texts), suffix=_common_suffix(texts), best=info.exact)
        return _Info(prefix=info.prefix, suffix=info.suffix, best=info.best)
    return _UNKNOWN


def _common_prefix(texts: list[str]) -> str:
    first = min(texts, default="")
    last = max(texts, default="")
    i = 0
    while i < len(first) and first[i] == last[i]:
        i += 1
    return first[:i]


def _common_suffix(texts: list[str]) -> str:
    return _common_prefix([t[::-1] for t in texts])[::-1]


def _has_ignorecase(items) -> bool:
    """Whether an inline ``(?i:...)`` group occurs anywhere in the parsed pattern."""
    return any(code is opcodes.SUBPATTERN and arg[1] & re.IGNORECASE for code, arg in walk(items))


def requirement(pattern: re.Pattern) -> Requirement | None:
    """Literals one of which every match of *pattern* contains, or None (no usable literal)."""
    if isinstance(pattern.pattern, bytes):
        return None
    return requirement_of_regex(pattern.pattern, pattern.flags)


def requirement_of_regex(regex: str, flags: int) -> Requirement | None:
    """``requirement`` of the pattern *regex* would compile to with *flags*, without compiling it:
    from the shipped index for the shipped rules' patterns (``tqcheck.shipped_index``), else
    derived here."""
    found = shipped_index.requirement(regex, flags)
    return Requirement.from_json(found[0]) if found else derive_requirement(regex, flags)


def derive_requirement(regex: str, flags: int) -> Requirement | None:
    """The requirement of *regex* with *flags*, derived from its parse tree."""
    try:
        parsed = parse(regex, flags)
        caseless = bool(parsed.state.flags & re.IGNORECASE) or _has_ignorecase(parsed.data)
        best = _analyse(parsed.data, caseless).best
    except Exception:  # noqa: BLE001 - an unexpected parse tree means no prefilter, never an error
        return None
    share = literal_share(best) if _useful(best) else 1.0
    pair = None
    if share > MAX_PAIR_SHARE:  # no literal, or only common characters ("," or ".")
        try:
            pair, pair_share = pair_requirement(parsed, flags)
        except Exception:  # noqa: BLE001 - as above
            pair = None
        if pair is not None and pair_share < share:
            return Requirement((), False, pair)
    return Requirement(best, caseless) if _useful(best) else None


@lru_cache(maxsize=1024)
def requirement_of(pattern: re.Pattern) -> Requirement | None:
    """``requirement`` cached per compiled pattern (patterns are compiled once per rule)."""
    return requirement(pattern)


def may_match(pattern: re.Pattern, index: TextIndex) -> bool:
    """False only when *pattern* cannot match anywhere in the indexed text."""
    return index.may_contain(requirement_of(pattern))

