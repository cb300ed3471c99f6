"""Is a word a word of a language? Word frequencies from pyspellchecker's dictionaries, which ship
inside its wheel (en, de, es, fr, it, nl, pt, ru, ar, eu, fa, lv): loaded once per language, lazily.

Parsing a dictionary (gzipped JSON, 86,000 to 420,000 words) takes 0.03 to 0.2 s, and a run asks
about a few thousand words. So, when the command line names a folder for them (``keep_lists_in``:
``lexicon/`` in the result cache's root), each dictionary is parsed once and kept there as a sorted
plain-text list, ``word<TAB>count`` a line, that later runs read whole and search by bisection
without building anything. The list is data only (nothing in it is run), named by a hash of the
dictionary it came from (a new pyspellchecker gets lists of its own) and headed by its length and
CRC-32: a list that does not match is rebuilt, and an unwritable folder means parsing, as without one.
"""
from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

#: Languages with a dictionary in pyspellchecker.
DICTIONARY_LANGUAGES = frozenset({"en", "de", "es", "fr", "it", "nl", "pt", "ru", "ar", "eu", "fa", "lv"})
#: The first word of a list's header; bumped when the layout of a list changes.
LIST_FORMAT = b"tqcheck-word-counts/1"
#: No list is larger (pyspellchecker's largest, Portuguese, makes 6 MB).
_MAX_LIST_BYTES = 64 << 20

_folder: Path | None = None
_before_write: Callable[[], None] | None = None


def keep_lists_in(folder: str | Path | None, before_write: Callable[[], None] | None = None) -> None:
    """Keep the dictionaries' word lists in *folder* (None: parse every dictionary each run);
    *before_write* runs before a list is first written there (to mark the folder as a cache).
    A dictionary this process has already loaded stays loaded: its counts are the same."""
    global _folder, _before_write
    _folder, _before_write = (Path(folder) if folder is not None else None), before_write


def has_dictionary(lang: str | None) -> bool:
    return lang in DICTIONARY_LANGUAGES


def frequency(word: str, lang: str) -> int:
    """How often *word* (any case) occurs in *lang*'s dictionary corpus; 0 if it is not a word
    there or *lang* has no dictionary.

    >>> frequency("drink", "en") > 1000, frequency("krankheit", "en"), frequency("Krankheit", "de") > 0
    (True, 0, True)
    """
    if lang not in DICTIONARY_LANGUAGES:
        return 0
    return _counts(lang)(word.lower())


@lru_cache(maxsize=None)
def _counts(lang: str) -> Callable[[str], int]:
    """The count of a lower-case word in *lang*: from its kept list when there is a folder for
    lists, else (or when the folder cannot be written) from the parsed dictionary."""
    data = _source(lang)
    if _folder is not None:
        # Not .txt: a cache folder inside a checked folder must hold no articles.
        name = f"{lang}-{zlib.crc32(data):08x}-{len(data)}.counts"
        listed = _read_list(_folder / name)
        if listed is not None:
            return _SortedCounts(*listed).count
        counts = _parse(data)
        _write_list(_folder / name, counts)
        return _dict_count(counts)
    return _dict_count(_parse(data))


def _dict_count(counts: dict[str, int]) -> Callable[[str], int]:
    return lambda word: counts.get(word, 0)


def _frequencies(lang: str) -> dict[str, int]:
    """pyspellchecker's word counts for *lang*, by lower-case word, as its SpellChecker holds them."""
    return _parse(_source(lang))


def _source(lang: str) -> bytes:
    """The gzipped JSON of *lang*'s dictionary, read from pyspellchecker's package folder without
    importing the package (0.07 s of imports we do not use)."""
    from importlib.util import find_spec

    spec = find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyspellchecker is not installed", name="spellchecker")
    return (Path(list(spec.submodule_search_locations)[0]) / "resources" / f"{lang}.json.gz").read_bytes()


