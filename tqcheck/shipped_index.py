"""Work on the shipped rules done ahead of time, because doing it on every start was most of the
start-up time of ``tqcheck check`` on a small file:

* ``packs``: each shipped YAML file of ``rules/`` (packs and rule data), parsed, by the SHA-256 of its text (PyYAML's construction
  of the line-numbered mappings is slow, and importing it is too);
* ``requirements``: the prefilter requirement (``tqcheck.prefilter``) of every pattern of the
  shipped rules (deriving one parses the pattern).

Both are looked up by content (the file's hash, the pattern's text and flags), so a pack file or
pattern edited since, or a house pack's, is simply not found and is parsed or analysed at run
time: the index saves time and never changes a result. ``make demo`` rewrites it;
``tests/test_fast_paths.py`` checks it is current.

    python -m tqcheck.shipped_index      # rewrite tqcheck/shipped_index.json
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

FILE = "shipped_index.json"
#: Larger files (a word list: a few long scalars, which libyaml parses fast) are left out: the
#: index is read whole on every start.
MAX_INDEXED_CHARACTERS = 64_000
#: A parsed pack mapping: {"@": [line, {key: line}], "v": {key: value}}.
_MAPPING, _VALUES = "@", "v"


@cache
def _shipped() -> dict:
    try:
        return json.loads((resources.files("tqcheck") / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a damaged install: parse and analyse everything at run time
        return {}


# -- pack files --------------------------------------------------------------------------------
def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parsed_pack_file(text: str):
    """``(data,)`` when the index holds the pack file whose text is *text*, else None."""
    found = _shipped().get("packs", {}).get(text_key(text))
    return None if found is None else (_decode(found),)


def _encode(value):
    from tqcheck.packs import LineDict

    if isinstance(value, LineDict):
        return {_MAPPING: [value.line, value.key_lines], _VALUES: {k: _encode(v) for k, v in value.items()}}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise TypeError(f"no JSON form for {type(value).__name__}")  # (a YAML date): not indexed


def _decode(value):
    from tqcheck.packs import LineDict

    if isinstance(value, dict):
        mapping = LineDict((k, _decode(v)) for k, v in value[_VALUES].items())
        mapping.line, mapping.key_lines = value[_MAPPING][0], value[_MAPPING][1]
        return mapping
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


# -- pattern requirements ----------------------------------------------------------------------
def pattern_key(regex: str, flags: int) -> str:
    return f"{int(flags) & ~re.UNICODE.value}/{regex}"  # str patterns are Unicode whether or not the flag says so


def requirement(regex: str, flags: int):
    """``(requirement,)`` when the index knows *regex* with *flags*, else None."""
    from tqcheck.prefilter import Requirement

    entries = _shipped().get("requirements", {})
    k = pattern_key(regex, flags)
    if k not in entries:
        return None
    entry = entries[k]
    if entry is None:
        return (None,)
    if "pair" in entry:
        return (Requirement((), False, re.compile(entry["pair"], entry["flags"])),)
    return (Requirement(entry["literals"], entry["caseless"]),)


def _encode_requirement(found) -> dict | None:
    if found is None:
        return None
    if found.pair is not None:
        return {"pair": found.pair.pattern, "flags": found.pair.flags}
    return {"literals": list(found.literals), "caseless": found.caseless}


def shipped_patterns(registry) -> set[tuple[str, int]]:
    """(regex, flags) of every pattern the shipped rules test requirements of: each YAML
    ``patterns`` entry, and every compiled pattern of a Python rule (its module, its class, or
    itself, with the cached properties that build patterns from its options computed)."""
    from tqcheck.kinds import YamlRule
    from tqcheck.rule import LazyPattern

    found = set()
    for rule in registry:
        if isinstance(rule, YamlRule):
            if not rule.literal:
                flags = re.MULTILINE | (re.IGNORECASE if rule.ignorecase else 0)
                found.update((rule.entry_regex(e), flags) for e in rule.entries)
            continue
        module = sys.modules[type(rule).__module__]
        for name in dir(type(rule)):  # patterns a rule builds from its options, on first use
            if isinstance(getattr(type(rule), name, None), cached_property):
                getattr(rule, name)
        for value in [*vars(module).values(), *vars(type(rule)).values(), *vars(rule).values()]:
            if isinstance(value, re.Pattern | LazyPattern) and isinstance(value.pattern, str):
                found.add((value.pattern, value.flags))
    return found


# -- building ----------------------------------------------------------------------------------
def build(registry) -> dict:
    """The index of *registry*'s shipped packs and patterns (as ``_shipped()`` reads it back)."""
    from tqcheck.packs import load_yaml, shipped_rules_dir
    from tqcheck.prefilter import derive_requirement

    packs = {}
    for path in sorted(shipped_rules_dir().rglob("*.yml")):  # the packs and the rules' YAML data
        text = path.read_text(encoding="utf-8")
        if len(text) > MAX_INDEXED_CHARACTERS:
            continue
        try:
            packs[text_key(text)] = _encode(load_yaml(path, use_index=False))
        except TypeError:
            continue
    requirements = {pattern_key(r, f): _encode_requirement(derive_requirement(r, f))
                    for r, f in sorted(shipped_patterns(registry))}
    # Keys sorted here, mappings inside pack data in file order (a transliteration table's order counts).
    return json.loads(json.dumps({"packs": dict(sorted(packs.items())), "requirements": requirements}))


def main() -> None:
    from tqcheck.registry import Registry

    index = build(Registry.load(plugins=False))
    path = Path(__file__).with_name(FILE)
    path.write_text(json.dumps(index, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{path}: {len(index['packs'])} pack files, {len(index['requirements'])} patterns")


if __name__ == "__main__":
    main()
