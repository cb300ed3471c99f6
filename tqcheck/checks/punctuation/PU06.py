from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

# Characters after which a straight quote opens, and before which it closes.
_OPENS_AFTER = "([{\u2014\u2013-/\u2018'"
_CLOSES_BEFORE = ".,;:!?)]}\u2026\u2014\u2013-\u2019'"


class UnbalancedQuotes(Rule):
    """A double quotation mark without its partner.

    What it does: pairs double quotes (“ ”, and straight " by their position next to words)
    paragraph by paragraph; flags a closing quote that closes nothing and an opening quote that
    is never closed. A quotation that runs on into the next paragraph (which then opens with a
    quote, the English convention) is not flagged, nor one that runs on without reopening
    quotes and is closed in a later paragraph. Single quotes are not paired: ’ and ' are also
    apostrophes.
    Why it matters: MT loses one half of a quotation when it restructures the sentence, so the
    reader cannot tell where the quotation ends.
    Example:
        flag: He called it “a total overkill and left.
        flag: He called it a total overkill” and left.
        flag: Cyanuric acid and melamine" were both found.
        okay: He called it “a total overkill” and left.
        okay: He called it "a total overkill" and left.
        okay: “The first paragraph of a long quotation.\\n\\n“The second one ends here,” he said.
        okay: “Your Eminence,\\n\\nI congratulate you,” the letter reads.
    """

    code = "PU06"
    name = "punctuation.unbalanced-quotes"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    _quote = lazy_compile("[\"\u201c\u201d]")
    # In ASCII text the only quote: re scans for a literal character in C, for a class char by char.
    _straight_quote = lazy_compile('"')
    _opening_next = lazy_compile("\\s*[\"\u201c]")

    def check(self, doc):
        text = doc.text
        if not self._may_match(text, doc.body_start):
            return
        quote = self._straight_quote if text.isascii() else self._quote
        paragraphs = doc.paragraphs
        # An opening quote left open at the end of a paragraph whose successor does not reopen:
        # it may still be closed by the first quote of a later paragraph (a long quotation
        # whose writer skipped the reopening quotes).
        pending: int | None = None
        for i, (start, end) in enumerate(paragraphs):
            opened: int | None = None
            for m in quote.finditer(text, start, end):
                pos = m.start()
                if self._opens(text, pos, start, end, opened):
                    for unclosed in (pending, opened):
                        if unclosed is not None:
                            yield self._unclosed(doc, unclosed)
                    pending, opened = None, pos
                elif opened is None and pending is None:
                    yield self.finding(doc, pos, pos + 1, f"Closing quotation mark '{text[pos]}' without an opening one.")
                else:
                    pending = opened = None
            runs_on = i + 1 < len(paragraphs) and self._opening_next.match(text, paragraphs[i + 1][0])
            if opened is not None and not runs_on:
                pending = opened
        if pending is not None:
            yield self._unclosed(doc, pending)

    @staticmethod
    def _may_match(text: str, start: int) -> bool:
        """False only when _quote cannot match from *start* (every finding is at a quotation mark)."""
        return '"' in text or "\u201c" in text or "\u201d" in text

    @staticmethod
    def _opens(text: str, pos: int, start: int, end: int, opened: int | None) -> bool:
        char = text[pos]
        if char != '"':
            return char == "\u201c"
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        open_side = before.isspace() or before in _OPENS_AFTER
        close_side = after.isspace() or after in _CLOSES_BEFORE
        if open_side != close_side:
            return open_side
        return opened is None  # spaced on both sides or neither: alternate

    def _unclosed(self, doc, pos: int):
        return self.finding(doc, pos, pos + 1, f"Opening quotation mark '{doc.text[pos]}' is never closed.")
