import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

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

    _bracket = lazy_compile(r"[()\[\]]")
    # "1)", "b)", "iv)" at the start of a line or after a space: an enumerator, not a bracket.
    _enumerator = lazy_compile(r"(?:^|(?<=\s))(?:\d{1,2}|[A-Za-z]|[ivx]{2,4})\)", re.MULTILINE)
    _enumerator_before = lazy_compile(_enumerator.pattern + r"\Z", re.MULTILINE)  # one that ends where the search ends
    _emoticon = lazy_compile(r"[:;]-?[()\[\]](?!\w)")

    def check(self, doc):
        text = doc.text
        if not self._may_match(text, doc.body_start):
            return
        for start, end in doc.paragraphs:
            stack: list[int] = []
            for m in self._bracket.finditer(text, start, end):
                pos, char = m.start(), m.group()
                if self._is_emoticon(text, pos, start, end) or not stack and self._is_enumerator(text, pos, start):
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

    @staticmethod
    def _may_match(text: str, start: int) -> bool:
        """False only when _bracket cannot match from *start* (every finding is at a bracket): four
        C searches, faster than the class scan of re."""
        return "(" in text or ")" in text or "[" in text or "]" in text

    def _is_emoticon(self, text: str, pos: int, start: int, end: int) -> bool:
        """Whether the bracket at *pos* ends a match of _emoticon in the paragraph text[start:end]
        (":)", ";-("): tested at the few brackets instead of scanning every paragraph."""
        for begin in (pos - 1, pos - 2):
            if begin >= start and text[begin] in ":;":
                m = self._emoticon.match(text, begin, end)
                return m is not None and m.end() == pos + 1
        return False

    def _is_enumerator(self, text: str, pos: int, start: int) -> bool:
        """Whether the bracket at *pos* ends a match of _enumerator in a paragraph starting at *start*:
        a match has at most five characters, so it lies in the window searched."""
        return text[pos] == ")" and self._enumerator_before.search(text, max(start, pos - 4), pos + 1) is not None
