"""Declarative rule kinds: the Python behind a YAML rule's ``kind:`` (Vale's ``extends:``).

Each kind (``glossary``, ``phrases``, ``patterns``) is a :class:`YamlRule` subclass that declares
the keys its entries take and turns its entries into one compiled alternation. Building a rule
from its file, with the checks that name the file and line of a mistake, is ``tqcheck.packs.build``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import ClassVar

from tqcheck.document import Document
from tqcheck.finding import Finding, Severity
from tqcheck.packs.loader import LineDict, Pack
from tqcheck.packs.regex_guard import GuardedPattern
from tqcheck.packs.trie import normalize, trie_regex
from tqcheck.rule import Rule
from tqcheck.text.literals import Requirement
from tqcheck.text.prefilter import requirement_of_regex
from tqcheck.text.words import WordRequirements


class YamlRule(Rule):
    """A rule whose metadata and data come from a YAML file."""

    kind: ClassVar[str] = ""
    #: entry key -> (type, required). The first key identifies an entry (for entries+/entries-).
    entry_schema: ClassVar[dict[str, tuple[type | tuple[type, ...], bool]]] = {}
    default_message: ClassVar[str] = "{match}"
    default_ignorecase: ClassVar[bool] = False

    def __init__(self, data: LineDict, path: Path, pack: Pack | None) -> None:
        self.path = path
        self.code = data["code"]
        self.name = data["name"]
        self.category = data["category"]
        self.severity = Severity.parse(data.get("severity", "minor"))
        self.message = data.get("message", self.default_message)
        self.summary = data.get("description", "")
        self.default_enabled = bool(data.get("default", pack.default if pack else True))
        self.ignorecase = bool(data.get("ignorecase", self.default_ignorecase))
        self.fixable = bool(data.get("fixable", False))
        self.origin = pack.name if pack else "house"
        if pack:
            self.source_langs, self.target_langs = pack.source_langs, pack.target_langs
        self.exceptions = list(data.get("exceptions", []))
        self._examples = {"flag": list(data.get("examples", {}).get("flag", [])),
                          "okay": list(data.get("examples", {}).get("okay", []))}
        self.entries = [dict(e) if isinstance(e, dict) else e for e in data.get("entries", [])]
        self.compile()

    # -- metadata --------------------------------------------------------------------------
    @property
    def doc(self) -> str:
        lines = [self.summary or self.name, "", f"Kind: {self.kind} ({len(self.entries)} entries), "
                 f"from pack {self.origin!r} ({self.path.name}).", f"Message: {self.message}"]
        if self._examples["flag"] or self._examples["okay"]:
            lines += ["", "Example:"]
            lines += [f"    flag: {t}" for t in self._examples["flag"]]
            lines += [f"    okay: {t}" for t in self._examples["okay"]]
        return "\n".join(lines)

    @property
    def description(self) -> str:
        return self.summary.split("\n", 1)[0].strip() or self.name

    @property
    def examples(self) -> dict[str, list[str]]:
        return self._examples

    # -- behaviour -------------------------------------------------------------------------
    def compile(self) -> None:
        flags = pattern_flags(self.ignorecase)
        # Exceptions and patterns are the pack author's regexes: time-limited (tqcheck.packs.regex_guard).
        self._exceptions = GuardedPattern("|".join(f"(?:{e})" for e in self.exceptions), flags,
                                          f"{self.path}: exceptions") if self.exceptions else None
        # An article in which no exception can match needs no search for them (nor their compiling).
        self._exception_requirements = _EntryRequirements(list(self.exceptions), flags) if self.exceptions else None
        if self.literal:
            self._lookup: dict[str, int] = {}
            for i, entry in enumerate(self.entries):
                for text in self.entry_literals(entry):
                    self._lookup.setdefault(normalize(text, self.ignorecase), i)
            # The whole trie is compiled on first use only (``pattern``): most articles need just
            # the few literals whose words they contain (``check``), and compiling is start-up time.
            self._trie_flags = flags
            self._prefilter = WordRequirements(self._lookup, self.ignorecase)
        else:
            self.pattern = GuardedPattern("|".join(f"(?P<e{i}>{self.entry_regex(e)})" for i, e in enumerate(self.entries))
                                          or r"(?!x)x", flags, f"{self.path}: patterns")
            self._prefilter = _EntryRequirements([self.entry_regex(e) for e in self.entries], flags)
            self._subsets: dict[tuple[int, ...], GuardedPattern] = {}

    #: Literal kinds list plain strings (compiled into one trie); others give a regex per entry.
    literal: ClassVar[bool] = False

    def __getattr__(self, name: str):
        # ``pattern`` of a literal kind: the trie of all its literals, compiled when first asked for.
        if name == "pattern" and "_trie_flags" in self.__dict__:
            return _literal_pattern(tuple(self.__dict__["_lookup"]), self.__dict__["_trie_flags"])
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @classmethod
    def entry_literals(cls, entry: dict) -> list[str]:
        raise NotImplementedError

    @classmethod
    def entry_regex(cls, entry: dict) -> str:
        if cls.literal:
            return trie_regex(cls.entry_literals(entry))
        raise NotImplementedError

    def _subset(self, entries: tuple[int, ...]) -> GuardedPattern:
        """The alternation of some entries, named as in the whole one. Where the other entries
        cannot match anywhere in the text, it finds exactly what the whole alternation finds."""
        pattern = self._subsets.get(entries)
        if pattern is None:
            pattern = self._subsets[entries] = GuardedPattern(
                "|".join(f"(?P<e{i}>{self.entry_regex(self.entries[i])})" for i in entries),
                pattern_flags(self.ignorecase), f"{self.path}: patterns")
        return pattern

    def entry_key(self, entry: dict) -> str:
        return str(entry[next(iter(self.entry_schema))])

    def render(self, entry: dict, match: str) -> tuple[str, str | None]:
        """(message, suggestion) for *entry* matching *match*."""
        raise NotImplementedError

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.literal:  # search only for the literals whose words are all in the article
            candidates = self._prefilter.candidates(doc.index)
            if not candidates:
                return
            pattern = _literal_pattern(tuple(candidates), self._trie_flags)
        else:  # only the entries whose required text is in the article (see tqcheck.text.prefilter)
            possible = self._prefilter.possible(doc.index, len(self.entries))
            if not possible:
                return
            pattern = self.pattern if len(possible) == len(self.entries) else self._subset(possible)
        exceptions = None  # the exceptions' spans, searched for at the first match only (most articles have none)
        for m in pattern.finditer(doc.text, doc.body_start):
            if exceptions is None:
                exceptions = [e.span() for e in self._exceptions.finditer(doc.text)] \
                    if self._exceptions and self._exception_requirements.possible(doc.index, len(self.exceptions)) else []
            if any(a <= m.start() and m.end() <= b for a, b in exceptions):
                continue
            index = self._lookup[normalize(m.group(), self.ignorecase)] if self.literal else int(m.lastgroup[1:])
            entry = self.entries[index]
            message, suggestion = self.render(entry, " ".join(m.group().split()))
            if suggestion == m.group():
                continue  # an ignorecase variant matched the preferred form itself
            sev = entry.get("severity")
            yield self.finding(doc, m.start(), m.end(), message, suggestion,
                               severity=Severity.parse(sev) if sev else None,
                               category=entry.get("category"), fixable=self.fixable and suggestion is not None)


def pattern_flags(ignorecase: bool) -> int:
    """The flags of a YAML rule's regexes: ^ and $ match at line breaks."""
    return re.MULTILINE | (re.IGNORECASE if ignorecase else 0)


