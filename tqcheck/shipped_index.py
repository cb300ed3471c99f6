"""Work on the shipped rules done ahead of time, because doing it on every start was most of the
start-up time of ``tqcheck check`` on a small file. ``shipped_index.json`` holds

* ``packs``: each shipped YAML file of ``rules/`` (packs and rule data), parsed, by the SHA-256 of
  its text (PyYAML's construction of the line-numbered mappings is slow, and importing it is too);
* ``data``: other shipped YAML data files (the score model, ``tqcheck/scoring/data/score.yml``),
  parsed as ``yaml.safe_load`` parses them, by the SHA-256 of their text;
* ``requirements``: the prefilter requirement (``tqcheck.text.prefilter``) of every pattern of the
  shipped rules (deriving one parses the pattern).

Both are looked up by content (the file's hash, the pattern's text and flags), so a pack file or
pattern edited since, or a house pack's, is simply not found and is parsed or analysed at run
time: the index saves time and never changes a result. This module only looks entries up (as
JSON: ``tqcheck.packs.loader`` and ``tqcheck.text.literals`` turn them back into objects), and
imports nothing of tqcheck. ``make demo`` rewrites the file (``python -m tqcheck.cli.build_index``);
``tests/text/test_fast_paths.py`` checks it is current.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

FILE = "shipped_index.json"


@cache
def _shipped() -> dict:
    try:
        return json.loads(Path(__file__).with_name(FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a damaged install: parse and analyse everything at run time
        return {}


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pattern_key(regex: str, flags: int) -> str:
    return f"{int(flags) & ~re.UNICODE.value}/{regex}"  # str patterns are Unicode whether or not the flag says so


def pack_file(text: str):
    """``(parsed,)`` when the index holds the pack file whose text is *text* (in the JSON form of
    ``tqcheck.packs.loader.to_json``), else None."""
    found = _shipped().get("packs", {}).get(text_key(text))
    return None if found is None else (found,)


def data_file(text: str):
    """``(parsed,)`` when the index holds the data file whose text is *text* (as ``yaml.safe_load``
    parses it), else None."""
    found = _shipped().get("data", {}).get(text_key(text))
    return None if found is None else (found,)


def requirement(regex: str, flags: int):
    """``(requirement,)`` when the index knows *regex* with *flags* (the JSON form of
    ``tqcheck.text.literals.Requirement.to_json``, None for a pattern without one), else None."""
    entries = _shipped().get("requirements", {})
    k = pattern_key(regex, flags)
    return (entries[k],) if k in entries else None
