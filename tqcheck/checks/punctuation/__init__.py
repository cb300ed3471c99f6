"""Punctuation and typography carried over from the source language's conventions."""


def get_rules() -> list[type]:
    from tqcheck.checks.punctuation.PU01 import SpacedEnDash
    from tqcheck.checks.punctuation.PU02 import ForeignQuotes
    from tqcheck.checks.punctuation.PU03 import SpaceBeforePunctuation
    from tqcheck.checks.punctuation.PU04 import MissingSpaceAfterPunctuation
    from tqcheck.checks.punctuation.PU05 import UnbalancedBrackets
    from tqcheck.checks.punctuation.PU06 import UnbalancedQuotes
    from tqcheck.checks.punctuation.PU07 import MixedQuoteStyles
    from tqcheck.checks.punctuation.PU08 import RepeatedPunctuation
    from tqcheck.checks.punctuation.PU09 import FrenchSpacing
    from tqcheck.checks.punctuation.PU10 import StraySymbol
    from tqcheck.checks.punctuation.PU11 import SpacedHyphenDash
    from tqcheck.checks.punctuation.PU12 import InvisibleCharacter
    from tqcheck.checks.punctuation.PU13 import DanglingHyphen
    from tqcheck.checks.punctuation.PU15 import PunctuationAfterArticle
    from tqcheck.checks.punctuation.PU16 import StrayApostrophe
    from tqcheck.checks.punctuation.PU17 import LocaleDash
    from tqcheck.checks.punctuation.PU18 import HalfWidthInCjk
    from tqcheck.checks.punctuation.PU19 import MissingFixedSpace

    return [SpacedEnDash, ForeignQuotes, SpaceBeforePunctuation, MissingSpaceAfterPunctuation, UnbalancedBrackets,
            UnbalancedQuotes, MixedQuoteStyles, RepeatedPunctuation, FrenchSpacing, StraySymbol, SpacedHyphenDash,
            InvisibleCharacter, DanglingHyphen, PunctuationAfterArticle, StrayApostrophe,
            LocaleDash, HalfWidthInCjk, MissingFixedSpace]
