"""The rule registry: every available rule (Python families, YAML packs, plugins) and selection."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from tqcheck.packs.build import load_rules
from tqcheck.packs.data import bind, configured
from tqcheck.packs.loader import Pack, PackError, builtin_pack_dirs, read_pack
from tqcheck.rule import Rule

#: Old codes mapped to their current code, so a config written for an older release keeps working.
REDIRECTS: dict[str, str] = {}


def entry_points(group: str) -> list:
    """The installed entry points of *group*; ``importlib.metadata`` (slow to import) is asked
    only when some installed distribution may declare one (``tqcheck.engine.installed``)."""
    from tqcheck.engine.installed import may_declare_plugins

    if not may_declare_plugins():
        return []
    from importlib.metadata import entry_points as installed

    return list(installed(group=group))


class SelectorError(ValueError):
    """A --select/--ignore value that names no rule."""


class Registry:
    """An explicit collection of rule instances, sorted by code (never a global singleton)."""

    def __init__(self, rules: Iterable[Rule], packs: Sequence[Pack] = ()) -> None:
        self.rules: dict[str, Rule] = {}
        self.packs = list(packs)
        for rule in sorted(rules, key=lambda r: r.code):
            if rule.code in self.rules:
                raise ValueError(f"two rules share the code {rule.code}: {self.rules[rule.code].name} and {rule.name}")
            self.rules[rule.code] = rule

    @classmethod
    def load(cls, extra_packs: Sequence[str | Path] = (), plugins: bool = True) -> Registry:
        """Built-in Python rules and packs, plugin rules and packs, then the house packs in order."""
        from tqcheck.checks import get_rules

        rule_classes = list(get_rules())
        pack_dirs = builtin_pack_dirs()
        if plugins:
            for ep in sorted(entry_points(group="tqcheck.rules"), key=lambda e: e.name):
                rule_classes.extend(ep.load()())
            for ep in sorted(entry_points(group="tqcheck.packs"), key=lambda e: e.name):
                pack_dirs.extend(Path(p) for p in ep.load()())
        rules: dict[str, Rule] = {r.code: r for r in (bind(c()) for c in rule_classes)}
        packs = []
        for folder in [*pack_dirs, *map(Path, extra_packs)]:
            if not Path(folder).is_dir():
                raise PackError(folder, None, "rule pack folder not found")
            pack = read_pack(Path(folder))
            packs.append(pack)
            for rule in load_rules(pack, rules):
                if rule.code in rules and rule.origin.split("+")[0] != rules[rule.code].origin.split("+")[0]:
                    raise PackError(rule.path, None, f"rule code {rule.code} is already used by {rules[rule.code].name}")
                rules[rule.code] = rule
        return cls(rules.values(), packs)

    def configured(self, tables: dict[str, dict], path: str | None) -> Registry:
        """This registry with the option edits of a config file's ``[rules.CODE]`` tables applied
        (on copies of the rules: this one is unchanged)."""
        return Registry(configured(self, tables, path).values(), self.packs)

    def __iter__(self):
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code: str) -> Rule | None:
        code = code.upper()
        return self.rules.get(REDIRECTS.get(code, code))

    def resolve(self, selector: str) -> set[str]:
        """Codes named by a selector: ALL, DEFAULT (the rules on by default), a code, a code
        prefix, a rule name or a family."""
        sel = selector.strip()
        if sel.upper() == "ALL":
            return set(self.rules)
        if sel.upper() == "DEFAULT":
            return {c for c, r in self.rules.items() if r.default_enabled}
        up = REDIRECTS.get(sel.upper(), sel.upper())
        codes = {c for c, r in self.rules.items() if c == up or c.startswith(up) and len(up) == 2
                 or r.name == sel or r.family == sel}
        if not codes:
            raise SelectorError(f"unknown rule selector {selector!r} (see 'tqcheck rules')")
        return codes

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
        """Rules chosen by *select* (default: the default-on rules) minus *ignore*."""
        if select:
            chosen = set().union(*(self.resolve(s) for s in select))
        else:
            chosen = {c for c, r in self.rules.items() if r.default_enabled}
        if ignore:
            chosen -= set().union(*(self.resolve(s) for s in ignore))
        return [self.rules[c] for c in sorted(chosen)]
