"""Punctuation and typography carried over from the source language's conventions."""


def get_rules() -> list[type]:
    from tqcheck.checks.punctuation.PU01 import SpacedEnDash
    from tqcheck.checks.punctuation.PU02 import ForeignQuotes

    return [SpacedEnDash, ForeignQuotes]
