"""The result cache: an unchanged article checked by unchanged rules is read back, not checked.

Like ruff's ``.ruff_cache``: ``.tqcheck_cache/`` in the working folder (or ``--cache-dir``, or
``TQCHECK_CACHE_DIR``) holds one file per checked article, named by a hash of

* the run: tqcheck's version and source files (size and modification time of each module, so an
  edited rule invalidates), the versions of the libraries whose output lands in a result, every
  selected rule (code, name, origin, severity, category), every pack's content hash, the config;
* the article: its path (findings name it), the bytes of the article, its source, its reference
  and its ``.tqignore`` sidecar, and how they were paired.

The cache holds data only. A cache folder may come with a pull request or be shared between CI
jobs, so an entry is JSON that a strict reader turns back into an ``ArticleResult`` field by
field, and nothing in it is ever run. Anything else (not a regular file, not JSON, another
format, a field missing, extra or of the wrong type) is a miss and is rewritten, never an error:
the cache can only save time. An entry is written to a temporary file in its folder and renamed
into place, so a reader (a ``--jobs`` worker, another CI job) sees a whole entry or none.

The root also holds ``lexicon/``: ``tqcheck.text.lexicon``'s word lists (``keep_word_lists``),
which ``clear`` deletes with the results.

Results with an input error or an internal rule error are not stored. Baselines are applied
after the cache (they never change what is stored). ``tqcheck check --no-cache`` bypasses the
cache; ``tqcheck cache clear`` deletes it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

#: Bumped when the layout or the schema of an entry changes; each format has a folder of its own.
CACHE_FORMAT = 2
DEFAULT_DIR = ".tqcheck_cache"
#: The folder under the root where tqcheck.text.lexicon keeps the dictionaries' word lists.
WORD_LISTS_FOLDER = "lexicon"
UNREADABLE = "unreadable"
#: Libraries whose behaviour shapes a result (sentence splits, language ID, scores, fuzzy names).
_LIBRARIES = ("blingfire", "langdetect", "sacrebleu", "rapidfuzz", "translate-toolkit")
#: The folders of the cache formats under the root, this one's and older ones'.
_FORMAT_FOLDER = re.compile(r"v\d+")
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by tqcheck.\n")
_IGNORE = "# Automatically created by tqcheck.\n*\n"


def cache_root(configured: str | Path | None = None) -> Path:
    """The cache folder: *configured* (``--cache-dir``), else ``TQCHECK_CACHE_DIR``, else ``.tqcheck_cache``."""
    return Path(configured or os.environ.get("TQCHECK_CACHE_DIR") or DEFAULT_DIR)


def keep_word_lists(configured: str | Path | None = None) -> None:
    """Let ``tqcheck.text.lexicon`` keep pyspellchecker's dictionaries as word lists under the cache
    root (marked as a cache when it writes the first), so later runs read them instead of parsing."""
    from tqcheck.text import lexicon

    root = cache_root(configured)
    lexicon.keep_lists_in(root / WORD_LISTS_FOLDER, before_write=lambda: _mark_cache_root(root))


def _source_fingerprint() -> str:
    """Size and mtime of every tqcheck module and shipped pack file: edits invalidate the cache."""
    package = Path(__file__).resolve().parents[1]  # the tqcheck folder
    digest = hashlib.blake2b(digest_size=16)
    prefix = len(os.path.join(str(package), ""))  # paths relative to the package (not relpath: 3 ms)
    for root, dirs, files in os.walk(package, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yml", ".yaml", ".csv", ".tbx", ".json")):
                info = os.stat(os.path.join(root, name))
                digest.update(f"{os.path.join(root, name)[prefix:]}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _library_versions() -> str:
    from tqcheck.engine.installed import versions

    found = versions(list(_LIBRARIES))
    return ",".join(f"{name}={found[name] or '-'}" for name in _LIBRARIES)


def run_key(linter) -> str:
    """What, besides the article's files, decides a result: tool, rules, packs and config."""
    from tqcheck.text.langid import SEED
    from tqcheck.version import __version__

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
    from tqcheck.formats.read import MAX_BYTES

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


# -- an entry: JSON written from an ArticleResult, read back by a strict schema -------------------
class InvalidEntry(ValueError):
    """An entry that is not what this version writes: a miss."""


Reader = Callable[[object], object]


def _exactly(kind: type) -> Reader:
    def read(value):
        if type(value) is not kind:  # not isinstance: a bool is no int here
            raise InvalidEntry(f"expected {kind.__name__}, got {type(value).__name__}")
        return value
    return read


_STR, _INT, _BOOL, _LIST, _DICT = (_exactly(t) for t in (str, int, bool, list, dict))


_NUMBER_TYPES = frozenset((int, float))


def _number(value):
    if type(value) not in _NUMBER_TYPES:
        raise InvalidEntry(f"expected a number, got {type(value).__name__}")
    return value


def _numbers(value) -> list:
    """A list of numbers, checked at C speed: the metrics' statistics are most of an entry."""
    if not _NUMBER_TYPES.issuperset(map(type, _LIST(value))):
        raise InvalidEntry("expected a list of numbers")
    return value


