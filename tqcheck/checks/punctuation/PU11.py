from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile


class SpacedHyphenDash(Rule):
    """A hyphen with a space on each side, used as a dash.

    What it does: flags " - " between two words ("canine geniuses - for example").
    Why it matters: Russian and Chinese sources set a dash between clauses (and in headlines,
    before the source name); MT writes it as a spaced hyphen, which English typography does not
    use: it takes an em dash (—) or a spaced en dash (–) there. Number ranges ("10 - 12") and
    minus signs are left alone, and so are headlines (lines without a full stop), where a
    spaced hyphen before the source's name ("... - China News Network") is common usage.
    Off by default: it separates MT from human translations well (dev corpus: 1.16 findings
    per MT article, 0.06 per reference) but MQM raters do not mark it (0 of 24 findings inside
    an error span), so it is a house-style check; enable it for a typographic pass.
    Example:
        flag: They are considered canine geniuses - for example, Labradors.
        okay: They are considered canine geniuses — for example, Labradors.
        okay: The score was 10 - 12 and the temperature -5 degrees.
        okay: Gym chain goes bust - China News Network
    """

    code = "PU11"
    name = "punctuation.spaced-hyphen-dash"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    default_enabled = False

    # The look-behind comes after the literal (same matches): re then scans for " - " in C instead
    # of trying the pattern at every position.
    _pattern = lazy_compile(r" - (?<=\S - )(?=\S)")

    def check(self, doc):
        text = doc.text
        line_end = stop = -1  # the end of the line of the last dash, and the offset of its final full stop
        for m in self._pattern.finditer(text, doc.body_start):
            if text[m.start() - 1].isdigit() and text[m.end()].isdigit():
                continue  # a range or a score
            if m.end() > line_end:  # a new line (dashes come in text order)
                line_end = _line_end(text, m.end())
                stop = _final_stop(text, line_end)
            if stop < m.end():
                continue  # a headline ("Gym chain goes bust - China News Network")
            hyphen = m.start() + 1
            yield self.finding(doc, hyphen, hyphen + 1, "Spaced hyphen used as a dash; English uses an em dash (—).",
                               "—", fixable=True)


def _line_end(text: str, pos: int) -> int:
    """Offset of the first line break (\\n or \\r) at or after *pos*, or the length of the text."""
    newline = text.find("\n", pos)
    if newline < 0:
        newline = len(text)
    carriage_return = text.find("\r", pos, newline)
    return newline if carriage_return < 0 else carriage_return


def _final_stop(text: str, line_end: int) -> int:
    """Offset of the full stop (. ! ? …) that ends the line at *line_end*, before closing quotes or
    brackets and trailing blanks; -1 when the line ends otherwise. Computed once per line: testing
    the rest of the line at every dash would take quadratic time on a long line."""
    i = line_end
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    while i > 0 and text[i - 1] in "\"”’)":
        i -= 1
    return i - 1 if i > 0 and text[i - 1] in ".!?…" else -1
