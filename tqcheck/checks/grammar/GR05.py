import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, iter_matches, lazy_compile

_DATA = "grammar/states.yml"


def _alternatives(words) -> str:
    return "|".join(map(re.escape, words))


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

    states = Words(_DATA, "States, capitals and alliances (Russia, Kyiv, NATO).")
    institutions = Words(_DATA, "Nouns for a state or an institution after 'the' (enemy, Kremlin).")
    reflexive_verb_fillers = Words(_DATA, "Words between a state and its verb before 'himself' (has, never).")
    state_nouns = Words(_DATA, "Nouns a state has (allies, borders, sovereignty).")
    person_words = Words(_DATA, "Words that show a person who could own the pronoun (he, minister).")

    @cached_property
    def _actors(self) -> str:
        return f"(?:{_alternatives(self.states)}|the (?:{_alternatives(self.institutions)}))"

    @cached_property
    def _reflexive(self):
        fillers = "|".join(f"{re.escape(w)} " for w in self.reflexive_verb_fillers)
        return lazy_compile(rf"\b{self._actors}(?:,)? (?:(?:{fillers})?\w+ )?(himself|herself)\b")

    @cached_property
    def _possessive(self):
        nouns = _alternatives(self.state_nouns)
        return lazy_compile(rf"\b{self._actors}\b(?:(?![.;!?\n]).){{0,80}}?\b(her|his)(?= (?:own )?(?:{nouns})\b)")

    @cached_property
    def _pronoun_and_noun(self):
        # What every _possessive match has from its pronoun on; searched from its first letter at C
        # speed, it spares the scan for a state before "his"/"her" in most articles (no "his army").
        return lazy_compile(rf"h(?:er|is) (?:own )?(?:{_alternatives(self.state_nouns)})\b")

    @cached_property
    def _person(self):
        return lazy_compile(rf"\b(?:{_alternatives(self.person_words)})\b")

    @cached_property
    def _name_pair(self):  # two capitalised words that are not a state: a person's name
        return lazy_compile(rf"\b(?!(?:{_alternatives(self.states)})\b)[A-Z][a-z]+ [A-Z][a-z]+")

    def check(self, doc):
        text = doc.text
        for m in iter_matches(self._reflexive, doc):  # skipped where 'himself'/'herself' never occur
            start, end = m.span(1)
            yield self.finding(doc, start, end, f"'{m.group(1)}' for a state or institution; English uses 'itself'.",
                               "itself", fixable=True)
        for m in iter_matches(self._possessive, doc, needs=self._pronoun_and_noun):
            start, end = m.span(1)
            if self._person_between(text, m.start(), start):
                continue
            yield self.finding(doc, start, end, f"'{m.group(1)}' for a state or institution; English uses 'its'.", "its")

    def _person_between(self, text: str, start: int, end: int) -> bool:
        """A person who could own the pronoun: a personal pronoun or a capitalised name in between."""
        between = text[start:end]
        first = between.split(" ", 1)[-1] if " " in between else ""
        return bool(self._person.search(between) or self._name_pair.search(first))
