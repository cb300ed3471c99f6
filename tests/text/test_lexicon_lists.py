"""The dictionaries' kept word lists (tqcheck.text.lexicon): the same counts as the parsed
dictionary for every word, and a list that is missing, damaged, stale or cannot be written is
rebuilt or bypassed, never trusted."""
import os

import pytest
from helpers import invoke

from tqcheck.batch import cache as cache_module
from tqcheck.text import lexicon

#: Thresholds the rules ask about (UT04, UT05, UT06): "> 0", ">= 100", ">= 1000".
BANDS = (1, 100, 1000)
NOT_WORDS = ["", "zzzzqx", "drinkx", "krankheit", "a\tb", "a\nb", "\ud800", "\x00", "ä" * 3, "~"]


@pytest.fixture()
def lists(tmp_path):
    """A fresh folder of lists, and no dictionary loaded before or after the test."""
    folder = tmp_path / "cache" / "lexicon"
    lexicon._counts.cache_clear()
    lexicon.keep_lists_in(folder)
    yield folder
    lexicon.keep_lists_in(None)
    lexicon._counts.cache_clear()


def _reload(lang: str):
    lexicon._counts.cache_clear()
    return lexicon._counts(lang)


def _kept_list(folder, lang: str):
    [path] = folder.glob(f"{lang}-*.counts")
    return path


def test_every_english_word_has_its_parsed_count(lists):
    parsed = lexicon._frequencies("en")
    _reload("en")  # writes the list
    count = _reload("en")  # reads it
    assert isinstance(count.__self__, lexicon._SortedCounts)
    assert [w for w, c in parsed.items() if count(w) != c] == []
    for word in NOT_WORDS + [w + "x" for w in list(parsed)[::97]]:
        assert count(word) == parsed.get(word, 0), word
    for threshold in BANDS:  # and so every question a rule asks
        assert sum(count(w) >= threshold for w in parsed) == sum(c >= threshold for c in parsed.values())


@pytest.mark.parametrize("lang", ["de", "ru"])
def test_other_languages_sampled(lists, lang):
    parsed = lexicon._frequencies(lang)
    _reload(lang)
    count = _reload(lang)
    assert isinstance(count.__self__, lexicon._SortedCounts)
    assert [w for w, c in list(parsed.items())[::13] if count(w) != c] == []
    assert all(count(w + "q") == parsed.get(w + "q", 0) for w in list(parsed)[::101])


def test_frequency_reads_the_list(lists):
    assert lexicon.frequency("Drink", "en") > 1000 and lexicon.frequency("krankheit", "en") == 0
    assert _kept_list(lists, "en").read_bytes().startswith(lexicon.LIST_FORMAT + b" ")
    _reload("en")
    assert lexicon.frequency("Drink", "en") > 1000 and lexicon.frequency("krankheit", "en") == 0


@pytest.mark.parametrize("damage", ["flip", "truncate", "header", "empty", "garbage"])
def test_a_damaged_list_is_rebuilt(lists, damage):
    _reload("es")
    path = _kept_list(lists, "es")
    whole = path.read_bytes()
    data = bytearray(whole)
    if damage == "flip":
        data[len(data) // 2] ^= 1
    elif damage == "truncate":
        data = data[:len(data) // 3]
    elif damage == "header":
        data[:len(lexicon.LIST_FORMAT)] = b"x" * len(lexicon.LIST_FORMAT)
    elif damage == "empty":
        data = b""
    else:
        data = b"\x80\x04\x95 not a list\n"
    path.write_bytes(bytes(data))
    assert lexicon._read_list(path) is None
    count = _reload("es")  # parsed, and the list written again
    assert not isinstance(getattr(count, "__self__", None), lexicon._SortedCounts)
    assert path.read_bytes() == whole
    assert _reload("es")("casa") == lexicon._frequencies("es")["casa"]


def test_a_stale_list_is_replaced(lists):
    lists.mkdir(parents=True)
    stale = lists / "es-00000000-1.counts"
    stale.write_bytes(b"tqcheck-word-counts/1 7 00000000\ncasa\t1\n")
    assert _reload("es")("casa") > 1
    assert not stale.exists() and len(list(lists.glob("es-*.counts"))) == 1


def test_a_symlinked_list_is_not_followed(lists, tmp_path):
    _reload("es")
    path = _kept_list(lists, "es")
    target = tmp_path / "elsewhere.txt"
    path.rename(target)
    path.symlink_to(target)
    assert lexicon._read_list(path) is None


def test_an_unwritable_folder_means_parsing(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    lexicon._counts.cache_clear()
    lexicon.keep_lists_in(blocker / "lexicon")
    try:
        assert lexicon.frequency("casa", "es") == lexicon._frequencies("es")["casa"]
    finally:
        lexicon.keep_lists_in(None)
        lexicon._counts.cache_clear()
    assert blocker.read_text() == "not a folder"


def test_check_keeps_the_lists_in_the_cache_root_and_clear_removes_them(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    article = tmp_path / "news.en.txt"
    article.write_text("The drones flew over the river on Monday, the army said.\n", encoding="utf-8")
    lexicon._counts.cache_clear()
    try:
        result = invoke("check", "--no-cache", "--cache-dir", str(root), str(article))
        assert result.exit_code in (0, 1), result.output
        assert (root / "CACHEDIR.TAG").exists() and _kept_list(root / "lexicon", "en")
        assert cache_module.clear(root) == 0
        assert not root.exists()
    finally:
        lexicon.keep_lists_in(None)
        lexicon._counts.cache_clear()
    assert not os.path.exists(root)


def test_a_word_no_line_can_hold_is_never_listed(tmp_path):
    assert lexicon._list_body({"a\tb": 3, "c": 1}) is None and lexicon._list_body({"a\nb": 3}) is None
    assert lexicon._list_body({"b": 2, "a": 10, "ab": 1}) == b"a\t10\nab\t1\nb\t2\n"
    lexicon._write_list(tmp_path / "xx-0-0.counts", {"a\tb": 3})
    assert not (tmp_path / "xx-0-0.counts").exists()
