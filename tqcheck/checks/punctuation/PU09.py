import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches

_SPACE_NAMES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u2009": "thin space",
                "\u2007": "figure space"}


class FrenchSpacing(Rule):
    """A (narrow) no-break space before ; : ! or ?, the French convention.

    What it does: flags a no-break, narrow no-break, thin or figure space between a word and
    a following ; : ! or ?.
    Why it matters: French typography sets these marks off with a fixed space; MT from French
    (and text pasted from French layouts) keeps the invisible space, which English does not
    use. Ordinary spaces before these marks are PU03's job.
    Example:
        flag: Attention\u202f: the road is closed\u00a0!
        okay: Attention: the road is closed!
    """

    code = "PU09"
    name = "punctuation.french-spacing"
    category = "Locale convention/Punctuation"
    severity = Severity.MINOR

    _pattern = re.compile("(?<=\\S)[\u00a0\u202f\u2009\u2007]+(?P<mark>[;:!?])")

    def check(self, doc):
        for m in iter_matches(self._pattern, doc):
            space = _SPACE_NAMES[m.group()[0]]
            yield self.finding(doc, m.start(), m.end(), f"French spacing: {space} before '{m.group('mark')}'.",
                               m.group("mark"), fixable=True)
