import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, lazy_compile

_DATA = "locale/times.yml"


class DottedTime(Rule):
    """A 24-hour time written with a dot ("at 15.30", "until 08.00").

    What it does: flags HH.MM after a time word (at, from, until, ...) or before a time zone
    when the hour is 13-23 or has a leading zero, which only a 24-hour clock writes.
    Why it matters: Russian and German write times as 15.30; English writes "3:30 p.m."
    (US), "3.30pm" (UK) or "15:30". "At 9.30" (British style) and prices are left alone.
    Example:
        flag: The meeting starts at 15.30 and lasts until 18.00.
        flag: The launch is planned for 08.15 Moscow time.
        okay: The meeting starts at 9.30am; the shares traded at 15.30 dollars, up from 13.20 USD.
        okay: The meeting starts at 15:30.
    """

    code = "LC04"
    name = "locale.dotted-time"
    category = "Locale convention/Time format"
    severity = Severity.MINOR

    time_words = Words(_DATA, "Words before a time (at, until).")
    time_zones = Words(_DATA, "Words after a time: places and time zones (Moscow, GMT).")
    not_time_words = Words(_DATA, "Words after a number that make it a 12-hour time, a price or a measure (pm, dollars, km).")

    @cached_property
    def _pattern(self):
        def alternatives(words):
            return "|".join(map(re.escape, words))

        return lazy_compile(
            rf"\b(?:{alternatives(self.time_words)})"
            rf"\s+(?P<time>(?P<hour>0\d|1[3-9]|2[0-3])\.(?P<minute>[0-5]\d))(?![\d.,%]|\s*(?:{alternatives(self.not_time_words)})\b)"
            r"|(?<![\d.,])(?P<time2>(?P<hour2>0\d|1[3-9]|2[0-3])\.(?P<minute2>[0-5]\d))"
            rf"(?=[ \t\u00a0]+(?:{alternatives(self.time_zones)})\b)",
            re.IGNORECASE,
        )
    # What every match contains (the time, not followed by a digit, dot, comma or "%"), searched
    # first: it starts with a literal character, which re scans for in C, while _pattern (it
    # starts with a word boundary) is tried at every position. Most articles have none.
    _needs = lazy_compile(r"\.(?<=0\d\.|1[3-9]\.|2[0-3]\.)[0-5]\d(?![\d.,%])")

    def check(self, doc):
        if not self._needs.search(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            group = "time" if m.group("time") else "time2"
            hour = m.group("hour") or m.group("hour2")
            minute = m.group("minute") or m.group("minute2")
            start, end = m.span(group)
            yield self.finding(doc, start, end, f"24-hour time '{m.group(group)}' written with a dot; "
                               "English writes '3:30 p.m.', '3.30pm' or '15:30'.", f"{hour}:{minute}", fixable=True)
