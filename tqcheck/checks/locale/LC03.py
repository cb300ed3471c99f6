import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, lazy_compile

#: The spaces besides " " that group digits.
_OTHER_SPACES = "\u00a0\u202f\u2009\u2007"


class ForeignThousandsSeparator(Rule):
    """Digits grouped with spaces or dots ("1 000 people", "1.000.000", "1.234,5").

    What it does: flags numbers whose thousands are separated by a space, a (narrow) no-break
    space or a thin space, numbers with two or more dot-separated groups, and the continental
    "1.234,56"; it suggests English commas.
    Why it matters: Russian and French group digits with spaces, German and Spanish with dots;
    English uses commas ("1,000"), and "1.000" reads as one. A space-grouped number after a
    month name ("May 15 200 people") is left alone, since the space may separate a date.
    Example:
        flag: About 270 000 people live on the archipelago.
        flag: The budget is 1.000.000 euros.
        flag: It cost 1.234,50 euros.
        okay: About 270,000 people live on the archipelago, 1.5 times more than in 2021 100 years ago.
        okay: On May 15 200 people gathered.
    """

    code = "LC03"
    name = "locale.foreign-thousands-separator"
    category = "Locale convention/Number format"
    severity = Severity.MINOR

    _pattern = lazy_compile(
        r"(?<![\d.,])(?:"
        r"(?P<spaced>\d{1,3}(?:[ \u00a0\u202f\u2009\u2007]\d{3})+)(?![\d]|[.,]\d)"
        r"|(?P<dotted>\d{1,3}(?:\.\d{3}){2,})(?![\d]|[.,]\d)"
        r"|(?P<continental>\d{1,3}(?:\.\d{3})+,\d{1,2})(?![\d.,])"
        r")"
    )
    months = Words("locale/months.yml", "English month names and abbreviations (a number after one may be a date).")

    @cached_property
    def _after_month(self):
        return lazy_compile(rf"\b(?:{'|'.join(map(re.escape, self.months))})\s+$")

    # What every match contains (see _may_match): the last group of a space-grouped number, or
    # two dotted groups.
    _spaced = lazy_compile(r" (?<=\d )\d\d\d(?!\d)")
    _dotted = lazy_compile(r"\.(?<=\d\.)\d\d\d[.,]\d")

    def check(self, doc):
        text = doc.text
        if not self._may_match(text, doc.body_start):
            return
        for m in self._pattern.finditer(text, doc.body_start):
            number = m.group()
            if m.group("spaced"):
                if " " in number and self._after_month.search(text, max(0, m.start() - 12), m.start()):
                    continue
                suggestion = re.sub(r"\D", ",", number)
                what = "spaces"
            elif m.group("dotted"):
                suggestion, what = number.replace(".", ","), "dots"
            else:
                whole, frac = number.split(",")
                suggestion, what = f"{whole.replace('.', ',')}.{frac}", "dots and a decimal comma"
            yield self.finding(doc, m.start(), m.end(), f"Number '{number}' grouped with {what}; English writes '{suggestion}'.",
                               suggestion, fixable=True)

    def _may_match(self, text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start*. Most articles have no candidate;
        the searches start with a literal character, which re scans for in C, while _pattern (it
        starts with a look-behind) is tried at every position. Other spaces than " " are rare."""
        return bool(self._spaced.search(text, start) or self._dotted.search(text, start)
                    or not text.isascii() and any(space in text for space in _OTHER_SPACES))
