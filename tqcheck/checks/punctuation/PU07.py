from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches, lazy_compile


class MixedQuoteStyles(Rule):
    """Straight and curly quotation marks (or apostrophes) mixed in one article.

    What it does: counts straight (") and curly (“ ”) double quotes, and straight (') and curly
    (’) apostrophes inside words, over the whole article; when both styles occur, flags each
    mark of the less frequent style (straight ones on a tie).
    Why it matters: an article assembled from MT output of several segments, or post-edited in
    another editor, ends up with both styles; house styles pick one. Off by default: human
    translations mix styles as often as MT does (dev corpus: 0.11 findings per reference
    article, 0.05 per MT article), so it is a house-style check, not an MT signal.
    Example:
        flag: He called it “a total overkill”. Later he said "no".
        flag: Ukraine’s army and Russia's army.
        okay: He called it “a total overkill”. Later he said “no”.
        okay: He called it "a total overkill". Later he said "no".
    """

    code = "PU07"
    name = "punctuation.mixed-quote-styles"
    category = "Fluency/Inconsistency"
    severity = Severity.MINOR
    default_enabled = False

    _double = lazy_compile("(?P<straight>\")|(?P<curly>[\u201c\u201d])")
    _apostrophe = lazy_compile("(?<=\\w)(?:(?P<straight>')|(?P<curly>\u2019))(?=\\w)")

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for pattern, what in ((self._double, "quotation marks"), (self._apostrophe, "apostrophes")):
            marks = [(m.start(), m.lastgroup) for m in iter_matches(pattern, doc)]
            straight = sum(1 for _, style in marks if style == "straight")
            curly = len(marks) - straight
            if not straight or not curly:
                continue
            minority = "straight" if straight <= curly else "curly"
            majority_count = max(straight, curly)
            for pos, style in marks:
                if style == minority:
                    other = "curly" if minority == "straight" else "straight"
                    yield self.finding(doc, pos, pos + 1,
                                       f"{minority.capitalize()} {what[:-1]} in an article that uses {other} "
                                       f"{what} ({majority_count} of {len(marks)}).")

    @staticmethod
    def _may_match(text: str, start: int) -> bool:
        """False only when the text has one style of quotation marks and one of apostrophes (a
        finding needs both styles of either): C searches, while the patterns are tried at every
        position."""
        return '"' in text and ("\u201c" in text or "\u201d" in text) or "'" in text and "\u2019" in text
