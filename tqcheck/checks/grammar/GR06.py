import re

from tqcheck.finding import Severity
from tqcheck.options import WordSet
from tqcheck.rule import Rule

#: What before a word makes it the first of a sentence (or of a quotation, or of a line).
_SENTENCE_START = re.compile(r"(?:^|[.!?:;„“\"»«(\n–—-]\s*)$")


class MixedRegister(Rule):
    """Formal (Sie) and informal (du) address mixed in one German article.

    What it does: counts the informal forms (du, dich, dein ...) and the formal ones (Sie,
    Ihnen, Ihr ... capitalised in mid-sentence; a capital at a sentence start may be "sie") of
    ``rules/data/grammar/register-de.yml``; when an article has both, flags each form of the
    rarer register (on a tie, the informal ones).
    Why it matters: English "you" has one form; MT picks du or Sie sentence by sentence, and a
    reader addressed both ways in one text notices (MQM: Fluency/Register).
    Example:
        flag: [de] Wenn Sie Fragen haben, rufen Sie uns an. Wir helfen dir gern.
        okay: [de] Wenn Sie Fragen haben, rufen Sie uns an. Wir helfen Ihnen gern.
        okay: [de] Sie sagte, du bist mein Freund. Sie lachte.
    """

    code = "GR06"
    name = "grammar.mixed-register"
    category = "Fluency/Register"
    severity = Severity.MINOR
    target_langs = frozenset({"de"})

    informal_forms = WordSet("grammar/register-de.yml", "Informal (du) forms of address.")
    formal_forms = WordSet("grammar/register-de.yml", "Formal (Sie) forms of address, capitalised.")

    _word = re.compile(r"\b[A-Za-zÄÖÜäöüß]+\b")

    def check(self, doc):
        text = doc.text
        informal, formal = [], []
        lower_informal = {w.lower() for w in self.informal_forms}
        for m in self._word.finditer(text, doc.body_start):
            word = m.group()
            if word.lower() in lower_informal and (word.islower() or not _starts_sentence(text, m.start())):
                informal.append(m)
            elif word in self.formal_forms and not _starts_sentence(text, m.start()):
                formal.append(m)
        if not informal or not formal:
            return
        minority, other = (informal, "formal (Sie)") if len(informal) <= len(formal) else (formal, "informal (du)")
        for m in minority:
            yield self.finding(doc, m.start(), m.end(),
                               f"'{m.group()}' mixes registers: the article mostly uses the {other} address.")


def _starts_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 4):start])) or start == 0
