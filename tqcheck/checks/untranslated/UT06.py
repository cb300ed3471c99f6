import re
from functools import lru_cache

from tqcheck.finding import Severity
from tqcheck.rule import Rule
from tqcheck.text.langid import LATIN_SCRIPT


class SourceCountryName(Rule):
    """A country or territory named as the source language names it, where the target language
    names it otherwise ("Türkiye" in German, which writes "Türkei"; "Deutschland" in English).

    What it does: takes the names of countries and territories in the source and the target
    language from CLDR (through Babel) and flags, in the translation, a source-language name whose
    target-language name differs, with the target name as the suggestion. Names written alike in
    both languages, source names that are also a target name of some territory or a word of the target
    language ("Island", Iceland in German, is an English word) and names in another script (UT01's)
    are left alone.
    The source language is the article's (English unless known).
    Why it matters: raters mark a country name left in the source language as an untranslated
    fragment; readers of the target language expect their own name for it.
    Example:
        flag: Die Zahl der Opfer im Südosten von Türkiye stieg auf über 20.000.
        okay: Die Zahl der Opfer im Südosten der Türkei stieg auf über 20.000.
    """

    code = "UT06"
    name = "untranslated.source-country-name"
    category = "Accuracy/Untranslated text"
    severity = Severity.MINOR
    target_langs = LATIN_SCRIPT  # Latin-script targets (other scripts: CLDR names are in them)

    def applies_to(self, doc) -> bool:
        return super().applies_to(doc) and doc.lang != (doc.source_lang or "en")

    def check(self, doc):
        found = _names(doc.source_lang or "en", doc.lang)
        if found is None:
            return
        pattern, renamed = found
        for m in pattern.finditer(doc.text, doc.body_start):
            name = m.group()
            yield self.finding(doc, m.start(), m.end(),
                               f"'{name}' is the {doc.source_lang or 'en'} name; {doc.lang} writes '{renamed[name]}'.",
                               suggestion=renamed[name])


@lru_cache(maxsize=16)
def _names(source_lang: str, target_lang: str):
    """(pattern of the source names to flag, source name -> target name), or None without CLDR data."""
    from tqcheck.text.lexicon import frequency

    try:
        from babel import Locale, UnknownLocaleError

        source, target = Locale.parse(source_lang).territories, Locale.parse(target_lang).territories
    except (ImportError, ValueError, UnknownLocaleError):
        return None
    target_names = set(target.values())
    renamed = {}
    for code, name in source.items():
        if code.isdigit() or code not in target or len(name) < 4:
            continue  # regions (001, 150) and codes CLDR names in one language only
        if (target[code] != name and name not in target_names and name.lower() != target[code].lower()
                and all(ch < "\u0250" for ch in name) and not frequency(name, target_lang)):
            renamed[name] = target[code]  # Latin script: other scripts are UT01's; "Island" is an English word
    if not renamed:
        return None
    alternatives = "|".join(map(re.escape, sorted(renamed, key=len, reverse=True)))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])"), renamed
