"""Building a rule from its YAML file: the keys a rule file may have, their types, the entries
of its kind, the house pack's own regular expressions (``tqcheck.packs.regex_guard``), and
``extends:`` files that adjust a shipped rule. Every mistake is a ``PackError`` that names the file
and line.
"""
from __future__ import annotations

import copy
import re
import string
from pathlib import Path
from typing import Any, NamedTuple

from tqcheck.finding import Severity, check_category
from tqcheck.options import extend as extend_python_rule
from tqcheck.packs.glossary import Glossary
from tqcheck.packs.kinds import YamlRule, pattern_flags
from tqcheck.packs.loader import LineDict, Pack, PackError, builtin_pack_dirs, load_yaml
from tqcheck.packs.patterns import Patterns
from tqcheck.packs.phrases import Phrases
from tqcheck.packs.regex_guard import UnsafePattern, compile_guarded, shown
from tqcheck.rule import validate_metadata

_RULE_KEYS = {"code", "name", "kind", "category", "severity", "message", "description", "default",
              "exceptions", "examples", "entries", "ignorecase", "fixable"}
_EXTEND_KEYS = {"extends", "severity", "category", "message", "default", "entries+", "entries-",
                "exceptions", "description", "examples"}


#: The kinds a rule file may name, by name.
KINDS: dict[str, type[YamlRule]] = {k.kind: k for k in (Glossary, Phrases, Patterns)}


def build_rule(data: LineDict, path: Path, pack: Pack | None) -> YamlRule:
    for key in data:
        if key not in _RULE_KEYS:
            raise PackError(path, data.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(_RULE_KEYS))})")
    for key in ("code", "name", "kind", "category"):
        if not isinstance(data.get(key), str):
            raise PackError(path, data.line_of(key), f"missing or non-string {key!r}")
    kind = KINDS.get(data["kind"])
    if kind is None:
        raise PackError(path, data.line_of("kind"), f"unknown kind {data['kind']!r} (use one of {', '.join(sorted(KINDS))})")
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
    if not isinstance(base, YamlRule):  # a Python rule: its options and metadata
        return extend_python_rule(base, data, str(path))
    for key in data:
        if key not in _EXTEND_KEYS:
            raise PackError(path, data.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(_EXTEND_KEYS))})")
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
    # The base rule's message was written for its own entries ("Ukrainian-based spelling"): an added
    # entry has its own, else the extension's, else the kind's plain one.
    message = data.get("message", kind.default_message)
    rule.entries = [e for e in base.entries if not drop & set(_identities(kind, e))] + [
        {"message": message, **e} for e in added]
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
    if "examples" in data:  # the extension's own, for what it changed (tqcheck test-pack runs them)
        rule._examples = {kind: list(data["examples"].get(kind, [])) for kind in ("flag", "okay")}
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
    """A house rule's own regexes are checked before it is built (tqcheck.packs.regex_guard): its code
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
               "severity": (str, False), "category": (str, False), "message": (str, False)}
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
            if "message" in entry:  # an entry's own message template
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


def load_rules(pack: Pack, base_rules: dict[str, Any] | None = None) -> list:
    """Build the rules of *pack*. *base_rules* (code -> rule) resolves ``extends:``."""
    rules = []
    for path in pack.rule_files:
        data = load_yaml(path)
        if not isinstance(data, LineDict):
            raise PackError(path, 1, "a rule file must be a mapping (code, name, kind, ...)")
        if "extends" in data:
            target = (base_rules or {}).get(str(data["extends"]))
            if target is None:
                raise PackError(path, data.line_of("extends"), f"extends unknown rule {data['extends']!r}")
            rules.append(extend_rule(target, data, path))
        else:
            rules.append(build_rule(data, path, pack))
    return rules
