import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile


class MixedCorrelatives(Rule):
    """Mixed correlative conjunctions: "either ... nor" or "neither ... or".

    What it does: flags "either" when the same sentence continues with "nor", and "neither"
    when it continues with "or" and has no "nor".
    Why it matters: Russian "ни ... ни" and similar pairs come out as a mix of either/or and
    neither/nor; English wants "neither ... nor" or "either ... or".
    Example:
        flag: It has not attacked either the street, or the residence, nor the directorate.
        flag: He found neither the keys or the wallet.
        okay: It attacked neither the street nor the residence.
        okay: Either you leave or I do.
    """

    code = "GR02"
    name = "grammar.mixed-correlatives"
    category = "Fluency/Grammar"
    severity = Severity.MINOR

    _either = lazy_compile(r"\b(n?either)\b", re.IGNORECASE)
    _nor = lazy_compile(r"\bnor\b", re.IGNORECASE)
    _or = lazy_compile(r"\bor\b", re.IGNORECASE)

    def check(self, doc):
        text = doc.text
        for start, end in self._with_either(doc):
            for m in self._either.finditer(text, start, end):
                rest = text[m.end():end]
                if m.group(1).lower() == "either" and self._nor.search(rest):
                    yield self.finding(doc, m.start(), m.end(), "'either ... nor' mixes correlatives; use 'neither ... nor'.",
                                       "neither" if m.group(1).islower() else "Neither")
                elif m.group(1).lower() == "neither" and self._or.search(rest) and not self._nor.search(rest):
                    yield self.finding(doc, m.start(), m.end(), "'neither ... or' mixes correlatives; use 'neither ... nor'.")

    @staticmethod
    def _with_either(doc) -> list[tuple[int, int]]:
        """The sentences in which ``_either`` can match: those with "either" in them (any case)."""
        lowered = doc.index.lower
        if lowered is None:  # str.lower cannot stand in for re.IGNORECASE in this text
            return doc.sentences
        if "either" not in lowered:
            return []
        return [(start, end) for start, end in doc.sentences if lowered.find("either", start, end) >= 0]
