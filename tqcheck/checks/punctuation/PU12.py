import unicodedata

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

#: Tab, line breaks and the printable ASCII characters: the ASCII that _pattern never matches.
_PLAIN_ASCII = b"\t\n\r" + bytes(range(0x20, 0x7F))


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

    _pattern = lazy_compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd"
                          "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            names = sorted({unicodedata.name(c, f"U+{ord(c):04X}") for c in m.group()})
            lost = "\ufffd" in m.group()
            message = ("Replacement character (U+FFFD): a character was lost in an encoding conversion." if lost
                       else f"Invisible character ({', '.join(n.lower() for n in names)}).")
            yield self.finding(doc, m.start(), m.end(), message, None if lost else "", fixable=not lost)

    @staticmethod
    def _may_match(text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start* (the whole text is tested): an ASCII text with nothing left once its plain
        characters are deleted (in C, faster than the class scan of re)."""
        return not text.isascii() or bool(text.encode("ascii").translate(None, _PLAIN_ASCII))
