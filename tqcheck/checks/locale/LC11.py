from tqcheck.finding import Severity
from tqcheck.options import Table
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.locale_profile import base_language, format_number, profile

_LANGS = frozenset({"de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk"})


class ForeignNumberSeparators(Rule):
    """English digit separators in a language that writes a decimal comma ("20,000" in German).

    What it does: in an article whose language writes a decimal comma (CLDR, through Babel:
    German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian, Ukrainian), flags a
    number grouped the English way ("20,000", "1,234.5") and a decimal point before a quantity
    word of that language ("3.5 Prozent", from ``rules/data/locale/number-words.yml``), and
    suggests the number with the language's own separators ("20.000", "20 000", "3,5").
    Why it matters: MT copies the English source's digits; in German "20,000" reads as twenty.
    Example:
        flag: [de] Die Zahl der Toten stieg auf 20,000.
        flag: [de] Die Preise stiegen um 3.5 Prozent.
        okay: [de] Die Zahl der Toten stieg auf 20.000, die Preise um 3,5 Prozent am 3.5.2023 um 13.30 Uhr.
        flag: [fr] Plus de 20,000 personnes.
        okay: [fr] Plus de 20 000 personnes, soit 3,5 %.
    """

    code = "LC11"
    name = "locale.foreign-number-separators"
    category = "Locale convention/Number format"
    severity = Severity.MINOR
    target_langs = _LANGS

    quantity_words = Table("locale/number-words.yml", "Words after a number that make '3.5' a decimal, per language.",
                           values=[str])

    _grouped = lazy_compile(r"(?<![\d.,])([1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?(?![\d,]|\.\d)")
    _decimal = lazy_compile(r"(?<![\d.,])(\d+)\.(\d{1,2})(?![\d.])(?=\s?(\S+))")

    def check(self, doc):
        lang = base_language(doc.lang)
        prof = profile(lang)
        if prof.decimal != ",":
            return
        text = doc.text
        for m in self._grouped.finditer(text, doc.body_start):
            fixed = format_number(m.group(1).replace(",", ""), m.group(2) or "", prof)
            yield self.finding(doc, m.start(), m.end(), f"English digit grouping in '{m.group()}'; write {fixed}.",
                               fixed, fixable=True)
        words = {w.lower() for w in self.quantity_words.get(lang, ())}
        if not words:
            return
        for m in self._decimal.finditer(text, doc.body_start):
            after = m.group(3).rstrip(".,;:!?)").lower()
            if after in words:
                fixed = f"{m.group(1)}{prof.decimal}{m.group(2)}"
                yield self.finding(doc, m.start(), m.end(2),
                                   f"Decimal point in '{m.group(1)}.{m.group(2)}'; this language writes {fixed}.",
                                   fixed, fixable=True)
