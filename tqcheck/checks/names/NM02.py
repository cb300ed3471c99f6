import re
from collections import Counter
from functools import cached_property
from itertools import combinations

from tqcheck.finding import Severity
from tqcheck.options import Table, Words, WordSet
from tqcheck.rule import Rule, lazy_compile

_DATA = "names/name-forms.yml"

# "\b[A-Z]..." written as "[A-Z](?<!\w[A-Z])...": the same matches, but a pattern that starts with
# a character class lets re skip to candidate letters in C instead of trying every position.
_NAME = lazy_compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:-[A-Z]?[a-z]+)*\b")
_NAME_BEFORE = lazy_compile(r"\b([A-Z][a-z]+) $")


def _may_reach(a: str, b: str, cutoff: float) -> bool:
    """Whether rapidfuzz's ``fuzz.ratio(a, b)`` can be *cutoff* or more: it is 200 times their
    longest common subsequence over their total length, and that subsequence has at most the
    letters the two words share."""
    shared = sum((Counter(a) & Counter(b)).values())
    return 200 * shared >= cutoff * (len(a) + len(b))


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
        okay: Reinhard spoke first. Richard answered, and Reinhard replied. Swedes voted in Sweden.
    """

    code = "NM02"
    name = "names.inconsistent-spelling"
    category = "Fluency/Inconsistency"
    severity = Severity.MINOR

    min_similarity = 80
    min_length = 5
    #: Up to this many candidates, pairs that cannot be alike are ruled out before rapidfuzz loads.
    few_names = 8

    title_words = WordSet(_DATA, "Capitalised words that are not names (Minister, Council).")
    derivation_suffixes = WordSet(_DATA, "Endings that derive another word from a name (Russia/Russian, Petrov/Petrova).")
    stem_suffixes = WordSet(_DATA, "The same, where the stem loses its last letter (Ukraine/Ukrainian).")
    masculine_endings = Words(_DATA, "Masculine surname endings (Tolstoy).")
    feminine_endings = Words(_DATA, "Feminine endings that replace them (Tolstaya).")
    spelling_alternations = Table(_DATA, "Replacements, in order, after which two romanizations of one name are one word (kh: h).")
    variant_spellings = Table(_DATA, "Names with two established spellings (Macau: Macao).")
    #: With a shared given or family name beside them, two spellings at most this many edits apart.
    max_edits_with_shared_name = 2

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
        beside: dict[str, set[str]] = {}
        for m in _NAME.finditer(text, doc.body_start):
            word = m.group()
            if word not in spelled_alike:
                continue  # never compared as a name below, so its places are not needed
            occurrences.setdefault(word, []).append(m.span())
            beside.setdefault(word, set()).update(self._neighbours(text, *m.span()))
            if m.start() not in sentence_starts and not _after_quote_or_break(text, m.start()):
                mid_sentence.add(word)
        # The filters of the candidates hold for every word of spelled_alike. Leaving out the
        # candidates without a look-alike changes neither the pairs nor their order below.
        names = sorted(mid_sentence)
        counts = Counter({w: len(occurrences[w]) for w in names})
        reported: set[str] = set()
        from rapidfuzz import fuzz, process  # imported on first use: start-up time

        for word in names:
            matches = process.extract(word, names, scorer=fuzz.ratio, score_cutoff=self.min_similarity, limit=None)
            for other, score, _ in matches:
                if other == word or self._derived(word, other) or not self._one_name(word, other, beside):
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
        if len(words) < 2:
            return found
        if len(words) <= self.few_names and not any(_may_reach(a, b, self.min_similarity)
                                                    for a, b in combinations(words, 2)):
            return found  # a short article: no pair can be alike, and rapidfuzz need not be loaded
        from rapidfuzz import fuzz, process  # imported on first use: start-up time

        for i, word in enumerate(words):
            for other, _, _ in process.extract(word, words[i + 1:], scorer=fuzz.ratio,
                                               score_cutoff=self.min_similarity, limit=None):
                if not self._derived(word, other) or not self._derived(other, word):
                    found.update((word, other))
        return found

    def _one_name(self, a: str, b: str, beside: dict[str, set[str]]) -> bool:
        """Evidence that *a* and *b* are one name: romanization variants of each other, known
        variants, or a given or family name shared beside them with few edits between them."""
        if self._canonical(a) == self._canonical(b):
            return True
        from rapidfuzz.distance import Levenshtein

        return bool(beside.get(a, set()) & beside.get(b, set())) and \
            Levenshtein.distance(a, b) <= self.max_edits_with_shared_name

    def _canonical(self, word: str) -> str:
        word = self.variant_spellings.get(word, word).lower()
        for old, new in self.spelling_alternations.items():
            if old.startswith("^"):
                if word.startswith(old[1:]):
                    word = new + word[len(old) - 1:]
            else:
                word = word.replace(old, new)
        return word

    def _neighbours(self, text: str, start: int, end: int) -> set[str]:
        """The capitalised words right before and after a name (its given or family name)."""
        found = set()
        before = _NAME_BEFORE.search(text, max(0, start - 40), start)
        after = _NAME.match(text, end + 1) if text[end:end + 1] == " " else None
        for m in (before, after):
            if m and m.group(1 if m is before else 0) not in self.title_words:
                found.add(m.group(1 if m is before else 0))
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
