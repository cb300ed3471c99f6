from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches, lazy_compile


class ForeignQuotes(Rule):
    """Quotation marks of another language's typography.

    What it does: flags guillemets (« », ‹ ›) and low-9 opening quotes („ ‚) in English text.
    Why it matters: MT keeps the source's quotation marks; English uses “ ” and ‘ ’.
    Example:
        flag: He called it «a total overkill».
        flag: He called it „a total overkill“.
        okay: He called it “a total overkill”.
    """

    code = "PU02"
    name = "punctuation.foreign-quotes"
    category = "Locale convention/Punctuation"
    severity = Severity.MINOR

    _pattern = lazy_compile("[«»‹›„‚]")
    _english = {"«": "“", "»": "”", "‹": "‘", "›": "’", "„": "“", "‚": "‘"}

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in iter_matches(self._pattern, doc):
            char = m.group()
            yield self.finding(doc, m.start(), m.end(), f"Foreign quotation mark '{char}'; English uses “ ” and ‘ ’.",
                               self._english[char], fixable=True)

    @staticmethod
    def _may_match(text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start*: the marks are not ASCII, and most
        texts are (one C test)."""
        return not text.isascii()
