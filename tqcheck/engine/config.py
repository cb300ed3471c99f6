"""Configuration: ``tqcheck.toml`` or ``[tool.tqcheck]`` in ``pyproject.toml``.

As ruff and Vale find theirs, the config of a file is the nearest one in the file's folder or a
folder above it; a run has one config, so the CLI refuses a run whose files have different ones
(``tqcheck.cli.options``), and ``--config`` names the one config of a run outright.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tqcheck.finding import Severity
from tqcheck.formats.read import MAX_BYTES
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
    #: The codes of the config's ``[rules.CODE]`` tables (checked against the rules by the linter).
    rule_tables: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    target_lang: str = "en"
    #: ``--target-lang``: every article is in this language, whatever its name or text says
    #: (``target_lang`` is the fallback of ``tqcheck.text.article_language.resolve``).
    force_lang: str | None = None
    source_lang: str | None = None
    #: Gate (see ``tqcheck.scoring.gate``): None everywhere means fail on any finding.
    fail_on: Severity | None = None
    fail_under: float | None = None
    max_findings: int | None = None
    encoding: str | None = None
    path: str | None = None
    #: How findings are scored (see ``tqcheck.scoring``).
    weights: Weights = PRESETS["mqm-core"]
    baseline: str | None = None
    #: A folder without articles is an error unless this is set (``allow-empty``).
    allow_empty: bool = False
    #: Larger articles are refused (``max-file-size``, in MiB in the config).
    max_bytes: int = MAX_BYTES
    #: The articles' kind: "speech" (transcripts) or "news"; None: each article's layout decides
    #: (``Document.spoken``).
    domain: str | None = None
    #: A house-style preset of ``rules/data/style/presets.yml`` ("ap", "chicago", "guardian"):
    #: option choices and opt-in rules, under the config's own ``[rules.CODE]`` and ``select``.
    style: str | None = None

    def with_options(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_KEYS = {"select", "ignore", "packs", "target-lang", "source-lang", "fail-on", "encoding", "rules",
         "fail-under", "max-findings", "weights", "baseline", "allow-empty", "max-file-size",
         "domain", "style"}
#: The values of ``domain``.
DOMAINS = ("news", "speech")
#: Keys of older releases, and what to write instead.
_REMOVED = {"cut-score": "pass or fail is the gate's verdict alone: use fail-under for a score threshold"}


def discover(start: Path | None = None) -> Path | None:
    """The nearest ``tqcheck.toml``, or ``pyproject.toml`` with a ``[tool.tqcheck]`` table, in
    *start* (default: the working folder) or a folder above it."""
    return nearest((start or Path.cwd()).resolve(), {})


def nearest(folder: Path, known: dict[Path, Path | None]) -> Path | None:
    """``discover`` from the resolved *folder*; *known* remembers the answer of every folder it asks
    about, so the files of a big tree cost one look at each folder."""
    asked = []
    found = None
    for here in [folder, *folder.parents]:
        if here in known:
            found = known[here]
            break
        asked.append(here)
        found = _config_in(here)
        if found:
            break
    for here in asked:
        known[here] = found
    return found


def _config_in(folder: Path) -> Path | None:
    candidate = folder / "tqcheck.toml"
    if candidate.is_file():
        return candidate
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        import tomllib  # imported when there is TOML to read: start-up time

        try:
            if "tqcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                return pyproject
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
            pass
    return None


def load(path: str | Path) -> Config:
    import tomllib  # imported when there is TOML to read: start-up time

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
        if key in _REMOVED:
            raise ConfigError(f"{path}: {key!r} is no longer a setting ({_REMOVED[key]})")
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
    allow_empty = table.get("allow-empty", False)
    if not isinstance(allow_empty, bool):
        raise ConfigError(f"{path}: 'allow-empty' must be true or false, not {allow_empty!r}")
    size = table.get("max-file-size", MAX_BYTES / 2**20)
    if isinstance(size, bool) or not isinstance(size, int | float) or not size > 0:
        raise ConfigError(f"{path}: 'max-file-size' must be a number of MiB above 0, not {size!r}")
    target_lang = str(table.get("target-lang", "en"))
    from tqcheck.text.locale_profile import is_known_language

    if not is_known_language(target_lang):
        raise ConfigError(f"{path}: target-lang: unknown language code {target_lang!r} (e.g. en, de, fr, zh, pt-BR)")
    return Config(select=strings("select"), ignore=strings("ignore"), severities=severities,
                  rule_options=rule_options, rule_tables=tuple(code.upper() for code in rules), packs=packs,
                  target_lang=target_lang, source_lang=table.get("source-lang"),
                  fail_on=fail_on, encoding=table.get("encoding"), path=str(path), allow_empty=allow_empty,
                  max_bytes=int(size * 2**20), **_style(table, path),
                  **_scoring(table, path))


def _style(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """``domain`` and ``style`` (the preset's name is checked when the linter reads the presets)."""
    domain, style = table.get("domain"), table.get("style")
    if domain is not None and domain not in DOMAINS:
        raise ConfigError(f"{path}: 'domain' must be one of {', '.join(DOMAINS)}, not {domain!r}")
    if style is not None and not isinstance(style, str):
        raise ConfigError(f"{path}: 'style' must be the name of a preset, not {style!r}")
    return {"domain": domain, "style": style}


def _scoring(table: dict[str, Any], path: Path) -> dict[str, Any]:
    """The gate and scoring keys: fail-under, max-findings, weights, baseline."""
    out: dict[str, Any] = {}
    for key, kind in (("fail-under", float), ("max-findings", int)):
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
