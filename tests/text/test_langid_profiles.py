"""langdetect's profiles as tqcheck loads them (``tqcheck.text.langid``: each n-gram's row computed on
first use) give the table and the answers langdetect's own loader gives; pyspellchecker's word
counts as ``tqcheck.text.lexicon`` reads them."""
import os
from pathlib import Path

import pytest

from tqcheck.text import langid, lexicon


@pytest.fixture(scope="module")
def eager():
    """langdetect's own loader, over the same profiles in the same (sorted) order."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    names = sorted(name for name in os.listdir(PROFILES_DIRECTORY) if not name.startswith("."))
    factory = DetectorFactory()
    factory.load_json_profile([Path(PROFILES_DIRECTORY, name).read_text(encoding="utf-8") for name in names])
    return factory


def test_every_row_is_langdetects_own(eager):
    lazy = langid._factory()
    assert lazy.langlist == eager.langlist
    table = lazy.word_lang_prob_map
    assert all(gram in table and table[gram] == row for gram, row in eager.word_lang_prob_map.items())


def test_an_ngram_of_no_profile_is_absent():
    table = langid._factory().word_lang_prob_map
    assert "\u3042zq" not in table
    with pytest.raises(KeyError):
        table["\u3042zq"]


@pytest.mark.parametrize("text", [
    "Die Bundesregierung hat die neuen Sanktionen am Mittwoch beschlossen.",
    "Le gouvernement a annoncé de nouvelles mesures pour les agriculteurs.",
    "The committee spent little time on the issue.",
    "und ist jetzt",
])
def test_same_answer_as_langdetect(eager, text):
    from langdetect import DetectorFactory

    DetectorFactory.seed = langid.SEED
    detector = eager.create()
    detector.append(text)
    best = detector.get_probabilities()[0]
    langid.detect.cache_clear()
    assert langid.detect(text) == (best.lang, best.prob)


@pytest.mark.parametrize("lang", sorted(lexicon.DICTIONARY_LANGUAGES))
def test_dictionaries_are_read_as_shipped_lower_case(lang):
    # pyspellchecker ships its words lower case, so lexicon keeps its counts as they are (a
    # SpellChecker would lower-case them and add up the counts of words that differ only in case).
    counts = lexicon._frequencies(lang)
    assert counts and all(word == word.lower() for word in counts)

