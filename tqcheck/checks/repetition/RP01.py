import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches

# Doubles that English grammar produces on purpose ("had had", "that that").
GRAMMATICAL_DOUBLES = frozenset({"had", "that", "is", "do", "bye", "so", "ha", "no", "tut", "hush", "knock", "very"})


class DoubledWord(Rule):
    """The same word twice in a row.

    What it does: flags "the the", "to to": a word immediately repeated (case-insensitive).
    Why it matters: a typical decoder glitch of MT, and an error an editor always fixes.
    Grammatical doubles ("had had", "that that") are left alone.
    Example:
        flag: The drones were aimed at the the Kremlin.
        okay: He had had enough.
        okay: The Kremlin said that that was false.
    """

    code = "RP01"
    name = "repetition.doubled-word"
    category = "Fluency/Grammar"
    severity = Severity.MINOR

    _pattern = re.compile(r"\b([^\W\d_]+)\s+(\1)\b", re.IGNORECASE)

    def check(self, doc):
        for m in iter_matches(self._pattern, doc):
            if m.group(1).lower() in GRAMMATICAL_DOUBLES:
                continue
            yield self.finding(doc, m.start(), m.end(), f"Doubled word '{m.group(1)}'.", m.group(1), fixable=True)
