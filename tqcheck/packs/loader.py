"""Rule packs: folders of YAML files in ``rules/``, each file one declarative rule.

A pack is a folder with ``_pack.yml`` (name, description, version, source_langs, target_langs,
default) and one ``<kebab-name>.yml`` per rule. A rule file names its ``kind`` (``tqcheck.packs.kinds``)
and holds that kind's data (glossary entries, phrases, patterns). Every
mistake is reported as ``file:line: what is wrong``.

A house pack can also adjust a shipped rule without copying it::

    extends: TE01          # the rule to change
    severity: minor        # any metadata key may be overridden
    entries+: [...]        # entries to add (or to replace, matched on their key)
    entries-: [Kiev]       # keys of entries to drop

and a Python rule's word lists the same way (``surnames+: [...]``; see ``tqcheck.options``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from tqcheck import shipped_index

#: The JSON form of a parsed mapping (``to_json``): {"@": [line, {key: line}], "v": {key: value}}.
_MAPPING, _VALUES = "@", "v"


class PackError(Exception):
    """A malformed pack; ``str()`` is ``file:line: problem``."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        super().__init__(f"{path}:{line}: {problem}" if line else f"{path}: {problem}")


class LineDict(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


@cache
def _loaders() -> tuple[type, type]:
    """(fast, exact): safe YAML loaders whose mappings are LineDicts; the fast one runs on
    libyaml's parser, the exact one is PyYAML's own, whose error messages name the line."""
    import yaml

    class Loader(yaml.SafeLoader):
        """Safe YAML (no object construction) whose mappings carry line numbers."""

    def construct_mapping(loader: Loader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(None, None, f"mapping key {key!r} is not a string", key_node.start_mark)
            if key in mapping:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    if not getattr(yaml, "__with_libyaml__", False):  # pragma: no cover - PyYAML built without libyaml
        return Loader, Loader

    class FastLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser: six times faster."""

    FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return FastLoader, Loader


def load_yaml(path: Path, use_index: bool = True) -> Any:
    """The parsed YAML file; a shipped pack file comes parsed from ``tqcheck.shipped_index``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(path, None, f"cannot read: {exc}") from None
    if use_index:
        indexed = shipped_index.pack_file(text)
        if indexed is not None:
            return from_json(indexed[0])
    import yaml

    fast, exact = _loaders()
    try:
        return yaml.load(text, Loader=fast)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError:
        pass  # parse again with the pure-Python loader, whose messages the errors below report
    try:
        return yaml.load(text, Loader=exact)  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise PackError(path, mark.line + 1 if mark else None, (exc.problem or exc.context or "invalid YAML").strip()) from None
    except yaml.YAMLError as exc:
        raise PackError(path, None, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise PackError(path, None, "invalid YAML: nested too deeply") from None


def to_json(value):
    """A parsed YAML file (``load_yaml``) as JSON, lines included, for ``tqcheck.shipped_index``;
    TypeError for a value JSON cannot hold (a YAML date)."""
    if isinstance(value, LineDict):
        return {_MAPPING: [value.line, value.key_lines], _VALUES: {k: to_json(v) for k, v in value.items()}}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, str | bool | int | float):
        return value
    raise TypeError(f"no JSON form for {type(value).__name__}")


def from_json(value):
    """The parsed YAML file whose ``to_json`` form is *value*."""
    if isinstance(value, dict):
        mapping = LineDict((k, from_json(v)) for k, v in value[_VALUES].items())
        mapping.line, mapping.key_lines = value[_MAPPING][0], value[_MAPPING][1]
        return mapping
    if isinstance(value, list):
        return [from_json(v) for v in value]
    return value


@dataclass
class Pack:
    name: str
    path: Path
    description: str = ""
    version: str = "0"
    default: bool = True
    source_langs: frozenset[str] = frozenset()
    target_langs: frozenset[str] = frozenset({"en"})
    rule_files: list[Path] = field(default_factory=list)
    hash: str = ""


_PACK_KEYS = {"name", "description", "version", "default", "source_langs", "target_langs"}


@cache
def shipped_rules_dir() -> Path:
    """``rules/`` as installed: the shipped packs and the Python rules' data files."""
    # The package's folder, as ``importlib.resources.files("tqcheck")`` gives it for an installed
    # package, without importing importlib.resources (and zipfile, tempfile: start-up time).
    return (Path(__file__).parent.parent / "_packs").resolve()


def builtin_pack_dirs() -> list[Path]:
    return list(_builtin_pack_dirs())


@cache
def _builtin_pack_dirs() -> tuple[Path, ...]:
    root = Path(__file__).parent.parent / "_packs"
    return tuple(sorted(p.resolve() for p in root.iterdir() if p.is_dir() and (p / "_pack.yml").is_file()))


def read_pack(folder: Path) -> Pack:
    meta_path = folder / "_pack.yml"
    if not meta_path.is_file():
        raise PackError(folder, None, "not a rule pack (no _pack.yml)")
    meta = load_yaml(meta_path) or LineDict()
    if not isinstance(meta, dict):
        raise PackError(meta_path, 1, "must be a mapping of pack settings")
    for key in meta:
        if key not in _PACK_KEYS:
            raise PackError(meta_path, meta.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(_PACK_KEYS))})")
        value = meta[key]  # a wrong type (a list where text belongs) would fail later, far from here
        if key == "default":
            well_typed = isinstance(value, bool)
        elif key.endswith("_langs"):
            well_typed = isinstance(value, list | str)
        else:
            well_typed = isinstance(value, str | int | float) and not isinstance(value, bool)
        if not well_typed:
            raise PackError(meta_path, meta.line_of(key), f"{key!r} has the wrong type")
    files = sorted(p for p in folder.glob("*.yml") if p.name != "_pack.yml")
    digest = hashlib.sha256()
    for p in [meta_path, *files]:
        digest.update(p.name.encode() + b"\0" + p.read_bytes())
    return Pack(
        name=str(meta.get("name", folder.name)), path=folder, description=str(meta.get("description", "")),
        version=str(meta.get("version", "0")), default=bool(meta.get("default", True)),
        source_langs=frozenset(_str_list(meta, "source_langs", meta_path)),
        target_langs=frozenset(_str_list(meta, "target_langs", meta_path) or ["en"]),
        rule_files=files, hash=digest.hexdigest()[:8],
    )


def _str_list(data: LineDict, key: str, path: Path) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PackError(path, data.line_of(key), f"{key!r} must be a list of strings")
    return value
