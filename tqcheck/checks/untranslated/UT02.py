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
            words = _WORD.findall(text, start, end)
            if len(words) < self.min_words:
                continue
            english = sum(w.lower() in ENGLISH_FUNCTION_WORDS for w in words)
            if english / len(words) > self.max_english_ratio:
                continue
            sentence = text[start:end]
            if sum(ch.isalpha() and ord(ch) < 0x250 for ch in sentence) < 0.5 * sum(ch.isalpha() for ch in sentence):
                continue  # mostly another script: UT01's job
            lang, prob = detect(sentence)
            if lang not in ("en", "unknown") and prob >= self.min_probability:
                yield self.finding(doc, start, end, f"Sentence appears untranslated (language '{lang}', p={prob:.2f}).")
