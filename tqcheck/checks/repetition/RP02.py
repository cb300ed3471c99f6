from collections import Counter
from itertools import repeat

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

_WORD = lazy_compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SIGNATURE_LETTERS = "eta"


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
        sentences = doc.sentences
        signatures = _letter_counts(doc, sentences)
        repeated = {signature for signature, n in Counter(signatures).items() if n > 1}
        if not repeated:
            return  # every sentence has letters of its own, so words of its own
        headings = {(a, b) for a, b in doc.paragraphs if doc.sentence_at(a) == (a, b)}
        in_body: dict[str, bool] = {}  # sentence -> seen in running text (not only as a heading)
        for (start, end), signature in zip(sentences, signatures):
            if signature not in repeated:
                continue  # no other sentence has the same words (nor sets or reads its entry)
            words = _WORD.findall(doc.text[start:end].lower())
            if len(words) < self.min_words:
                continue
            key = " ".join(words)
            if in_body.get(key):
                yield self.finding(doc, start, end, "This sentence already appears earlier in the article.")
            in_body[key] = in_body.get(key, False) or (start, end) not in headings


def _letter_counts(doc, sentences: list[tuple[int, int]]) -> list[tuple[int, ...]]:
    """How often each of a few common letters occurs in each lower-cased sentence.

    Every letter of a sentence is in one of its words, so two sentences with the same words
    have the same counts: a sentence whose counts no other sentence has is no repeat.
    """
    lowered = doc.index.lower
    if lowered is None:  # str.lower of the whole text may differ from that of a sentence
        pieces = [doc.text[start:end].lower() for start, end in sentences]
        return list(zip(*(map(str.count, pieces, repeat(letter)) for letter in _SIGNATURE_LETTERS)))
    starts, ends = [start for start, _ in sentences], [end for _, end in sentences]
    return list(zip(*(map(lowered.count, repeat(letter), starts, ends) for letter in _SIGNATURE_LETTERS)))
