import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, lazy_compile


class DottedDate(Rule):
    """A date written day.month.year ("04.05.2023").

    What it does: flags dd.mm.yyyy dates (day 1-31, month 1-12, a four-digit year) and
    suggests the date spelt out.
    Why it matters: Russian, German and other European conventions write dates with dots; an
    English reader may take 04.05.2023 for April 5 (US order). English news style spells the
    month out.
    Example:
        flag: The decree was signed on 04.05.2023 in Moscow.
        okay: The decree was signed on May 4, 2023 in Moscow.
        okay: Version 1.10.2023 of the package; a score of 12.05.
    """

    code = "LC01"
    name = "locale.dotted-date"
    category = "Locale convention/Date format"
    severity = Severity.MINOR

    _pattern = lazy_compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:1[89]|20)\d\d)(?!\.?\d)")
    version_words = Words("locale/versions.yml", "Words before a dotted number that make it a version (version, v).")

    # What every match contains (the dot before the year, and the year), searched first: it starts
    # with a literal character, which re scans for in C, while _pattern (it starts with a
    # look-behind) is tried at every position. Most articles have none.
    _needs = lazy_compile(r"\.(?<=\d\.)(?:1[89]|20)\d\d(?!\.?\d)")

    @cached_property
    def _version(self):
        return lazy_compile(rf"(?i)\b(?:{'|'.join(map(re.escape, self.version_words))})\s*$")

    def check(self, doc):
        text = doc.text
        if not self._needs.search(text, doc.body_start):
            return
        for m in self._pattern.finditer(text, doc.body_start):
            if self._version.search(text, max(0, m.start() - 12), m.start()):
                continue
            import calendar  # here, on the first date: most runs never need it (start-up time)

            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
            spelt = f"{calendar.month_name[month]} {day}, {year}"
            yield self.finding(doc, m.start(), m.end(), f"Date '{m.group()}' in day.month.year form; spell the month out.",
                               spelt, fixable=False)
