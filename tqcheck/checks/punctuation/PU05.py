import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule

_PAIRS = {")": "(", "]": "["}


class UnbalancedBrackets(Rule):
    """A bracket without its partner in the same paragraph.

    What it does: pairs ( ) and [ ] paragraph by paragraph and flags a closing bracket with no
    opening one, an opening bracket never closed, and a "(" closed by "]".
    Why it matters: MT drops or duplicates brackets when it reorders a clause, leaving an
    aside that never ends. List markers ("1)", "a)") and emoticons (":)") are not brackets.
    Example:
        flag: The station (opened in 1998 was closed.
        flag: The station opened in 1998) and closed in 2020.
        flag: The station (opened in 1998] was closed.
        okay: The station (opened in 1998) was closed.
        okay: Options: a) wait, b) leave.
        okay: On Friday (February 10) it was closed.
    """

    code = "PU05"
    name = "punctuation.unbalanced-brackets"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    _bracket = re.compile(r"[()\[\]]")
    # "1)", "b)", "iv)" at the start of a line or after a space: an enumerator, not a bracket.
    _enumerator = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}|[A-Za-z]|[ivx]{2,4})\)", re.MULTILINE)
    _emoticon = re.compile(r"[:;]-?[()\[\]](?!\w)")

    def check(self, doc):
        text = doc.text
        if not self._bracket.search(text, doc.body_start):
            return  # every finding is at a bracket
        for start, end in doc.paragraphs:
            enumerators = {m.end() - 1 for m in self._enumerator.finditer(text, start, end)}
            emoticons = {m.end() - 1 for m in self._emoticon.finditer(text, start, end)}
            stack: list[int] = []
            for m in self._bracket.finditer(text, start, end):
                pos, char = m.start(), m.group()
                if pos in emoticons or pos in enumerators and not stack:
                    continue
                if char in "([":
                    stack.append(pos)
                elif not stack:
                    yield self.finding(doc, pos, pos + 1, f"Closing '{char}' without an opening '{_PAIRS[char]}'.")
                elif text[stack[-1]] != _PAIRS[char]:
                    opened = text[stack.pop()]
                    yield self.finding(doc, pos, pos + 1, f"'{opened}' is closed by '{char}'.",
                                       ")" if opened == "(" else "]", fixable=True)
                else:
                    stack.pop()
            for pos in stack:
                yield self.finding(doc, pos, pos + 1, f"'{text[pos]}' is never closed in this paragraph.")
