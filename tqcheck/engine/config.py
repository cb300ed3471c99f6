"""Configuration: ``tqcheck.toml`` or ``[tool.tqcheck]`` in ``pyproject.toml``, discovered upwards."""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tqcheck.finding import Severity
from tqcheck.scoring.weights import PRESETS, Weights, preset, weights_from_table


class ConfigError(Exception):
    """Bad configuration; the message names the file."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: Rule code -> severity override.
    severities: dict[str, Severity] = field(default_factory=dict)
    #: Rule code -> option edits ("surnames+" -> [...]), checked against the rules when the linter
    #: is built (``tqcheck.options``).
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    packs: tuple[str, ...] = ()
    target_lang: str = "en"
    source_lang: str | None = None
    #: Gate (see ``tqcheck.scoring.gate``): None everywhere means fail on any finding.
    fail_on: Severity | None = None
    fail_under: float | None = None
    max_findings: int | None = None
    encoding: str | None = None
    path: str | None = None
    #: Scoring (see ``tqcheck.scoring``); the cut score defaults to fail-under, else 95.
    weights: Weights = PRESETS["mqm-core"]
    cut_score: float | None = None
    baseline: str | None = None

    def with_options(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_KEYS = {"select", "ignore", "packs", "target-lang", "source-lang", "fail-on", "encoding", "rules",
         "fail-under", "max-findings", "weights", "cut-score", "baseline"}


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
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
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
        hint = " (an option edit needs quotes: \"surnames+\" = [...])" if re.search(r"^\s*[\w-]+[+-]\s*=", p.read_text(
            encoding="utf-8", errors="replace"), re.MULTILINE) else ""
        raise ConfigError(f"{p}: invalid TOML: {exc}{hint}") from None
    except RecursionError:
        raise ConfigError(f"{p}: invalid TOML: nested too deeply") from None
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

    severities, rule_options = {}, {}
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{path}: 'rules' must be a table of rule codes")
    for code, options in rules.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{path}: [rules.{code}] must be a table")
        edits = {key: value for key, value in options.items() if key != "severity"}
        if edits:  # the rule's options: names and types are checked against the rule
            rule_options[code.upper()] = edits
        if "severity" in options:
            try:
                severities[code.upper()] = Severity.parse(options["severity"])
            except ValueError as exc:
                raise ConfigError(f"{path}: [rules.{code}]: {exc}") from None
    try:
        fail_on = Severity.parse(table["fail-on"]) if "fail-on" in table else None
    except ValueError as exc:
        raise ConfigError(f"{path}: fail-on: {exc}") from None
    packs = tuple(os.path.realpath(path.parent / p) for p in strings("packs"))
    return Config(select=strings("select"), ignore=strings("ignore"), severities=severities,
                  rule_options=rule_options, packs=packs,
                  target_lang=str(table.get("target-lang", "en")), source_lang=table.get("source-lang"),
                  fail_on=fail_on, encoding=table.get("encoding"), path=str(path), **_scoring(table, path))


def _scoring(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """The gate and scoring keys: fail-under, max-findings, cut-score, weights, baseline."""
    out: dict[str, Any] = {}
    for key, kind in (("fail-under", float), ("cut-score", float), ("max-findings", int)):
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or (kind is int and not isinstance(value, int)):
                raise ConfigError(f"{path}: {key!r} must be a{'n integer' if kind is int else ' number'}, not {value!r}")
            out[key.replace("-", "_")] = kind(value)
    weights = table.get("weights")
    try:
        if isinstance(weights, str):
            out["weights"] = preset(weights, str(path))
        elif isinstance(weights, dict):
            out["weights"] = weights_from_table(weights, str(path))
        elif weights is not None:
            raise ConfigError(f"{path}: 'weights' must be a preset name ({', '.join(PRESETS)}) or a [weights] table")
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    if "baseline" in table:
        if not isinstance(table["baseline"], str):
            raise ConfigError(f"{path}: 'baseline' must be a file name")
        out["baseline"] = os.path.realpath(path.parent / table["baseline"])
    return out
