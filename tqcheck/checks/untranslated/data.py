"""The untranslated-text rules' word lists (``rules/untranslated/``), read on first use and cached.

The rules ask for them inside ``check``, not when they are built: a run that never checks an
article (``tqcheck rules``, a bad file) never reads them, and the 20,000-word list is read only
when some sentence gets as far as UT02's second test.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any



def data_dir() -> Path:
    from tqcheck.packs.loader import shipped_rules_dir

    return shipped_rules_dir() / "untranslated"


@cache
def _load(name: str) -> Any:
    from tqcheck.packs.loader import load_yaml  # parsed ahead of time when as shipped (tqcheck.shipped_index)

    return load_yaml(data_dir() / name)


@cache
def english_function_words() -> frozenset[str]:
    return frozenset(_load("function-words.yml")["english"].split())


@cache
def foreign_function_words() -> frozenset[str]:
    """Function words of any of the listed languages (the language does not matter to the rules)."""
    return frozenset(word for words in _load("function-words.yml")["foreign"].values() for word in words.split())


@cache
def english_loanwords() -> frozenset[str]:
    return frozenset(_load("function-words.yml")["english_loanwords"].split())


@cache
def english_common_words() -> frozenset[str]:
    """The common English words that are evidence of English: english-common.yml less the words
    other languages use as function words."""
    shared = _load("function-words.yml")["shared_with_other_languages"].split()
    return frozenset(_load("english-common.yml")["words"].split()).difference(shared)