def _optional(read: Reader) -> Reader:
    return lambda value: None if value is None else read(value)


def _list_of(read: Reader) -> Reader:
    return lambda value: [read(item) for item in _LIST(value)]


def _dict_of(read: Reader) -> Reader:
    return lambda value: {_STR(key): read(item) for key, item in _DICT(value).items()}


def _span(value) -> tuple[int, int]:
    span = tuple(_list_of(_INT)(value))
    if len(span) != 2:
        raise InvalidEntry(f"expected a (start, end) span, got {len(span)} numbers")
    return span


def _this_format(value) -> int:
    if _INT(value) != CACHE_FORMAT:
        raise InvalidEntry(f"format {value}, not {CACHE_FORMAT}")
    return value


def _severity(value):
    from tqcheck.finding import Severity

    name = _STR(value)
    if name not in ("minor", "major", "critical"):
        raise InvalidEntry(f"unknown severity {name!r}")
    return Severity.parse(name)


class _Record:
    """A JSON object with exactly these fields (plus, at most, the optional ones), each read by its
    reader, built into *build*. ``fields`` is also the list of attributes written."""

    def __init__(self, build: Callable, fields: dict[str, Reader], optional: dict[str, Reader] | None = None) -> None:
        self.build, self.fields, self.readers = build, fields, {**fields, **(optional or {})}

    def __call__(self, value):
        keys = _DICT(value).keys()
        if keys != self.fields.keys() and not (self.fields.keys() <= keys <= self.readers.keys()):
            raise InvalidEntry(f"fields missing {sorted(self.fields.keys() - keys)} or unknown {sorted(keys - self.readers.keys())}")
        readers = self.readers
        return self.build(**{name: readers[name](item) for name, item in value.items()})


@lru_cache(maxsize=1)
def schema() -> dict[str, _Record]:
    """The reader of each class a result holds, and of a whole entry (built on first use: it
    imports the engine)."""
    from tqcheck.engine.linter import ArticleResult
    from tqcheck.engine.suppression import Suppressed
    from tqcheck.finding import Finding
    from tqcheck.scoring.metrics import ScoredSegment

    finding = _Record(Finding, {
        "code": _STR, "name": _STR, "category": _STR, "severity": _severity, "start": _INT, "end": _INT,
        "text": _STR, "message": _STR, "suggestion": _optional(_STR), "line": _INT, "column": _INT,
        "fixable": _BOOL, "unit": _optional(_STR), "source_start": _optional(_INT), "source_end": _optional(_INT)})
    suppressed = _Record(Suppressed, {"finding": finding, "reason": _optional(_STR), "where": _STR})
    segment = _Record(ScoredSegment, {"hypothesis": _STR, "reference": _STR, "span": _optional(_span),
                                      "stats": _optional(_dict_of(_numbers))})
    # tqcheck.scoring.metrics.score_article: name -> {"score", "signature", "segments", "aligned"} (+ chrF's "weakest")
    weakest = _Record(dict, {"score": _number, "line": _INT, "column": _INT, "start": _INT, "end": _INT, "text": _STR})
    metric = _Record(dict, {"score": _number, "signature": _STR, "segments": _INT, "aligned": _STR},
                     optional={"weakest": _list_of(weakest)})
    result = _Record(ArticleResult, {
        "path": _STR, "findings": _list_of(finding), "word_count": _INT, "sentence_count": _INT,
        "error": _optional(_STR), "rule_errors": _list_of(_STR), "suppressed": _list_of(suppressed),
        "baselined": _list_of(finding), "article_text": _STR, "source_path": _optional(_STR),
        "reference_path": _optional(_STR), "metrics": _dict_of(metric), "scored_segments": _list_of(segment),
        "warnings": _list_of(_STR), "signals": _dict_of(_number), "language_pair": _optional(_STR)})
    entry = _Record(dict, {"format": _this_format, "has_text": _BOOL, "result": result})
    return {"Finding": finding, "Suppressed": suppressed, "ScoredSegment": segment, "ArticleResult": result,
            "entry": entry}


def _data(obj, record: _Record) -> dict:
    """The fields of *obj* that *record* reads back, as JSON values."""
    return {name: getattr(obj, name) for name in record.fields}


def encode(result, has_text: bool) -> bytes:
    """The entry of *result*: JSON of every field of the result and of the objects it holds."""
    s = schema()

    def finding(f) -> dict:
        return {**_data(f, s["Finding"]), "severity": str(f.severity)}

    data = {**_data(result, s["ArticleResult"]),
            "findings": [finding(f) for f in result.findings],
            "suppressed": [{**_data(x, s["Suppressed"]), "finding": finding(x.finding)} for x in result.suppressed],
            "baselined": [finding(f) for f in result.baselined],
            "scored_segments": [_data(seg, s["ScoredSegment"]) for seg in result.scored_segments]}
    return json.dumps({"format": CACHE_FORMAT, "has_text": has_text, "result": data},
                      separators=(",", ":"), allow_nan=False).encode("ascii")


