"""Rule options: the word lists and tables a Python rule works with, kept as data.

A rule declares each one as a class attribute and reads it as an attribute of itself::

    class SplitPinyinGivenName(Rule):
        surnames = Words("names/pinyin.yml", "The commonest mainland surnames in pinyin.")

        def check(self, doc):
            ... self.surnames ...   # a tuple of strings

The value is the entry of that name in the file of ``rules/data/`` (a folder ending in ``/``
holds CSV or TBX glossaries instead), changed by the edits a config file or a house pack makes
(``NAME+`` adds, ``NAME-`` removes, ``NAME`` replaces the whole value)::

    [rules.NM04]                     # tqcheck.toml (TOML wants the quotes around + and -)
    "surnames+" = ["Ouyang"]

    extends: NM04                    # a rule file of a house pack
    surnames-: [Wan]

The registry hands each rule a reader of its data files (``tqcheck.packs.data``); an option is read
on its first use, so a run that never needs a list never reads it. A rule module does no I/O.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any

from tqcheck.finding import Severity, check_category

#: What a data file of ``rules/data/`` parses to, given its name there (``names/pinyin.yml``).
Reader = Callable[[str], Any]

#: Rule attributes a house pack's ``extends:`` may change besides the options (on a fresh copy).
_METADATA = {"severity", "category", "default"}
#: Instance attributes a copy with edits keeps (set on the rule by an earlier extension).
_KEPT = ("severity", "category", "default_enabled", "origin")


class OptionError(ValueError):
    """A bad option edit in a config file or a pack; ``str()`` is ``file:line: problem``."""

    def __init__(self, path: str | None, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(where + problem)


@dataclass(frozen=True)
class Edit:
    """One change of an option: ``op`` is "+" (add), "-" (remove) or "" (replace)."""

    option: str
    op: str
    value: Any
    path: str
    line: int | None


# -- value types: a type (or tuple of types), [item type] for a list, {str: value type} for a mapping --
def _well_typed(value: Any, spec: Any) -> bool:
    if isinstance(spec, list) and isinstance(spec[0], type | tuple):  # a word list: tested at C speed
        return isinstance(value, list) and (spec[0] is object or all(map(isinstance, value, repeat(spec[0])))
                                            and not any(map(isinstance, value, repeat(bool))))
    if isinstance(spec, list):
        return isinstance(value, list) and all(_well_typed(v, spec[0]) for v in value)
    if isinstance(spec, dict):
        return isinstance(value, dict) and all(isinstance(k, str) and _well_typed(v, spec[str]) for k, v in value.items())
    return spec is object or isinstance(value, spec) and not isinstance(value, bool)


def _spec_name(spec: Any, plural: bool = False) -> str:
    if isinstance(spec, list | dict):
        inner = _spec_name(spec[0] if isinstance(spec, list) else spec[str], plural=True)
        return f"{'lists' if plural else 'a list'} of {inner}" if isinstance(spec, list) else \
            f"{'tables' if plural else 'a table'} of {inner}"
    name = {str: "string", (int, float): "number", dict: "table"}.get(spec, "value")
    return f"{name}s" if plural else f"a {name}"


class Option:
    """A value a rule reads from ``rules/data/<data>`` (a non-data descriptor: once read, the value
    is an ordinary attribute of the rule instance)."""

    kind = ""
    #: The type of the value (see ``_well_typed``), in a data file and in a config file or a pack.
    spec: Any = object

    def __init__(self, data: str, doc: str) -> None:
        self.data, self.doc = data, doc

    def __set_name__(self, owner: type, attr: str) -> None:
        self.attr, self.name = attr, attr.replace("_", "-")

    def __get__(self, rule: Any, owner: type | None = None) -> Any:
        if rule is None:
            return self
        source = rule.__dict__.get("_options")
        if source is None:
            raise RuntimeError(f"{rule.code}: option {self.name!r} has no data: build rules with Registry.load()")
        read, edits = source
        value = self.shipped(read(self.data))
        for edit in edits:
            if edit.option == self.name:
                try:
                    value = self.apply(value, edit.op, edit.value)
                except ValueError as exc:
                    raise OptionError(edit.path, edit.line, f"{rule.code}: {exc}") from None
        value = rule.__dict__[self.attr] = self.finish(value)
        return value

    def shipped(self, data: Any) -> Any:
        """The value in *data*, the parsed data file (a folder's glossary entries are the value)."""
        where = f"rules/data/{self.data}"
        if self.data.endswith("/"):
            value = data
        elif isinstance(data, dict) and self.name in data:
            value = self.from_file(data[self.name])
        else:
            raise OptionError(where, None, f"no {self.name!r} in the data file")
        problem = self.problem("", value)
        if problem:
            line = data.line_of(self.name) if hasattr(data, "line_of") else None
            raise OptionError(where, line, problem)
        return value

    def from_file(self, value: Any) -> Any:
        return value

    def problem(self, op: str, value: Any) -> str | None:
        """Why *value* cannot be the change *op* ("+", "-" or "" to replace), or None."""
        spec = [str] if op == "-" else self.spec
        if _well_typed(value, spec):
            return None
        booleans = isinstance(value, list) and any(isinstance(v, bool) for v in value)
        hint = " (YAML reads no, yes, on and off as booleans: quote them)" if booleans else ""
        return f"{self.name + op!r} must be {_spec_name(spec)}{hint}"

    def apply(self, value: Any, op: str, change: Any) -> Any:
        raise NotImplementedError

    def finish(self, value: Any) -> Any:
        return value


class Words(Option):
    """A list of words or phrases (a tuple, in data order). A data file may also write it as one
    string of words separated by white space, or as groups (a mapping of such lists)."""

    kind = "words"
    spec = [str]

    def from_file(self, value: Any) -> Any:
        groups = list(value.values()) if isinstance(value, dict) else [value]
        if not all(isinstance(group, str | list) for group in groups):
            return value  # refused by the type check
        return [w for group in groups for w in (group.split() if isinstance(group, str) else group)]

    def apply(self, value: Any, op: str, change: Any) -> Any:
        if op == "+":
            return [*value, *(w for w in dict.fromkeys(change) if w not in value)]
        if op == "-":
            _check_present(self.name, change, value)
            return [w for w in value if w not in change]
        return list(change)

    def finish(self, value: Any) -> Any:
        return tuple(dict.fromkeys(value))


class WordSet(Words):
    """A set of words (a frozenset), for membership tests."""

    def finish(self, value: Any) -> Any:
        return frozenset(value)


class Table(Option):
    """A mapping of names to values of type *values*. ``NAME+`` adds or replaces keys, ``NAME-``
    lists keys to drop."""

    kind = "table"

    def __init__(self, data: str, doc: str, values: Any = str) -> None:
        super().__init__(data, doc)
        self.spec = {str: values}

    def apply(self, value: Any, op: str, change: Any) -> Any:
        if op == "+":
            return {**value, **change}
        if op == "-":
            _check_present(self.name, change, list(value))
            return {k: v for k, v in value.items() if k not in change}
        return dict(change)


class Entries(Option):
    """A list of records (tables) with the *fields* given, each named by its *key* field, which it
    must have (as the *required* fields). ``NAME+`` adds records (one with the key of a record
    already there replaces it), ``NAME-`` lists the keys of records to drop."""

    kind = "entries"
    spec = [dict]

    def __init__(self, data: str, doc: str, key: str, fields: dict[str, Any], required: tuple[str, ...] = ()) -> None:
        super().__init__(data, doc)
        self.key, self.fields, self.required = key, fields, (key, *required)

    def problem(self, op: str, value: Any) -> str | None:
        problem = super().problem(op, value)
        if problem or op == "-":
            return problem
        for entry in value:
            missing = [field for field in self.required if field not in entry]
            if missing:
                return f"each {self.name + op!r} entry needs {missing[0]!r}"
            for field, item in entry.items():
                if field not in self.fields:
                    return f"unknown field {field!r} in a {self.name!r} entry (allowed: {', '.join(self.fields)})"
                if not _well_typed(item, self.fields[field]):
                    return f"field {field!r} of a {self.name!r} entry must be {_spec_name(self.fields[field])}"
        return None

    def apply(self, value: Any, op: str, change: Any) -> Any:
        if op == "-":
            _check_present(self.name, change, [e[self.key] for e in value])
            return [e for e in value if e[self.key] not in change]
        if op == "":
            return list(change)
        added = {e[self.key] for e in change}
        return [e for e in value if e[self.key] not in added] + list(change)

    def finish(self, value: Any) -> Any:
        return tuple(value)


class Choice(Option):
    """One of a few strings (a house-style choice: ``order = "mdy"``); the empty string takes no
    side. Only replaced (``NAME = value``), never added to or removed from."""

    kind = "choice"
    spec = str

    def __init__(self, data: str, doc: str, choices: tuple[str, ...]) -> None:
        super().__init__(data, doc)
        self.choices = ("", *choices)

    def problem(self, op: str, value: Any) -> str | None:
        if op:
            return f"{self.name!r} is one choice: set it ({self.name} = ...), do not add or remove"
        if not isinstance(value, str) or value not in self.choices:
            return f"{self.name!r} must be one of {', '.join(repr(c) for c in self.choices)}, not {value!r}"
        return None

    def apply(self, value: Any, op: str, change: Any) -> Any:
        return change


def _check_present(name: str, removed: list, present: list) -> None:
    missing = [r for r in removed if r not in present]
    if missing:
        raise ValueError(f"no {missing[0]!r} in {name!r} to remove")


def alternation(words: Any) -> str:
    """``a|b|c``: *words* escaped, in their order, for a regular expression."""
    return "|".join(map(re.escape, words))


# -- declarations, binding and edits ---------------------------------------------------------------
@cache
def options_of(cls: type) -> dict[str, Option]:
    """The options *cls* declares (and inherits), by name."""
    found: dict[str, Option] = {}
    for klass in reversed(cls.__mro__):
        found.update({o.name: o for o in vars(klass).values() if isinstance(o, Option)})
    return dict(sorted(found.items()))


def bind(rule: Any, read: Reader) -> None:
    """Give *rule* the reader of its data files (the registry does, for every Python rule)."""
    rule.__dict__["_options"] = (read, ())


def edits_of(rule: Any) -> tuple[Edit, ...]:
    source = rule.__dict__.get("_options")
    return source[1] if source else ()


def parse_edits(rule: Any, table: Mapping[str, Any], path: str, line_of: Callable[[str], int | None]) -> list[Edit]:
    """The option edits of *table* (``NAME``, ``NAME+``, ``NAME-`` keys) for *rule*; a key that
    names no option, or a value of the wrong type, is an OptionError at its line."""
    declared = options_of(type(rule))
    edits = []
    for key, value in table.items():
        name, op = (key[:-1], key[-1]) if key[-1:] in "+-" else (key, "")
        option = declared.get(name)
        if option is None:
            known = f"its options: {', '.join(declared)}" if declared else "it has no options"
            raise OptionError(path, line_of(key), f"{rule.code}: unknown option {key!r} ({known})")
        problem = option.problem(op, value)
        if problem:
            raise OptionError(path, line_of(key), f"{rule.code}: {problem}")
        edits.append(Edit(name, op, value, path, line_of(key)))
    return edits


def edited(rule: Any, edits: list[Edit]) -> Any:
    """A fresh copy of *rule* with *edits* applied on top of its own. Every edited option is read at
    once, so that removing what is not there is an error now, not in the middle of a run."""
    read, before = rule.__dict__["_options"]
    copy = type(rule)()
    copy.__dict__.update({k: v for k, v in rule.__dict__.items() if k in _KEPT})
    copy.__dict__["_options"] = (read, (*before, *edits))
    declared = options_of(type(rule))
    for name in dict.fromkeys(e.option for e in edits):
        getattr(copy, declared[name].attr)
    return copy


def extend(rule: Any, data: Any, path: str) -> Any:
    """*rule* as a house pack's ``extends:`` file changes it (*data*, a LineDict): its options, and
    its ``severity``, ``category`` or ``default``."""
    options = {k: v for k, v in data.items() if k != "extends" and k not in _METADATA}
    copy = edited(rule, parse_edits(rule, options, path, data.line_of))
    for key in sorted(_METADATA & data.keys()):
        value = data[key]
        try:
            if key == "default":
                if not isinstance(value, bool):
                    raise ValueError("'default' must be a boolean")
                copy.default_enabled = value
            elif not isinstance(value, str):
                raise ValueError(f"{key!r} must be a string")
            elif key == "severity":
                copy.severity = Severity.parse(value)
            else:
                copy.category = check_category(value)
        except ValueError as exc:
            raise OptionError(path, data.line_of(key), str(exc)) from None
    copy.origin = f"{rule.origin}+{Path(path).parent.name}"
    return copy


def signature(rule: Any) -> str:
    """"" for a rule as shipped, else a short hash of its option edits (for score signatures)."""
    edits = edits_of(rule)
    if not edits:
        return ""
    text = repr([(e.option, e.op, e.value) for e in edits])
    return "+options@" + hashlib.sha256(text.encode()).hexdigest()[:8]


# -- documentation ---------------------------------------------------------------------------------
def describe(cls: type) -> str:
    """The "Options" section of a rule's documentation ("" for a rule without options)."""
    declared = options_of(cls)
    if not declared:
        return ""
    code = getattr(cls, "code", "CODE")
    lines = ["", "", f'Options ("NAME+" adds, "NAME-" removes, NAME replaces; in the config\'s [rules.{code}] or in a',
             f"house pack's 'extends: {code}' file; see \"Word lists and options\" in the README):"]
    for name, option in declared.items():
        lines += [f"    {name} ({option.kind}, rules/data/{option.data})", f"        {option.doc}"]
    return "\n".join(lines)


def markdown(rules: list) -> str:
    """docs/rules.md's table of the options of *rules*."""
    rows = [f"| {r.code} | `{name}` | {o.kind} | `rules/data/{o.data}` | {o.doc} |"
            for r in rules for name, o in options_of(type(r)).items()]
    return "\n".join(["", "## Options", "",
                      "Python rules read their word lists and tables from `rules/data/`; a config file or a house "
                      "pack extends (`NAME+`), shrinks (`NAME-`) or replaces (`NAME`) each one (see the README, "
                      "\"Word lists and options\").", "",
                      "| rule | option | kind | data | what |", "|---|---|---|---|---|", *rows])
