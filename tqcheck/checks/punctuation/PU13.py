from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words, alternation
from tqcheck.rule import Rule, lazy_compile


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

    suspension_words = Words("punctuation/suspended-hyphens.yml", "Words after which a hyphen may hang (mono- and di-).")

    # The look-behind comes after the hyphen (same matches): a pattern that starts with a literal
    # character lets re scan for it in C instead of trying the pattern at every position.
    @cached_property
    def _pattern(self):
        return lazy_compile(rf"-(?<=[^\W\d_]-)(?= (?!(?:{alternation(self.suspension_words)})\b)[^\W\d_])")

    def check(self, doc):
        for m in self._pattern.finditer(doc.text, doc.body_start):
            yield self.finding(doc, m.start(), m.end(), "Hyphen hanging after a word.")
