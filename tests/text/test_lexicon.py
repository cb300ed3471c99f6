"""tqcheck.text.lexicon: a word searched in a data file's text has the count that parsing the whole
file gives it (``frequency`` searches the first words of a language, then parses the file)."""
import random

import pytest

from tqcheck.text import lexicon


@pytest.mark.parametrize("lang", sorted(lexicon.DICTIONARY_LANGUAGES))
def test_a_searched_word_has_the_count_of_the_parsed_file(lang):
    parsed = lexicon._frequencies(lang)
    rng = random.Random(lang)
    words = rng.sample(sorted(parsed), 300)
    # absent words: a present word changed, a prefix of one, a word with a quote or a capital
    words += [w + "zq" for w in words[:50]] + [w[:-1] for w in words[50:100]] + ['a"b', "Drink", "", "k"]
    searchable = lexicon._text(lang) is not None
    for word in words:
        lower = word.lower()
        found = lexicon._search(lower, lang) if lower.isascii() else None
        if searchable and lower.isascii():
            assert found == parsed.get(lower, 0), (lang, word)
        else:
            assert found is None, (lang, word)


def test_english_and_german_files_are_searchable():
    """The files a check of an English article reads (UT04): were one not, every run would parse it."""
    assert all(lexicon._text(lang) is not None for lang in ("en", "de", "fr", "es", "it", "pt", "nl"))


def test_frequency_searches_the_first_words_then_parses_the_file(monkeypatch):
    monkeypatch.setattr(lexicon, "_searched", {})
    monkeypatch.setattr(lexicon, "_search_limit", 3)
    searches = []
    real_search = lexicon._search
    monkeypatch.setattr(lexicon, "_search", lambda w, lang: searches.append(w) or real_search(w, lang))
    words = ["drink", "Drink", "krankheit", "the", "of", "drink", "zzqx", "über"]
    parsed = lexicon._frequencies("en")
    assert [lexicon.frequency(w, "en") for w in words] == [parsed.get(w.lower(), 0) for w in words]
    assert searches == ["drink", "krankheit", "the"]  # each word once, three words, never a non-ASCII one


def test_a_run_of_many_articles_parses_the_files_without_searching(monkeypatch, tmp_path):
    from helpers import invoke

    monkeypatch.setattr(lexicon, "_search_limit", lexicon.SEARCHES)
    for name in ("a.en.txt", "b.en.txt"):
        (tmp_path / name).write_text("Drones flew over Kyiv on Wednesday, officials said.\n", encoding="utf-8")
    invoke("check", "--no-cache", tmp_path / "a.en.txt")
    assert lexicon._search_limit == lexicon.SEARCHES
    invoke("check", "--no-cache", tmp_path)
    assert lexicon._search_limit == 0