def _parse(data: bytes) -> dict[str, int]:
    """The dictionary's word counts, read directly (a SpellChecker also builds indexes we never
    use: twice the time). orjson parses them in half the time of the standard library. The files
    hold lower-case words only (tests/text/test_langid_profiles.py checks the installed ones), so
    the counts are kept as read."""
    import gzip

    import orjson

    return orjson.loads(gzip.decompress(data))


# -- the kept lists ------------------------------------------------------------------------------
# A list is a header line, "<LIST_FORMAT> <body bytes> <CRC-32 of the body>", then the body:
# one "word<TAB>count" line per word, sorted by the bytes of "word<TAB>" (UTF-8), so that a line's
# key compares with a searched word's key as the words compare, a word before its extensions.

def _list_body(counts: dict[str, int]) -> bytes | None:
    """The body of the list of *counts*; None if a word holds a tab or a newline (no line could
    hold it; no pyspellchecker dictionary has one)."""
    # Whole lines sort as their keys do (no word holds a tab), and strings by code point as their
    # UTF-8 bytes do.
    text = "".join(sorted([f"{word}\t{count}\n" for word, count in counts.items()]))
    if text.count("\t") != len(counts) or text.count("\n") != len(counts):
        return None
    return text.encode()


def _header(body) -> bytes:
    return b"%s %d %08x\n" % (LIST_FORMAT, len(body), zlib.crc32(body))


def _write_list(path: Path, counts: dict[str, int]) -> None:
    """Write the list of *counts* to *path* through a temporary file renamed into place (a
    concurrent reader sees a whole list or none); any failure (read-only folder, full disk) only
    means the next run parses again."""
    import tempfile

    body = _list_body(counts)
    if body is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if _before_write is not None:
            _before_write()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_header(body) + body)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        lang = path.name.split("-", 1)[0]
        for old in path.parent.glob(f"{lang}-*.counts"):  # lists of an earlier pyspellchecker
            if old != path:
                old.unlink()
    except Exception:  # noqa: BLE001 - keeping a list must never fail a run
        return


def _read_list(path: Path) -> tuple[bytes, int] | None:
    """The list at *path* and where its body starts (the newline before its first line), or None
    when there is none or it
    is not whole: not a regular file (a planted symlink or FIFO is neither followed nor waited on),
    another format, a length or CRC-32 that does not match."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_LIST_BYTES:
                return None
            data = handle.read(info.st_size + 1)  # not the limit: a buffer that large costs 10 ms
    except (OSError, ValueError):
        return None
    end = data.find(b"\n")
    body = memoryview(data)[end + 1:]  # not a copy: copying costs as much as the CRC
    if end < 0 or data[:end + 1] != _header(body) or not data.endswith(b"\n"):
        return None
    return data, end


class _SortedCounts:
    """Counts looked up by bisection in a list's body (its sorted lines, after the newline at
    *start*), remembered per word: a run asks about the same words again."""

    def __init__(self, data: bytes, start: int) -> None:
        self.data, self.start, self.known = data, start, {}

    def count(self, word: str) -> int:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = self._search(word)
        return found

    def _search(self, word: str) -> int:
        if "\t" in word or "\n" in word:
            return 0
        try:
            key = word.encode() + b"\t"
        except UnicodeEncodeError:  # a lone surrogate: no dictionary word
            return 0
        body = self.data
        # lo and hi are newlines, each opening a line (the last one, none): the lines before lo's
        # are smaller than key, and hi's line (if any) is not.
        lo, hi = self.start, len(body) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            start = body.rfind(b"\n", 0, mid + 1)  # the newline opening the line around mid
            tab = body.find(b"\t", start)
            if body[start + 1:tab + 1] < key:
                lo = body.find(b"\n", tab)
            else:
                hi = start
        if body.startswith(key, lo + 1):
            return int(body[lo + 1 + len(key):body.find(b"\n", lo + 1)])
        return 0
