import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches

#: Symbols English writes before the amount; the rest are better spelt out after it.
_PREFIXED = "$€£¥"
_SPELT = {"₽": "rubles", "₴": "hryvnias", "₸": "tenge", "₺": "lira", "₩": "won", "₹": "rupees"}


class CurrencySymbolPosition(Rule):
    """A currency symbol after the amount, or spaced off it ("100 $", "5 €", "$ 100").

    What it does: flags a currency sign written after a number ("100$", "100 €", "500 ₽") and
    a space between a leading sign and its number ("$ 100").
    Why it matters: European conventions put the symbol after the amount; English writes
    "$100", "€5", "£20" with no space, and spells out currencies without a familiar sign
    ("500 rubles").
    Example:
        flag: The ticket costs 100 $ or 95 €.
        flag: The ticket costs $ 100.
        flag: The fine is 500 ₽.
        okay: The ticket costs $100 or €95; the fine is 500 rubles.
    """

    code = "LC05"
    name = "locale.currency-symbol-position"
    category = "Locale convention/Currency format"
    severity = Severity.MINOR

    _symbols = re.escape(_PREFIXED + "".join(_SPELT))
    _pattern = re.compile(
        rf"(?<![\w.,])(?P<amount>\d[\d,.]*\d|\d)[ \u00a0\u202f]?(?P<after>[{_symbols}])(?![\w\d])"
        rf"|(?P<before>[{re.escape(_PREFIXED)}])[ \u00a0\u202f]+(?P<amount2>\d[\d,.]*\d|\d)"
    )

    def check(self, doc):
        for m in iter_matches(self._pattern, doc):
            if m.group("after"):
                symbol, amount = m.group("after"), m.group("amount")
                suggestion = f"{symbol}{amount}" if symbol in _PREFIXED else f"{amount} {_SPELT[symbol]}"
                message = f"Currency sign '{symbol}' after the amount."
            else:
                symbol, amount = m.group("before"), m.group("amount2")
                suggestion, message = f"{symbol}{amount}", f"Space between '{symbol}' and the amount."
            yield self.finding(doc, m.start(), m.end(), message, suggestion, fixable=True)
