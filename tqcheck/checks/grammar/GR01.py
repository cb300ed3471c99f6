from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches, lazy_compile

# Words that are never capitalised mid-sentence in English; names are therefore never flagged.
FUNCTION_WORDS = (
    "a an the and or nor but yet so of in on at to for with from by as than that which who whom whose "
    "where when while if because although though whether is are was were has have had it its this these "
    "those he she they we his her their our not after before since until"
).split()


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

    _pattern = lazy_compile(r",[ \t]+(%s)(?=[ \t]+[a-z])" % "|".join(w.capitalize() for w in FUNCTION_WORDS))

    def check(self, doc):
        for m in iter_matches(self._pattern, doc):
            word = m.group(1)
            yield self.finding(doc, m.start(), m.end(), f"Capital '{word}' after a comma, mid-sentence.",
                               f", {word.lower()}", fixable=True)
