import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Entries, Table, WordSet
from tqcheck.rule import Rule

#: A run of letters with an inner apostrophe (don't, Putin's); hyphens split compounds into parts.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_HYPHENS = "-‐‑–"
#: A white-space-delimited chunk that is a URL, an address, a handle, a hashtag or a path.
_NOT_PROSE = re.compile(r"://|www\.|@|#|/|\\|_|\.[a-z]{2,4}\b(?!\s)|\w\.\w")


class Misspelling(Rule):
    """A word that is not in the dictionary and is one edit away from a word that is ("goverment").

    What it does: looks each lower-case word of an English or German article up in
    pyspellchecker's dictionary for the language (shipped in its wheel) and flags a word the
    dictionary lacks when a dictionary word is one edit (a letter added, dropped, changed or two
    letters swapped) away, suggesting the most frequent such word. Precision first, it skips
    words with a capital letter (names, acronyms, German nouns), words of fewer than
    ``min-length`` letters, words with digits, URLs, addresses and handles, hyphenated compounds
    (a part of one is not a word on its own: "multi-", "year-olds"), British spellings of words the
    dictionary has in their American form (``spelling-variants``), ``known-words`` and the English terms of the bilingual glossary.
    Why it matters: a misspelling is an MQM Fluency/Spelling error; MT rarely makes them, but
    post-editing and source typos carried over do. Off by default: the dictionaries do not know
    every term of the news, and a word with no dictionary word one edit away is left alone.
    Example:
        flag: The goverment said it would recieve the delegation.
        flag: [de] Die Regierung hat das Gesetz gestern beschlosen.
        okay: The government said it would receive the delegation.
        okay: Xi Jinping met NATO officials on WeChat at https://examp.le/goverment and a well-known e-mail.
        okay: The cryptocurrency's decarbonisation is a long-term goal.
    """

    code = "SP01"
    name = "spelling.misspelling"
    category = "Fluency/Spelling"
    severity = Severity.MINOR
    default_enabled = False
    target_langs = frozenset({"en", "de"})

    known_words = WordSet("spelling/known-words.yml", "Correct words the dictionaries lack (never flagged).")
    spelling_variants = Table("spelling/known-words.yml", "British letters and their American form: a word is known if its "
                              "American form is (organise: organize, programme: program).")
    glossary = Entries("bilingual/glossary/", "Bilingual glossary: its English terms are never flagged.",
                       key="source", fields={"source": str, "target": str, "note": str}, required=("target",))

    #: Shorter words are skipped: one edit from a short word reaches many words.
    min_length = 4

    @cached_property
    def _known(self) -> frozenset[str]:
        words = {w.lower() for w in self.known_words}
        for entry in self.glossary:
            words.update(w.lower() for w in _WORD.findall(entry["target"]))
        return frozenset(words)

    def _variants(self, word: str):
        for british, american in self.spelling_variants.items():
            at = word.find(british)
            while at > 0:
                yield word[:at] + american + word[at + len(british):]
                at = word.find(british, at + 1)

    @cached_property
    def _checkers(self) -> dict:
        return {}

    def _checker(self, lang: str):
        checker = self._checkers.get(lang)
        if checker is None:
            from spellchecker import SpellChecker  # loads the language's dictionary (~1 s): on first use

            checker = self._checkers[lang] = SpellChecker(language=lang, distance=1, case_sensitive=False)
        return checker

    def check(self, doc):
        text = doc.text
        checker = self._checker(doc.lang)
        known = self._known
        seen: dict[str, str | None] = {}
        for chunk in re.finditer(r"\S+", text[doc.body_start:]):
            if _NOT_PROSE.search(chunk.group()) or any(c.isdigit() for c in chunk.group()):
                continue
            base = doc.body_start + chunk.start()
            for m in _WORD.finditer(chunk.group()):
                word = m.group()
                if len(word) < self.min_length or not word.islower() or _in_compound(chunk.group(), m):
                    continue
                key = word.replace("’", "'")
                if key not in seen:
                    seen[key] = self._correction(checker, key, known)
                suggestion = seen[key]
                if suggestion:
                    yield self.finding(doc, base + m.start(), base + m.end(),
                                       f"'{word}' is not in the dictionary; did you mean '{suggestion}'?", suggestion)

    def _correction(self, checker, word: str, known: frozenset[str]) -> str | None:
        """The dictionary word one edit from *word*, if *word* is not a word itself."""
        stem = word.split("'", 1)[0]
        if word in known or stem in known or word in checker or stem in checker:
            return None
        if any(variant in checker for variant in self._variants(word)):
            return None  # a British spelling of a word the dictionary has in its American form
        candidates = checker.edit_distance_1(word) & checker.word_frequency.dictionary.keys()
        if not candidates:
            return None
        return max(candidates, key=lambda w: (checker.word_frequency[w], w))


def _in_compound(chunk: str, m: re.Match) -> bool:
    """A part of a hyphenated compound ("multi-party", "year-olds"): prefixes and parts of
    compounds are not words of the dictionary on their own."""
    before, after = chunk[m.start() - 1:m.start()], chunk[m.end():m.end() + 1]
    return (m.start() > 0 and before in _HYPHENS) or (after != "" and after in _HYPHENS)
