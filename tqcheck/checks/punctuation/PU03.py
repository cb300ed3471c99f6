import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

#: What should touch the previous word: closing punctuation and the second half of a contraction.
_MARK = r"[,;)\]]|[.:!?](?![.\w()])|n't\b|['’](?:s|re|ve|ll|m|d)\b"


class SpaceBeforePunctuation(Rule):
    """Space before a comma, full stop or other closing punctuation.

    What it does: flags "word ,", "word .", "word ;", "word )", "( word" and split contractions
    ("do n't", "it 's"), the way a tokeniser writes text.
    Why it matters: MT pipelines that detokenise badly leave every punctuation mark spaced off;
    English sets , . ; : ! ? ) against the preceding word. Ellipses ("and so on ..."), decimals
    and names such as ".NET" are left alone; spaces made by removing markup do not count.
    Example:
        flag: In early February , several people verified the discovery .
        flag: The results were announced ( on Tuesday ) .
        flag: They do n't agree.
        okay: In early February, several people verified the discovery.
        okay: He paused ... and went on.
        okay: The .NET runtime and a .45 calibre pistol.
    """

    code = "PU03"
    name = "punctuation.space-before-punctuation"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    # Group "mark" is what should touch the previous word; "open" a bracket with a space after it.
    # The look-behinds come after the first character (same matches): a pattern that starts with
    # a character class is tried only at those characters, not at every position.
    _pattern = lazy_compile(rf"[ \t(\[](?:(?<=[^\s(\[][ \t])[ \t]*(?P<mark>{_MARK})|(?<=(?P<open>[(\[]))[ \t]+(?=[^\s(\[]))")
    # What every match contains where the text has no tab: a space before the first character of a
    # mark, or a bracket before a space. One pattern per such character, searched where it occurs:
    # re scans for a literal character in C, for a class char by char.
    _spaced_mark = {mark: lazy_compile(rf"{re.escape(mark)}(?<= {re.escape(mark)})") for mark in ",;)]"}
    _spaced_mark.update({mark: lazy_compile(rf"{re.escape(mark)}(?<= {re.escape(mark)})(?![.\w()])") for mark in ".:!?"})
    _spaced_mark["'"] = lazy_compile(r"'(?:(?<= ')(?:s|re|ve|ll|m|d)\b|(?<= n')t\b)")
    _spaced_mark["’"] = lazy_compile(r"’(?<= ’)(?:s|re|ve|ll|m|d)\b")
    _spaced_mark.update({bracket: lazy_compile(rf"\{bracket}[ \t]") for bracket in "(["})

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            if doc.raw[m.start():m.end()] != m.group():
                continue  # the space is blanked markup (an HTML tag, a Markdown link target)
            if m.group("mark") == ":" and doc.text[m.end():m.end() + 1].isdigit():
                continue  # a score or ratio, "3 :1"
            if m.group("open"):
                yield self.finding(doc, m.start(), m.end(), f"Space after opening '{m.group('open')}'.",
                                   m.group("open"), fixable=True)
            else:
                mark = m.group("mark")
                yield self.finding(doc, m.start(), m.end(), f"Space before '{mark}'.", mark, fixable=True)

    def _may_match(self, text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start*. Most articles have no candidate, and
        the searches for one are faster than _pattern, which stops at every space."""
        return "\t" in text or any(char in text and quick.search(text, start) for char, quick in self._spaced_mark.items())
