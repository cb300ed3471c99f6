import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, lazy_compile

_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"
_DATA = "names/organisations.yml"


class LowercaseOrganisation(Rule):
    """An organisation's name written in lower case although the article capitalises it elsewhere.

    What it does: collects the capitalised multi-word names with an organisation noun (Ministry,
    Committee, Duma, Directorate ...) written in mid-sentence, outside title-case lines, and flags
    the same words in lower case elsewhere in the article.
    Why it matters: MT loses the capitals of a name it did not recognise ("the state duma"), which
    turns a proper name into a description; one article should write one name one way.
    Off by default: news style lower-cases generic descriptions of bodies ("the arbitration
    court", "the defence ministry") even when the full name is capitalised nearby, and the rule
    cannot tell those from a lost proper name; on the development corpus it fired as often on
    the human references as on MT. Select it (NM03) for house styles that capitalise throughout.
    Example:
        flag: The State Duma met on Monday. Deputies of the state duma voted for the bill.
        okay: The State Duma met on Monday. Deputies of the Duma voted for the bill.
        okay: The Defence Ministry said so. A ministry official confirmed it.
    """

    code = "NM03"
    name = "names.lowercase-organisation"
    category = "Fluency/Spelling"
    severity = Severity.MINOR
    default_enabled = False

    organisation_heads = Words(_DATA, "Head nouns that make a capitalised phrase an organisation's name.")
    name_links = Words(_DATA, "Lower-case words that may join the words of a name (of the).")

    @cached_property
    def _name(self):
        links = "|".join(f"{re.escape(link)} " for link in self.name_links)
        return lazy_compile(rf"\b{_WORD}(?: (?:{links})?{_WORD})+\b")

    @cached_property
    def _head(self):
        return lazy_compile(rf"\b(?:{'|'.join(map(re.escape, self.organisation_heads))})\b")

    def check(self, doc):
        text = doc.text
        names = set()
        for start, end in doc.sentences:
            words = text[start:end].split()
            if text[start:end].rstrip()[-1:] not in '.!?"”' and sum(w[:1].isupper() for w in words) > 0.5 * len(words):
                continue  # a headline in title case proves nothing about the name
            for m in self._name.finditer(text, start, end):
                name = _strip_article(m.group())
                name_start = m.end() - len(name)
                if name_start != start and self._head.search(name) and len(name.split()) >= 2:
                    names.add(name)
        if not names:
            return
        lower = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n.lower()) for n in sorted(names, key=len, reverse=True)))
        for m in lower.finditer(text, doc.body_start):
            proper = next(n for n in names if n.lower() == m.group())
            yield self.finding(doc, m.start(), m.end(),
                               f"'{m.group()}' is written '{proper}' elsewhere in this article.", proper)


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:The|A|An) ", "", name)
