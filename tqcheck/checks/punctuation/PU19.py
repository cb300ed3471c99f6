from tqcheck.finding import Severity
from tqcheck.options import Table
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.locale_profile import base_language


class MissingFixedSpace(Rule):
    """No (or an ordinary) space before ; : ! ? or inside « », where French sets a no-break space.

    What it does: in a French article, flags ; : ! ? glued to the word before it or after an
    ordinary space, and « » without a no-break space inside; suggests the fixed space of
    ``rules/data/punctuation/typography.yml`` (narrow no-break before ; ! ?, no-break before :
    and inside guillemets). Times (14:30) and web addresses (https://) are left alone.
    Why it matters: French typography sets these marks off with a space that never breaks the
    line; MT from English glues them, and an ordinary space lets the mark wrap to the next line.
    Example:
        flag: [fr] Attention: la route est fermée!
        flag: [fr] Il a parlé d’un «échec».
        okay: [fr] Attention\u00a0: la route est fermée\u202f! Départ à 14:30, voir https://example.fr.
        okay: [fr] Il a parlé d’un «\u00a0échec\u00a0».
    """

    code = "PU19"
    name = "punctuation.missing-fixed-space"
    category = "Locale convention/Punctuation"
    severity = Severity.MINOR
    target_langs = frozenset({"fr"})

    space_before = Table("punctuation/typography.yml", "The fixed space before ; : ! ? per language.",
                         values={str: str})
    space_inside_guillemets = Table("punctuation/typography.yml", "The fixed space inside « » per language.")

    _marks = lazy_compile(r"(?<=[\w»)\]”\"'])( ?)([;:!?]+)(?=\s|$|[»)\]”])")
    _open = lazy_compile(r"«( ?)(?=\w)")
    _close = lazy_compile(r"(?<=[\w.!?…])( ?)»")

    def check(self, doc):
        lang = base_language(doc.lang)
        before = self.space_before.get(lang, {})
        inside = self.space_inside_guillemets.get(lang)
        text = doc.text
        if before:
            for m in self._marks.finditer(text, doc.body_start):
                mark = m.group(2)[0]
                if mark not in before:
                    continue
                yield self.finding(doc, m.start(), m.end(2), f"'{mark}' needs a no-break space before it.",
                                   before[mark] + m.group(2), fixable=True)
        if inside:
            for pattern, fix in ((self._open, "«" + inside), (self._close, inside + "»")):
                for m in pattern.finditer(text, doc.body_start):
                    yield self.finding(doc, m.start(), m.end(), "Guillemets need a no-break space inside.", fix,
                                       fixable=True)
