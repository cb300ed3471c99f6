"""The parse tree of a regular expression, for code that reasons about a pattern without running
it: the pack-pattern safety check (``tqcheck.packs.regex_guard``) and the literal prefilters
(``tqcheck.text.prefilter``).

The tree is the one Python's ``re`` builds: a list of ``(opcode, argument)`` items, the opcodes in
``opcodes`` (``opcodes.LITERAL``, ``opcodes.MAX_REPEAT`` ...). The modules behind it are private
to ``re``, so this is the one place that imports them.
"""
from __future__ import annotations

import array
import re
import sys
from collections.abc import Iterator
from functools import cache, lru_cache
from re import _compiler, _parser
from re import _constants as opcodes

REPEATS = (opcodes.MAX_REPEAT, opcodes.MIN_REPEAT, opcodes.POSSESSIVE_REPEAT)
LOOKAROUNDS = (opcodes.ASSERT, opcodes.ASSERT_NOT)
#: The upper bound of an unbounded repeat (``+``, ``*``, ``{2,}``).
UNBOUNDED = opcodes.MAXREPEAT


def parse(pattern: str, flags: int = 0):
    """The tree of *pattern*: ``.data`` holds its items, ``.state.flags`` its flags with the inline
    ones (``(?i)``). Raises ``re.error`` as ``re.compile`` would."""
    return _parser.parse(pattern, flags)


def subtrees(code, arg) -> list:
    """The item lists directly inside the item ``(code, arg)``."""
    if code is opcodes.SUBPATTERN:
        return [arg[3]]
    if code in REPEATS:
        return [arg[2]]
    if code is opcodes.BRANCH:
        return list(arg[1])
    if code in LOOKAROUNDS:
        return [arg[1]]
    if code is opcodes.ATOMIC_GROUP:
        return [arg]
    if code is opcodes.GROUPREF_EXISTS:
        return [arg[1]] + ([arg[2]] if arg[2] else [])
    return []


def walk(items) -> Iterator[tuple]:
    """Every item of the tree *items*, depth first (an item before the items inside it)."""
    for code, arg in items:
        yield code, arg
        for sub in subtrees(code, arg):
            yield from walk(sub)


def group_flags(arg, flags: int) -> int:
    """The flags inside a ``SUBPATTERN`` item (``(?i:...)`` adds one, ``(?-i:...)`` removes one)."""
    return (flags | arg[1]) & ~arg[2]


def shape(items) -> tuple:
    """*items* as nested tuples without group numbers, to compare trees of pieces parsed apart."""
    out = []
    for code, arg in items:
        if code is opcodes.SUBPATTERN:
            arg = (arg[1], arg[2], shape(arg[3]))
        elif code in REPEATS:
            arg = (arg[0], arg[1], shape(arg[2]))
        elif code is opcodes.BRANCH:
            arg = tuple(shape(alt) for alt in arg[1])
        elif code in LOOKAROUNDS:
            arg = (arg[0], shape(arg[1]))
        elif code is opcodes.ATOMIC_GROUP:
            arg = shape(arg)
        elif code is opcodes.GROUPREF_EXISTS:
            arg = (shape(arg[1]), shape(arg[2] or []))
        elif code is opcodes.IN:
            arg = tuple(arg)
        elif code is opcodes.GROUPREF:
            arg = None
        out.append((code, arg))
    return tuple(out)


# -- where a repeat is written ------------------------------------------------------------------------
_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{3}|0[0-7]{0,2}|[1-9][0-9]?|.)",
                     re.DOTALL)
_QUANTIFIER = re.compile(r"(?:[*+?]|\{[0-9]*(?:,[0-9]*)?\})[?+]?")


def repeat_spans(pattern: str, flags: int = 0) -> list[tuple[int, int]]:
    """Where each quantified piece of *pattern* is written (``[a-z]+``, ``(ab|c){2,}?``): (start,
    end) pairs, for messages that quote the author's own text."""
    verbose = bool(flags & re.VERBOSE)
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    atom = None  # where the piece a quantifier would repeat starts
    i = 0
    while i < len(pattern):
        char = pattern[i]
        quantifier = _QUANTIFIER.match(pattern, i)
        if verbose and (char.isspace() or char == "#"):
            i = (pattern.find("\n", i) % (len(pattern) + 1) if char == "#" else i) + 1
            continue
        if quantifier and atom is not None:
            spans.append((atom, quantifier.end()))
            atom, i = None, quantifier.end()
        elif char == "\\":
            atom, i = i, _ESCAPE.match(pattern, i).end() if _ESCAPE.match(pattern, i) else i + 1
        elif char == "[":
            atom, i = i, _class_end(pattern, i)
        elif pattern.startswith("(?#", i):
            i = pattern.find(")", i) % (len(pattern) + 1) + 1
        elif char == "(":
            opened.append(i)
            atom, i = None, i + 1
        elif char == ")":
            atom, i = (opened.pop() if opened else None), i + 1
        else:
            atom, i = (None if char == "|" else i), i + 1
    return spans


def _class_end(pattern: str, i: int) -> int:
    """Where the character class that starts at *i* ends (past its ``]``)."""
    i += 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


# -- character sets ---------------------------------------------------------------------------------
MAX_CODE = sys.maxunicode


