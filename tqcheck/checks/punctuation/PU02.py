from tqcheck.finding import Severity
from tqcheck.options import Table
from tqcheck.rule import Rule, iter_matches, lazy_compile
from tqcheck.text.locale_profile import base_language

_DATA = "punctuation/typography.yml"
_MARKS = "\"'«»‹›„‚“”‘’「」『』"
_DOUBLE = set("\"«»„“”「」")
#: What may stand before an opening quotation mark.
_OPENERS_BEFORE = set(" \t\r\n([{/–—-\u00a0\u202f") | set("«»„‚“”‘’‹›\"「『")


class ForeignQuotes(Rule):
    """Quotation marks of another language's typography.

    What it does: flags quotation marks that the article's language does not use, in the role
    they play (opening or closing), and suggests the language's own: English “ ” and ‘ ’
    (straight quotes allowed), German „…“ and ‚…‘ (»…« allowed), French « … » (PU19 asks for
    the no-break spaces), Russian and Ukrainian «…» with „…“ inside, Japanese 「…」. The marks
    come from CLDR (``rules/data/punctuation/typography.yml``). Straight " is flagged in every
    language but English, and so is a straight ' that opens a quotation (not an apostrophe).
    Why it matters: MT keeps the source's quotation marks, and an English source's straight or
    curly quotes in a German article are the commonest punctuation error reviewers mark.
    Example:
        flag: He called it «a total overkill».
        flag: He called it „a total overkill“.
        okay: He called it “a total overkill”.
        flag: [de] Er nannte es "einen dummen Fehler".
        flag: [de] Er nannte es “einen dummen Fehler”.
        okay: [de] Er nannte es „einen dummen Fehler“ und »eine Lehre«, sagt’s.
        flag: [fr] Il parle d'un "échec total".
        okay: [fr] Il parle d’un « échec total ».
        flag: [ru] Он назвал это "ошибкой".
        okay: [ru] Он назвал это «ошибкой».
    """

    code = "PU02"
    name = "punctuation.foreign-quotes"
    category = "Locale convention/Punctuation"
    severity = Severity.MINOR
    target_langs = frozenset()  # any language with quotation marks in the data (others: nothing)

    quotes = Table(_DATA, "Each language's quotation marks (CLDR): outer open, outer close, inner open, inner close.",
                   values=[str])
    also_open = Table(_DATA, "Other opening quotation marks a language accepts (German »…«).", values=[str])
    also_close = Table(_DATA, "Other closing quotation marks a language accepts.", values=[str])

    _pattern = lazy_compile(f"[{_MARKS}]")

    def check(self, doc):
        lang = base_language(doc.lang)
        marks = self.quotes.get(lang)
        if not marks or len(marks) != 4 or doc.text.isascii() and lang == "en":
            return
        outer_open, outer_close, inner_open, inner_close = marks
        opening = {outer_open, inner_open, *self.also_open.get(lang, ())}
        closing = {outer_close, inner_close, *self.also_close.get(lang, ())}
        text = doc.text
        cjk = lang in ("zh", "ja")
        single_open = -1  # a straight ' that opened a quotation, waiting for its partner
        for m in iter_matches(self._pattern, doc):
            char, i = m.group(), m.start()
            before = text[i - 1] if i > doc.body_start else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if char == '"':  # straight: opening and closing alternate along the line
                line_start = text.rfind("\n", 0, i) + 1
                opens = text.count('"', max(line_start, doc.body_start), i) % 2 == 0
            else:
                opens = before in _OPENERS_BEFORE and not after.isspace()
            if cjk:
                before = " "  # no spaces in CJK text: an opening mark may follow any character
            if char == "’":
                continue  # the apostrophe (and a closing quote where the language uses it)
            if char == "'":
                if char in opening:
                    continue
                if opens and after.isalpha():
                    single_open = i
                elif single_open >= 0 and before.isalnum() and not after.isalnum() and text.count("\n", single_open, i) == 0:
                    yield self._finding(doc, single_open, inner_open, lang)
                    yield self._finding(doc, i, inner_close, lang)
                    single_open = -1
                continue
            if char in opening and before in _OPENERS_BEFORE or char in closing and not after.isalnum():
                continue  # the language's own mark in a place it may stand
            double = char in _DOUBLE
            want = (outer_open if double else inner_open) if opens else (outer_close if double else inner_close)
            if want == char:
                continue
            yield self._finding(doc, i, want, lang)

    def _finding(self, doc, i, want, lang):
        char = doc.text[i]
        name = {"en": "English", "de": "German", "fr": "French", "ru": "Russian", "uk": "Ukrainian", "es": "Spanish",
                "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "zh": "Chinese",
                "ja": "Japanese", "cs": "Czech"}.get(lang, lang)
        marks = self.quotes[lang]
        uses = "“ ” and ‘ ’" if lang == "en" else f"{marks[0]}…{marks[1]} and {marks[2]}…{marks[3]}"
        return self.finding(doc, i, i + 1,
                            f"Foreign quotation mark '{char}'; {name} uses {uses}.",
                            want, fixable=True)
