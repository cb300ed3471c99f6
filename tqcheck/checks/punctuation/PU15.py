import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile


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

    _pattern = lazy_compile(r"(?<![\w'’-])(?:the|a|an)(?P<mark>[,;:!?])(?=\s)")
    # What every match contains (its mark after an article), searched first for each mark that
    # occurs in the text: each pattern starts with a literal character, which re scans for in C,
    # while _pattern (it starts with a look-behind) is tried at every position.
    _mark_after_article = {mark: lazy_compile(rf"{re.escape(mark)}(?=\s)(?:(?<=\bthe.)|(?<=\ban.)|(?<=\ba.))")
                           for mark in ",;:!?"}

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            at = m.start("mark")
            yield self.finding(doc, at, at + 1, f"'{m.group('mark')}' right after the article "
                               f"'{m.group()[:-1]}': a word is missing or the mark is misplaced.")

    def _may_match(self, text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start*."""
        return any(mark in text and quick.search(text, start) for mark, quick in self._mark_after_article.items())
