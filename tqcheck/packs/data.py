"""The data behind the Python rules' options (``tqcheck.options``): the files of ``rules/data/``,
read for the registry, and the option edits of a config file's ``[rules.CODE]`` tables.

A YAML file comes through the pack loader, so a file as shipped is read from the shipped index
(``tqcheck.shipped_index``) and a plain ``tqcheck check`` never imports PyYAML; a folder holds
glossaries, CSV (``source,target[,note]``) or TBX.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from tqcheck.options import OptionError, bind as bind_reader, edited, parse_edits
from tqcheck.packs.loader import load_yaml, shipped_rules_dir


@cache
def read(name: str) -> Any:
    """The file *name* of ``rules/data/``, parsed; for a folder (*name* ends in "/"), the entries of
    its CSV and TBX glossaries, in file-name order. Read once per process: the data is read-only."""
    path = shipped_rules_dir() / "data" / name
    if name.endswith("/"):
        return [entry for p in sorted(path.iterdir()) if p.suffix.lower() in (".csv", ".tbx")
                for entry in read_glossary(p)]
    return load_yaml(path)


def bind(rule):
    """*rule*, given the reader of its data files."""
    bind_reader(rule, read)
    return rule


def read_glossary(path: Path) -> list[dict[str, str]]:
    """Entries ``{"source", "target", "note"}`` of a CSV (source,target[,note]) or TBX glossary."""
    import csv
    import io

    if path.suffix.lower() == ".tbx":
        return _read_tbx(path)
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    if not reader.fieldnames or not {"source", "target"} <= set(reader.fieldnames):
        raise OptionError(str(path), 1, "a glossary CSV needs a header with 'source' and 'target' columns")
    entries = []
    for row in reader:
        source, target = (row.get("source") or "").strip(), (row.get("target") or "").strip()
        if not source or not target:
            raise OptionError(str(path), reader.line_num, "empty source or target")
        entries.append({"source": source, "target": target, "note": (row.get("note") or "").strip()})
    return entries


def _read_tbx(path: Path) -> list[dict[str, str]]:
    """TBX through translate-toolkit's storage class (each term entry: source term -> target term)."""
    from translate.storage import tbx

    try:
        store = tbx.tbxfile(path.read_bytes())
    except Exception as exc:  # translate-toolkit raises lxml errors for malformed XML
        raise OptionError(str(path), None, f"not a readable TBX file: {exc}") from None
    return [{"source": str(u.source).strip(), "target": str(u.target).strip(), "note": ""}
            for u in store.units if str(u.source or "").strip() and str(u.target or "").strip()]


# -- a config file's edits -------------------------------------------------------------------------
def configured(registry, tables: dict[str, dict[str, Any]], path: str | None) -> dict[str, Any]:
    """The rules of *registry* (code -> rule) with the option edits of *tables* (code -> the keys
    of ``[rules.CODE]`` besides ``severity``) applied; *path* is the config file."""
    rules = dict(registry.rules)
    for code, table in tables.items():
        rule = registry.get(code)

        def line_of(key: str | None, code: str = code) -> int | None:
            return config_line(path, code, key)

        if rule is None:
            raise OptionError(path, line_of(None), f"[rules.{code}]: {no_rule(code)}")
        if "_options" not in rule.__dict__:
            raise OptionError(path, line_of(next(iter(table))),
                              f"{code} is a YAML rule: change its entries in a house pack ('extends: {code}')")
        rules[rule.code] = edited(rule, parse_edits(rule, table, path, line_of))
    return rules


def no_rule(code: str) -> str:
    return f"no rule has the code {code!r} (see 'tqcheck rules')"


def config_line(path: str | None, code: str, key: str | None) -> int | None:
    """The line of *key* in the ``[rules.CODE]`` table of the TOML file *path* (or of the table's
    header when *key* is None or not found there); tomllib reports no positions."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines() if path else []
    except (OSError, UnicodeDecodeError):
        return None
    header = re.compile(rf"\s*\[\s*(?:tool\s*\.\s*tqcheck\s*\.\s*)?rules\s*\.\s*[\"']?{re.escape(code)}[\"']?\s*\]",
                        re.IGNORECASE)
    quoted = "|".join(re.escape(k) for k in (f'"{key}"', f"'{key}'", key or "")) if key else "(?!)"
    assignment = re.compile(rf"\s*(?:{quoted})\s*=")
    table_line = None
    for number, line in enumerate(lines, 1):
        if header.match(line):
            table_line = number
        elif line.lstrip().startswith("["):
            if table_line is not None:
                break
        elif table_line is not None and assignment.match(line):
            return number
    return table_line
