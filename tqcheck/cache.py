"""The result cache: an unchanged article checked by unchanged rules is read back, not checked.

Like ruff's ``.ruff_cache``: ``.tqcheck_cache/`` in the working folder (or ``TQCHECK_CACHE_DIR``)
holds one file per checked article, named by a hash of

* the run: tqcheck's version and source files (size and modification time of each module, so an
  edited rule invalidates), the versions of the libraries whose output lands in a result, every
  selected rule (code, name, origin, severity, category), every pack's content hash, the config;
* the article: its path (findings name it), the bytes of the article, its source, its reference
  and its ``.tqignore`` sidecar, and how they were paired.

A corrupt, unreadable or unwritable entry is a miss, never an error: the cache can only save
time. Results with an input error or an internal rule error are not stored. Baselines are applied
after the cache (they never change what is stored). ``tqcheck check --no-cache`` bypasses it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

#: Bumped when the layout or the pickled classes change shape.
CACHE_FORMAT = 1
DEFAULT_DIR = ".tqcheck_cache"
UNREADABLE = "unreadable"
#: Libraries whose behaviour shapes a result (sentence splits, language ID, scores, fuzzy names).
_LIBRARIES = ("blingfire", "langdetect", "sacrebleu", "rapidfuzz", "translate-toolkit")


def cache_root() -> Path:
    return Path(os.environ.get("TQCHECK_CACHE_DIR") or DEFAULT_DIR)


def _source_fingerprint() -> str:
    """Size and mtime of every tqcheck module and shipped pack file: edits invalidate the cache."""
    import tqcheck

    package = Path(tqcheck.__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    for root, dirs, files in os.walk(package, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yml", ".yaml", ".csv", ".tbx", ".json")):
                stat = os.stat(os.path.join(root, name))
                digest.update(f"{os.path.relpath(os.path.join(root, name), package)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _library_versions() -> str:
    from tqcheck.installed import version

    return ",".join(f"{name}={version(name) or '-'}" for name in _LIBRARIES)


def run_key(linter) -> str:
    """What, besides the article's files, decides a result: tool, rules, packs and config."""
    from tqcheck import __version__
    from tqcheck.langid import SEED

    parts = [f"format={CACHE_FORMAT}", f"tqcheck={__version__}", f"python={sys.version}", _source_fingerprint(),
             _library_versions(),
             f"langid-seed={SEED}", repr(linter.config)]
    parts += [f"pack:{p.name}@{p.hash}:{p.path}" for p in linter.registry.packs]
    parts += [f"rule:{r.code}:{r.name}:{r.origin}:{r.severity}:{r.category}:{type(r).__module__}.{type(r).__qualname__}"
              for r in linter.rules]
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def _file_digest(path: str | None) -> str:
    """A hash of the file's bytes; "unreadable" for anything but a regular file of at most
    ``MAX_BYTES`` (a FIFO or /dev/zero would never end): such articles are checked uncached."""
    from tqcheck.document import MAX_BYTES

    if path is None:
        return "-"
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return UNREADABLE
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (OSError, ValueError):
        return UNREADABLE
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ResultCache:
    """Results of one run configuration, stored under ``root/<run key>/``."""

    def __init__(self, linter, root: str | Path | None = None) -> None:
        self.run = run_key(linter)
        self.folder = Path(root or cache_root()) / f"v{CACHE_FORMAT}" / self.run
        self.hits = self.misses = 0

    def key(self, pairing) -> str | None:
        """The entry name for *pairing*, or None when it cannot be cached (standard input)."""
        from tqcheck.suppression import sidecar_path

        if pairing.target == "-":
            return None
        sidecar = sidecar_path(pairing.target)
        files = [_file_digest(pairing.target), _file_digest(pairing.source), _file_digest(pairing.reference),
                 _file_digest(str(sidecar)) if os.path.lexists(sidecar) else "-"]
        if UNREADABLE in files:
            return None  # checked uncached: the check reports why the file cannot be read
        return hashlib.blake2b("\n".join([self.run, repr(pairing), *files]).encode(), digest_size=20).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str | None, keep_text: bool = False):
        """The stored ``ArticleResult`` for *key*, or None (a miss) when absent or unusable."""
        from tqcheck.engine import ArticleResult

        if key is None:
            return None
        try:
            with open(self._path(key), "rb") as handle:
                has_text, result = pickle.load(handle)
            if not isinstance(result, ArticleResult) or (keep_text and not has_text):
                raise ValueError("unusable entry")
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss; drop it so it is rewritten
            self.misses += 1
            try:
                self._path(key).unlink()
            except OSError:
                pass
            return None
        self.hits += 1
        return result

    def put(self, key: str | None, result, has_text: bool) -> None:
        """Store *result*; any failure (read-only folder, full disk) is ignored."""
        if key is None or result.error or result.rule_errors:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _mark_cache_root(self.folder.parent.parent)
            data = pickle.dumps((has_text, result if has_text else replace(result, article_text="")),
                                protocol=pickle.HIGHEST_PROTOCOL)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, path)  # atomic: a concurrent reader sees the old entry or the new one
            except BaseException:
                os.unlink(tmp)
                raise
        except Exception:  # noqa: BLE001 - caching must never fail a run
            return


def _mark_cache_root(root: Path) -> None:
    """A ``.gitignore`` and ``CACHEDIR.TAG`` so the cache is never committed or backed up."""
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Automatically created by tqcheck.\n*\n", encoding="utf-8")
        (root / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                                           "# This file is a cache directory tag created by tqcheck.\n", encoding="utf-8")
