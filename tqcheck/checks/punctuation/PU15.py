import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches


class PunctuationAfterArticle(Rule):
    """Punctuation right after "the", "a" or "an".

    What it does: flags a comma, semicolon, colon, question or exclamation mark directly after a
    lower-case article ("In the; next round", "expands a, proposal").
    Why it matters: an article always needs its noun, so punctuation after it means a word
    was dropped or a mark was inserted in the wrong place: both are MT errors.
    Example:
        flag: In the; next knockout round, Real Madrid would be waiting.
        flag: The letter expands a, proposal to cooperate.
        okay: In the next knockout round, Real Madrid would be waiting; type A, B or C.
    """

    code = "PU15"
    name = "punctuation.after-article"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    _pattern = re.compile(r"(?<![\w'’-])(?:the|a|an)(?P<mark>[,;:!?])(?=\s)")

    def check(self, doc):
        for m in iter_matches(self._pattern, doc):
            at = m.start("mark")
            yield self.finding(doc, at, at + 1, f"'{m.group('mark')}' right after the article "
                               f"'{m.group()[:-1]}': a word is missing or the mark is misplaced.")
