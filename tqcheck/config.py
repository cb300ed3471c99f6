"""Configuration: ``tqcheck.toml`` or ``[tool.tqcheck]`` in ``pyproject.toml``, discovered upwards."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tqcheck.finding import Severity


class ConfigError(Exception):
    """Bad configuration; the message names the file."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: Rule code -> severity override.
    severities: dict[str, Severity] = field(default_factory=dict)
    packs: tuple[str, ...] = ()
    target_lang: str = "en"
    source_lang: str | None = None
    fail_on: Severity = Severity.MINOR
    encoding: str | None = None
    path: str | None = None

    def with_options(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_KEYS = {"select", "ignore", "packs", "target-lang", "source-lang", "fail-on", "encoding", "rules"}
_RULE_KEYS = {"severity"}


def discover(start: Path | None = None) -> Path | None:
    """The nearest ``tqcheck.toml``, or ``pyproject.toml`` with a ``[tool.tqcheck]`` table."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        candidate = folder / "tqcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "tqcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
    return None


def load(path: str | Path) -> Config:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: invalid TOML: {exc}") from None
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("tqcheck", {})
    return _from_table(data, p)


def _from_table(table: dict[str, Any], path: Path) -> Config:
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{path}: unknown key {key!r} (allowed: {', '.join(sorted(_KEYS))})")

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: {key!r} must be a list of strings")
        return tuple(value)

    severities = {}
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{path}: 'rules' must be a table of rule codes")
    for code, options in rules.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{path}: [rules.{code}] must be a table")
        for key in options:
            if key not in _RULE_KEYS:
                raise ConfigError(f"{path}: unknown key {key!r} in [rules.{code}] (allowed: severity)")
        if "severity" in options:
            try:
                severities[code.upper()] = Severity.parse(options["severity"])
            except ValueError as exc:
                raise ConfigError(f"{path}: [rules.{code}]: {exc}") from None
    try:
        fail_on = Severity.parse(table.get("fail-on", "minor"))
    except ValueError as exc:
        raise ConfigError(f"{path}: fail-on: {exc}") from None
    packs = tuple(str((path.parent / p).resolve()) for p in strings("packs"))
    return Config(select=strings("select"), ignore=strings("ignore"), severities=severities, packs=packs,
                  target_lang=str(table.get("target-lang", "en")), source_lang=table.get("source-lang"),
                  fail_on=fail_on, encoding=table.get("encoding"), path=str(path))
