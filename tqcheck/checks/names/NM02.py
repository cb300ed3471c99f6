import re
from collections import Counter
from functools import cached_property

from rapidfuzz import fuzz, process

from tqcheck.finding import Severity
from tqcheck.options import Words, WordSet
from tqcheck.rule import Rule, lazy_compile

_DATA = "names/name-forms.yml"

# "\b[A-Z]..." written as "[A-Z](?<!\w[A-Z])...": the same matches, but a pattern that starts with
# a character class lets re skip to candidate letters in C instead of trying every position.
_NAME = lazy_compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:-[A-Z]?[a-z]+)*\b")


class InconsistentNameSpelling(Rule):
    """The same name spelled two ways in one article (Zelensky / Zelenskyy).

    What it does: compares the capitalised words of the article that appear at least once in
    mid-sentence and never in lower case (so they are names, not sentence-initial or ordinary
    words) with rapidfuzz; two forms that are at least 80% similar and are not an English
    derivation of one another (Russia/Russian, Serb/Serbia, Petrov/Petrova, Ivan/Ivanov) are
    taken as one name spelled two ways. Each occurrence of the
    rarer form is flagged, with the commoner form as the suggestion.
    Why it matters: MT translates sentence by sentence and transliterates a name afresh each time;
    a reader cannot tell whether Zelensky and Zelenskiy are one person.
    Example:
        flag: President Zelensky spoke first. Later, Zelenskiy met Zelensky's aides and the press.
        flag: Tourists came to Macao in May. The Macau government said Macao expects more.
        okay: Russia and the Russian government. Ukraine and the Ukrainian army. Germany and German firms.
        okay: Ivan Petrov and his wife Anna Petrova met Petrov's lawyer.
    """

    code = "NM02"
    name = "names.inconsistent-spelling"
    category = "Fluency/Inconsistency"
    severity = Severity.MINOR

    min_similarity = 80
    min_length = 5

    title_words = WordSet(_DATA, "Capitalised words that are not names (Minister, Council).")
    derivation_suffixes = WordSet(_DATA, "Endings that derive another word from a name (Russia/Russian, Petrov/Petrova).")
    stem_suffixes = WordSet(_DATA, "The same, where the stem loses its last letter (Ukraine/Ukrainian).")
    masculine_endings = Words(_DATA, "Masculine surname endings (Tolstoy).")
    feminine_endings = Words(_DATA, "Feminine endings that replace them (Tolstaya).")

    def check(self, doc):
        text = doc.text
        # Every name compared below is among these words (one C-speed findall, no positions yet);
        # a word of the article's lower-cased words (``doc.index.words`` holds every maximal \w run,
        # so an all-lower-case run is one of them exactly when the article writes it) is not a name.
        words = doc.index.words
        candidates = sorted(w for w in set(_NAME.findall(text, doc.body_start))
                            if len(w) >= self.min_length and w not in self.title_words and w.lower() not in words)
        # Only a word spelled like another candidate can be reported, or be the suggestion: the
        # rest would be skipped in the loop below, so most articles end here.
        spelled_alike = self._spelled_alike(candidates)
        if not spelled_alike:
            return
        sentence_starts = {start for start, _ in doc.sentences}
        occurrences: dict[str, list[tuple[int, int]]] = {}
        mid_sentence: set[str] = set()
        for m in _NAME.finditer(text, doc.body_start):
            word = m.group()
            if word not in spelled_alike:
                continue  # never compared as a name below, so its places are not needed
            occurrences.setdefault(word, []).append(m.span())
            if m.start() not in sentence_starts and not _after_quote_or_break(text, m.start()):
                mid_sentence.add(word)
        # The filters of the candidates hold for every word of spelled_alike. Leaving out the
        # candidates without a look-alike changes neither the pairs nor their order below.
        names = sorted(mid_sentence)
        counts = Counter({w: len(occurrences[w]) for w in names})
        reported: set[str] = set()
        for word in names:
            matches = process.extract(word, names, scorer=fuzz.ratio, score_cutoff=self.min_similarity, limit=None)
            for other, score, _ in matches:
                if other == word or self._derived(word, other):
                    continue
                rare, common = sorted((word, other), key=lambda w: (counts[w], -occurrences[w][0][0]))
                if rare in reported:
                    continue
                reported.add(rare)
                for start, end in occurrences[rare]:
                    yield self.finding(
                        doc, start, end,
                        f"'{rare}' is spelled '{common}' elsewhere in this article ({counts[common]}x); "
                        "use one spelling.", common)

    def _spelled_alike(self, words: list[str]) -> set[str]:
        """The words of *words* that form a pair the loop of ``check`` reports: similar enough
        (the similarity is symmetric, so each pair is scored once) and not a derivation in one of
        the two orders (``_derived`` is not symmetric, and that loop tries both)."""
        found: set[str] = set()
        for i, word in enumerate(words):
            for other, _, _ in process.extract(word, words[i + 1:], scorer=fuzz.ratio,
                                               score_cutoff=self.min_similarity, limit=None):
                if not self._derived(word, other) or not self._derived(other, word):
                    found.update((word, other))
        return found

    def _derived(self, a: str, b: str) -> bool:
        """One form is an English derivation or a feminine form of the other."""
        short, long = sorted((a, b), key=len)
        if long.startswith(short) and long[len(short):] in self.derivation_suffixes:
            return True
        # Ukraine/Ukrainian, Georgia/Georgian, Italy/Italian: the stem loses its last letter.
        if long.startswith(short[:-1]) and long[len(short) - 1:] in self.stem_suffixes and short[-1] in "aeyo":
            return True
        # Feminine surnames: Zelensky/Zelenskaya, Kovalsky/Kovalska, Tolstoy/Tolstaya.
        return self._feminine(short, long) or self._feminine(long, short)

    def _feminine(self, masculine: str, other: str) -> bool:
        stem = self._masculine_ending.sub("", masculine)
        return stem != masculine and other in {stem + ending for ending in self.feminine_endings}

    @cached_property
    def _masculine_ending(self):
        return lazy_compile(f"(?:{'|'.join(map(re.escape, self.masculine_endings))})$")


def _after_quote_or_break(text: str, pos: int) -> bool:
    """Capitalised because something opens before it: a quotation, a line, a bracket."""
    before = text[max(0, pos - 3):pos].rstrip(" ")
    return not before or before[-1] in "\n\"“«('‘:—–-"