class CharSet:
    """The characters one item of a pattern can read, as sorted, disjoint, inclusive ranges of code
    points: exact for literals, ranges, ``\\w \\d \\s`` (as the engine defines them), negations and
    IGNORECASE."""

    __slots__ = ("ranges",)

    def __init__(self, ranges=()) -> None:
        merged: list[list[int]] = []
        for low, high in sorted(ranges):
            if merged and low <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], high)
            else:
                merged.append([low, high])
        self.ranges = tuple((low, high) for low, high in merged)

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def __eq__(self, other) -> bool:
        return isinstance(other, CharSet) and self.ranges == other.ranges

    def __hash__(self) -> int:
        return hash(self.ranges)

    def __repr__(self) -> str:
        return f"CharSet({self.ranges!r})"

    def __or__(self, other: CharSet) -> CharSet:
        return CharSet(self.ranges + other.ranges)

    def __and__(self, other: CharSet) -> CharSet:
        out, i, j = [], 0, 0
        a, b = self.ranges, other.ranges
        while i < len(a) and j < len(b):
            low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
            if low <= high:
                out.append((low, high))
            if a[i][1] < b[j][1]:
                i += 1
            else:
                j += 1
        return CharSet(out)

    def overlaps(self, other: CharSet) -> bool:
        """Whether some character is in both (``bool(a & b)``, without building the intersection)."""
        a, b, i, j = self.ranges, other.ranges, 0, 0
        while i < len(a) and j < len(b):
            if a[i][1] < b[j][0]:
                i += 1
            elif b[j][1] < a[i][0]:
                j += 1
            else:
                return True
        return False

    def complement(self) -> CharSet:
        out, start = [], 0
        for low, high in self.ranges:
            if low > start:
                out.append((start, low - 1))
            start = high + 1
        if start <= MAX_CODE:
            out.append((start, MAX_CODE))
        return CharSet(out)


ANYTHING = CharSet([(0, MAX_CODE)])


def char_set(code, arg, flags: int) -> CharSet | None:
    """What the item ``(code, arg)`` reads when it reads one character (``LITERAL``, ``NOT_LITERAL``,
    ``ANY``, ``IN``), under *flags*; None for other items."""
    if code not in (opcodes.ANY, opcodes.LITERAL, opcodes.NOT_LITERAL, opcodes.IN):
        return None
    return _char_set(code, tuple(arg) if code is opcodes.IN else arg, flags)


@lru_cache(maxsize=4096)
def _char_set(code, arg, flags: int) -> CharSet:
    if code is opcodes.ANY:
        return ANYTHING if flags & re.DOTALL else CharSet([(0, 9), (11, MAX_CODE)])
    if code is opcodes.LITERAL or code is opcodes.NOT_LITERAL:
        items, negated = [(opcodes.LITERAL, arg)], code is opcodes.NOT_LITERAL
    else:
        items, negated = arg, any(c is opcodes.NEGATE for c, _ in arg)
    ranges: list[tuple[int, int]] = []
    for c, a in items:
        if c is opcodes.LITERAL:
            ranges.append((a, a))
        elif c is opcodes.RANGE:
            ranges.append(a)
        elif c is opcodes.CATEGORY:
            ranges.extend(_category(a, bool(flags & re.ASCII)).ranges)
    chars = CharSet(ranges)
    chars = chars.complement() if negated else chars
    if flags & re.IGNORECASE:  # characters with case variants: the engine says which ones match
        cased, text = _cased()
        state = _parser.State()
        state.flags = flags
        found = _compiler.compile(_parser.SubPattern(state, [(code, list(arg) if code is opcodes.IN else arg)]),
                                  flags).finditer(text)
        chars = (chars & cased.complement()) | CharSet((ord(m.group()),) * 2 for m in found)
    return chars


_CATEGORIES = {opcodes.CATEGORY_DIGIT: r"\d", opcodes.CATEGORY_SPACE: r"\s", opcodes.CATEGORY_WORD: r"\w"}
_NEGATED_CATEGORIES = {opcodes.CATEGORY_NOT_DIGIT: opcodes.CATEGORY_DIGIT, opcodes.CATEGORY_NOT_SPACE: opcodes.CATEGORY_SPACE,
                       opcodes.CATEGORY_NOT_WORD: opcodes.CATEGORY_WORD}


@cache
def _category(category, ascii_only: bool) -> CharSet:
    """The characters of ``\\w``, ``\\d``, ``\\s`` or their negations, found by the engine itself."""
    if category in _NEGATED_CATEGORIES:
        return _category(_NEGATED_CATEGORIES[category], ascii_only).complement()
    if category not in _CATEGORIES:  # a category the parser does not produce: assume anything
        return ANYTHING
    runs = re.compile(_CATEGORIES[category] + "+", re.ASCII if ascii_only else 0).finditer(_every_character())
    return CharSet((m.start(), m.end() - 1) for m in runs)


@cache
def _every_character() -> str:
    codes = array.array("I", range(MAX_CODE + 1))
    return codes.tobytes().decode(f"utf-32-{sys.byteorder[0]}e", "surrogatepass")


@cache
def _cased() -> tuple[CharSet, str]:
    """The characters IGNORECASE may match to others (as a set and as text): those with a case
    mapping and those ``re._casefix`` lists. Every other character matches only itself."""
    import _sre
    from re._casefix import _EXTRA_CASES

    every, codes = _every_character(), set(_EXTRA_CASES).union(*_EXTRA_CASES.values())
    for start in range(0, len(every), 256):  # a block without case mappings is left as it is
        block = every[start:start + 256]
        if block.lower() != block or block.upper() != block:
            codes.update(c for c in range(start, start + len(block)) if _sre.unicode_iscased(c))
    return CharSet((c, c) for c in codes), "".join(map(chr, sorted(codes)))