def decode(data: bytes) -> tuple[bool, object]:
    """``(has_text, ArticleResult)`` from an entry; ``InvalidEntry`` (or ``ValueError``) for anything else."""
    entry = schema()["entry"](json.loads(data, parse_constant=_refuse_constant))
    return entry["has_text"], entry["result"]


def _refuse_constant(name: str):
    raise InvalidEntry(f"{name} is no value tqcheck writes")


def _read_regular(path: Path, limit: int) -> bytes:
    """The bytes of *path* if it is a regular file of at most *limit* bytes: a planted symlink, FIFO
    or device is neither followed nor waited on."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise InvalidEntry("not a regular file of a cache entry's size")
        return handle.read(limit + 1)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to a temporary file beside *path* and rename it into place: a concurrent reader
    sees the old file or the new one, never part of one. (Not ``tempfile``: its import costs
    ``tqcheck check`` on a small file more than the write.)"""
    tmp = path.parent / f".tmp-{os.getpid()}-{os.urandom(6).hex()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


class ResultCache:
    """Results of one run configuration, stored under ``root/v<format>/<run key>/``."""

    def __init__(self, linter, root: str | Path | None = None) -> None:
        from tqcheck.formats.read import MAX_BYTES

        self.run = run_key(linter)
        self.root = cache_root(root)
        self.folder = self.root / f"v{CACHE_FORMAT}" / self.run
        self.hits = self.misses = 0
        #: An entry holds at most the article's text twice (the text, the scored segments) and its
        #: findings, each character written as at most 6 ASCII bytes (\\uXXXX): more is no entry.
        self.max_entry_bytes = 16 * MAX_BYTES

    def key(self, pairing) -> str | None:
        """The entry name for *pairing*, or None when it cannot be cached (standard input)."""
        from tqcheck.engine.suppression import sidecar_path

        if pairing.target == "-":
            return None
        sidecar = sidecar_path(pairing.target)
        files = [_file_digest(pairing.target), _file_digest(pairing.source), _file_digest(pairing.reference),
                 _file_digest(str(sidecar)) if os.path.lexists(sidecar) else "-"]
        if UNREADABLE in files:
            return None  # checked uncached: the check reports why the file cannot be read
        return hashlib.blake2b("\n".join([self.run, repr(pairing), *files]).encode(), digest_size=20).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str | None, keep_text: bool = False):
        """The stored ``ArticleResult`` for *key*, or None (a miss) when absent or unusable."""
        if key is None:
            return None
        try:
            has_text, result = decode(_read_regular(self.path(key), self.max_entry_bytes))
            if keep_text and not has_text:
                raise InvalidEntry("stored without the article's text")
        except Exception:  # noqa: BLE001 - whatever the folder holds, a bad entry is a miss (put rewrites it)
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str | None, result, has_text: bool) -> None:
        """Store *result*; any failure (read-only folder, full disk) is ignored."""
        if key is None or result.error or result.rule_errors:
            return
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _mark_cache_root(self.root)
            _write_atomic(path, encode(result if has_text else replace(result, article_text=""), has_text))
        except Exception:  # noqa: BLE001 - caching must never fail a run
            return


def _mark_cache_root(root: Path) -> None:
    """A ``.gitignore`` and ``CACHEDIR.TAG`` so the cache is never committed or backed up."""
    for name, content in ((".gitignore", _IGNORE), ("CACHEDIR.TAG", _TAG)):
        if not os.path.lexists(root / name):  # a folder's own .gitignore is left as it is
            _write_atomic(root / name, content.encode())


class NotACache(Exception):
    """``tqcheck cache clear`` was pointed at a folder that tqcheck did not create."""


def _holds(path: Path, content: str) -> bool:
    """Whether *path* is a regular file that tqcheck wrote with *content*."""
    try:
        return _read_regular(path, len(content)).decode("utf-8") == content
    except (OSError, ValueError):
        return False


def clear(root: str | Path | None = None) -> int:
    """Delete the cache at *root* (``cache_root``): the entries of every format, old pickles
    included, and the marker files; returns how many entries there were.

    Only what tqcheck writes is deleted, and only in a folder tqcheck marked as its cache: a
    mistaken ``--cache-dir`` raises ``NotACache`` and nothing is touched.
    """
    import shutil

    root = cache_root(root)
    if not root.exists():
        return 0
    if not _holds(root / "CACHEDIR.TAG", _TAG):
        raise NotACache(f"{root}: not a tqcheck cache (no CACHEDIR.TAG written by tqcheck); nothing deleted")
    entries = 0
    for folder in root.iterdir():
        if _FORMAT_FOLDER.fullmatch(folder.name) and folder.is_dir() and not folder.is_symlink():
            entries += sum(len([n for n in names if not n.startswith(".tmp-")]) for _, _, names in os.walk(folder))
            shutil.rmtree(folder)
    lists = root / WORD_LISTS_FOLDER
    if lists.is_dir() and not lists.is_symlink():
        shutil.rmtree(lists)
    for name, content in ((".gitignore", _IGNORE), ("CACHEDIR.TAG", _TAG)):
        if _holds(root / name, content):
            (root / name).unlink()
    try:
        root.rmdir()  # kept when something else is in it
    except OSError:
        pass
    return entries
