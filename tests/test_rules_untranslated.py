"""Untranslated text: planted foreign sentences are found, English with foreign names is left alone."""
import pytest

from tqcheck.document import Document
from tqcheck.registry import Registry

REGISTRY = Registry.load()
UNTRANSLATED = [REGISTRY.get(code) for code in ("UT01", "UT02", "UT03")]

ENGLISH = [
    "The talks in Geneva ended on Tuesday without an agreement.",
    "Officials from the Bundesnetzagentur met Mr. Müller and Ms. Nowak in Kraków.",
    "The minister thanked Dmitry Peskov and Wang Yi for the call.",
    "Residents call the square “Майдан” and gather there every evening.",
    "He described the plan as a “Zeitenwende” in German security policy.",
    "The Alternative für Deutschland party gained seats in Saxony.",
    "She ordered a jalapeño pizza at the café on the corner and called it déjà vu.",
    "Analysts expect prices to stabilise later in the year.",
]
PLANTED = {
    "cyrillic": "Министерство обороны сообщило о новых ударах по городу.",
    "chinese": "外交部发言人在例行记者会上回答了记者的提问。",
    "german": "Die Bundesregierung hat die neuen Sanktionen am Mittwoch beschlossen.",
}


def findings(text: str):
    doc = Document(text)
    return [f for rule in UNTRANSLATED for f in rule.check(doc)]


def test_english_article_with_foreign_names_and_quoted_terms_is_clean():
    assert findings(" ".join(ENGLISH)) == []


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_planted_foreign_sentence_is_flagged_exactly(kind):
    planted = PLANTED[kind]
    text = " ".join(ENGLISH[:4] + [planted] + ENGLISH[4:])
    start = text.index(planted)
    found = findings(text)
    assert found, f"the {kind} sentence was not flagged"
    # Every finding lies inside the planted sentence and together they cover most of it.
    assert all(start <= f.start and f.end <= start + len(planted) for f in found)
    covered = sum(f.end - f.start for f in found)
    assert covered >= 0.8 * len(planted.rstrip("."))


# Code-mixed sentences in the style of DEMETR's codemix perturbation: one or two source words left
# inside an otherwise English sentence (written for this test, not taken from the data set).
CODEMIX_NON_LATIN = [
    "Rangers watch the hunters closely 因为 the trials are being evaluated.",
    "The satellite in 太空中 reflects the call back almost at once.",
    "The government announced new 措施 to support farmers.",
    "Rescuers, soldiers of the National Guard и the military will help residents.",
    "The mayor said the бюджет would be approved next week.",
    "The company opened a new 工場 near the port last spring.",
    "Doctors said the वायरस spread quickly through the village.",
]


@pytest.mark.parametrize("sentence", CODEMIX_NON_LATIN)
def test_code_mixed_non_latin_word_is_flagged(sentence):
    found = findings(sentence)
    assert [f.code for f in found] == ["UT01"]
    assert found[0].text.strip() and not found[0].text.isascii()


@pytest.mark.parametrize("sentence,fragment", [
    ("The person fled to South Korea three years ago und has now returned across the border.", "und"),
    ("The US Corps of Engineers estimated dass six inches of rain could breach the levees.", "dass"),
    ("When many companies plötzlich applied for short-time work, the agency had to react.", "plötzlich"),
    ("Obama in un discorso in Detroit expressed hope that Congress would act quickly.", "un"),
])
def test_code_mixed_latin_fragment_is_flagged(sentence, fragment):
    found = [f for f in findings(sentence) if f.code == "UT03"]
    assert [f.text for f in found] == [fragment]


def test_lone_greek_letter_and_homoglyph_are_not_untranslated_words():
    assert findings("The angle α is small, and beta decay was measured.") == []
    # A Cyrillic "о" inside a Latin word is a homoglyph, not a left-over Russian word.
    assert [f for f in findings("Drones flew over Mоscow on Wednesday.") if f.code == "UT01"] == []


def test_all_lower_case_sentence_does_not_treat_names_as_fragments():
    assert findings("in an interview, jarosław kaczyński said the talks would go on.") == []
