"""Regular expressions that rule packs bring (other people's YAML): refused by their shape when they
could backtrack catastrophically, time-limited as a backstop.

A pattern such as ``(a|aa)+$`` matches a run of a's in exponentially many ways, and a backtracking
engine tries every one of them before it gives up: one article could hang a CI run. Whether a
pattern can do that is a property of its structure, so :func:`check_structure` decides it from the
parse tree, the same way on every machine and every run. It refuses

* a pattern that matches empty text (it would flag every position);
* a repeat whose iterations can match the same text in more than one way: a repeat inside a
  repeat over the same characters (``(a+)+``), alternatives that overlap inside a repeat
  (``(a|aa)+``), a back-reference that re-reads its repeat's text (``(\\w+)\\1+``); a failing search
  then takes time exponential in the length of the text;
* two repeats in a row that can take turns over the same text (``[a-z]+[a-z]+[0-9]``): cubic.

The test is exact on the pattern's position automaton (one state per character item; a
back-reference counts as a second copy of its group, lookaround bodies are checked as patterns of
their own, anchors are ignored): a repeat is refused when one state can return to itself over the
same text along two different paths (exponential ambiguity), two repeats when one text can loop in
the first, lead from the first to the second and loop in the second (polynomial ambiguity). Bounded
repeats up to ``MAX_COPIES`` count as that many copies; a larger bound counts as unbounded.

Pack patterns run on the ``regex`` engine (:class:`GuardedPattern`) under a time limit: a search
over an article that overruns it stops with :class:`PatternTimeout`, an error for that rule and
article (the other articles are still checked). That limit is a backstop only: it never decides
whether a pack loads. In the main thread it is an interval timer of the process's user CPU time
(``SIGVTALRM``, which ``regex`` heeds while it matches); elsewhere, ``regex``'s own ``timeout``,
which reads the process's CPU clock at every step of a search: a system call that costs up to a
millisecond on a virtual machine whose other core is busy, as it is under ``--jobs 2``.

Glossary and phrase lists are compiled by tqcheck itself into trie-shaped, escaped alternations
that cannot backtrack badly, so they stay on ``re``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import NamedTuple

from tqcheck.packs.cpu_timer import OverBudget, cpu_timer
from tqcheck.text.regex_tree import (LOOKAROUNDS, REPEATS, UNBOUNDED, CharSet, char_set, group_flags, opcodes, parse,
                                     repeat_spans, shape, walk)

#: Check-time budget of one pattern over one article: a base plus so much per MiB of text.
BASE_SECONDS = 2.0
SECONDS_PER_MIB = 20.0
#: A bounded repeat ``{m,n}`` with n up to this is checked as n copies; a larger n counts as unbounded.
MAX_COPIES = 8
#: Limits of the check itself (states of the automaton, pairs and triples of states it visits): a
#: pattern beyond them is refused as too complex to check, never accepted unchecked.
MAX_POSITIONS = 5_000
MAX_STEPS = 200_000
#: What each kind of refusal costs a search, for its message.
EXPONENTIAL = "so a search that fails backtracks exponentially"
POLYNOMIAL = "so a search that fails backtracks in polynomial time (cubic or worse)"


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
        """The matches in *text* from *pos*, all found (under the budget) before the first is given."""
        limit = self.budget(text)
        try:
            with cpu_timer(limit) as timed:
                matches = list(self._compiled.finditer(text, pos, timeout=None if timed else limit))
        except (TimeoutError, OverBudget):
            raise PatternTimeout(f"{self.where}: gave up after {limit:.3g} s on this article") from None
        yield from matches


def compile_guarded(pattern: str, flags: int = 0) -> GuardedPattern:
    """Compile a pack *pattern*; raise ``re.error`` for bad syntax, :class:`UnsafePattern` if it is refused."""
    re.compile(pattern, flags)  # the documented syntax is Python's re; this also gives re's error messages
    import regex

    guarded = GuardedPattern(pattern, flags)
    try:
        guarded._compiled
    except regex.error as exc:
        raise re.error(f"not supported by the pattern engine: {exc}") from None
    check_structure(pattern, flags)
    return guarded


def shown(text: str) -> str:
    """*text* quoted for a one-line message: as written, control characters escaped."""
    return "'" + "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c for c in text) + "'"


# -- the structural check -----------------------------------------------------------------------------
class _Fragment(NamedTuple):
    """A piece of the automaton: the states a match of it can start and end in, and whether it
    can match empty text."""

    first: frozenset[int]
    last: frozenset[int]
    nullable: bool


_EMPTY = _Fragment(frozenset(), frozenset(), True)


class _TooComplex(Exception):
    pass


class _Automaton:
    """The position automaton (Glushkov) of a parse tree: a state per character item, entered by
    reading a character of its set. ``follow[p][q]`` counts the ways the pattern leads from p to q:
    two ways are two paths a backtracking engine tries (``(a*)*`` leads from a to a twice)."""

    def __init__(self) -> None:
        self.chars: list[CharSet] = []
        self.follow: list[dict[int, int]] = []
        #: The outermost unbounded repeat around each state (a tree item), or None.
        self.loop: list = []
        self.lookarounds: list[tuple] = []
        self.groups: dict[int, tuple] = {}
        self.steps = 0
        self._meets: dict[tuple[int, int], CharSet] = {}
        self._read_by: dict[frozenset[int], CharSet] = {}
        self._reached: dict[tuple[frozenset[int], bool], frozenset[int]] = {}

    def build(self, items, flags: int, loop=None) -> _Fragment:
        fragment = _EMPTY
        for code, arg in items:
            fragment = self._then(fragment, self._item(code, arg, flags, loop))
        return fragment

    def _then(self, a: _Fragment, b: _Fragment) -> _Fragment:
        self._link(a.last, b.first)
        return _Fragment(a.first | b.first if a.nullable else a.first, b.last | a.last if b.nullable else b.last,
                         a.nullable and b.nullable)

    def _link(self, sources, targets) -> None:
        for s in sources:
            for t in targets:
                self.follow[s][t] = self.follow[s].get(t, 0) + 1

    def _item(self, code, arg, flags: int, loop) -> _Fragment:
        chars = char_set(code, arg, flags)
        if chars is not None:
            if len(self.chars) >= MAX_POSITIONS:
                raise _TooComplex
            self.chars.append(chars)
            self.follow.append({})
            self.loop.append(loop)
            state = frozenset([len(self.chars) - 1])
            return _Fragment(state, state, False)
        if code is opcodes.AT:
            return _EMPTY
        if code in LOOKAROUNDS:  # zero width here; its body is searched at each place, so checked on its own
            self.lookarounds.append((arg[1], flags))
            self.groups.update((a[0], (a[3], group_flags(a, flags))) for c, a in walk(arg[1])
                               if c is opcodes.SUBPATTERN and a[0] is not None)
            return _EMPTY
        if code is opcodes.SUBPATTERN:
            inner = group_flags(arg, flags)
            fragment = self.build(arg[3], inner, loop)
            if arg[0] is not None:
                self.groups[arg[0]] = (arg[3], inner)
            return fragment
        if code is opcodes.ATOMIC_GROUP:
            return self.build(arg, flags, loop)
        if code is opcodes.BRANCH:
            return self._either([self.build(alt, flags, loop) for alt in arg[1]])
        if code is opcodes.GROUPREF_EXISTS:
            return self._either([self.build(arg[1], flags, loop), self.build(arg[2], flags, loop) if arg[2] else _EMPTY])
        if code is opcodes.GROUPREF:  # it reads what its group read: checked as another copy of the group
            items, inner = self.groups.get(arg, ([(opcodes.MAX_REPEAT, (0, UNBOUNDED, [(opcodes.ANY, None)]))], re.DOTALL))
            return self.build(items, inner, loop)
        if code in REPEATS:
            low, high, body = arg
            if high == UNBOUNDED or high > MAX_COPIES:
                inner = self.build(body, flags, loop or (code, arg))
                self._link(inner.last, inner.first)
                return _Fragment(inner.first, inner.last, low == 0 or inner.nullable)
            return self._copies(body, flags, loop, low, high)
        raise _TooComplex  # an item the parser does not produce today

    def _copies(self, body, flags: int, loop, low: int, high: int) -> _Fragment:
        """``body{low,high}`` as copies: ``E{1,3}`` is ``E(?:E(?:E)?)?``."""
        if high == 0:
            return _EMPTY
        fragment = self._then(self.build(body, flags, loop), self._copies(body, flags, loop, max(low - 1, 0), high - 1))
        return fragment if low > 0 else fragment._replace(nullable=True)

    @staticmethod
    def _either(options: list[_Fragment]) -> _Fragment:
        return _Fragment(frozenset().union(*(o.first for o in options)), frozenset().union(*(o.last for o in options)),
                         any(o.nullable for o in options))

    # -- questions about the automaton --------------------------------------------------------
    def meet(self, a: int, b: int) -> CharSet:
        """The characters both states a and b can read."""
        key = (a, b) if a < b else (b, a)
        found = self._meets.get(key)
        if found is None:
            one, other = self.chars[a], self.chars[b]
            found = self._meets[key] = one if one == other else one & other
        return found

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _TooComplex

    def loops(self) -> list[frozenset[int]]:
        """The states of each cycle of the automaton (strongly connected), in pattern order."""
        found = [frozenset(c) for c in _components(range(len(self.chars)), lambda p: self.follow[p])]
        return sorted((c for c in found if len(c) > 1 or next(iter(c)) in self.follow[next(iter(c))]), key=min)

    def exponential(self, loop: frozenset[int]) -> bool:
        """Whether some state of *loop* returns to itself over one text along two different paths:
        in the product of the automaton with itself, a cycle through a pair (p, p) that passes a
        pair (p', q') with p' != q', or takes an edge that the pattern makes twice."""
        def successors(pair):
            x, y = pair
            for x2 in self.follow[x]:
                if x2 in loop:
                    for y2 in self.follow[y]:
                        self.step()
                        if y2 in loop and self.meet(x2, y2):
                            yield x2, y2

        for component in _components([(p, p) for p in sorted(loop)], successors):
            pairs = set(component)
            if not any(x == y for x, y in pairs):
                continue
            if any(x != y for x, y in pairs) or any(
                    ways > 1 and (x2, x2) in pairs for x, _ in pairs for x2, ways in self.follow[x].items()):
                return True
        return False

    def polynomial(self, first: frozenset[int], second: frozenset[int]) -> bool:
        """Whether one text can loop in *first*, lead from *first* to *second* and loop in *second*:
        a path from (p, p, q) to (p, q, q) in the product of three copies of the automaton."""
        reach = self._reachable(first, self.follow)
        if not second & reach or not self._reads(first).overlaps(self._reads(second)):
            return False
        between = reach & self._reachable(second, self._backward)
        for p in sorted(first):
            for q in sorted(second):
                if not self.meet(p, q):
                    continue
                seen, todo = {(p, p, q)}, [(p, p, q)]
                while todo:
                    x, y, z = todo.pop()
                    for x2 in self.follow[x]:
                        if x2 not in first:
                            continue
                        for y2 in self.follow[y]:
                            if y2 not in between:
                                continue
                            both = self.meet(x2, y2)
                            if not both:
                                continue
                            for z2 in self.follow[z]:
                                self.step()
                                if z2 in second and (x2, y2, z2) not in seen and both.overlaps(self.chars[z2]):
                                    if (x2, y2, z2) == (p, q, q):
                                        return True
                                    seen.add((x2, y2, z2))
                                    todo.append((x2, y2, z2))
        return False

    def _reads(self, states: frozenset[int]) -> CharSet:
        """The characters some state of *states* reads."""
        found = self._read_by.get(states)
        if found is None:
            found = self._read_by[states] = CharSet(r for p in states for r in self.chars[p].ranges)
        return found

    @cached_property
    def _backward(self) -> list[dict[int, int]]:
        edges: list[dict[int, int]] = [{} for _ in self.chars]
        for p, targets in enumerate(self.follow):
            for q in targets:
                edges[q][p] = 1
        return edges

    def _reachable(self, start: frozenset[int], edges: list[dict[int, int]]) -> frozenset[int]:
        """The states *edges* lead to from *start* (itself included); remembered per start."""
        key = (start, edges is self.follow)
        found = self._reached.get(key)
        if found is not None:
            return found
        seen, todo = set(start), list(start)
        while todo:
            for nxt in edges[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        found = self._reached[key] = frozenset(seen)
        return found


def _components(roots, successors) -> list[list]:
    """The strongly connected components of the graph reachable from *roots* (Tarjan, iterative)."""
    index: dict = {}
    low: dict = {}
    stack: list = []
    on_stack: set = set()
    found: list[list] = []
    for root in roots:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors(root)))]
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(successors(nxt))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    found.append(component)
    return found


def check_structure(pattern: str, flags: int = 0) -> None:
    """Raise :class:`UnsafePattern` if *pattern* matches empty text or could backtrack
    catastrophically (see the module's docstring); ``re.error`` if it does not parse."""
    tree = parse(pattern, flags)
    try:
        _check(pattern, tree.state.flags, tree.data, whole=True, groups=tree.state.groups - 1)
    except (_TooComplex, RecursionError):
        raise UnsafePattern("pattern is too complex to check for catastrophic backtracking; "
                            "split it into simpler patterns") from None


def _check(pattern: str, flags: int, items, whole: bool, groups: int) -> None:
    automaton = _Automaton()
    fragment = automaton.build(items, flags)
    if whole and fragment.nullable:
        raise UnsafePattern("pattern matches empty text, so it would flag every position")
    loops = automaton.loops()
    for states in loops:
        if automaton.exponential(states):
            repeat = automaton.loop[min(states)]
            raise UnsafePattern(f"{shown(_source(pattern, flags, groups, repeat))} {_why(repeat)}")
    for first in loops:
        for second in loops:
            if first is not second and automaton.polynomial(first, second):
                a, b = automaton.loop[min(first)], automaton.loop[min(second)]
                raise UnsafePattern(f"{shown(_source(pattern, flags, groups, a, b))}: two repeats in a row can take "
                                    f"turns over the same text, {POLYNOMIAL}")
    for body, inner in automaton.lookarounds:
        _check(pattern, inner, body, False, groups)


def _why(repeat) -> str:
    """What makes *repeat* (a tree item) match one text in several ways, in the pack author's
    terms, and what that costs."""
    inside = list(walk(repeat[1][2]))
    if any(code is opcodes.GROUPREF for code, _ in inside):  # its copies are ambiguous, the real one is not
        return f"repeats a back-reference to a group whose copies can divide the same text in more than one way, {POLYNOMIAL}"
    if any(code in REPEATS and arg[1] > 1 for code, arg in inside):
        return f"is a repeat inside a repeat that can match the same text, {EXPONENTIAL}"
    if any(code in (opcodes.BRANCH, opcodes.GROUPREF_EXISTS) for code, _ in inside):
        return f"repeats alternatives that can match the same text, {EXPONENTIAL}"
    return f"can split the same text into its iterations in more than one way, {EXPONENTIAL}"


def _source(pattern: str, flags: int, groups: int, *repeats) -> str:
    """The text of *pattern* (which has so many *groups*) from the first of *repeats* (tree items,
    in pattern order) to the last, as its author wrote it; the whole pattern if the parser reshaped
    one beyond recognition. A piece is recognised by parsing it alone, after as many empty groups
    as the pattern has so that its back-references parse too."""
    start, end = None, 0
    spans = repeat_spans(pattern, flags)
    for repeat in repeats:
        wanted = shape([repeat])
        for i, j in spans:
            try:
                if i >= end and shape(parse("()" * groups + pattern[i:j], flags).data[groups:]) == wanted:
                    break
            except re.error:
                continue
        else:
            return pattern
        start, end = (i if start is None else start), j
    return pattern[start:end]
