"""Baselines: accept the findings an article already has, so only new ones fail a pull request.

A finding's fingerprint is its rule code, its article (the path relative to the baseline file's
folder) and its flagged text, normalised (NFKC, case-folded, whitespace collapsed). Line numbers
are not part of it, so edits elsewhere in the article keep the baseline valid. The baseline
stores how many findings share a fingerprint: a third "Kiev" where the baseline has two is new.
"""
from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BASELINE_VERSION = 1


class BaselineError(Exception):
    """An unreadable or malformed baseline file; the message names the file."""


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def fingerprint(code: str, article: str, text: str) -> str:
    return hashlib.sha256(f"{code}\0{article}\0{normalise(text)}".encode()).hexdigest()[:16]


def article_key(path: str, base_dir: Path) -> str:
    """The article's path relative to *base_dir*, with forward slashes (``<stdin>`` as is)."""
    if path.startswith("<"):
        return path
    try:
        return Path(os.path.relpath(os.path.realpath(path), os.path.realpath(base_dir))).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).as_posix()


@dataclass(frozen=True)
class Baseline:
    path: Path
    counts: dict[str, int]
    digest: str

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        p = Path(path)
        try:
            data = p.read_bytes()
            doc = json.loads(data.decode("utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{p}: baseline file not found (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{p}: not a tqcheck baseline: {exc}") from None
        except RecursionError:
            raise BaselineError(f"{p}: not a tqcheck baseline: nested too deeply") from None
        if not isinstance(doc, dict) or doc.get("tool") != "tqcheck" or not isinstance(doc.get("findings"), list):
            raise BaselineError(f"{p}: not a tqcheck baseline (expected an object with tool 'tqcheck' and 'findings')")
        if doc.get("baseline_version") != BASELINE_VERSION:
            raise BaselineError(f"{p}: baseline version {doc.get('baseline_version')!r} is not supported (expected {BASELINE_VERSION})")
        counts: Counter = Counter()
        for i, entry in enumerate(doc["findings"]):
            if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str) \
                    or not isinstance(entry.get("count", 1), int):
                raise BaselineError(f"{p}: findings[{i}] needs a string 'fingerprint' and an integer 'count'")
            counts[entry["fingerprint"]] += entry.get("count", 1)
        return cls(p, dict(counts), hashlib.sha256(data).hexdigest()[:8])

    def apply(self, results: Iterable) -> None:
        """Move each result's findings that the baseline accepts into ``result.baselined``."""
        base_dir = self.path.parent
        for result in results:
            if result.error:
                continue
            article = article_key(result.path, base_dir)
            left = dict(self.counts)
            kept, accepted = [], []
            for f in result.findings:  # in document order, so the first occurrences are the old ones
                fp = fingerprint(f.code, article, f.text)
                if left.get(fp, 0) > 0:
                    left[fp] -= 1
                    accepted.append(f)
                else:
                    kept.append(f)
            result.findings = kept
            result.baselined = list(result.baselined) + accepted


def write(path: str | Path, results: Iterable) -> int:
    """Write a baseline accepting every current finding of *results*; return how many it holds."""
    p = Path(path)
    base_dir = p.parent
    entries: dict[str, dict] = {}
    for result in results:
        if result.error:
            continue
        article = article_key(result.path, base_dir)
        for f in [*result.baselined, *result.findings]:
            fp = fingerprint(f.code, article, f.text)
            entry = entries.setdefault(fp, {"fingerprint": fp, "code": f.code, "article": article,
                                            "text": normalise(f.text), "count": 0})
            entry["count"] += 1
    ordered = sorted(entries.values(), key=lambda e: (e["article"], e["code"], e["text"], e["fingerprint"]))
    doc = {"tool": "tqcheck", "baseline_version": BASELINE_VERSION, "findings": ordered}
    try:
        p.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{p}: cannot write: {exc.strerror or exc}") from None
    return sum(e["count"] for e in ordered)
