from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

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

    _pattern = lazy_compile("(?<=\\S)[\u00a0\u202f\u2009\u2007]+(?P<mark>[;:!?])")

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            space = _SPACE_NAMES[m.group()[0]]
            yield self.finding(doc, m.start(), m.end(), f"French spacing: {space} before '{m.group('mark')}'.",
                               m.group("mark"), fixable=True)

    @staticmethod
    def _may_match(text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start* (the whole text is tested): every match starts with one of the spaces, and a
        few C searches for them beat the class scan of re (most texts are ASCII)."""
        return not text.isascii() and any(space in text for space in _SPACE_NAMES)
