"""Declarative rule kinds: the Python behind a YAML rule's ``kind:`` (Vale's ``extends:``).

Each kind is a :class:`YamlRule` subclass that declares the keys its entries take and turns its
entries into one compiled alternation. Unknown keys, wrong types and bad regexes are errors that
name the file and line.
"""
from __future__ import annotations

import copy
import re
import string
from functools import cached_property, lru_cache
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from tqcheck.document import Document
from tqcheck.finding import Finding, Severity, check_category
from tqcheck.kinds.trie import normalize, trie_regex
from tqcheck.packs import LineDict, Pack, PackError, builtin_pack_dirs
from tqcheck.prefilter import Requirement, WordRequirements, requirement_of_regex
from tqcheck.regex_guard import GuardedPattern, UnsafePattern, compile_guarded, shown
from tqcheck.rule import Rule, validate_metadata

_RULE_KEYS = {"code", "name", "kind", "category", "severity", "message", "description", "default",
              "exceptions", "examples", "entries", "ignorecase", "fixable"}
_EXTEND_KEYS = {"extends", "severity", "category", "message", "default", "entries+", "entries-",
                "exceptions", "description"}


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
        # Exceptions and patterns are the pack author's regexes: time-limited (tqcheck.regex_guard).
        self._exceptions = GuardedPattern("|".join(f"(?:{e})" for e in self.exceptions), flags,
                                          f"{self.path}: exceptions") if self.exceptions else None
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
        else:  # only the entries whose required text is in the article (see tqcheck.prefilter)
            possible = self._prefilter.possible(doc.index, len(self.entries))
            if not possible:
                return
            pattern = self.pattern if len(possible) == len(self.entries) else self._subset(possible)
        exceptions = [m.span() for m in self._exceptions.finditer(doc.text)] if self._exceptions else []
        for m in pattern.finditer(doc.text, doc.body_start):
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


def _kinds() -> dict[str, type[YamlRule]]:
    from tqcheck.kinds.glossary import Glossary
    from tqcheck.kinds.patterns import Patterns
    from tqcheck.kinds.phrases import Phrases

    return {k.kind: k for k in (Glossary, Phrases, Patterns)}


def build_rule(data: LineDict, path: Path, pack: Pack | None) -> YamlRule:
    kinds = _kinds()
    for key in data:
        if key not in _RULE_KEYS:
            raise PackError(path, data.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(_RULE_KEYS))})")
    for key in ("code", "name", "kind", "category"):
        if not isinstance(data.get(key), str):
            raise PackError(path, data.line_of(key), f"missing or non-string {key!r}")
    kind = kinds.get(data["kind"])
    if kind is None:
        raise PackError(path, data.line_of("kind"), f"unknown kind {data['kind']!r} (use one of {', '.join(sorted(kinds))})")
    for key in ("code", "name", "category"):
        try:
            validate_metadata(**{"code": "AA00", "name": "a.b", "category": "Style", key: data[key]}, where="rule")
        except ValueError as exc:
            raise PackError(path, data.line_of(key), str(exc).removeprefix("rule: ")) from None
    shipped = pack is not None and pack.path.resolve() in builtin_pack_dirs()  # tested instead (start-up time)
    check = None if shipped else _PatternCheck(data["code"], pattern_flags(data.get("ignorecase", kind.default_ignorecase)))
    _validate_common(data, path, check)
    _validate_entries(kind, data.get("entries", []), data, "entries", path, check)
    return _instantiate(kind, data, path, pack)


def extend_rule(base: YamlRule, data: LineDict, path: Path) -> YamlRule:
    """A copy of *base* with the overrides of a house ``extends:`` file applied."""
    for key in data:
        if key not in _EXTEND_KEYS:
            raise PackError(path, data.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(_EXTEND_KEYS))})")
    if not isinstance(base, YamlRule):
        raise PackError(path, data.line_of("extends"), f"{base.code} is a Python rule; only YAML rules can be extended")
    check = _PatternCheck(base.code, pattern_flags(base.ignorecase))
    _validate_common(data, path, check)
    kind = type(base)
    added = data.get("entries+", [])
    _validate_entries(kind, added, data, "entries+", path, check)
    removed = data.get("entries-", [])
    if not isinstance(removed, list) or not all(isinstance(r, str) for r in removed):
        raise PackError(path, data.line_of("entries-"), "'entries-' must be a list of entry keys")
    rule = copy.copy(base)
    rule.path = path
    drop = set(removed) | {str(v) for e in added for v in _identities(kind, e)}
    rule.entries = [e for e in base.entries if not drop & set(_identities(kind, e))] + [dict(e) for e in added]
    unknown = set(removed) - {i for e in base.entries for i in _identities(kind, e)}
    if unknown:
        raise PackError(path, data.line_of("entries-"), f"no entry {sorted(unknown)[0]!r} in {base.code} to remove")
    if "severity" in data:
        rule.severity = Severity.parse(data["severity"])
    for key, attr in (("category", "category"), ("message", "message"), ("description", "summary"),
                      ("default", "default_enabled")):
        if key in data:
            setattr(rule, attr, data[key])
    if "exceptions" in data:
        rule.exceptions = base.exceptions + list(data["exceptions"])
    rule.origin = f"{base.origin}+{path.parent.name}"
    try:
        rule.compile()
    except re.error as exc:
        raise PackError(path, data.line, f"bad regular expression: {exc}") from None
    return rule


