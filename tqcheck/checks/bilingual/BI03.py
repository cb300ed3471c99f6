import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule

_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")


class UntranslatedSegment(Rule):
    """A target segment that repeats its source segment (left untranslated).

    What it does: compares each target segment with the source segment aligned with it, after
    folding case and spacing, and flags it when they are identical or nearly so (similarity of at
    least 90%). Segments with few letters (numbers, names, URLs, one-word headings) are skipped, as
    their copies are usually correct.
    Why it matters: an MT system that fails on a segment often copies it through; the result is
    source-language text in the published article.
    Example:
        flag: source: Сахар - не лучший источник полезных питательных веществ. target: Сахар - не лучший источник полезных питательных веществ.
        flag: source: Die Regierung hat die Sanktionen am Mittwoch beschlossen. target: Die Regierung hat die Sanktionen am Mittwoch beschlossen.
        okay: source: Сахар - не лучший источник полезных питательных веществ. target: Sugar is not the best source of useful nutrients.
        okay: source: Reuters, 12 мая target: Reuters, May 12
    """

    code = "BI03"
    name = "bilingual.untranslated-segment"
    category = "Accuracy/Untranslated text"
    severity = Severity.MAJOR
    needs_source = True

    min_letters = 12
    min_latin_words = 4
    min_similarity = 90.0

    def check(self, doc):
        from rapidfuzz.fuzz import ratio

        for pair in doc.alignment.pairs:
            if not pair.source_span or not pair.target_span:
                continue
            src = " ".join(doc.source.text[slice(*pair.source_span)].casefold().split())
            tgt = " ".join(doc.text[slice(*pair.target_span)].casefold().split())
            if len(_LETTER.findall(src)) < self.min_letters:
                continue
            if not _NON_LATIN.search(src) and len(src.split()) < self.min_latin_words:
                continue  # a short Latin-script segment (a name, a title) is often the same in English
            if ratio(src, tgt) >= self.min_similarity:
                yield self.finding(doc, *pair.target_span, "This segment repeats its source: it was left untranslated.")
