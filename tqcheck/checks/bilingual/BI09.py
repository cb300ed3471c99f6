import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule

_WORDY = re.compile(r"[^\W_]")


class EmptyTranslation(Rule):
    """A translation that is empty or only punctuation while its source has words.

    What it does: reports a whole article with no letter or digit when its source has some, and
    each target segment made only of punctuation, symbols or spaces ("...", "—", '""') aligned with
    a source segment that has words. (A blank line facing a source line is BI04's.)
    Why it matters: an MT system that fails sometimes returns nothing or a lone mark; the segment's
    content is lost while the article still looks complete.
    Example:
        flag: source: Первая строка статьи.\\nВторая строка статьи. target: The first line of the article.\\n...
        flag: source: 他说这是一个好主意。 target: 。
        okay: source: 他说这是一个好主意。 target: He said it was a good idea.
        okay: source: ***\\nВторая строка статьи. target: ***\\nThe second line of the article.
    """

    code = "BI09"
    name = "bilingual.empty-translation"
    category = "Accuracy/Omission"
    severity = Severity.MAJOR
    needs_source = True

    def check(self, doc):
        if not _WORDY.search(doc.text):
            if _WORDY.search(doc.source.text):
                yield self.finding(doc, 0, len(doc.text), "The translation is empty: its source has text.")
            return
        for pair in doc.alignment.pairs:
            if not pair.source_span or not pair.target_span:
                continue
            if not _WORDY.search(doc.text[slice(*pair.target_span)]) and \
                    _WORDY.search(doc.source.text[slice(*pair.source_span)]):
                yield self.finding(doc, *pair.target_span, "This segment is only punctuation: the translation "
                                   "of its source segment is missing.")
