"""The shipped prefilter index: the requirement (``tqcheck.prefilter``) of every pattern of the
shipped rules, derived ahead of time, because deriving them (parsing some hundred patterns) was
most of the start-up time of ``tqcheck check`` on a small file. A pattern the index lacks (a
house pack's, or a rule edited since) is analysed at run time, so the index only saves time and
never changes a result. ``make demo`` rewrites it; ``tests/test_fast_paths.py`` checks it is current.

    python -m tqcheck.prefilter_index      # rewrite tqcheck/prefilter_index.json
"""
from __future__ import annotations

import json
import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path

FILE = "prefilter_index.json"


def key(regex: str, flags: int) -> str:
    return f"{int(flags) & ~re.UNICODE.value}/{regex}"  # str patterns are Unicode whether or not the flag says so


@cache
def _shipped() -> dict[str, dict | None]:
    try:
        return json.loads((resources.files("tqcheck") / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a damaged install: analyse every pattern at run time instead
        return {}


def lookup(regex: str, flags: int):
    """``(requirement,)`` when the index knows *regex* with *flags*, else None."""
    from tqcheck.prefilter import Requirement

    k = key(regex, flags)
    entries = _shipped()
    if k not in entries:
        return None
    entry = entries[k]
    if entry is None:
        return (None,)
    if "pair" in entry:
        return (Requirement((), False, re.compile(entry["pair"], entry["flags"])),)
    return (Requirement(entry["literals"], entry["caseless"]),)


def encode(requirement) -> dict | None:
    if requirement is None:
        return None
    if requirement.pair is not None:
        return {"pair": requirement.pair.pattern, "flags": requirement.pair.flags}
    return {"literals": list(requirement.literals), "caseless": requirement.caseless}


def shipped_patterns(registry) -> set[tuple[str, int]]:
    """(regex, flags) of every pattern the shipped rules test requirements of: each YAML
    ``patterns`` entry, and every compiled pattern of a Python rule, its class or its module."""
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
        for value in [*vars(module).values(), *vars(type(rule)).values(), *vars(rule).values()]:
            if isinstance(value, re.Pattern | LazyPattern) and isinstance(value.pattern, str):
                found.add((value.pattern, value.flags))
    return found


def build(registry) -> dict[str, dict | None]:
    from tqcheck.prefilter import derive_requirement

    return {key(r, f): encode(derive_requirement(r, f)) for r, f in sorted(shipped_patterns(registry))}


def main() -> None:
    from tqcheck.registry import Registry

    index = build(Registry.load(plugins=False))
    path = Path(__file__).with_name(FILE)
    path.write_text(json.dumps(index, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{path}: {len(index)} patterns")


if __name__ == "__main__":
    main()
