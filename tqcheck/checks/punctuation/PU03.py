import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches


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
    _pattern = re.compile(
        r"(?<=[^\s(\[])[ \t]+(?P<mark>[,;)\]]|[.:!?](?![.\w()])|n't\b|['’](?:s|re|ve|ll|m|d)\b)"
        r"|(?P<open>[(\[])[ \t]+(?=[^\s(\[])"
    )
    # What every match contains (a space before a mark, or a bracket before a space), searched
    # first; it starts with one character class, so re skips to candidates in C.
    _needs = re.compile(r"[ \t(\[](?:(?<=[ \t])(?:[,;)\].:!?'’]|n't)|(?<=[(\[])[ \t])")

    def check(self, doc):
        for m in iter_matches(self._pattern, doc, needs=self._needs):
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
