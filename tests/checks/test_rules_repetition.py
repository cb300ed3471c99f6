"""Repetition rules (RP01-RP04): one finding per loop, by the right rule, and the quick token tests
(the cases of each rule are in rule_cases/repetition.yml)."""
import pytest
from helpers import rule_findings, shipped_registry

from tqcheck.document import Document

CODES = ["RP01", "RP02", "RP03", "RP04"]


def findings(text: str, codes=CODES):
    return rule_findings(text, codes, ("code", "text", "suggestion"))


@pytest.mark.parametrize("text,expected", [
    # DEMETR repeat2 / repeat4 shapes: a double is RP01's, a longer run is one RP04 finding.
    ("Their effectiveness was assessed assessed.", [("RP01", "assessed assessed", "assessed")]),
    ("Their effectiveness was assessed assessed assessed assessed.",
     [("RP04", "assessed assessed assessed assessed", "assessed")]),
    ("He will run for president in 2016 2016.", [("RP01", "2016 2016", "2016")]),
    ("It was claimed by Covid-19 Covid-19.", [("RP01", "Covid-19 Covid-19", "Covid-19")]),
    ("This is one of the of the largest cities.", [("RP03", "of the of the", "of the")]),
    ("at the end, at the end, at the end of it", [("RP03", "at the end, at the end, at the end", "at the end")]),
])
def test_loop_is_reported_once_by_the_right_rule(text, expected):
    assert findings(text) == expected


@pytest.mark.parametrize("text", [
    "He had had enough, and more and more people said that that was step by step the case.",
    '"Ha ha ha," he said. "New York, New York" is a song.',
    "Talks resumed in China\n\nChina said they went well.",  # a headline's last word opens the next paragraph
    "It is what it is.",
])
def test_intended_repetition_is_left_alone(text):
    assert findings(text) == []


# -- fast paths: the quick token tests only skip articles that have nothing to find -------------
import random  # noqa: E402

from tqcheck.checks.repetition import RP02, RP03, tokens  # noqa: E402

_VOCABULARY = ["the", "The", "THE", "of", "a", "had", "that", "ha", "very", "and", "more", "or", "by", "end", "at",
               "Covid-19", "covid-19", "don't", "Don’t", "2016", "x", "_", "İ", "ı", "ſ", "K", "Σ", "σ", "é", "É"]
_SEPARATORS = [" ", "  ", "\t", "\u00a0", "\n", "\r\n", ", ", ",", ". ", ".\n", "\n\n", "-", "'", "’", "/", "(", "\""]


def _tricky_texts(count=300, seed=11):
    """Short texts dense in repeats: doubled and tripled words in any case, loops with and without
    commas, words joined by hyphens and apostrophes, characters whose case mapping is irregular."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(2, 40)):
            parts.append(rng.choice(_VOCABULARY))
            parts.append(rng.choice(_SEPARATORS) if rng.random() < 0.4 else " ")
        texts.append("".join(parts))
    return texts


def _examples(codes=CODES):
    return [text.replace("\\n", "\n") for code in codes for kind in ("flag", "okay")
            for text in shipped_registry().get(code).examples[kind]]


def _all_findings(texts, codes=CODES):
    return [rule_findings(text, codes, ("code", "start", "end", "message", "suggestion")) for text in texts]


def test_lowered_tokens_are_the_token_pattern_over_the_lowered_text():
    for text in _tricky_texts(100) + ["Covid-19 KwaZulu-Natal don't don’t 28th _x_ a-'b", "Ünïcödé — “quoted” x’y"]:
        doc = Document(text)
        if doc.index.lower is not None:
            assert tokens.lowered_tokens(doc) == tokens.TOKENS.findall(text.lower())


def test_may_run_finds_every_run_of_equal_tokens():
    rng = random.Random(3)
    for _ in range(2000):
        words = [rng.choice("abc") for _ in range(rng.randint(0, 16))]
        hashes = tokens._pack(words)
        for distance in range(1, 5):
            for length in range(1, 5):
                expected = {k for k in range(len(words) - distance - length + 1)
                            if all(words[k + j] == words[k + j + distance] for j in range(length))}
                # a "maybe" without a run is allowed (a hash collision), a miss is not
                assert expected <= set(tokens.run_starts(hashes, distance, length, most=len(words)))
                assert tokens.may_run(hashes, distance, length) or not expected, (words, distance, length)
    assert not tokens.may_repeat(Document("Nothing here repeats at all, not even once."))
    assert tokens.may_repeat(Document("It was was fine."))
    assert tokens.doubled_tokens(Document("It was was fine, fine, and Fine fine.")) == {"was", "fine"}


def test_quick_tests_change_no_finding(monkeypatch):
    """RP01, RP03, RP04 with their token tests and candidate positions, and RP02 with its letter
    counts, find exactly what they find without them (every article checked in full)."""
    texts = _examples() + _tricky_texts()
    texts += ["The talks ended on Tuesday without an agreement. Both left. THE TALKS, ended on Tuesday without "
              "an agreement!", "One two three four five six.\n\nOne two three four five six. One, two three four five six"]
    fast = _all_findings(texts)
    assert sum(map(len, fast)) > 100 and {f[0] for found in fast for f in found} == set(CODES)  # all exercised
    with monkeypatch.context() as patch:
        patch.setattr(tokens, "token_hashes", lambda doc: None)  # "cannot tell": every article in full
        patch.setattr(RP03, "token_hashes", lambda doc: None)
        patch.setattr(RP03, "one_character_each", lambda words: None)  # candidates without the index string
        patch.setattr(RP02, "_letter_counts", lambda doc, sentences: [()] * len(sentences))  # all compared
        assert _all_findings(texts) == fast


# -- deliberate repetition (issue 17): emphasis, doubled names, a speaker's repetition ----------
@pytest.mark.parametrize("text", [
    "It was really really hard, a long long time ago.",
    "Lang Lang played the piano, and Duran Duran played later.",
    "The pianist Yao Yao spoke.",
])
def test_emphasis_and_doubled_names_are_not_doubled_words(text):
    assert findings(text) == []


def test_a_doubled_common_word_in_a_name_is_still_doubled():
    assert findings("They toured the Samba Bar Bar at night.") == [("RP01", "Bar Bar", "Bar")]


SPEECH = "We went there, we went there, we went there every day.\nAnd I said no no no."


def test_a_speakers_repetition_is_not_a_loop_in_speech():
    assert findings(Document(SPEECH, domain="speech")) == []
    assert {code for code, _, _ in findings(Document(SPEECH, domain="news"))} == {"RP03", "RP04"}


def test_a_decoder_loop_is_still_one_in_speech():
    assert findings(Document("It was assessed assessed assessed assessed.", domain="speech")) == [
        ("RP04", "assessed assessed assessed assessed", "assessed")]
