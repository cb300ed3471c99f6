from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches, lazy_compile
from tqcheck.text.langid import LATIN_SCRIPT

# Letter ranges of scripts that English text does not use. Ideographic and syllabic scripts
# count from one character, alphabets from two letters (a lone Greek "α" is a symbol).
# A lone Cyrillic letter standing as a word is the conjunction or preposition MT left behind
# ("soldiers и the military"); Greek and the others keep the two-letter minimum.
SCRIPTS = {
    "Cyrillic": ("\u0400-\u04ff\u0500-\u052f", 2),
    "Greek": ("\u0370-\u03ff\u1f00-\u1fff", 2),
    "Armenian": ("\u0530-\u058f", 2),
    "Georgian": ("\u10a0-\u10ff", 2),
    "Hebrew": ("\u05d0-\u05ea\u05f0-\u05f4", 2),
    "Arabic": ("\u0600-\u06ff\u0750-\u077f", 2),
    "Devanagari": ("\u0900-\u097f", 2),
    "Thai": ("\u0e00-\u0e7f", 2),
    "Hangul": ("\uac00-\ud7af\u1100-\u11ff", 1),
    "Kana": ("\u3040-\u30ff", 1),
    "Han": ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff", 1),
}
_JOINERS = r"[\s\-'’.,:;!?()\d\u3000-\u303f\uff0c\uff01\uff1f\uff1a\uff1b]"
_QUOTES = "\"“”«»‘’'("
SINGLE_LETTER_WORD_SCRIPTS = frozenset({"Cyrillic"})


class ForeignScript(Rule):
    """Text in a script English (or another Latin-script target) does not use (Cyrillic, CJK, Arabic, Hebrew, Greek ...).

    What it does: flags each run of letters of one foreign script, with the spaces and punctuation
    inside the run, as one finding. A short quoted or bracketed gloss ("the word “спасибо”",
    "(Верховна Рада)") is left alone: it is there on purpose.
    Why it matters: untranslated source text is an accuracy error that readers cannot get past.
    Example:
        flag: The minister said: Мы не будем вести переговоры.
        flag: The plan was approved by 国务院 yesterday.
        flag: Rescuers, soldiers of the National Guard и the military helped.
        okay: The minister said he would not negotiate.
        okay: People say “спасибо” to thank someone.
        okay: The angle α is small.
    """

    code = "UT01"
    name = "untranslated.foreign-script"
    category = "Accuracy/Untranslated text"
    severity = Severity.MAJOR
    #: Any target written in the Latin script: a run of another script is foreign to all of them.
    target_langs = frozenset({"en"}) | LATIN_SCRIPT

    def __init__(self) -> None:
        parts = []
        for script, (ranges, minimum) in SCRIPTS.items():
            run = f"[{ranges}]+(?:{_JOINERS}+[{ranges}]+)*"
            parts.append(f"(?P<{script}>{run})")
        self._pattern = lazy_compile("|".join(parts))  # compiled for the first non-ASCII article
        # Every run starts with a letter of one of the scripts: one character class finds the
        # first such letter at C speed (an alternation of classes is tried at every position).
        self._first_letter = lazy_compile("[" + "".join(ranges for ranges, _ in SCRIPTS.values()) + "]")
        self._minimum = {script: minimum for script, (_, minimum) in SCRIPTS.items()}

    def check(self, doc):
        text = doc.text
        if text.isascii():  # every script above lies outside ASCII (isascii is O(1) in CPython)
            return
        first = self._first_letter.search(text, doc.body_start)
        if first is None:
            return
        for m in iter_matches(self._pattern, doc, first.start()):
            script = m.lastgroup
            letters = sum(ch.isalpha() for ch in m.group())
            start, end = m.span()
            if letters < self._minimum[script] and not (
                    script in SINGLE_LETTER_WORD_SCRIPTS and _standalone_word(text, start, end)):
                continue
            if self._is_gloss(text, start, end):
                continue
            yield self.finding(doc, start, end, f"Untranslated {script} text.")

    @staticmethod
    def _is_gloss(text: str, start: int, end: int) -> bool:
        """A quoted or bracketed term of at most three words."""
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        words = len(text[start:end].split())
        return words <= 3 and before in _QUOTES and after in "\"“”«»’')" and after != ""


def _standalone_word(text: str, start: int, end: int) -> bool:
    """The run is a word of its own: spaces on both sides (not a homoglyph inside a Latin word)."""
    return (start > 0 and text[start - 1] == " ") and (end < len(text) and text[end] == " ")
