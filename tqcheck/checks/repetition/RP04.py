import re

from tqcheck.checks.repetition.RP01 import SEPARATOR
from tqcheck.checks.repetition.tokens import TOKEN, may_repeat
from tqcheck.finding import Severity
from tqcheck.options import WordSet
from tqcheck.rule import Rule, iter_matches, lazy_compile


class WordLoop(Rule):
    """The same word three or more times in a row.

    What it does: flags "assessed assessed assessed", "food food food food", "60 60 60": one
    word, number or name repeated at least three times with only spaces between.
    Why it matters: a decoder stuck in a loop, one of the commonest hallucinations of neural MT;
    the text around it is often damaged too. Laughter and sounds ("ha ha ha") are left alone,
    and in spoken text (a transcript) a word said three times ("no no no").
    Example:
        flag: Their effectiveness was assessed assessed assessed assessed.
        flag: He died at the age of 60 60 60 60.
        okay: Their effectiveness was assessed.
        okay: "Ha ha ha," he said.
    """

    code = "RP04"
    name = "repetition.word-loop"
    category = "Fluency/Grammar"
    severity = Severity.MAJOR

    onomatopoeia = WordSet("repetition/intended-repeats.yml", "Sounds written as a loop on purpose (ha ha ha).")

    _pattern = lazy_compile(rf"(?<![\w'’-])({TOKEN})(?:{SEPARATOR}\1(?![\w'’-])){{2,}}", re.IGNORECASE)

    #: In speech (``Document.spoken``), a word said three times is the speaker's.
    min_times_in_speech = 4

    def check(self, doc):
        if not may_repeat(doc, 3):
            return
        for m in iter_matches(self._pattern, doc):
            word = m.group(1)
            if word.lower() in self.onomatopoeia:
                continue
            times = len(m.group().split())
            if doc.spoken and times < self.min_times_in_speech:
                continue  # "no no no": a speaker's, not a decoder's
            yield self.finding(doc, m.start(), m.end(), f"'{word}' repeated {times} times in a row.", word, fixable=True)
