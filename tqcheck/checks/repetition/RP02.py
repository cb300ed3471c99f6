import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class RepeatedSentence(Rule):
    """The same sentence twice in one article.

    What it does: compares every sentence of six or more words with the earlier ones (ignoring
    case, spacing and punctuation) and flags the repeats.
    Why it matters: MT of a document segment by segment sometimes emits a sentence twice, or
    repeats the previous segment instead of translating the next one, which also hides an
    omission. Short formulaic sentences ("He said no.") are not compared, and a headline (a
    paragraph of one sentence) may be repeated by the lead, as news style does.
    Example:
        flag: The talks ended on Tuesday without an agreement. Both sides left. The talks ended on Tuesday without an agreement.
        okay: The talks ended on Tuesday without an agreement. Both sides left. The talks will resume on Friday.
        okay: Talks ended on Tuesday without an agreement\n\nTalks ended on Tuesday without an agreement. Both sides left.
    """

    code = "RP02"
    name = "repetition.repeated-sentence"
    category = "Accuracy/Addition"
    severity = Severity.MAJOR

    min_words = 6

    def check(self, doc):
        headings = {(a, b) for a, b in doc.paragraphs if doc.sentence_at(a) == (a, b)}
        in_body: dict[str, bool] = {}  # sentence -> seen in running text (not only as a heading)
        for start, end in doc.sentences:
            words = _WORD.findall(doc.text[start:end].lower())
            if len(words) < self.min_words:
                continue
            key = " ".join(words)
            if in_body.get(key):
                yield self.finding(doc, start, end, "This sentence already appears earlier in the article.")
            in_body[key] = in_body.get(key, False) or (start, end) not in headings
