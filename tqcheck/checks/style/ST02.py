import re
from functools import cached_property

from tqcheck.checks.style.mixed import off_style
from tqcheck.finding import Severity
from tqcheck.options import Choice, Words, alternation
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.segment_words import word_runs

_DATA = "style/style.yml"
_ORDINAL = r"(?:st|nd|rd|th)"


class DateStyle(Rule):
    """Dates written two ways in one article ("February 10th" and "February 19", "10 February"
    and "February 19").

    What it does: reads the dates with a month name and a day; without a house choice, flags
    the dates of the rarer order (month-day or day-month) and, among month-day dates, those
    with or without an ordinal ending ("10th") when the article has both; with ``order`` ("mdy"
    for AP and Chicago, "dmy" for the Guardian) or ``ordinals`` ("no" in every stylebook) set,
    flags every date written otherwise.
    Why it matters: MT writes each sentence's date as its source suggests, so one article
    mixes forms; raters mark the mix as a date-format error.
    Example:
        flag: Talks began on February 10th and ended on February 19. They resume on March 2.
        flag: Talks began on 10 February and ended on February 19. They resume on March 2.
        okay: Talks began on February 10 and ended on February 19.
        okay: Talks began on 10 February and ended on 19 February.
    """

    code = "ST02"
    name = "style.date-style"
    category = "Locale convention/Date format"
    severity = Severity.MINOR

    order = Choice(_DATA, "The house order of day and month: 'mdy' or 'dmy' ('' takes no side).", ("mdy", "dmy"))
    ordinals = Choice(_DATA, "Ordinal endings on days ('February 10th'): 'yes' or 'no' ('' takes no side).", ("yes", "no"))
    months = Words("locale/months.yml", "Month names (LC03's list).")

    @cached_property
    def _date(self):
        months = alternation(sorted(self.months, key=len, reverse=True))
        return lazy_compile(
            rf"\b(?:(?P<md>(?:{months})\.? (?P<d1>[1-3]?\d)(?P<o1>{_ORDINAL})?)"
            rf"|(?P<dm>(?P<d2>[1-3]?\d)(?P<o2>{_ORDINAL})?(?: of)? (?:{months})\b))(?![\d:])")

    @cached_property
    def _month_words(self) -> frozenset[str] | None:
        """The month names, when each is one run of word characters (None otherwise)."""
        return word_runs(self.months)

    def check(self, doc):
        # A date's month name is a whole \w run of the text (a word boundary or a space before it,
        # a dot, a space or a word boundary after it), so one of the article's words: most
        # articles without one end here, before _date is tried at every word boundary.
        if self._month_words is not None and doc.index.words.isdisjoint(self._month_words):
            return
        dates = []
        for m in self._date.finditer(doc.text, doc.body_start):
            day = int(m.group("d1") or m.group("d2"))
            if not 1 <= day <= 31:
                continue
            dates.append((m, "mdy" if m.group("md") else "dmy", "yes" if m.group("o1") or m.group("o2") else "no"))
        if len(dates) < (1 if self.order or self.ordinals else 2):
            return
        reported = set()
        for choice, index, what in ((self.order, 1, "order"), (self.ordinals, 2, "ordinal ending")):
            forms = [(d[index], d[0].start(), d[0].end()) for d in dates]
            flagged, form = off_style(forms, choice)
            for _, start, end in flagged:
                if start in reported:
                    continue
                reported.add(start)
                text = doc.text[start:end]
                how = {"mdy": "month before day", "dmy": "day before month", "yes": "with an ordinal ending",
                       "no": "without an ordinal ending"}[form]
                where = "the house style writes dates" if choice else "other dates in this article are"
                yield self.finding(doc, start, end, f"Date '{text}': {where} {how}.", _restyle(text, form, what))


def _restyle(text: str, form: str, what: str) -> str | None:
    """*text* rewritten to *form*, where that is mechanical (the ordinal ending dropped or the
    order turned)."""
    m = re.fullmatch(rf"(?:(?P<month>[A-Z][a-z]+\.?) (?P<day>\d+){_ORDINAL}?|(?P<day2>\d+){_ORDINAL}?(?: of)? "
                     rf"(?P<month2>[A-Z][a-z]+))", text)
    if not m:
        return None
    day, month = m.group("day") or m.group("day2"), m.group("month") or m.group("month2")
    if what == "ordinal ending":
        return f"{month} {day}" if form == "no" and m.group("month") else f"{day} {month}" if form == "no" else None
    return f"{month} {day}" if form == "mdy" else f"{day} {month}"
