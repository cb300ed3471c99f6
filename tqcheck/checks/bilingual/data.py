"""Loads the bilingual rules' data (``rules/bilingual/``) once, when a rule is built; never during a check."""
from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path
from typing import Any



def data_dir() -> Path:
    from tqcheck.packs.loader import shipped_rules_dir

    return shipped_rules_dir() / "bilingual"


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """A YAML file of ``rules/bilingual/`` (cached: the data is read-only), parsed ahead of time
    when it is as shipped (``tqcheck.shipped_index``)."""
    from tqcheck.packs.loader import load_yaml as load

    return load(data_dir() / name)


class GlossaryError(ValueError):
    """A malformed glossary file; the message is ``file:line: problem``."""


def read_glossary(path: Path) -> list[dict[str, str]]:
    """Entries ``{"source", "target", "note"}`` of a CSV (source,target[,note]) or TBX glossary."""
    if path.suffix.lower() == ".tbx":
        return _read_tbx(path)
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"source", "target"} <= set(reader.fieldnames):
        raise GlossaryError(f"{path}:1: a glossary CSV needs a header with 'source' and 'target' columns")
    entries = []
    for row in reader:
        source, target = (row.get("source") or "").strip(), (row.get("target") or "").strip()
        if not source or not target:
            raise GlossaryError(f"{path}:{reader.line_num}: empty source or target")
        entries.append({"source": source, "target": target, "note": (row.get("note") or "").strip()})
    return entries


def _read_tbx(path: Path) -> list[dict[str, str]]:
    """TBX through translate-toolkit's storage class (each term entry: source term -> target term)."""
    from translate.storage import tbx

    try:
        store = tbx.tbxfile(path.read_bytes())
    except Exception as exc:  # translate-toolkit raises lxml errors for malformed XML
        raise GlossaryError(f"{path}: not a readable TBX file: {exc}") from None
    return [{"source": str(u.source).strip(), "target": str(u.target).strip(), "note": ""}
            for u in store.units if str(u.source or "").strip() and str(u.target or "").strip()]


@lru_cache(maxsize=None)
def shipped_glossary() -> tuple[dict[str, str], ...]:
    """Every CSV/TBX glossary in ``rules/bilingual/glossary/``, in file-name order."""
    folder = data_dir() / "glossary"
    entries: list[dict[str, str]] = []
    for path in sorted(folder.glob("*")):
        if path.suffix.lower() in (".csv", ".tbx"):
            entries.extend(read_glossary(path))
    return tuple(entries)
