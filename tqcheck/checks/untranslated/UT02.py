import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule

# Common English words: a sentence with a fair share of them is English, and langdetect
# (about a millisecond a call) is asked only about sentences with almost none.
ENGLISH_FUNCTION_WORDS = frozenset(
    "a about after all also an and any are as at be been before but by can could did do does for from had "
    "has have he her his how i if in into is it its may more most no not of on one or our out over said "
    "she should so some than that the their them there these they this those to up was we were what when "
    "which while who will with would you".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def sentence_words(doc, start: int, end: int) -> tuple[int, int]:
    """(words, English function words) of ``_WORD.findall(text, start, end)``, lower-cased.

    Found in the lower-cased text when ``str.lower`` keeps every offset and word edge there
    (``tqcheck.prefilter.TextIndex.lower``; lower-casing never changes which characters are
    letters), and counted at C speed; else word by word as the rule reads them.
    """
    lowered = doc.index.lower
    if lowered is None:
        words = [w.lower() for w in _WORD.findall(doc.text, start, end)]
    else:
        words = _WORD.findall(lowered, start, end)
    return len(words), sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words))


class ForeignLatinSentence(Rule):
    """A sentence in another Latin-script language (German, French, Spanish, Polish ...).

    What it does: for each sentence of at least five words in which English function words are
    rare, asks langdetect (seeded, deterministic) for its language, and flags it when another
    language is clearly more likely. English sentences with a foreign name or a short quoted
    term keep their English function words and are never sent to langdetect.
    Why it matters: MT leaves sentences untranslated when it fails to recognise the source language.
    Example:
        flag: Die Bundesregierung hat die neuen Sanktionen am Mittwoch beschlossen.
        flag: Le gouvernement a annoncé de nouvelles mesures pour les agriculteurs.
        okay: The Bundesregierung, as Germans call it, approved the sanctions on Wednesday.
        okay: He called the plan a “coup de théâtre” and left the room.
    """

    code = "UT02"
    name = "untranslated.foreign-sentence"
    category = "Accuracy/Untranslated text"
    severity = Severity.MAJOR

    min_words = 5
    max_english_ratio = 0.12
    min_probability = 0.90

    def check(self, doc):
        from tqcheck.langid import detect

        text = doc.text
        for start, end in doc.sentences:
            count, english = sentence_words(doc, start, end)
            if count < self.min_words:
                continue
            if english / count > self.max_english_ratio:
                continue
            sentence = text[start:end]
            if sum(ch.isalpha() and ord(ch) < 0x250 for ch in sentence) < 0.5 * sum(ch.isalpha() for ch in sentence):
                continue  # mostly another script: UT01's job
            lang, prob = detect(sentence)
            if lang not in ("en", "unknown") and prob >= self.min_probability:
                yield self.finding(doc, start, end, f"Sentence appears untranslated (language '{lang}', p={prob:.2f}).")
