"""Is a word a word of a language? Word frequencies from pyspellchecker's dictionaries, which ship
inside its wheel (en, de, es, fr, it, nl, pt, ru, ar, eu, fa, lv): the first words of a language
are searched in its data file's text, and the file is parsed whole only for a run that asks about
more (``SEARCHES``), or from the start in a run of many articles (``parse_whole_files``)."""
from __future__ import annotations

import re
from functools import lru_cache

#: Languages with a dictionary in pyspellchecker.
DICTIONARY_LANGUAGES = frozenset({"en", "de", "es", "fr", "it", "nl", "pt", "ru", "ar", "eu", "fa", "lv"})


@lru_cache(maxsize=None)
def _frequencies(lang: str) -> dict[str, int]:
    """pyspellchecker's word counts for *lang*, by lower-case word, as its SpellChecker holds them,
    read from its data file directly (a SpellChecker also builds indexes we never use: twice the time).
    orjson parses them in half the time of the standard library (German alone is 340,000 words).
    The files hold lower-case words only (tests/text/test_langid_profiles.py checks the installed
    ones), so the counts are kept as read."""
    import gzip
    import pkgutil

    import orjson

    return orjson.loads(gzip.decompress(pkgutil.get_data("spellchecker", f"resources/{lang}.json.gz")))


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
    lower = word.lower()
    searched = _searched.setdefault(lang, {})
    if lower in searched:
        return searched[lower]
    if len(searched) < _search_limit and lower.isascii():
        found = _search(lower, lang)
        if found is not None:
            searched[lower] = found
            return found
    return _frequencies(lang).get(lower, 0)


# -- the first words, searched in the file's text ------------------------------------------------
#: How many words of a language are looked up in the text of its data file before the file is
#: parsed whole: a search of the English file (2.7 MB) takes 1.5 ms, parsing it 100 ms (the German
#: one 7 MB and 400 ms), and an article asks about a handful of words. A run that asks about more
#: parses the file once, having spent at most this many searches.
SEARCHES = 16
_search_limit = SEARCHES


def parse_whole_files() -> None:
    """From now on, parse a language's data file on its first word, without searching first: for a
    run of many articles, which asks about far more words than ``SEARCHES`` (the searches would be
    time lost before the parse)."""
    global _search_limit
    _search_limit = 0

#: The words searched so far, by language, with their counts.
_searched: dict[str, dict[str, int]] = {}
#: What follows a key in the data file: the colon and the count.
_COUNT = re.compile(rb"\s*:\s*(\d+)\s*[,}]")


@lru_cache(maxsize=None)
def _text(lang: str) -> bytes | None:
    """*lang*'s data file, decompressed, if an ASCII word's count can be found by searching its
    text, else None: no escape (a key is written as it is) and no key that lower-cases to an ASCII
    word but itself (no ASCII capital, no Kelvin sign: the only other character that lower-cases
    to ASCII)."""
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spellchecker")  # found, not imported: the package's own imports cost 15 ms
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    data = gzip.decompress((folder / "resources" / f"{lang}.json.gz").read_bytes())
    if b"\\" in data or "\u212a".encode() in data or not data.islower():
        return None
    return data


def _search(lower: str, lang: str) -> int | None:
    """The count of the ASCII word *lower* in *lang*'s data file, by searching its text (0 when it
    is not there); None when the file cannot be searched (``_text``) or the word's first
    occurrence is not a key opening its line (then the parsed file answers)."""
    data = _text(lang)
    if data is None:
        return None
    key = b'"' + lower.encode() + b'"'
    at = data.find(key)
    if at < 0:
        return 0  # without escapes, the key of the word would be this text
    # A quote after a line break opens a string (a JSON string holds no line break): the key
    # itself, when a colon and a count follow.
    count = _COUNT.match(data, at + len(key))
    return int(count.group(1)) if count and data[at - 1:at] == b"\n" else None
