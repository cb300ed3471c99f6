"""Whether a text looks like speech: a talk's transcript or subtitles (issue 17).

Transcripts come as short segments that continue one another: a sentence runs over two or three
lines, so many lines follow a line without a sentence-final mark (a line that starts in lower
case after a finished sentence is damaged text, not speech). News has
a headline and whole sentences or paragraphs per line. Only the layout is read (no word lists):
the config key ``domain = "speech"`` says so outright where a transcript is cut at sentences.
"""
from __future__ import annotations

import re

#: At least this many lines with words, to judge from the layout at all.
MIN_LINES = 6
#: Transcript segments are short: at most this many words a line on average.
MAX_WORDS_PER_LINE = 20
#: The share of lines that continue the line before, from which a text is speech.
MIN_CONTINUED = 0.3

_FINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
_WORD = re.compile(r"\w+")


def looks_spoken(text: str) -> bool:
    """Short lines, many of them continuing the sentence of the line before."""
    lines = [line.strip() for line in text.splitlines() if _WORD.search(line)]
    if len(lines) < MIN_LINES:
        return False
    words = sum(len(_WORD.findall(line)) for line in lines)
    if words / len(lines) > MAX_WORDS_PER_LINE:
        return False
    continued = sum(1 for before in lines[:-1] if not _FINAL.search(before))
    return continued / (len(lines) - 1) >= MIN_CONTINUED
