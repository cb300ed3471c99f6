import re
from functools import cache, cached_property

from tqcheck.finding import Severity
from tqcheck.options import WordSet, Words
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.quotes import in_short_quotation
from tqcheck.text.langid import LATIN_SCRIPT
from tqcheck.text.letter_words import LETTER_WORD

_DATA = "untranslated/function-words.yml"
_PART = re.compile(r"[^\W\d_]+")
#: Languages that write their nouns with a capital letter: a capitalised source word there may be a noun.
CAPITALISED_NOUNS = frozenset({"de", "lb"})


class SourceWordsLeft(Rule):
    """A word of the Latin-script source left in the English translation (or, without the source,
    a word of another language that English does not use).

    What it does: in English sentences (enough English function words; a sentence in another
    language is UT02's), with the source beside the translation, flags a word of the translation that is
    also a word of its source sentence and is not an English word (the project's list of 20,000
    common English words and pyspellchecker's English dictionary). Without the source, a lower-case
    word that is not English is flagged when a dictionary of another language (pyspellchecker's
    German, French, Spanish, Italian, Portuguese and Dutch ones) has it or it carries a letter
    English never uses, and short-span language identification (fastText, ``tqcheck.text.langid``)
    of the word with its neighbours makes them less English than they are without it. Names are
    never looked at word by word: capitalised words inside a sentence (but German nouns found in a
    German source and its dictionary), acronyms, parts of hyphenated names, words between two
    capitalised words (Alternative für Deutschland) and quoted terms are left alone.
    Why it matters: MT copies a source word it does not know into the translation; the reader
    loses the meaning at that point (DEMETR's code-mix perturbation).
    Example:
        flag: On Wednesday, the committee again spent little czasu on the issue.
        flag: We cannot maximize kurzfristigen gains for our creditors.
        okay: On Wednesday, the committee again spent little time on the issue.
        okay: Rzeczpospolita reported that Kaczyński and Kidawa-Błońska met on Tuesday.
        okay: He called the plan a “coup de théâtre” and left the room.
    """

    code = "UT04"
    name = "untranslated.source-words"
    category = "Accuracy/Untranslated text"
    severity = Severity.MAJOR

    #: The share of English function words from which a sentence is English (below: UT02's).
    min_english_ratio = 0.12
    #: pyspellchecker's English count from which a word is English.
    min_english_frequency = 100
    #: A foreign dictionary's count from which a word is a word of that language (no source).
    min_foreign_frequency = 100
    #: Without the source: how much less English the word makes its neighbourhood.
    min_english_drop = 0.10
    #: Without the source: fastText's probability of a Latin-script language for the word alone.
    min_word_probability = 0.50
    #: ... in place of the neighbours' drop.
    min_opening_probability = 0.80
    #: A foreign dictionary's count from which a capitalised word opening a sentence is foreign.
    min_opening_frequency = 1000

    common_words = WordSet("untranslated/english-common.yml", "The 20,000 most frequent English words.")
    english_function_words = WordSet(_DATA, "English function words: a sentence with enough of them is English.")
    foreign_function_words = WordSet(_DATA, "Function words of German, French, Spanish, Italian, Polish and Czech that English lacks (und, dass).")
    english_loanwords = WordSet(_DATA, "Loanwords with letters English otherwise never uses (jalapeño).")
    foreign_letters = Words(_DATA, "Letters English loanwords do not use (ä, ł, ř).")
    dictionary_languages = Words("untranslated/source-words.yml", "Languages whose pyspellchecker dictionary tells, without the source, that a word is foreign.")
    not_foreign = WordSet("untranslated/source-words.yml", "Words shared by English and the sources that the English lists lack (units, abbreviations, Latin).")
    name_particles = WordSet("untranslated/source-words.yml", "Lower-case particles of names (von, de la): before a name, part of it.")
    english_suffixes = Words("untranslated/source-words.yml", "English endings: a word whose stem is English is English too.")

    @cached_property
    def _foreign_letter(self):
        return lazy_compile(f"[{''.join(map(re.escape, self.foreign_letters))}]")

    def is_english(self, word: str) -> bool:
        """Every part of *word* (between hyphens and apostrophes) is an English word."""
        return self._english_words(word.lower())

    @cached_property
    def _english_words(self):
        """_is_english, remembered: an article repeats its words, and a run its vocabulary."""
        return cache(self._is_english)

    def _is_english(self, lower: str) -> bool:
        if lower in self.english_loanwords or lower in self.not_foreign:
            return True
        if lower in self.foreign_function_words:
            return False
        if self._english_stem(lower):
            return True
        parts = _PART.findall(lower)
        return len(parts) > 1 and all(len(p) <= 3 or self._english_stem(p) for p in parts)

    def _english_stem(self, lower: str) -> bool:
        """*lower* is an English word, or an English word with an English ending: first among the
        common words, then in the dictionary (a short article then often never loads it)."""
        from tqcheck.text.lexicon import frequency

        candidates = [lower]
        for suffix in self.english_suffixes:
            stem = lower[:-len(suffix)]
            if lower.endswith(suffix) and len(stem) >= 3:
                candidates += [stem, stem + "e"] + ([stem + "y"] if suffix == "ies" else [])
        return (any(w in self.common_words for w in candidates)
                or any(frequency(w, "en") >= self.min_english_frequency for w in candidates))

    def check(self, doc):
        source_words = self._source_words(doc)
        text = doc.text
        function_words = self.english_function_words
        for (start, end), words, lower in zip(doc.sentences, doc.sentence_words, doc.sentence_lower_words):
            if len(words) < 3:
                continue
            english = sum(map(function_words.__contains__, lower))
            if english / len(words) <= self.min_english_ratio:
                continue  # not an English sentence: UT02's job
            # The tests that need only the word come first, over the whole sentence at C speed: most
            # sentences have no word that could be flagged.
            if source_words is not None:
                if source_words.keys().isdisjoint(lower):
                    continue
                maybe = [i for i, w in enumerate(lower) if w in source_words]
            else:
                evidence, inside = self._foreign_evidence, self._could_be_foreign_inside
                if not any(map(inside, words)) and evidence(words[0]) is None:
                    continue
                maybe = [i for i, w in enumerate(words) if (evidence(w) is not None if i == 0 else inside(w))]
            tokens = [(m.start(), m.end(), m.group()) for m in LETTER_WORD.finditer(text, start, end)]
            for i in maybe:
                a, b, word = tokens[i]
                if not self._looked_at(tokens, i) or (a and text[a - 1] in "./@_#") or text[b:b + 1] in "@_":
                    continue  # a name, or part of an address (Aktuálne.cz, @handle)
                if source_words is not None:
                    found = self._source_word(doc, word, i, source_words)
                else:
                    found = self._foreign_word(tokens, i)
                if found and not in_short_quotation(text, a, b, start, end):
                    yield self.finding(doc, a, b, found)

    # -- which words ------------------------------------------------------------------------------
    def _looked_at(self, tokens: list, i: int) -> bool:
        """Not a name: a lower-case word, or a capitalised one opening the sentence; never an
        acronym, a hyphenated word with a capitalised part or a word between two capitalised ones."""
        word = tokens[i][2]
        parts = _PART.findall(word)
        if len(parts) > 1 and any(p[:1].isupper() for p in parts):
            return False  # Kidawa-Błońska, Jean-de-Luz, al-Sisi's: a name
        if sum(ch.isupper() for ch in word) > 1:
            return False  # NATO, McDonald, iPhone
        if 0 < i < len(tokens) - 1 and tokens[i - 1][2][:1].isupper() and tokens[i + 1][2][:1].isupper():
            return False  # Alternative für Deutschland
        following = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        if word.lower() in self.name_particles:
            j = i + 1
            while j < len(tokens) and tokens[j][2].lower() in self.name_particles:
                j += 1
            if j < len(tokens) and tokens[j][2][:1].isupper():
                return False  # Ursula von der Leyen, de la Cruz
        if i == 0 and word[:1].isupper() and following[:1].isupper():
            return False  # Deutsche Welle, opening the sentence
        return True

    def _source_words(self, doc) -> dict[str, set[str]] | None:
        """The source's words by lower-case form, with how they are written there; None without a
        Latin-script source."""
        source = doc.source
        if source is None or (doc.source_lang and doc.source_lang not in LATIN_SCRIPT):
            return None
        letters = [ch for ch in source.text if ch.isalpha()]
        if not letters or sum(ord(ch) < 0x250 for ch in letters) < 0.8 * len(letters):
            return None
        words: dict[str, set[str]] = {}
        for m in LETTER_WORD.finditer(source.text):
            words.setdefault(m.group().lower(), set()).add(m.group())
        return words

    def _source_word(self, doc, word: str, i: int, source_words: dict[str, set[str]]) -> str | None:
        from tqcheck.text.lexicon import frequency, has_dictionary

        lower = word.lower()
        if lower not in source_words or len(lower) < 2 or self.is_english(word):
            return None
        lang = doc.source_lang
        if word[:1].isupper():
            in_dictionary = has_dictionary(lang) and frequency(lower, lang) > 0
            if i > 0:  # capitalised inside the sentence: a name, but for a German noun
                if not (lang in CAPITALISED_NOUNS and in_dictionary):
                    return None
            elif not (in_dictionary or lower in source_words[lower]):
                return None  # a name opening the sentence (Kolonko announced ...): never identified word by word
        return f"Source word '{word}' left untranslated."

    def _foreign_word(self, tokens: list, i: int) -> str | None:
        """Without the source: the word at *i*, one that ``check`` found may be foreign (its
        ``_foreign_evidence`` is not None), makes its neighbours less English, or fastText is sure
        of it alone."""
        from tqcheck.text.langid import span_probability

        word = tokens[i][2]
        if not self._foreign_evidence(word):  # fastText alone is not sure: the neighbours decide
            before = " ".join(t[2] for t in tokens[max(i - 2, 0):i])
            after = " ".join(t[2] for t in tokens[i + 1:i + 3])
            drop = span_probability(f"{before} {after}", "en") - span_probability(f"{before} {word} {after}", "en")
            if drop < self.min_english_drop:
                return None
        return f"Word '{word}' appears to be in another language, left untranslated."

    @cached_property
    def _foreign_evidence(self):
        """_word_evidence, remembered."""
        return cache(self._word_evidence)

    @cached_property
    def _could_be_foreign_inside(self):
        """Whether *word*, inside a sentence (not opening it), may be flagged without the source:
        never a capitalised one (a name). Remembered."""
        evidence = self._foreign_evidence
        return cache(lambda word: not word[:1].isupper() and evidence(word) is not None)

    def _word_evidence(self, word: str) -> bool | None:
        """None when *word* is never flagged; else whether fastText alone is sure enough that it is
        foreign (no need of its neighbours). The dictionaries are consulted last: most words are
        settled before, and a language's dictionary loads only when a word gets that far."""
        from tqcheck.text.langid import span_languages
        from tqcheck.text.lexicon import frequency

        lower = word.lower()
        if len(lower) < 3 or self.is_english(word):
            return None
        found = span_languages(lower, 1)
        lang, prob = found[0] if found else ("unknown", 0.0)
        identified = lang in LATIN_SCRIPT and prob >= self.min_word_probability
        marked = lower in self.foreign_function_words or bool(self._foreign_letter.search(lower))
        if word[:1].isupper():  # opening the sentence, where names stand too: stronger evidence
            enough, threshold = marked, self.min_opening_frequency
        else:
            enough, threshold = marked or identified, self.min_foreign_frequency
        if not (enough or any(frequency(lower, lang) >= threshold for lang in self.dictionary_languages)):
            return None
        return identified and prob >= self.min_opening_probability
