from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

# Words after which a hyphen may hang: "mono- and disaccharides", "pre- or post-war", "two- to three-hour".
_SUSPENSION = r"(?:and|or|nor|to|and/or|versus|vs\.?|through|&)\b"


class DanglingHyphen(Rule):
    """A hyphen glued to the end of a word and followed by a space.

    What it does: flags "word- word" where the hyphen neither joins two words nor suspends a
    compound ("mono- and disaccharides").
    Why it matters: MT output, broken line-end hyphenation and punctuation noise leave a
    hyphen hanging after a word ("the shooters- participating", "infor- mation").
    Example:
        flag: Rangers monitor shooters- participating in the trials.
        flag: The infor- mation was published.
        okay: The sugars include mono- and disaccharides, a two- to three-hour wait, and pre- or post-war data.
        okay: A well-known expert.
    """

    code = "PU13"
    name = "punctuation.dangling-hyphen"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    # The look-behind comes after the hyphen (same matches): a pattern that starts with a literal
    # character lets re scan for it in C instead of trying the pattern at every position.
    _pattern = lazy_compile(rf"-(?<=[^\W\d_]-)(?= (?!{_SUSPENSION})[^\W\d_])")

    def check(self, doc):
        for m in self._pattern.finditer(doc.text, doc.body_start):
            yield self.finding(doc, m.start(), m.end(), "Hyphen hanging after a word.")
