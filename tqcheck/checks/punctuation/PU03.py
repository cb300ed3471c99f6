import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule

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
    _pattern = re.compile(rf"(?<=[^\s(\[])[ \t]+(?P<mark>{_MARK})|(?P<open>[(\[])[ \t]+(?=[^\s(\[])")
    # What every match contains where the text has no tab and no "[" (see _may_match): a space
    # before a mark, or "(" before a space.
    _spaced_mark = re.compile(rf" (?:{_MARK})")
    _spaced_bracket = re.compile(r"\([ \t]")

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
        """False only when _pattern cannot match from *start*. Most articles have no candidate;
        the searches start with a literal character, which re scans for in C, while _pattern (it
        starts with a look-behind) is tried at every position."""
        return ("\t" in text or "[" in text or self._spaced_mark.search(text, start) is not None
                or self._spaced_bracket.search(text, start) is not None)
