import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Table, Words
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.words import WordRequirements

_DATA = "names/ukrainian-places.yml"


class RussianFormOfUkrainianName(Rule):
    """A Ukrainian street, village or district name in its Russian form (Bankovaya, Rubezhnoye).

    What it does: in sentences about Ukraine (naming Ukraine, Kyiv or an oblast, in either
    spelling), flags a name with a Russian ending (-aya, -oye, -iy, -ovka/-evka) before "Street",
    "district", "village" and the like, or after "village of", and suggests the likely Ukrainian
    form (-a, -e, -yi, -ivka). Names in the glossaries (TE01) are left to them; this rule catches
    the small places no glossary lists, at minor severity, since the suggestion is a guess.
    Why it matters: MT from Russian sources gives Ukrainian places their Russian names; English
    news uses the Ukrainian ones.
    Example:
        flag: Shelling hit Sadovaya Street in the centre of Kharkiv.
        flag: The village of Petrovka in the Donetsk region was shelled.
        okay: Shelling hit Sadova Street in the centre of Kharkiv.
        okay: Shops line Tverskaya Street in Moscow.
    """

    code = "NM01"
    name = "names.russian-form-of-ukrainian-name"
    category = "Locale convention/Name format"
    severity = Severity.MINOR

    ukraine_cues = Words(_DATA, "Words that make a sentence one about Ukraine (places in both spellings).")
    russian_endings = Table(_DATA, "Russian endings and the Ukrainian ones that replace them.")
    settlement_endings = Words(_DATA, "The Russian endings looked for after 'village of' and the like.")
    place_nouns = Words(_DATA, "Words after which a name is a place name (Street, district).")
    settlement_introducers = Words(_DATA, "Words before a settlement's name (village of).")

    @cached_property
    def _cue(self):
        return lazy_compile(rf"\b(?:{'|'.join(map(re.escape, self.ukraine_cues))})\b")

    @cached_property
    def _cue_words(self):
        # A cue matches as whole words, so it can only be where all its words are words of the article.
        return WordRequirements(self.ukraine_cues, caseless=False)

    @cached_property
    def _name(self):
        def alternatives(words):
            return "|".join(map(re.escape, words))

        nouns = "|".join(f"[{n[0].upper()}{n[0].lower()}]{re.escape(n[1:])}" for n in self.place_nouns)
        after = "|".join(f"(?<={re.escape(words)} )" for words in self.settlement_introducers)
        return lazy_compile(
            rf"\b(?P<name>[A-Z][a-z]+(?P<end>{alternatives(self.russian_endings)}))(?= (?:{nouns}))"
            rf"|(?:{after})(?P<name2>[A-Z][a-z]+(?P<end2>{alternatives(e for e in self.settlement_endings if e in self.russian_endings)}))\b"
        )

    def check(self, doc):
        text = doc.text
        if not self._cue_words.may_match(doc.index) and not _splits_words(text, doc.sentences):
            return  # no cue word anywhere (a sentence edge inside a word could make one: then look)
        for start, end in doc.sentences:
            if not self._cue.search(text, start, end):
                continue
            for m in self._name.finditer(text, start, end):
                group = "name" if m.group("name") else "name2"
                name, ending = m.group(group), m.group("end" if group == "name" else "end2")
                likely = name[: -len(ending)] + self.russian_endings[ending]
                yield self.finding(doc, m.start(group), m.end(group),
                                   f"'{name}' has a Russian ending; the Ukrainian form is likely '{likely}'.", likely)


def _splits_words(text: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether a sentence starts or ends between two word characters (a search bounded by the
    sentence would see a word edge there that the whole text does not have)."""
    return any(0 < edge < len(text) and _word_char(text[edge - 1]) and _word_char(text[edge])
               for sentence in sentences for edge in sentence)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