def _identities(kind: type[YamlRule], entry: dict) -> list[str]:
    first = next(iter(kind.entry_schema))
    ids = [str(entry[first])]
    if "variants" in entry:
        ids += [str(v) for v in entry["variants"]]
    return ids


#: Keys whose values must have one type (a wrong one would fail later, at check time).
_TYPED_KEYS = {"message": str, "description": str, "default": bool, "ignorecase": bool, "fixable": bool}
#: The placeholders a message or suggestion may use.
_PLACEHOLDERS = {"match", "suggestion", "note"}


def _check_template(template: str) -> None:
    """Refuse placeholders other than {match}, {suggestion}, {note} (no attributes, indexes or typos)."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise ValueError(f"bad message template {template!r}: {exc}") from None
    for field_name in fields:
        if field_name not in _PLACEHOLDERS:
            raise ValueError(f"unknown placeholder {{{field_name}}} in {template!r} (use {{match}}, {{suggestion}} or {{note}})")


class _PatternCheck(NamedTuple):
    """A house rule's own regexes are checked before it is built (tqcheck.regex_guard): its code
    names it in the error, its flags are the ones it will run with."""

    code: str
    flags: int

    def problem(self, what: str, regex: str) -> str | None:
        """Why *regex* is refused (one line), or None."""
        try:
            compile_guarded(regex, self.flags)
        except re.error as exc:
            return f"{self.code}: {what} {shown(regex)}: bad regular expression: {exc}"
        except UnsafePattern as exc:
            return f"{self.code}: {what} {shown(regex)}: {exc}"
        return None


def _validate_common(data: LineDict, path: Path, check: _PatternCheck | None) -> None:
    try:
        if "severity" in data:
            Severity.parse(data["severity"])
        if "category" in data:
            check_category(data["category"])
    except ValueError as exc:
        key = "severity" if "severity" in str(exc) else "category"
        raise PackError(path, data.line_of(key), str(exc)) from None
    for key, expected in _TYPED_KEYS.items():
        if key in data and not isinstance(data[key], expected):
            raise PackError(path, data.line_of(key), f"{key!r} must be a {'string' if expected is str else 'boolean'}")
    if "message" in data:
        try:
            _check_template(data["message"])
        except ValueError as exc:
            raise PackError(path, data.line_of("message"), str(exc)) from None
    for key in ("exceptions",):
        if key in data and not (isinstance(data[key], list) and all(isinstance(x, str) for x in data[key])):
            raise PackError(path, data.line_of(key), f"{key!r} must be a list of strings")
    for pattern in data.get("exceptions", []) if check else []:
        problem = check.problem("exception", pattern)
        if problem:
            raise PackError(path, data.line_of("exceptions"), problem)
    examples = data.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"flag", "okay"} or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in examples.values()):
        raise PackError(path, data.line_of("examples"), "'examples' takes 'flag' and 'okay' lists of strings")


def _validate_entries(kind: type[YamlRule], entries: Any, data: LineDict, key: str, path: Path,
                      check: _PatternCheck | None) -> None:
    if not isinstance(entries, list):
        raise PackError(path, data.line_of(key), f"{key!r} must be a list")
    allowed = {**kind.entry_schema, "note": (str, False), "source": (str, False),
               "severity": (str, False), "category": (str, False)}
    for entry in entries:
        line = entry.line if isinstance(entry, LineDict) else data.line_of(key)
        if not isinstance(entry, dict):
            raise PackError(path, line, f"each {kind.kind} entry must be a mapping with {', '.join(kind.entry_schema)}")
        for k, v in entry.items():
            if k not in allowed:
                raise PackError(path, entry.line_of(k), f"unknown entry key {k!r} (allowed: {', '.join(sorted(allowed))})")
            expected = allowed[k][0]
            if not isinstance(v, expected) or (isinstance(v, list) and not all(isinstance(x, str) for x in v)):
                raise PackError(path, entry.line_of(k), f"entry key {k!r} has the wrong type")
        for k, (_, required) in kind.entry_schema.items():
            if required and k not in entry:
                raise PackError(path, line, f"{kind.kind} entry lacks {k!r}")
        try:
            if "severity" in entry:
                Severity.parse(entry["severity"])
            if "category" in entry:
                check_category(entry["category"])
            if "message" in entry:  # a patterns entry's own message template
                _check_template(entry["message"])
        except ValueError as exc:
            raise PackError(path, line, str(exc)) from None
        problem = check.problem("pattern", kind.entry_regex(entry)) if check and not kind.literal else None
        if problem:  # literal kinds escape every character (trie_regex): nothing to check
            raise PackError(path, line, problem)


def _instantiate(kind: type[YamlRule], data: LineDict, path: Path, pack: Pack | None) -> YamlRule:
    try:
        return kind(data, path, pack)
    except re.error as exc:
        raise PackError(path, data.line, f"bad regular expression: {exc}") from None
