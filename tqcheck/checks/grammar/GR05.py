import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches, lazy_compile

# Subjects that are states or institutions: Russian gives them grammatical gender (Россия - she,
# противник - he) and MT carries it into English pronouns.
STATES = (
    "Russia Ukraine Belarus Germany France Britain England America China Japan India Poland Turkey Iran Israel "
    "Georgia Moldova Kazakhstan Europe Moscow Kyiv Kiev Washington Beijing Berlin Paris London Warsaw Minsk "
    "NATO"
).split()
ACTORS = r"(?:%s|the (?:enemy|adversary|aggressor|opponent|Kremlin|regime|West|country|state|government|alliance|side))" % "|".join(STATES)
# Nouns a state has: "Russia and her allies", "Ukraine defends her sovereignty".
STATE_NOUNS = ("allies ally interests territory territories borders border citizens army sovereignty security "
               "economy neighbours neighbors troops independence leadership national").split()
_REFLEXIVE = lazy_compile(rf"\b{ACTORS}(?:,)? (?:(?:has |had |did not |didn't |never |even |once |also |already )?\w+ )?(himself|herself)\b")
_POSSESSIVE = lazy_compile(rf"\b{ACTORS}\b(?:(?![.;!?\n]).){{0,80}}?\b(her|his)(?= (?:own )?(?:{'|'.join(STATE_NOUNS)})\b)")
# What every _POSSESSIVE match has from its pronoun on; searched from its first letter at C speed,
# it spares the scan for a state before "his"/"her" in most articles (which have no "his army").
_PRONOUN_AND_NOUN = lazy_compile(rf"h(?:er|is) (?:own )?(?:{'|'.join(STATE_NOUNS)})\b")


class GenderedPronoun(Rule):
    """A state or institution referred to as "he" or "she" ("the enemy allowed himself", "Russia and her allies").

    What it does: flags "himself"/"herself" right after a state, capital, "the enemy", "the
    Kremlin" and the like, and "her"/"his" before a state's nouns (allies, territory, borders,
    sovereignty, army ...) later in the same sentence, and suggests "itself"/"its".
    Why it matters: Russian nouns have grammatical gender, so a country is "she" and "the enemy"
    is "he"; English uses "it" (or "they"), and the gendered pronoun reads as a translation slip.
    Example:
        flag: While the enemy allowed himself to attack the Kremlin, Russia refrained.
        flag: Russia will defend her borders and her allies.
        okay: While the enemy allowed itself to attack the Kremlin, Russia refrained.
        okay: Russia will defend its borders, the minister said, and she thanked her staff.
    """

    code = "GR05"
    name = "grammar.gendered-pronoun"
    category = "Fluency/Grammar"
    severity = Severity.MINOR

    def check(self, doc):
        text = doc.text
        for m in iter_matches(_REFLEXIVE, doc):  # skipped where 'himself'/'herself' never occur
            start, end = m.span(1)
            yield self.finding(doc, start, end, f"'{m.group(1)}' for a state or institution; English uses 'itself'.",
                               "itself", fixable=True)
        for m in iter_matches(_POSSESSIVE, doc, needs=_PRONOUN_AND_NOUN):
            start, end = m.span(1)
            if _person_between(text, m.start(), start):
                continue
            yield self.finding(doc, start, end, f"'{m.group(1)}' for a state or institution; English uses 'its'.", "its")


def _person_between(text: str, start: int, end: int) -> bool:
    """A person who could own the pronoun: a personal pronoun or a capitalised name in between."""
    between = text[start:end]
    first = between.split(" ", 1)[-1] if " " in between else ""
    return bool(re.search(r"\b(?:he|she|him|Mr|Mrs|Ms|minister|president|leader|spokesman|spokeswoman)\b", between)
                or re.search(r"\b(?!(?:%s)\b)[A-Z][a-z]+ [A-Z][a-z]+" % "|".join(STATES), first))
