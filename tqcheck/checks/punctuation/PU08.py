import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches


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

    _pattern = re.compile(
        r"([,;:!?])\1+"                      # ,, ;; :: !! ??
        r"|(?<!\.)\.\.(?!\.)"                # exactly two full stops
        r"|(?<![.\s])\.[ \t]+\.(?![ \t]*\.)"  # ". ." that is not a spaced ellipsis
        r"|[,;:][.,;:]|[?!][.,;:]"           # clashing marks
    )
    # What every match contains (",;" "..", ". ."), searched first; it starts with one character
    # class, so re jumps from mark to mark in C. Most articles have none.
    _needs = re.compile(r"[,;:!?.](?:(?<=[,;:!?])[,;:!?.]|(?<=\.)\.|(?<=\.)[ \t]+\.)")

    def check(self, doc):
        for m in iter_matches(self._pattern, doc, needs=self._needs):
            marks = m.group()
            keep = marks[0] if marks[0] in "?!" or marks[0] == marks[-1] else marks[-1] if marks[-1] == "." else marks[0]
            yield self.finding(doc, m.start(), m.end(), f"Repeated punctuation '{marks}'.", keep, fixable=True)
