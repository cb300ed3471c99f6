"""Untranslated text: planted foreign sentences are found, English with foreign names is left alone,
langdetect is asked only when needed (the cases of each rule are in rule_cases/untranslated.yml)."""
import pytest
from helpers import rule_findings, shipped_registry
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

    doc = Document(headline)
    words = sentence_words(doc, 0, len(headline), None)
    ut02 = registry.get("UT02")
    english = sum(map(ut02.english_function_words.__contains__, words))
    assert len(words) >= ut02.min_words and english / len(words) <= ut02.max_english_ratio
    assert list(ut02.check(doc)) == []
    assert detect_calls == []


def test_common_words_exclude_the_function_words_other_languages_share(registry):
    from tqcheck.packs.data import read

    ut02 = registry.get("UT02")
    listed = read("untranslated/english-common.yml")["common-words"].split()
    shared = ut02.shared_with_other_languages
    assert len(listed) == len(set(listed)) == 20000
    assert all(word.islower() and word.isalpha() for word in listed)
    assert set(shared) <= set(listed), "a shared word that is not in the list excludes nothing"
    common = ut02._english_common_words
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
    from tqcheck.checks.untranslated.UT03 import _TOKEN

    ut03 = shipped_registry().get("UT03")
    doc = Document(text)
    foreign = ut03.foreign_function_words
    words = {w for start, end in doc.sentences for w in _TOKEN.findall(doc.text, start, end)}
    if ut03._foreign_letters.search(doc.text, doc.body_start) or not words.isdisjoint(foreign):
        assert ut03._may_trigger(doc, foreign)
