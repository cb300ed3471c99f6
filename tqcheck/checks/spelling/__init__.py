"""Spelling (issue 17): words that are not in the target language's dictionary and are one edit
away from a word that is. Opt-in: the dictionaries (pyspellchecker's, shipped in its wheel) do
not know every name, term and new word of the news."""


def get_rules() -> list[type]:
    from tqcheck.checks.spelling.SP01 import Misspelling

    return [Misspelling]
