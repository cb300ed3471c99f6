from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule

_DATA = "bilingual/punctuation.yml"


class MissingFinalPunctuation(Rule):
    """A translated sentence lacks the final punctuation mark its source sentence has.

    What it does: for each source segment that ends in a sentence-final mark (。！？.!?…, after any
    closing quote or bracket), checks that the target segment aligned with it ends in one too
    (.!?…); if not, it reports the segment's last word. Headlines and datelines, which have no final
    mark in the source either, are left alone.
    Why it matters: a sentence that runs out without its full stop reads as cut off, and raters mark
    it as a punctuation error every time.
    Example:
        flag: source: 深圳将建成100个智慧园区。 target: Shenzhen will build 100 smart industrial parks
        flag: source: Выручка выросла на 15%. target: Revenue grew by 15%
        okay: source: 深圳将建成100个智慧园区。 target: Shenzhen will build 100 smart industrial parks.
        okay: source: 他说：“好。” target: He said: "Good."
        okay: source: 深圳：打造极速先锋城市 target: Shenzhen: building a pioneer city
    """

    code = "BI08"
    name = "bilingual.missing-final-punctuation"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    needs_source = True

    source_final = Words(_DATA, "Marks that end a sentence in the source (。！？.!?…).")
    target_final = Words(_DATA, "Marks that end a sentence in the English translation.")
    closers = Words(_DATA, "Closing quotes and brackets skipped at the end of a segment.")

    def check(self, doc):
        closers = "".join(self.closers) + " \t"
        for pair in doc.alignment.pairs:
            if not pair.source_span or not pair.target_span:
                continue
            src = doc.source.text[slice(*pair.source_span)].rstrip(closers)
            start, end = pair.target_span
            tgt = doc.text[start:end].rstrip(closers)
            if not src or not tgt or not src.endswith(tuple(self.source_final)):
                continue
            if tgt.endswith(tuple(self.target_final)) or not (tgt[-1].isalnum() or tgt[-1] in "%)"):
                continue  # ends in a mark of its own (a colon, a dash): a choice, not an omission
            last = start + len(tgt)
            word = last - len(tgt.split()[-1]) if tgt.split() else start
            yield self.finding(doc, word, last, "This sentence has no final punctuation mark; its source ends "
                               f"with '{src[-1]}'.", suggestion=doc.text[word:last] + ".")
