import re
from functools import cached_property

from tqcheck.checks.repetition.tokens import TOKEN, doubled_tokens, may_repeat
from tqcheck.finding import Severity
from tqcheck.options import Words, WordSet
from tqcheck.rule import Rule, iter_matches, lazy_compile

#: Spaces between repeats; a line break only before a lower-case word (not a headline's last
#: word followed by a paragraph that starts with it).
SEPARATOR = r"(?:[ \t\u00a0]+|[ \t]*\r?\n[ \t]*(?=[a-z]))"


class DoubledWord(Rule):
    """The same word twice in a row.

    What it does: flags "the the", "to to", "2016 2016", "Covid-19 Covid-19": a word, number or
    hyphenated name immediately repeated (case-insensitive).
    Why it matters: a typical decoder glitch of MT, and an error an editor always fixes.
    Grammatical doubles ("had had", "that that"), emphatic ones ("really really", "a long long
    time ago") and names that are one word twice (Lang Lang, Duran Duran: a capitalised double
    that is a pinyin syllable or a listed name) are left alone; runs of three or more are RP04's
    (one finding per loop).
    Example:
        flag: The drones were aimed at the the Kremlin.
        flag: He will run for president in 2016 2016.
        flag: It was claimed by Covid-19 Covid-19.
        okay: He had had enough.
        okay: The Kremlin said that that was false.
        okay: The effectiveness was assessed assessed assessed.
        okay: It was a long long time ago, and Lang Lang played with Duran Duran.
    """

    code = "RP01"
    name = "repetition.doubled-word"
    category = "Fluency/Grammar"
    severity = Severity.MINOR

    _pattern = lazy_compile(rf"(?<![\w'’-])({TOKEN}){SEPARATOR}(\1)(?![\w'’-])", re.IGNORECASE)
    _previous = lazy_compile(rf"({TOKEN}){SEPARATOR}$", re.IGNORECASE)
    _next = lazy_compile(rf"{SEPARATOR}({TOKEN})(?![\w'’-])", re.IGNORECASE)

    grammatical_doubles = WordSet("repetition/intended-repeats.yml", "Doubles that English grammar makes (had had, that that).")
    emphatic_doubles = WordSet("repetition/intended-repeats.yml", "Words doubled for emphasis (really really).")
    doubled_names = WordSet("repetition/intended-repeats.yml", "Names that are one word twice (Duran Duran).")
    initials = Words("names/pinyin.yml", "The initials of a pinyin syllable (doubled Chinese given names).")
    finals = Words("names/pinyin.yml", "The finals of a pinyin syllable.")

    @cached_property
    def _intended(self) -> frozenset[str]:
        return self.grammatical_doubles | self.emphatic_doubles

    @cached_property
    def _syllable(self) -> re.Pattern:
        return re.compile(f"(?:{'|'.join(sorted(map(re.escape, self.initials), key=len, reverse=True))})?"
                          f"(?:{'|'.join(map(re.escape, self.finals))})")

    def _doubled_name(self, word: str, second: str) -> bool:
        """Lang Lang, Duran Duran: both capitalised, a listed name or a pinyin syllable."""
        if not (word[:1].isupper() and second[:1].isupper() and word[1:].islower()):
            return False
        return word in self.doubled_names or bool(self._syllable.fullmatch(word))

    def check(self, doc):
        if not may_repeat(doc):
            return
        doubled = doubled_tokens(doc)
        if doubled is not None:
            # Each match is a doubled token with only spaces between: the lower-cased text has one
            # of these words, spaces and one of them again (one search, from the words' letters).
            doubled -= self._intended
            if not doubled or not _spaced_pair(doubled).search(doc.index.lower, doc.body_start):
                return
        text = doc.text
        for m in iter_matches(self._pattern, doc):
            word = m.group(1)
            if word.lower() in self._intended or self._in_longer_run(text, m) \
                    or self._doubled_name(word, m.group(2)):
                continue
            yield self.finding(doc, m.start(), m.end(), f"Doubled word '{word}'.", word, fixable=True)

    def _in_longer_run(self, text: str, m: re.Match) -> bool:
        word = m.group(1).lower()
        before = self._previous.search(text, max(0, m.start() - 80), m.start())
        after = self._next.match(text, m.end())
        return bool(before and before.group(1).lower() == word or after and after.group(1).lower() == word)


def _spaced_pair(words: set[str]) -> re.Pattern:
    """One of *words*, white space, one of *words* (``re`` caches the compiled pattern)."""
    either = "|".join(map(re.escape, sorted(words)))
    return re.compile(rf"(?:{either})\s+(?:{either})")
