import re
import unicodedata

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches


class InvisibleCharacter(Rule):
    """An invisible or broken character inside the text.

    What it does: flags zero-width spaces, word joiners, byte-order marks after the start, soft
    hyphens, bidirectional controls, control characters and the replacement character (U+FFFD).
    Zero-width (non-)joiners, which some scripts and emoji need, are left alone.
    Why it matters: these characters come from copy-paste, broken encodings and markup
    conversion; they break search, word counts and hyphenation, and U+FFFD means a character
    was lost.
    Example:
        flag: The Kremlin\u200b said so.
        flag: The Kremlin \ufffd said so.
        okay: The Kremlin said so.
    """

    code = "PU12"
    name = "punctuation.invisible-character"
    category = "Fluency/Character encoding"
    severity = Severity.MINOR

    _pattern = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd"
                          "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")

    def check(self, doc):
        for m in iter_matches(self._pattern, doc):
            names = sorted({unicodedata.name(c, f"U+{ord(c):04X}") for c in m.group()})
            lost = "\ufffd" in m.group()
            message = ("Replacement character (U+FFFD): a character was lost in an encoding conversion." if lost
                       else f"Invisible character ({', '.join(n.lower() for n in names)}).")
            yield self.finding(doc, m.start(), m.end(), message, None if lost else "", fixable=not lost)
