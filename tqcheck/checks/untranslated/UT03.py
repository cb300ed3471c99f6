import re
from functools import cached_property
from itertools import filterfalse

from tqcheck.finding import Severity
from tqcheck.options import WordSet, Words
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.quotes import in_short_quotation

_DATA = "untranslated/function-words.yml"
# Hyphenated words are one token: a part of a hyphenated name ("Kim Jong-un") is never looked at alone.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+(?:['’][^\W\d_]+)?)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_CHAR = re.compile(r"\w")
_QUOTES = "\"“”«»‘’'„"


class ForeignLatinFragment(Rule):
    """A fragment in another Latin-script language inside an English sentence.

    What it does: in sentences that are English (enough English function words, so UT02 leaves
    them alone), looks for lower-case words that only other languages use: function words such
    as "und", "dass", "della", "się", or words with letters English loanwords never carry (ä, ł,
    ř ...). Only then is langdetect (seeded) asked about that run of words, and the run is
    flagged unless langdetect takes it for English. Capitalised words, words between two
    capitalised ones (names such as "Alternative für Deutschland"), parts of hyphenated
    names ("Kim Jong-un") and quoted terms never trigger it. A foreign word without such a marker
    ("discorso") is not found.
    Why it matters: MT leaves a word or clause of the source untranslated when it does not know
    it; a reader loses the meaning at that point.
    Example:
        flag: The person fled to South Korea three years ago und ist jetzt über die Grenze zurückgekehrt.
        flag: Obama in un discorso in Detroit expressed hope that Congress would act della settimana.
        flag: When a large number of companies plötzlich applied for part-time work, the agency reacted.
        okay: The Alternative für Deutschland party gained seats, officials said.
        okay: He called the plan a “coup de théâtre” and left the room.
        okay: She ordered a jalapeño pizza at the café on the corner.
        okay: North Korean leader Kim Jong-un met Moon Jae-in at the border.
    """

    code = "UT03"
    name = "untranslated.foreign-fragment"
    category = "Accuracy/Untranslated text"
    severity = Severity.MAJOR

    min_probability = 0.80
    min_english_ratio = 0.12

    foreign_function_words = WordSet(_DATA, "Function words of German, French, Spanish, Italian, Polish and Czech that English lacks (und, dass).")
    english_function_words = WordSet(_DATA, "English function words: a sentence with enough of them is English.")
    english_loanwords = WordSet(_DATA, "Loanwords with letters English otherwise never uses (jalapeño).")
    foreign_letters = Words(_DATA, "Letters English loanwords do not use (ä, ł, ř).")

    @cached_property
    def _foreign_letters(self):
        return lazy_compile(f"[{''.join(map(re.escape, self.foreign_letters))}]")

    def check(self, doc):
        from tqcheck.text.langid import detect

        text = doc.text
        foreign = self.foreign_function_words
        if not self._may_trigger(doc, foreign):
            return  # no word of the article only another language uses: nothing would be flagged
        english_words, loanwords = self.english_function_words, self.english_loanwords
        for start, end in doc.sentences:
            tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
            if len(tokens) < 4:
                continue
            english = sum(t.lower() in english_words for _, _, t in tokens)
            if english / len(tokens) <= self.min_english_ratio:
                continue  # not an English sentence: UT02's job
            if not any(t[:1].isupper() for _, _, t in tokens):
                continue  # all lower case: names look like any other word
            i = 0
            while i < len(tokens):
                if not self._trigger(tokens[i][2], foreign, loanwords):
                    i += 1
                    continue
                last = i
                while last + 1 < len(tokens) and self._trigger(tokens[last + 1][2], foreign, loanwords):
                    last += 1
                first, i = i, last + 1
                span_start, span_end = tokens[first][0], tokens[last][1]
                if _inside_name(tokens, first, last) or in_short_quotation(text, span_start, span_end, start, end):
                    continue
                run = text[span_start:span_end]
                lang, prob = detect(run)
                # A letter English never uses is evidence enough; a bare function word needs langdetect's confidence.
                if lang in ("en", "unknown") or (prob < self.min_probability and not self._foreign_letters.search(run)):
                    continue
                yield self.finding(doc, span_start, span_end,
                                   f"Fragment appears untranslated (language '{lang}', p={prob:.2f}).")

    def _may_trigger(self, doc, foreign: frozenset[str]) -> bool:
        """Whether some word of *doc* could be a ``_trigger``: a foreign function word, or a word
        with a letter English loanwords never carry (one search of the text finds those).

        A word ``check`` finds is a maximal run of letters inside its sentence, so it is one of the
        article's maximal ``\\w`` runs (``doc.index.words``), a letter run of such a run that holds
        digits or an underscore too ("2023und"), or cut off by a sentence edge that falls inside a run.
        """
        text = doc.text
        if not text.isascii() and self._foreign_letters.search(text, doc.body_start):
            return True
        words = doc.index.words
        if not words.isdisjoint(foreign):
            return True
        mixed = " ".join(filterfalse(str.isalpha, words))
        if not foreign.isdisjoint(_LETTERS.findall(mixed)):
            return True
        return _edge_inside_a_run(text, doc.sentences)

    def _trigger(self, word: str, foreign: frozenset[str], loanwords: frozenset[str]) -> bool:
        """A lower-case word that only another language uses; of a hyphenated word, a part, when
        no part is capitalised (a name such as "Jong-un" or "Kidawa-Błońska" is never looked at)."""
        if "-" in word:
            parts = word.split("-")
            return (not any(p[:1].isupper() for p in parts)
                    and any(self._trigger(p, foreign, loanwords) for p in parts))
        if not word[:1].islower() or word in loanwords:
            return False
        return word in foreign or (len(word) >= 3 and bool(self._foreign_letters.search(word)))


def _edge_inside_a_run(text: str, sentences: list[tuple[int, int]]) -> bool:
    """A sentence starts or ends inside a run of ``\\w`` characters (a safeguard: blingfire
    splits between words, so the characters around the edges, gathered at C speed, settle it)."""
    if not sentences:
        return False
    starts, ends = zip(*sentences)
    padded = f" {text} "  # padded[i + 1] == text[i]; a space stands before and after the text
    before = "".join(map(padded.__getitem__, starts))
    after = "".join(map(padded.__getitem__, map((1).__add__, ends)))
    if _WORD_CHAR.search(before) is None and _WORD_CHAR.search(after) is None:
        return False
    length = len(text)
    for start, end in sentences:
        if start > 0 and _word_char(text[start - 1]) and _word_char(text[start]):
            return True
        if end < length and _word_char(text[end - 1]) and _word_char(text[end]):
            return True
    return False


def _word_char(ch: str) -> bool:
    """A character of ``\\w`` (``re``'s definition for str)."""
    return ch.isalnum() or ch == "_"


def _inside_name(tokens: list, first: int, last: int) -> bool:
    """Lower-case words between two capitalised ones belong to a name: Alternative für Deutschland."""
    return (first > 0 and tokens[first - 1][2][:1].isupper()
            and last + 1 < len(tokens) and tokens[last + 1][2][:1].isupper())
