import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches


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

    _pattern = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)[ \u00a0\u202f\u2009]+%")

    def check(self, doc):
        for m in iter_matches(self._pattern, doc):
            yield self.finding(doc, m.start(), m.end(), "Space before the percent sign.", f"{m.group(1)}%", fixable=True)
