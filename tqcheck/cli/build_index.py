"""Rewrite ``tqcheck/shipped_index.json`` (``tqcheck.shipped_index``): the shipped YAML files parsed
and the prefilter requirements of the shipped rules' patterns. A maintainer's step, run by
``make demo``; it needs every rule loaded, so it lives up here, not beside the lookup.

    python -m tqcheck.cli.build_index
"""
from __future__ import annotations

import json
import re
import sys
from functools import cached_property
from pathlib import Path

import yaml

from tqcheck import shipped_index
from tqcheck.engine.registry import Registry
from tqcheck.packs.kinds import YamlRule
from tqcheck.packs.loader import load_yaml, shipped_rules_dir, to_json
from tqcheck.rule import LazyPattern
from tqcheck.scoring.calibrated import DATA as SCORE_MODEL
from tqcheck.text.prefilter import derive_requirement

def shipped_patterns(registry) -> set[tuple[str, int]]:
    """(regex, flags) of every pattern the shipped rules test requirements of: each YAML
    ``patterns`` entry, and every compiled pattern of a Python rule (its module, its class, or
    itself, with the cached properties that build patterns from its options computed)."""
    found = set()
    for rule in registry:
        if isinstance(rule, YamlRule):
            flags = re.MULTILINE | (re.IGNORECASE if rule.ignorecase else 0)
            if not rule.literal:
                found.update((rule.entry_regex(e), flags) for e in rule.entries)
            found.update((e, flags) for e in rule.exceptions)
            continue
        module = sys.modules[type(rule).__module__]
        for name in dir(type(rule)):  # patterns a rule builds from its options, on first use
            if isinstance(getattr(type(rule), name, None), cached_property):
                getattr(rule, name)
        for value in [*vars(module).values(), *vars(type(rule)).values(), *vars(rule).values()]:
            if isinstance(value, re.Pattern | LazyPattern) and isinstance(value.pattern, str):
                found.add((value.pattern, value.flags))
    return found


def build(registry) -> dict:
    """The index of *registry*'s shipped packs and patterns (as ``tqcheck.shipped_index`` reads it)."""
    packs = {}
    # Every file, the large word lists too: a list written as long strings of words costs JSON
    # almost nothing to read (english-common.yml: 0.2 ms), PyYAML 18 ms with its import.
    for path in sorted(shipped_rules_dir().rglob("*.yml")):  # the packs and the rules' YAML data
        text = path.read_text(encoding="utf-8")
        try:
            packs[shipped_index.text_key(text)] = to_json(load_yaml(path, use_index=False))
        except TypeError:  # a value JSON cannot hold (a YAML date): not indexed
            continue
    data = {}
    for path in (SCORE_MODEL,):
        text = path.read_text(encoding="utf-8")
        data[shipped_index.text_key(text)] = yaml.safe_load(text)
    requirements = {}
    for regex, flags in sorted(shipped_patterns(registry)):
        found = derive_requirement(regex, flags)
        requirements[shipped_index.pattern_key(regex, flags)] = None if found is None else found.to_json()
    # Keys sorted here, mappings inside pack data in file order (a transliteration table's order counts).
    return json.loads(json.dumps({"packs": dict(sorted(packs.items())), "data": dict(sorted(data.items())),
                                   "requirements": requirements}))


def main() -> None:
    index = build(Registry.load(plugins=False))
    path = Path(shipped_index.__file__).with_name(shipped_index.FILE)
    path.write_text(json.dumps(index, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{path}: {len(index['packs'])} pack files, {len(index['requirements'])} patterns")


if __name__ == "__main__":
    main()
