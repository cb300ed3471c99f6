"""Untranslated text: planted foreign sentences are found, English with foreign names is left alone."""
import pytest
from helpers import rule_findings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcheck.document import Document

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
    return rule_findings(text, ("UT01", "UT02", "UT03"))


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


# -- UT02: which sentences langdetect is asked about ------------------------------------------------
# Sentences written for these tests in the languages MT leaves behind, several full of words English
# shares ("die", "hat", "am", "in", "was", "la", "de", "plan", "hospital") and of names.
FOREIGN_SENTENCES = [
    ("de", "Die Bundesregierung hat die neuen Sanktionen am Mittwoch beschlossen."),
    ("de", "Olaf Scholz hat am Dienstag in Washington mit Joe Biden über die Lage in der Ukraine gesprochen."),
    ("de", "Was die Regierung jetzt plant, ist für viele Familien eine große Belastung."),
    ("de", "Die Polizei hat am Abend einen Mann festgenommen, der in Hamburg eine Bank überfallen haben soll."),
    ("de", "Die Situation in der Region ist nach Informationen der Polizei unter Kontrolle."),
    ("fr", "Emmanuel Macron a reçu le chancelier allemand à Paris pour parler de la guerre en Ukraine."),
    ("fr", "La situation reste très tendue dans la région, selon la police nationale."),
    ("es", "El presidente Joe Biden visitó el hospital general de Washington."),
    ("es", "Real Madrid ganó la final de la Champions League contra el Borussia Dortmund en Londres."),
    ("it", "Il governo ha approvato una nuova legge sul lavoro dopo un lungo dibattito in Parlamento."),
    ("it", "Secondo la polizia, l'uomo era già noto alle forze dell'ordine."),
    ("pl", "Prezydent Andrzej Duda spotkał się w Warszawie z kanclerzem Niemiec."),
    ("cs", "Premiér Petr Fiala v pondělí jednal v Bruselu s předsedkyní Evropské komise."),
    ("nl", "De minister heeft op dinsdag een nieuw plan voor de woningmarkt gepresenteerd."),
    ("nl", "Het kabinet wil in het nieuwe jaar meer geld uitgeven aan defensie."),
    ("pt", "A polícia prendeu dois suspeitos em Lisboa na manhã de segunda-feira."),
    ("pt", "O Presidente da República promulgou ontem o diploma sobre a habitação."),
]
# English headlines, lists and company names: almost no function words, so they pass UT02's first
# test, but mostly common English words (written for these tests).
ENGLISH_HEADLINES = [
    "Parliament approves emergency budget, opposition protests.",
    "Heavy rain floods Jakarta suburbs, thousands evacuated.",
    "Oil prices climb amid Middle East supply fears.",
    "Second dose: teenagers 10,690, pregnant women 1,141, nursing mothers 2,749.",
    "Fitness industry faces trust crisis - Xinhua News Agency",
    "Blacklisted firms face difficulty obtaining American chip exports.",
    "Analysts name Governor DeSantis Trump's main potential rival.",
    "Shanghai Pudong Development Bank Co., Ltd., Zhejiang Geely Holding Group Co., Ltd. and Sichuan Airlines Co., Ltd.",
    "City-level high-quality wireless networks planned.",
    "Norwegian billionaire builds giant research yacht.",
    "Ukrainian drones strike Crimean airfield, Russian ministry says.",
]


@pytest.fixture
def detect_calls(monkeypatch):
    """The texts the rules ask langdetect about (tqcheck.text.langid.detect, wrapped)."""
    from tqcheck.text import langid

    calls = []
    real = langid.detect

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(langid, "detect", counting)
    return calls


@pytest.mark.parametrize("lang,sentence", FOREIGN_SENTENCES)
def test_foreign_sentence_reaches_langdetect_and_is_flagged(lang, sentence, detect_calls):
    text = " ".join([ENGLISH[0], sentence, ENGLISH[-1]])
    found = rule_findings(text, ["UT02"])
    assert [f.text for f in found] == [sentence]
    assert f"language '{lang}'" in found[0].message
    assert detect_calls == [sentence]


@pytest.mark.parametrize("headline", ENGLISH_HEADLINES)
def test_english_headline_passes_the_function_word_test_but_skips_langdetect(headline, detect_calls, registry):
    from tqcheck.checks.untranslated.UT02 import sentence_words
    from tqcheck.checks.untranslated.data import english_function_words

    doc = Document(headline)
    words = sentence_words(doc, 0, len(headline), None)
    english = sum(map(english_function_words().__contains__, words))
    ut02 = registry.get("UT02")
    assert len(words) >= ut02.min_words and english / len(words) <= ut02.max_english_ratio
    assert list(ut02.check(doc)) == []
    assert detect_calls == []


def test_common_words_exclude_the_function_words_other_languages_share():
    from tqcheck.checks.untranslated import data

    listed = data._load("english-common.yml")["words"].split()
    shared = data._load("function-words.yml")["shared_with_other_languages"].split()
    assert len(listed) == len(set(listed)) == 20000
    assert all(word.islower() and word.isalpha() for word in listed)
    assert set(shared) <= set(listed), "a shared word that is not in the list excludes nothing"
    common = data.english_common_words()
    assert common.isdisjoint(shared) and {"government", "announced", "women"} <= common
    assert {"die", "hat", "am", "la", "de", "para", "van"}.isdisjoint(common)


# -- the fast paths find what the plain loops found -------------------------------------------------
PIECES = ["und", "Und", "dass", "the", "of", "Hund", "don't", "l'uomo", "rock'n'roll", "’s", "x", "ä", "İ", "²", "‘", "…",
          "2", "_", " ", "  ", "\n", "\n\n", ".", ",", "“", "”", "—", "'", "(", "ł"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
QUICK = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@QUICK
@given(TEXTS)
def test_sentence_words_equal_the_regex_words(text):
    from tqcheck.checks.untranslated.UT02 import _WORD, blanked, sentence_words

    doc = Document(text)
    lowered = doc.index.lower
    spans = doc.sentences + [(0, len(text)), (1, max(1, len(text) - 1))]
    for start, end in spans:
        expected = [w.lower() for w in _WORD.findall(text, start, end)]
        assert sentence_words(doc, start, end, None) == expected
        if lowered is not None:
            assert sentence_words(doc, start, end, blanked(lowered)) == _WORD.findall(lowered, start, end)


@QUICK
@given(TEXTS)
def test_fragment_prefilter_never_skips_an_article_with_a_trigger(text):
    from tqcheck.checks.untranslated.UT03 import _FOREIGN_LETTERS, _TOKEN, _may_trigger
    from tqcheck.checks.untranslated.data import foreign_function_words

    doc = Document(text)
    foreign = foreign_function_words()
    words = {w for start, end in doc.sentences for w in _TOKEN.findall(doc.text, start, end)}
    if _FOREIGN_LETTERS.search(doc.text, doc.body_start) or not words.isdisjoint(foreign):
        assert _may_trigger(doc, foreign)
