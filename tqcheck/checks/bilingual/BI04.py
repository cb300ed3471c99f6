import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule

_LETTER = re.compile(r"[^\W\d_]")


class UnalignedSegment(Rule):
    """A source segment with no translation, or a target segment with no source (omission/addition).

    What it does: uses the alignment of the article with its source. With line alignment (same
    number of lines), a non-blank line facing a blank one; with sentence alignment (Gale-Church),
    a sentence the aligner could only pair with nothing. A source segment without a translation is
    reported at the target segment before the gap; an added target segment at itself. Segments of
    fewer than 15 letters (datelines, bylines, list markers) are skipped.
    Why it matters: a dropped sentence or paragraph is the most damaging accuracy error and the
    hardest to see without the source.
    Example:
        flag: source: Первая строка статьи о погоде.\\nВторая строка, которую потеряли.\\nТретья строка текста. target: The first line of the weather article.\\n\\nThe third line of text.
        okay: source: Первая строка статьи о погоде.\\nВторая строка, которую сохранили.\\nТретья строка текста. target: The first line of the weather article.\\nThe second line, which was kept.\\nThe third line of text.
    """

    code = "BI04"
    name = "bilingual.unaligned-segment"
    category = "Accuracy/Omission"
    severity = Severity.MAJOR
    needs_source = True

    min_letters = 15

    def check(self, doc):
        pairs = doc.alignment.pairs
        for i, pair in enumerate(pairs):
            if pair.source_span and not pair.target_span:
                src = doc.source.text[slice(*pair.source_span)]
                if len(_LETTER.findall(src)) < self.min_letters:
                    continue
                anchor, where = _nearest_target(pairs, i)
                if anchor is None:
                    continue
                excerpt = " ".join(src.split())
                excerpt = excerpt if len(excerpt) <= 80 else excerpt[:77] + "..."
                yield self.finding(doc, *anchor, f"The source segment {where} this one has no translation: '{excerpt}'.")
            elif pair.target_span and not pair.source_span:
                if len(_LETTER.findall(doc.text[slice(*pair.target_span)])) < self.min_letters:
                    continue
                yield self.finding(doc, *pair.target_span, "This segment has no counterpart in the source.",
                                   category="Accuracy/Addition")


def _nearest_target(pairs, i):
    """The target span before position *i* (or, at the start, the first one after it)."""
    for j in range(i - 1, -1, -1):
        if pairs[j].target_span:
            return pairs[j].target_span, "after"
    return next((p.target_span for p in pairs[i + 1:] if p.target_span), None), "before"
