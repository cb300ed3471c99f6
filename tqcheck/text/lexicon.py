"""Is a word a word of a language? Word frequencies from pyspellchecker's dictionaries, which ship
inside its wheel (en, de, es, fr, it, nl, pt, ru, ar, eu, fa, lv): loaded once per language, lazily."""
from __future__ import annotations

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
    return _frequencies(lang).get(word.lower(), 0)
