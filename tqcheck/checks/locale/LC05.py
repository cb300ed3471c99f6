import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Table, Words
from tqcheck.rule import Rule, lazy_compile

_DATA = "locale/currencies.yml"


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

    prefixed_signs = Words(_DATA, "Signs English writes before the amount ($, €).")
    spelled_out_signs = Table(_DATA, "Signs English replaces by the currency's name after the amount (₽: rubles).")

    @cached_property
    def _signs(self) -> str:
        return "".join(self.prefixed_signs) + "".join(self.spelled_out_signs)

    @cached_property
    def _pattern(self):
        return lazy_compile(
            rf"(?<![\w.,])(?P<amount>\d[\d,.]*\d|\d)[ \u00a0\u202f]?(?P<after>[{re.escape(self._signs)}])(?![\w\d])"
            rf"|(?P<before>[{re.escape(''.join(self.prefixed_signs))}])[ \u00a0\u202f]+(?P<amount2>\d[\d,.]*\d|\d)"
        )

    # What every match contains (a sign after a digit, or a sign spaced off its number); \s for the
    # spaces, cheaper to compile than a class of them.
    @cached_property
    def _needs(self):
        return lazy_compile(rf"[{re.escape(self._signs)}](?:(?:(?<=\d.)|(?<=\d\s.))(?!\w)|(?=\s+\d))")

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            if m.group("after"):
                symbol, amount = m.group("after"), m.group("amount")
                suggestion = f"{symbol}{amount}" if symbol in self.prefixed_signs else f"{amount} {self.spelled_out_signs[symbol]}"
                message = f"Currency sign '{symbol}' after the amount."
            else:
                symbol, amount = m.group("before"), m.group("amount2")
                suggestion, message = f"{symbol}{amount}", f"Space between '{symbol}' and the amount."
            yield self.finding(doc, m.start(), m.end(), message, suggestion, fixable=True)

    def _may_match(self, text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start*: C searches for the signs, then, in
        the few articles with one, _needs (it starts with a character class, so re tries it only
        at those characters, while _pattern, which starts with a look-behind, is tried at every
        position)."""
        return any(sign in text for sign in self._signs) and bool(self._needs.search(text, start))
