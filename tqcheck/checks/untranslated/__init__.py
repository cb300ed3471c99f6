"""Untranslated fragments: text left in the source language or script."""


def get_rules() -> list[type]:
    from tqcheck.checks.untranslated.UT01 import ForeignScript
    from tqcheck.checks.untranslated.UT02 import ForeignLatinSentence
    from tqcheck.checks.untranslated.UT03 import ForeignLatinFragment
    from tqcheck.checks.untranslated.UT04 import SourceWordsLeft

    return [ForeignScript, ForeignLatinSentence, ForeignLatinFragment, SourceWordsLeft]
