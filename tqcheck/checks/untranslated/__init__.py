"""Untranslated fragments: text left in the source language or script."""


def get_rules() -> list[type]:
    from tqcheck.checks.untranslated.UT01 import ForeignScript
    from tqcheck.checks.untranslated.UT02 import ForeignLatinSentence
    from tqcheck.checks.untranslated.UT03 import ForeignLatinFragment
    from tqcheck.checks.untranslated.UT04 import SourceWordsLeft
    from tqcheck.checks.untranslated.UT05 import SourceLanguageFragment
    from tqcheck.checks.untranslated.UT06 import SourceCountryName

    return [ForeignScript, ForeignLatinSentence, ForeignLatinFragment, SourceWordsLeft,
            SourceLanguageFragment, SourceCountryName]
