import re
import string
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import WordSet
from tqcheck.rule import Rule

_DATA = "untranslated/function-words.yml"
# A word as the rule counts it: letters, and letters joined by one apostrophe ("don't").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# ASCII digits and punctuation but the apostrophe, as UTF-8 bytes, to spaces: they end a word, and
# blanked they let ``str.split`` cut the text at C speed (``sentence_words``). ASCII bytes never
# occur inside a multi-byte character, so the blanked text has the same characters elsewhere.
_SEPARATORS = bytes.maketrans(
    (string.digits + string.punctuation.replace("'", "")).encode(),
    b" " * len(string.digits + string.punctuation.replace("'", "")))
# The commonest punctuation outside ASCII, blanked one by one (``str.translate`` is slow there).
_WIDE_SEPARATORS = "“”„«»‘—–…"
# Two apostrophes in one piece of a sentence (rock'n'roll: the regex reads two words there).
_TWO_APOSTROPHES = re.compile(r"'[^ ']*'")
# The words of the common-word test: two letters or more, apostrophes ending them (Trump's -> trump).
_COMMON_TEST_WORD = re.compile(r"\b[^\W\d_]{2,}\b")


def blanked(lowered: str) -> str:
    """*lowered* with ``_SEPARATORS`` and ``_WIDE_SEPARATORS`` blanked (same length, same offsets)."""
    spaced = lowered.encode("utf-8", "surrogatepass").translate(_SEPARATORS).decode("utf-8", "surrogatepass")
    if not spaced.isascii():
        for mark in _WIDE_SEPARATORS:
            spaced = spaced.replace(mark, " ")
    return spaced


def sentence_words(doc, start: int, end: int, spaced: str | None) -> list[str]:
    """``_WORD.findall(text, start, end)``, lower-cased.

    Found in the lower-cased text when ``str.lower`` keeps every offset and word edge there
    (``tqcheck.text.index.TextIndex.lower``; lower-casing never changes which characters are
    letters); else word by word as the rule reads them. *spaced* is that lower-cased text
    ``blanked``: no word crosses a blanked character, so its whitespace-separated pieces are the
    words when each is letters, or letters joined by one apostrophe ("don't"); the regex looks
    into the other pieces only ("'quoted", "rock'n'roll", a character ``blanked`` leaves).
    """
    if spaced is None:
        return [w.lower() for w in _WORD.findall(doc.text, start, end)]
    words = spaced[start:end].split()
    joined = "".join(words)
    if joined.isalpha() or _apostrophes_inside_words(words, joined):
        return words
    return [word for piece in words for word in ((piece,) if piece.isalpha() else _WORD.findall(piece))]


def _apostrophes_inside_words(pieces: list[str], joined: str) -> bool:
    """Every piece is letters, or letters, one apostrophe and letters."""
    if not joined.replace("'", "").replace("’", "").isalpha():
        return False
    line = " " + " ".join(pieces).replace("’", "'") + " "
    return " '" not in line and "' " not in line and _TWO_APOSTROPHES.search(line) is None


class ForeignLatinSentence(Rule):
    """A sentence in another Latin-script language (German, French, Spanish, Polish ...).

    What it does: for each sentence of at least five words in which English function words are
    rare, asks langdetect (seeded, deterministic) for its language, and flags it when another
    language is clearly more likely. English sentences with a foreign name or a short quoted
    term keep their English function words and are never sent to langdetect; nor are English
    headlines and lists in which at least half of the words are among the 20,000 most frequent
    English words (words that other languages use as function words, such as "die" or "la",
    do not count).
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

    english_function_words = WordSet(_DATA, "English function words: a sentence with enough of them is English.")
    # The 20,000-word list is read only when some sentence gets as far as the second test.
    common_words = WordSet("untranslated/english-common.yml", "The 20,000 most frequent English words.")
    shared_with_other_languages = WordSet(_DATA, "Common English words other languages use as function words (die, hat): no evidence of English.")

    @cached_property
    def _english_common_words(self) -> frozenset[str]:
        return self.common_words - self.shared_with_other_languages

    def mostly_common_english(self, sentence: str) -> bool:
        """At least half of the sentence's words (two letters or more) are common English words."""
        words = _COMMON_TEST_WORD.findall(sentence.lower())
        return bool(words) and 2 * sum(map(self._english_common_words.__contains__, words)) >= len(words)

    def check(self, doc):
        from tqcheck.text.langid import detect

        text = doc.text
        function_words = self.english_function_words
        lowered = doc.index.lower
        spaced = blanked(lowered) if lowered is not None else None
        for start, end in doc.sentences:
            words = sentence_words(doc, start, end, spaced)
            count = len(words)
            if count < self.min_words:
                continue
            if sum(map(function_words.__contains__, words)) / count > self.max_english_ratio:
                continue
            sentence = text[start:end]
            if sum(ch.isalpha() and ord(ch) < 0x250 for ch in sentence) < 0.5 * sum(ch.isalpha() for ch in sentence):
                continue  # mostly another script: UT01's job
            if self.mostly_common_english(sentence):
                continue  # an English headline or list: few function words, but common ones
            lang, prob = detect(sentence)
            if lang not in ("en", "unknown") and prob >= self.min_probability:
                yield self.finding(doc, start, end, f"Sentence appears untranslated (language '{lang}', p={prob:.2f}).")
