"""Grammar artifacts of MT: structures carried over from the source sentence."""


def get_rules() -> list[type]:
    from tqcheck.checks.grammar.GR01 import CapitalAfterComma
    from tqcheck.checks.grammar.GR02 import MixedCorrelatives
    from tqcheck.checks.grammar.GR03 import LowercaseSentenceStart
    from tqcheck.checks.grammar.GR05 import GenderedPronoun
    from tqcheck.checks.grammar.GR06 import MixedRegister

    return [CapitalAfterComma, MixedCorrelatives, LowercaseSentenceStart, GenderedPronoun, MixedRegister]
