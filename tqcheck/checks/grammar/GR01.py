import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, iter_matches, lazy_compile


class CapitalAfterComma(Rule):
    """Capitalised function word after a comma.

    What it does: flags ", Or the", ", And then": a capitalised function word (and, or, the, of ...)
    right after a comma, followed by a lower-case word.
    Why it matters: MT systems that translate line by line carry a line-initial capital into the
    middle of a sentence. Names ("Moscow, The Hague") are not function words followed by a
    lower-case word, so they are not flagged.
    Example:
        flag: He attacked neither the street, Or the residence.
        okay: He attacked neither the street, or the residence.
        okay: She lives in The Hague, The Netherlands.
    """

    code = "GR01"
    name = "grammar.capital-after-comma"
    category = "Fluency/Grammar"
    severity = Severity.MINOR

    function_words = Words("grammar/function-words.yml", "Words never capitalised in mid-sentence (and, or, the).")

    @cached_property
    def _pattern(self):
        words = "|".join(re.escape(w.capitalize()) for w in self.function_words)
        return lazy_compile(rf",[ \t]+({words})(?=[ \t]+[a-z])")

    def check(self, doc):
        for m in iter_matches(self._pattern, doc):
            word = m.group(1)
            yield self.finding(doc, m.start(), m.end(), f"Capital '{word}' after a comma, mid-sentence.",
                               f", {word.lower()}", fixable=True)
