from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

#: An apostrophe after a word, before a space: a possessive ("pets'"), a closing quote, or stray.
# The lookbehinds come after the quote mark (same matches): a pattern that starts with a character
# class lets re jump from quote mark to quote mark in C.
_TRAILING = lazy_compile(r"['’](?<=[^\W_]['’]|%['’])(?=[ \t\n,.;:!?])")
#: The same for each quote mark alone: re scans for one literal character in C, for a class char by char.
_TRAILING_BY_MARK = {mark: lazy_compile(_TRAILING.pattern.replace("['’]", mark)) for mark in "'’"}
#: An opening single quote: after a space or bracket, before a letter.
_OPENING = lazy_compile(r"['‘](?:(?<=^['‘])|(?<=[\s(\[\"“]['‘]))(?=\w)")


class StrayApostrophe(Rule):
    """An apostrophe after a word that is neither a plural possessive nor a closing quote.

    What it does: flags ' or ’ glued to the end of a word (not ending in "s" or "z") when no
    single quotation has been opened in the paragraph before it ("have' been", "85%' of").
    Why it matters: noisy MT output and careless editing leave stray apostrophes that look
    like typos. Plural possessives ("the pets' owners", "Mercedes' shares"), dropped-g
    speech ("goin'") and closing single quotes ('the 'so-called' plan') are left alone.
    Example:
        flag: Since then, 91,000 lives have' been claimed.
        flag: Catri said that 85%' of new cases were young.
        okay: The pets' owners and Mercedes' shares; he said 'nothin' doin' today.
        okay: He called it a 'temporary' measure.
    """

    code = "PU16"
    name = "punctuation.stray-apostrophe"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    def check(self, doc):
        text = doc.text
        if not self._may_match(text, doc.body_start):
            return
        for start, end in doc.paragraphs:
            trailing = list(_TRAILING.finditer(text, start, end))
            opened = [m.start() for m in _OPENING.finditer(text, start, end)] if trailing else []
            for m in trailing:
                before = text[m.start() - 1]
                if before in "sSzZ" or text[m.start() - 2:m.start()] == "in":
                    continue  # a plural possessive or a dropped g
                if any(pos < m.start() for pos in opened):
                    continue  # a single quotation is open: this closes it
                yield self.finding(doc, m.start(), m.end(), "Stray apostrophe after a word.", "", fixable=False)

    @staticmethod
    def _may_match(text: str, start: int) -> bool:
        """False only when _TRAILING cannot match in a paragraph from *start* (a search over the
        whole text sees more context, so it finds at least as much)."""
        return any(mark in text and trailing.search(text, start) for mark, trailing in _TRAILING_BY_MARK.items())
