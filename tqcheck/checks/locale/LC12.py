from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.locale_profile import base_language, format_date, profile

_LANGS = frozenset({"de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "zh", "ja"})


class ForeignDateFormat(Rule):
    """A date written the English way ("May 5, 2023") in another language.

    What it does: in an article of another language, flags an English month name followed by a
    day ("May 5", "September 11, 2001") and suggests the date in the language's CLDR long
    pattern with its month names (through Babel: German "5. Mai 2023", French "5 mai 2023").
    Why it matters: MT leaves the English month name or order; German writes the day first.
    Example:
        flag: [de] Das Treffen fand am May 5, 2023 statt.
        flag: [de] Am September 11 gedenken viele der Opfer.
        okay: [de] Das Treffen fand am 5. Mai 2023 statt, im September 2023 ein weiteres.
    """

    code = "LC12"
    name = "locale.foreign-date-format"
    category = "Locale convention/Date format"
    severity = Severity.MINOR
    target_langs = _LANGS

    months = Words("locale/months.yml", "English month names (the first twelve are the full names, in order).")

    _pattern = lazy_compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                            r" (\d{1,2})(?:st|nd|rd|th)?\b(?:,? ((?:1[89]|20)\d\d)\b)?(?![.:]\d)")

    def check(self, doc):
        lang = base_language(doc.lang)
        names = list(self.months[:12])
        prof = profile(lang)
        for m in self._pattern.finditer(doc.text, doc.body_start):
            month, day = names.index(m.group(1)) + 1, int(m.group(2))
            if not 1 <= day <= 31:
                continue
            year = int(m.group(3)) if m.group(3) else 2000
            fixed = format_date(year, month, day, lang, "long")
            if fixed is None:
                continue
            if not m.group(3):  # no year: the long pattern without it
                fixed = _without_year(fixed)
            yield self.finding(doc, m.start(), m.end(), f"English date '{m.group()}'; {prof.lang} writes '{fixed}'.",
                               fixed, fixable=True)


def _without_year(date: str) -> str:
    import re

    return re.sub(r"[ ,]*(?:de )?2000(?:\s*(?:г|р)\.)?|2000年", "", date).strip()
