import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile


class MissingSpaceAfterPunctuation(Rule):
    """No space after a full stop, question mark, comma or semicolon between two words.

    What it does: flags "martial arts.Professor", "arts,and" and "first;second": sentence or clause
    punctuation glued to the next word.
    Why it matters: MT systems that translate sentence by sentence and concatenate the output
    drop the space between sentences. Abbreviations and initials ("U.S.", "Ph.D."), domain names
    ("example.com") and numbers ("1,500", "3.5") are left alone.
    Example:
        flag: It is a platform for martial arts.Professor Wilk disagrees.
        flag: The talks ended,and nobody spoke.
        okay: It is a platform for martial arts. Professor Wilk disagrees.
        okay: The U.S. Army and Ph.D. students read Chinanews.com daily.
        okay: It cost 1,500 dollars, or 3.5 times more.
    """

    code = "PU04"
    name = "punctuation.missing-space-after"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    # A lower-case word of 2+ letters (so not an initial or "U.S"), the mark, then a capitalised
    # word; or a comma/semicolon between two lower-case words.
    _pattern = lazy_compile(r"(?<![\w.@/])(?:[a-z]{2,}|\d+)(?P<mark>[.!?])(?=[A-Z][a-z]*\b(?![.\-/]\w))"
                          r"|(?<![\w.@/])[a-z]{2,}(?P<mark2>[,;])(?=[a-z]{2,}\b)")
    # What every match contains (the mark between a word's last character and the next word's
    # first: "xx.Y" or "xx,yy"), searched first for each mark that occurs in the text: each pattern
    # starts with a literal character, which re scans for in C, while _pattern (it starts with a
    # look-behind) is tried at every position. Most articles have none.
    _glued_mark = {mark: lazy_compile(rf"{re.escape(mark)}(?=[A-Z])(?:(?<=[a-z][a-z].)|(?<=\d.))") for mark in ".!?"}
    _glued_mark.update({mark: lazy_compile(rf"{mark}(?=[a-z][a-z])(?<=[a-z][a-z].)") for mark in ",;"})

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            mark = m.group("mark") or m.group("mark2")
            at = m.end() - 1
            yield self.finding(doc, at, at + 1, f"No space after '{mark}'.", f"{mark} ", fixable=True)

    def _may_match(self, text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start*."""
        return any(mark in text and quick.search(text, start) for mark, quick in self._glued_mark.items())
