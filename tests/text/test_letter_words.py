"""The words found once per article (tqcheck.text.letter_words, Document.sentence_words and friends,
Document.words and the repetition rules' tokens made from them, TextIndex.words) are the words each
consumer used to find for itself, and the signals computed from them are the ones the plain
definitions give."""
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.checks.repetition.tokens import TOKENS, lowered_tokens
from tqcheck.document import _WORD, Document
from tqcheck.scoring.signals import repetition, variety
from tqcheck.text.index import WORD_RUN, TextIndex
from tqcheck.text.letter_words import LETTER_WORD, words_in_sentences_only

# Letters, joiners, digits, spaces and sentence ends: texts where words touch sentence borders;
# ASCII ones too (found with a pattern of their own).
TEXTS = (st.text(st.sampled_from("ab Σς-'’. 1\n\nİ?!_"), max_size=80)
         | st.text(st.sampled_from("aB -'. 1\n\n?_.:"), max_size=80))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(TEXTS)
def test_the_shared_words_are_each_consumers_own(text):
    doc = Document(text)
    assert doc.sentence_words == [LETTER_WORD.findall(doc.text, a, b) for a, b in doc.sentences]
    assert doc.sentence_lower_words == [[w.lower() for w in words] for words in doc.sentence_words]
    assert doc.lower_letter_words == [w.lower() for w in LETTER_WORD.findall(doc.text)]
    assert doc.word_count == len(_WORD.findall(doc.text, doc.body_start))
    assert doc.index.words == frozenset(WORD_RUN.findall(doc.text))
    if doc.index.lower is not None:
        assert lowered_tokens(doc) == TOKENS.findall(doc.index.lower, doc.body_start)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_the_words_of_an_ascii_text_are_its_word_runs(text):
    assert TextIndex(text).words == frozenset(WORD_RUN.findall(text))


def test_a_word_outside_the_sentences_or_across_their_border_sends_back_to_the_whole_text():
    assert words_in_sentences_only("One two. Three four.", [(0, 8), (9, 20)])
    assert words_in_sentences_only("One two.. Three", [(0, 8), (10, 15)]), "two characters that are no letters"
    assert not words_in_sentences_only("One two. Three four.", [(0, 8), (15, 20)]), "Three is in no sentence"
    assert not words_in_sentences_only("well-known", [(0, 4), (5, 10)]), "one word across a hyphen"
    assert not words_in_sentences_only("wellknown", [(0, 4), (4, 9)]), "one word split in two"
    assert words_in_sentences_only("well.known", [(0, 5), (5, 10)])
    assert not words_in_sentences_only("ab cd", [(0, 5), (3, 5)]), "overlapping sentences"


def naive_repetition(words_by_sentence):
    total = repeated = 0
    for words in words_by_sentence:
        seen = set()
        for i in range(len(words) - 2):
            gram = tuple(words[i:i + 3])
            total += 1
            repeated += gram in seen
            seen.add(gram)
    return repeated / total if total else 0.0


def naive_variety(words, window):
    if len(words) <= window:
        return len(set(words)) / len(words) if words else 1.0
    windows = [words[s:s + window] for s in range(len(words) - window + 1)]
    return sum(len(set(w)) for w in windows) / (len(windows) * window)


WORDS = st.lists(st.sampled_from("abcde"), max_size=40)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(WORDS, max_size=5), st.integers(1, 12))
def test_the_signals_are_their_plain_definitions(sentences, window):
    assert repetition(sentences) == naive_repetition(sentences)
    words = [w for s in sentences for w in s]
    assert variety(words, window) == naive_variety(words, window)


MIXED_SCRIPTS = st.text(st.sampled_from("aé中文ひカ한Жж \u3000\x1c\x85\u2028\t\n1.,"), max_size=60)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(MIXED_SCRIPTS)
def test_the_script_and_length_counts_are_their_plain_definitions(text):
    from collections import Counter

    from tqcheck.scoring.signals import _LETTER, _chars, _main_script, _script

    assert _chars(text, (0, len(text))) == sum(1 for ch in text if not ch.isspace())
    counts = Counter()
    for ch in _LETTER.findall(text[:5000]):  # one letter at a time, as the scripts are first met
        counts[_script(ch)] += 1
    assert _main_script(text) == (max(counts, key=counts.get) if counts else None)
