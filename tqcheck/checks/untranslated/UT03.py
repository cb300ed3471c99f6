import re

from tqcheck.checks.untranslated.UT02 import ENGLISH_FUNCTION_WORDS
from tqcheck.finding import Severity
from tqcheck.rule import Rule

# Function words of the Latin-script languages MT most often leaves behind, minus every word that
# is also English or lives on in English phrases ("die", "hat", "son", "per", "pour", "tout",
# "hay", "der" in "von der Leyen", "de" in "de facto", "la" in "à la carte", "avant", "être").
FOREIGN_FUNCTION_WORDS = {
    "de": "und nicht dass ist sind wir ich auch noch mit für oder aber eine einen einem einer nach bei "
          "wurde wurden werden haben sich auf aus zum zur vom beim das wie wenn weil sehr schon nur jetzt "
          "heute gegen zwischen durch ohne seit während können müssen sollen wird",
    "fr": "un sont avec dans mais très aussi une qui nous vous ils elle leur sur été avoir cette ces où "
          "comme tous selon depuis lors ont peut doit",
    "es": "un el los las por pero muy está están más también una unos unas cuando porque desde hasta "
          "sobre fue ser esta este estos",
    "it": "un della degli delle nel nella nei sono anche perché più questo questa essere stato che gli "
          "alla alle dello sul sulla dalla hanno",
    "pl": "się jest oraz także przez już że być był była było tylko też który która które dla przy jego "
          "jej bardzo gdy aby może można został została",
    "cs": "jsou není také který která které jako už být byl byla bylo jeho její jejich když protože podle "
          "mezi přes ještě může však ani",
}
_FUNCTION_WORD_LANGS: dict[str, set[str]] = {}
for _lang, _words in FOREIGN_FUNCTION_WORDS.items():
    for _w in _words.split():
        _FUNCTION_WORD_LANGS.setdefault(_w, set()).add(_lang)
# Letters of these languages that English loanwords do not use (é, è, à, ç, ï are left out:
# café, déjà vu, façade, naïve); the few loanwords that do use them are listed.
_FOREIGN_LETTERS = re.compile("[äöüßąęłśźżćńčřšžěůñáíóúòùì]")
ENGLISH_LOANWORDS = frozenset("über jalapeño jalapeños piñata piñatas señor señora señorita mañana "
                              "doppelgänger müesli smörgåsbord".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTES = "\"“”«»‘’'„"


class ForeignLatinFragment(Rule):
    """A fragment in another Latin-script language inside an English sentence.

    What it does: in sentences that are English (enough English function words, so UT02 leaves
    them alone), looks for lower-case words that only other languages use: function words such
    as "und", "dass", "della", "się", or words with letters English loanwords never carry (ä, ł,
    ř ...). Only then is langdetect (seeded) asked about that run of words, and the run is
    flagged unless langdetect takes it for English. Capitalised words, words between two
    capitalised ones (names such as "Alternative für Deutschland") and quoted terms never
    trigger it. A foreign word without such a marker ("discorso") is not found.
    Why it matters: MT leaves a word or clause of the source untranslated when it does not know
    it; a reader loses the meaning at that point.
    Example:
        flag: The person fled to South Korea three years ago und ist jetzt über die Grenze zurückgekehrt.
        flag: Obama in un discorso in Detroit expressed hope that Congress would act della settimana.
        flag: When a large number of companies plötzlich applied for part-time work, the agency reacted.
        okay: The Alternative für Deutschland party gained seats, officials said.
        okay: He called the plan a “coup de théâtre” and left the room.
        okay: She ordered a jalapeño pizza at the café on the corner.
    """

    code = "UT03"
    name = "untranslated.foreign-fragment"
    category = "Accuracy/Untranslated text"
    severity = Severity.MAJOR

    min_probability = 0.80
    min_english_ratio = 0.12

    def check(self, doc):
        from tqcheck.langid import detect

        text = doc.text
        if not _may_trigger(doc):
            return  # no word of the article only another language uses: nothing would be flagged
        for start, end in doc.sentences:
            tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
            if len(tokens) < 4:
                continue
            english = sum(t.lower() in ENGLISH_FUNCTION_WORDS for _, _, t in tokens)
            if english / len(tokens) <= self.min_english_ratio:
                continue  # not an English sentence: UT02's job
            if not any(t[:1].isupper() for _, _, t in tokens):
                continue  # all lower case: names look like any other word
            i = 0
            while i < len(tokens):
                if not _trigger(tokens[i][2]):
                    i += 1
                    continue
                last = i
                while last + 1 < len(tokens) and _trigger(tokens[last + 1][2]):
                    last += 1
                first, i = i, last + 1
                span_start, span_end = tokens[first][0], tokens[last][1]
                if _inside_name(tokens, first, last) or _quoted(text, span_start, span_end, start, end):
                    continue
                run = text[span_start:span_end]
                lang, prob = detect(run)
                # A letter English never uses is evidence enough; a bare function word needs langdetect's confidence.
                if lang in ("en", "unknown") or (prob < self.min_probability and not _FOREIGN_LETTERS.search(run)):
                    continue
                yield self.finding(doc, span_start, span_end,
                                   f"Fragment appears untranslated (language '{lang}', p={prob:.2f}).")


def _may_trigger(doc) -> bool:
    """Whether some word of *doc* could be a ``_trigger``: a foreign function word, or a word
    with a letter English loanwords never carry (one search of the text finds those)."""
    if _FOREIGN_LETTERS.search(doc.text, doc.body_start):
        return True
    words = set()  # the words of each sentence, as check() finds them
    for start, end in doc.sentences:
        words.update(_TOKEN.findall(doc.text, start, end))
    return not words.isdisjoint(_FUNCTION_WORD_LANGS)


def _trigger(word: str) -> bool:
    """A lower-case word that only another language uses."""
    if not word[:1].islower() or word in ENGLISH_LOANWORDS:
        return False
    return word in _FUNCTION_WORD_LANGS or (len(word) >= 3 and bool(_FOREIGN_LETTERS.search(word)))


def _inside_name(tokens: list, first: int, last: int) -> bool:
    """Lower-case words between two capitalised ones belong to a name: Alternative für Deutschland."""
    return (first > 0 and tokens[first - 1][2][:1].isupper()
            and last + 1 < len(tokens) and tokens[last + 1][2][:1].isupper())


def _quoted(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """The words sit inside a short quotation (at most four words): a term quoted on purpose."""
    before, after = text[sent_start:start], text[end:sent_end]
    opens = [before.rfind(q) for q in "“«„"] + ([before.rfind('"')] if before.count('"') % 2 else [])
    closes = [after.find(q) for q in "”»\""]
    opened, closed = max(opens), min((c for c in closes if c >= 0), default=-1)
    if opened < 0 or closed < 0:
        return False
    return len(text[sent_start + opened + 1:end + closed].split()) <= 4
