from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches, lazy_compile


class SpacedEnDash(Rule):
    """Spaced en dash used as a sentence dash.

    What it does: flags an en dash with a space on each side between words ("located – Ed.").
    Why it matters: Russian, German and French typography set a spaced en dash where English
    uses an em dash; MT copies the source's character. Number ranges ("10 – 12") are left alone.
    Off by default: British house styles (BBC, Guardian) set a spaced en dash as their dash, and on
    the development corpus it fired more often on the human references (0.11 per article) than on
    MT (0.02), with none of its 9 findings on MQM-rated text inside a human error span. Select it
    for a house style that uses em dashes; the seed's "– Ed." note is still flagged by MK02.
    Example:
        flag: The quarter is located – Ed.
        flag: He came – and left.
        okay: He came — and left.
        okay: pages 10 – 12
        okay: the 2014–2015 season
    """

    code = "PU01"
    name = "punctuation.spaced-en-dash"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    default_enabled = False

    # The look-behind comes after the literal (same matches): re then scans for " – " in C instead
    # of trying the pattern at every position.
    _pattern = lazy_compile(r" \u2013 (?<=\S \u2013 )(?=\S)")

    def check(self, doc):
        text = doc.text
        for m in iter_matches(self._pattern, doc):
            if text[m.start() - 1].isdigit() and text[m.end()].isdigit():
                continue
            dash = m.start() + 1
            yield self.finding(doc, dash, dash + 1, "Spaced en dash used as a dash; English uses an em dash (—).",
                               "—", fixable=True)
