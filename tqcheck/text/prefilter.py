"""Literal prefilters: skip a regular expression on a document that cannot contain a match.

Python's ``re`` tries a pattern that starts with ``\\b`` or a character class at every position,
so each rule pays a full pass over the text even when the article has nothing for it. Most
patterns need some literal text in every match (``employees of the``, ``Kiev``); ``str.find``
looks for that at C speed, and a set of the article's words answers for a whole glossary at once.
When the literal is absent the rule is skipped; when it is present the original pattern runs over
the whole text as before, so the findings never change (a prefilter can only say "maybe").

* ``requirement(pattern)``: a set of literals, one of which every match of *pattern* contains
  (derived from the parsed pattern), or None when there is no useful one.
* ``word_requirements(literals)``: for the whole-word alternations of ``tqcheck.kinds.trie``.
* ``TextIndex``: what one document offers the tests (its words, its lower-cased text).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache

from tqcheck.regex_tree import REPEATS, opcodes, parse, walk

_TOKEN = re.compile(r"\w+")
#: A requirement is usable when its shortest literal has this many characters.
MIN_LITERAL = 2
#: More alternatives than this cost more to test than the pattern saves.
MAX_ALTERNATIVES = 24


@lru_cache(maxsize=1)
def _caseless_unsafe() -> re.Pattern:
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


class TextIndex:
    """The parts of a document's text that prefilters test, each computed on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: dict[tuple[re.Pattern, int], list[tuple[int, int, str]]] = {}
        self._lower_tokens: dict[tuple[re.Pattern, int], list[str]] = {}
        self._shared: dict = {}

    @cached_property
    def caseless_safe(self) -> bool:
        return self.text.isascii() or not _caseless_unsafe().search(self.text)

    @cached_property
    def lower(self) -> str | None:
        """The text lower-cased, or None when ``str.lower`` cannot stand in for ``re.IGNORECASE``."""
        return self.text.lower() if self.caseless_safe else None

    @cached_property
    def words(self) -> frozenset[str]:
        """Every maximal ``\\w+`` run of the text."""
        return frozenset(_TOKEN.findall(self.text))

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
        """The literals of every requirement made so far (``_LITERALS``) that occur in the text (or
        in its lower-cased form), found in one C-level pass; None when the text cannot be tested."""
        haystack = self.lower if caseless else self.text
        if haystack is None:
            return None
        known = _LITERALS[caseless]
        found = self._shared.get(("literals", caseless))
        if found is None:
            found = self._shared[("literals", caseless)] = [0, set()]
        if found[0] == 0 and len(known) > 1:  # all at once (Aho-Corasick): one pass over the text
            found[1].update(value for _, value in _automaton(caseless, len(known)).iter(haystack))
        elif found[0] < len(known):  # requirements made since the last look: test their literals too
            found[1].update(filter(haystack.__contains__, known[found[0]:]))
        found[0] = len(known)
        return found[1]


#: Every literal of every requirement made in this process, case-sensitive ones [False] and
#: lower-cased ones [True], in order of arrival: each article is searched for all of them in one
#: pass (``TextIndex._present_literals``) instead of rule by rule, entry by entry.
_LITERALS: dict[bool, list[str]] = {False: [], True: []}
_KNOWN: dict[bool, set[str]] = {False: set(), True: set()}


@lru_cache(maxsize=2)
def _automaton(caseless: bool, count: int):
    """An Aho-Corasick automaton of the first *count* literals of ``_LITERALS[caseless]``."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for literal in _LITERALS[caseless][:count]:
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return automaton


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
        known = _LITERALS[caseless]
        known.extend(literal for literal in self.literals if literal not in _KNOWN[caseless])
        _KNOWN[caseless].update(self.literals)

    def __repr__(self) -> str:
        if self.pair is not None:
            return f"Requirement(pair={self.pair.pattern!r})"
        return f"Requirement({list(self.literals)!r}, caseless={self.caseless})"


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
        if code >= 0x80 and _caseless_unsafe().match(ch):  # no ASCII character is unsafe
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
    from tqcheck.shipped_index import requirement as indexed

    found = indexed(regex, flags)
    return found[0] if found else derive_requirement(regex, flags)


def derive_requirement(regex: str, flags: int) -> Requirement | None:
    """The requirement of *regex* with *flags*, derived from its parse tree."""
    try:
        parsed = parse(regex, flags)
        caseless = bool(parsed.state.flags & re.IGNORECASE) or _has_ignorecase(parsed.data)
        best = _analyse(parsed.data, caseless).best
    except Exception:  # noqa: BLE001 - an unexpected parse tree means no prefilter, never an error
        return None
    literal_share = _literal_share(best) if _useful(best) else 1.0
    pair = None
    if literal_share > MAX_PAIR_SHARE:  # no literal, or only common characters ("," or ".")
        try:
            pair, pair_share = _pair_requirement(parsed, flags)
        except Exception:  # noqa: BLE001 - as above
            pair = None
        if pair is not None and pair_share < literal_share:
            return Requirement((), False, pair)
    return Requirement(best, caseless) if _useful(best) else None


def _literal_share(literals) -> float:
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


_ZERO_WIDTH = _Chars(nullable=True)
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


def _pair_requirement(parsed, flags: int) -> tuple[re.Pattern | None, float]:
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


@lru_cache(maxsize=1024)
def requirement_of(pattern: re.Pattern) -> Requirement | None:
    """``requirement`` cached per compiled pattern (patterns are compiled once per rule)."""
    return requirement(pattern)


def may_match(pattern: re.Pattern, index: TextIndex) -> bool:
    """False only when *pattern* cannot match anywhere in the indexed text."""
    return index.may_contain(requirement_of(pattern))


# -- whole-word alternations (glossaries, phrase lists) ------------------------------------------
class WordRequirements:
    """For a list of literals matched as whole words (``tqcheck.kinds.trie``): a match of a
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
            words = _TOKEN.findall(literal.lower() if self.caseless else literal)
            if not words or (self.caseless and not literal.isascii() and _caseless_unsafe().search(literal)):
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
