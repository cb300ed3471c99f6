from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile


class SpacedPercent(Rule):
    """A space between a number and its percent sign ("12 %").

    What it does: flags a space, no-break space or narrow no-break space between a number and
    "%", and suggests the closed-up form.
    Why it matters: French, Russian and German typography space the percent sign off; English
    writes "12%".
    Example:
        flag: Sales fell by almost 12 %.
        flag: Sales fell by almost 12\u00a0%.
        okay: Sales fell by almost 12%.
    """

    code = "LC06"
    name = "locale.spaced-percent"
    category = "Locale convention/Number format"
    severity = Severity.MINOR

    _pattern = lazy_compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)[ \u00a0\u202f\u2009]+%")
    # What every match contains (a spaced "%"), searched first: a pattern that starts with a
    # literal character is scanned for in C, while _pattern (it starts with a look-behind) is
    # tried at every position. Most articles have none.
    _needs = lazy_compile("%(?<=[ \u00a0\u202f\u2009]%)")

    def check(self, doc):
        if not self._needs.search(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            yield self.finding(doc, m.start(), m.end(), "Space before the percent sign.", f"{m.group(1)}%", fixable=True)