@lru_cache(maxsize=512)
def _literal_pattern(literals: tuple[str, ...], flags: int) -> re.Pattern:
    """The trie of a subset of a rule's literals. At any position it matches what the whole
    trie matches whenever that match is one of *literals*: the trie tries its words in one fixed
    order, and a subset keeps that order (so the literals that cannot occur may be left out)."""
    return re.compile(trie_regex(list(literals)), flags)


class _EntryRequirements:
    """The rule may match only where one of its entries' literal requirements is met (derived on
    first use: analysing the patterns is start-up time that a run without articles never needs)."""

    def __init__(self, regexes: list[str], flags: int) -> None:
        self.regexes, self.flags = regexes, flags

    @cached_property
    def requirements(self) -> list:
        """Each entry's requirement (None: none known, the entry may match anywhere)."""
        return [requirement_of_regex(r, self.flags) for r in self.regexes]

    @cached_property
    def _all_literals(self) -> Requirement | None:
        """One requirement met wherever any entry's is, when every entry has literals tested the
        same way (the usual case): an article without any of them is ruled out in one test."""
        reqs = self.requirements
        if not reqs or any(r is None or r.pair is not None or r.caseless != reqs[0].caseless for r in reqs):
            return None
        return Requirement([lit for r in reqs for lit in r.literals], reqs[0].caseless)

    def possible(self, index, count: int) -> tuple[int, ...]:
        """The entries (indexes, in order) that may match the indexed text."""
        if not index.may_contain(self._all_literals):
            return ()
        return tuple(i for i, r in enumerate(self.requirements[:count]) if index.may_contain(r))
