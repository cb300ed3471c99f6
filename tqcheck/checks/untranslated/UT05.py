import re

from tqcheck.finding import Severity
from tqcheck.options import WordSet
from tqcheck.rule import Rule

_DATA = "untranslated/source-fragments.yml"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_QUOTES_OPEN = "\"“„«‚‘'»"
_QUOTES_CLOSE = "\"”“»’'«"


class SourceLanguageFragment(Rule):
    """A run of source-language words left inside a translation into another language
    (English left in German, for an English source).

    What it does: in a translation whose target language has a dictionary (pyspellchecker's: de,
    fr, es, it, pt, nl ...), looks for runs of at least two words that are common words of the
    source language (English unless the source language is known), unknown to the target
    language's dictionary, or function words of the source language that never occur in the
    target language ("of", "and", "the" in German). Short-span language identification (fastText,
    ``tqcheck.text.langid``) must then take the run for the source language. Names are left alone
    (a person or place name is not a common word), and so are quoted runs (titles of works, quoted
    English) and runs the source quotes too.
    Why it matters: an institution, a term or a phrase left in English reads as an untranslated
    fragment to readers of the target language (MQM: Accuracy/Source language fragment).
    Example:
        flag: Die Suche wurde von Tauchern und dem Lancashire Fire and Rescue Service unterstützt.
        flag: Er erklärte, das Department of Justice wolle die Regel nicht ändern.
        okay: Die Suche wurde von Tauchern und der Feuerwehr von Lancashire unterstützt.
        okay: Der Film „The Last of Us“ läuft am Montag im Fernsehen.
    """

    code = "UT05"
    name = "untranslated.source-fragment"
    category = "Accuracy/Untranslated text"
    severity = Severity.MAJOR
    #: Targets with a pyspellchecker dictionary; English targets are UT02-UT04's.
    target_langs = frozenset({"de", "es", "fr", "it", "nl", "pt"})

    #: The source-language dictionary's count from which a word is a common word there (not a name).
    min_source_frequency = 1000
    #: fastText's probability that the run is in the source language.
    min_probability = 0.50

    english_only_function_words = WordSet(_DATA, "English function words that never occur in German, French, Spanish ... text (of, and, the).")
    also_target_words = WordSet(_DATA, "English words common in the target languages' text that their dictionaries lack (Team, Online).")
    name_heads = WordSet(_DATA, "Last words of English place names, schools, courts and laws kept in English (Street, County, Act).")

    def applies_to(self, doc) -> bool:
        from tqcheck.text.lexicon import has_dictionary

        source_lang = doc.source_lang or "en"
        return (super().applies_to(doc) and doc.lang != "en" and doc.lang != source_lang
                and has_dictionary(doc.lang) and has_dictionary(source_lang))

    def check(self, doc):
        from tqcheck.text.langid import span_languages

        source_lang, target_lang = doc.source_lang or "en", doc.lang
        source_text = doc.source.text if doc.source is not None else None
        # Words the source writes in lower case only: common words there, never names.
        source_words = None
        if source_text:
            written = {m.group() for m in _WORD.finditer(source_text)}
            source_words = {w for w in written if w.islower()} - {w.lower() for w in written if not w.islower()}
        text = doc.text
        for start, end in doc.sentences:
            tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
            kinds = [self._kind(t[2], source_lang, target_lang) for t in tokens]
            i = 0
            while i < len(tokens):
                if kinds[i] != "core":
                    i += 1
                    continue
                last = i
                while (last + 1 < len(tokens) and kinds[last + 1] in ("core", "function")
                       and text[tokens[last][1]:tokens[last + 1][0]].isspace()):
                    last += 1  # a run never crosses punctuation
                while kinds[last] != "core":
                    last -= 1
                first, i = i, last + 1
                if last == first and not (source_words and tokens[first][2].lower() in source_words
                                          and text[tokens[first][0] - 1:tokens[first][0]] != "-"
                                          and text[tokens[first][1]:tokens[first][1] + 1] != "-"):
                    continue  # one word: only when the source writes it in lower case (a common word,
                    # not a name), and not as a part of a compound of the target (Reality-TV-Star)
                if tokens[last][2].lower() in self.name_heads:
                    continue  # Broad Street, Ocean County: a name
                a, b = tokens[first][0], tokens[last][1]
                run = text[a:b]
                if _quoted(text, a, b, start, end) or (source_text and _quoted_in(source_text, run)):
                    continue
                found = span_languages(run, 1)
                if not found or found[0][0] != source_lang or found[0][1] < self.min_probability:
                    continue
                yield self.finding(doc, a, b, f"'{run}' is left in the source language ({source_lang}).")

    def _kind(self, word: str, source_lang: str, target_lang: str) -> str:
        """'core' for a common source-language word the target language lacks, 'function' for a
        source function word the target never uses, '' otherwise."""
        from tqcheck.text.lexicon import frequency

        lower = word.lower()
        if source_lang == "en" and lower in self.english_only_function_words and not frequency(lower, target_lang):
            return "function"  # unless the target has the word too (Dutch "of")
        if len(lower) < 3 or lower in self.also_target_words:
            return ""
        if frequency(lower, source_lang) >= self.min_source_frequency and frequency(lower, target_lang) == 0:
            return "core"
        return ""


def _quoted(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """The run is the whole of a quotation, or inside one of at most six words."""
    before, after = text[sent_start:start].rstrip(), text[end:sent_end].lstrip()
    if before[-1:] in _QUOTES_OPEN and after[:1] in _QUOTES_CLOSE:
        return True
    opens = [before.rfind(q) for q in "“„«‚"]
    closes = [c for c in (after.find(q) for q in "”“»‘") if c >= 0]
    if max(opens) < 0 or not closes:
        return False
    return len(text[sent_start + max(opens) + 1:end + min(closes)].split()) <= 6


def _quoted_in(source: str, run: str) -> bool:
    """The source has the run in quotation marks (a title, a quoted term)."""
    at = source.find(run)
    while at >= 0:
        if source[at - 1:at] in _QUOTES_OPEN and source[at + len(run):at + len(run) + 1] in _QUOTES_CLOSE:
            return True
        at = source.find(run, at + 1)
    return False
