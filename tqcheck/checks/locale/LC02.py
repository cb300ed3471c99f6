import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, lazy_compile


_OPENING = ("[", "(", "{")
_CLOSING = ("]", ")", "}")


class DecimalComma(Rule):
    """A decimal comma in an English number ("3,5 million", "0,5%").

    What it does: flags a number whose comma is followed by one or two digits (or four and
    more) and then a scale word, a percent sign or a unit, and any "0,x".
    Why it matters: most European languages write decimals with a comma; in English "3,5"
    reads as a garbled thousands separator and "15,2 thousand" is wrong. "1,500" (a thousands
    separator), lists ("aged 10,11 and 12") and pairs in brackets, the notation of coordinates,
    intervals and matrices ("[0,0]", "(0,1)"), are left alone.
    Example:
        flag: Also, 15,2 thousand families received a payment.
        flag: Prices rose by 0,5 percent, and output by 3,25%.
        okay: Also, 15.2 thousand families received 1,500 rubles each.
        okay: Children aged 10,11 and 12 took part.
        okay: The robot starts at [0,0] and the interval (0,1) is open.
    """

    code = "LC02"
    name = "locale.decimal-comma"
    category = "Locale convention/Number format"
    severity = Severity.MAJOR

    quantity_words = Words("locale/quantities.yml", "What may follow a quantity: scale words, percent, units, currencies.")

    @cached_property
    def _pattern(self):
        after = "|".join(map(re.escape, self.quantity_words))
        return lazy_compile(
            rf"(?<![\d.,])(?:(?P<zero>0),(?P<zfrac>\d+)"
            rf"|(?P<int>\d+),(?P<frac>\d{{1,2}}|\d{{4,}})(?=\s?(?:{after})(?!\w)))(?![\d,])"
        )
    # What every match contains (the comma and the digits after it), searched first: it starts
    # with a literal character, which re scans for in C, while _pattern (it starts with a
    # look-behind) is tried at every position. Most articles have none.
    _needs = lazy_compile(r",(?<=\d,)(?:(?<=0,)(?<![\d.,]0,)\d|\d\d?(?!\d)|\d{4})")

    def check(self, doc):
        if not self._needs.search(doc.text, doc.body_start):
            return
        text = doc.text
        for m in self._pattern.finditer(text, doc.body_start):
            if text[m.start() - 1:m.start()] in _OPENING and text[m.end():m.end() + 1] in _CLOSING and m.start():
                continue  # "[0,0]", "(0,1)": a pair of numbers, not a decimal
            number = f"{m.group('zero')}.{m.group('zfrac')}" if m.group("zero") else f"{m.group('int')}.{m.group('frac')}"
            yield self.finding(doc, m.start(), m.end(), f"Decimal comma in '{m.group()}'; English uses a decimal point.",
                               number, fixable=True)
