from tqcheck.finding import Severity
from tqcheck.options import Table
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.locale_profile import base_language


class LocaleDash(Rule):
    """A spaced hyphen used as a dash, where the language sets its own dash.

    What it does: flags " - " between two words in an article whose language sets a spaced dash
    between clauses and suggests that dash (German, French, Dutch, Polish, Italian: the en dash
    "–"; Russian, Ukrainian, Spanish, Portuguese: the em dash "—"; from
    ``rules/data/punctuation/typography.yml``). Number ranges ("10 - 12") and list markers at
    the start of a line are left alone.
    Why it matters: MT from English keeps a typed hyphen where the target's typography has a
    dash; German reviewers mark it (en-de dev: every spaced hyphen in the MT is inside a
    Fluency/Punctuation mark). English is PU11's (off by default: English raters do not mark it).
    Example:
        flag: [de] Er wirkte gesund, aber benommen - offenbar nach dem Winterschlaf.
        okay: [de] Er wirkte gesund, aber benommen – offenbar nach dem Winterschlaf.
        okay: [de] Das Spiel endete 10 - 12, die Ein- und Ausfuhr stieg.
        flag: [ru] Москва - столица России.
        okay: [ru] Москва — столица России.
    """

    code = "PU17"
    name = "punctuation.locale-dash"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    target_langs = frozenset({"de", "fr", "nl", "pl", "it", "ru", "uk", "es", "pt"})

    dashes = Table("punctuation/typography.yml", "The dash each language sets, spaced, between clauses.")

    _pattern = lazy_compile(r" - (?<=\S - )(?=\S)")

    def check(self, doc):
        dash = self.dashes.get(base_language(doc.lang))
        if not dash:
            return
        text = doc.text
        for m in self._pattern.finditer(text, doc.body_start):
            if text[m.start() - 1].isdigit() and text[m.end()].isdigit():
                continue  # a range or a score
            hyphen = m.start() + 1
            yield self.finding(doc, hyphen, hyphen + 1, f"Spaced hyphen used as a dash; this language uses '{dash}'.",
                               dash, fixable=True)
