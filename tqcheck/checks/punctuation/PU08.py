import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile


class RepeatedPunctuation(Rule):
    """The same punctuation mark twice, or two clashing marks, in a row.

    What it does: flags ",,", ";;", "::", "!!", "??", a double full stop ".." (not the "..."
    ellipsis), a full stop repeated after a space (". ."), and clashes such as ",." ";." ",;"
    "?." "!,".
    Why it matters: MT and careless post-editing join a segment's own punctuation to the
    punctuation of its context; English uses one mark. A spaced ellipsis (". . .") and ".,"
    after an abbreviation ("Inc., said") are left alone.
    Example:
        flag: It was announced on Tuesday,, officials said.
        flag: It was announced on Tuesday..
        flag: It was announced on Tuesday. .
        flag: Was it announced on Tuesday?.
        okay: It was announced on Tuesday... or was it?
        okay: Apple Inc., Google and others. Really?! Yes. . . maybe.
    """

    code = "PU08"
    name = "punctuation.repeated-punctuation"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    _pattern = lazy_compile(
        r"([,;:!?])\1+"                      # ,, ;; :: !! ??
        r"|(?<!\.)\.\.(?!\.)"                # exactly two full stops
        r"|(?<![.\s])\.[ \t]+\.(?![ \t]*\.)"  # ". ." that is not a spaced ellipsis
        r"|[,;:][.,;:]|[?!][.,;:]"           # clashing marks
    )
    # What every match starts with (a mark and what follows it), searched first for each mark that
    # occurs in the text: each pattern starts with a literal character, which re scans for in C,
    # while _pattern (it starts with a group and look-behinds) is tried at every position. Most
    # articles have none.
    _mark_then_mark = {mark: lazy_compile(rf"{re.escape(mark)}[.,;:!?]") for mark in ",;:!?"}
    _mark_then_mark["."] = lazy_compile(r"\.(?:\.(?!\.)(?<!\.\.\.)|(?<![.\s]\.)[ \t]+\.(?![ \t]*\.))")

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            marks = m.group()
            keep = marks[0] if marks[0] in "?!" or marks[0] == marks[-1] else marks[-1] if marks[-1] == "." else marks[0]
            yield self.finding(doc, m.start(), m.end(), f"Repeated punctuation '{marks}'.", keep, fixable=True)

    def _may_match(self, text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start*."""
        return any(mark in text and quick.search(text, start) for mark, quick in self._mark_then_mark.items())
