"""The regex parse tree helpers: character sets are exactly what the engine matches, the walk
reaches every item, and repeats are found where their author wrote them."""
import re

import pytest

from tqcheck.text.regex_tree import CharSet
from tqcheck.text.regex_tree import _every_character as every_character
from tqcheck.text.regex_tree import char_set, opcodes, parse, repeat_spans, walk


def item_set(pattern: str) -> CharSet:
    tree = parse(pattern)
    (code, arg), = tree.data
    return char_set(code, arg, tree.state.flags)


@pytest.mark.parametrize("pattern", [
    r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"[^\W\d_]", r"[-'’]", r"[a-zA-Z0-9_.-]", r"[^\s)\]]", r".", r"(?s).",
    r"(?i)k", r"(?i)[a-z]", r"(?i)[^a-z]", r"(?i)[^\W_]", r"(?i)[ΣσςA-Z]", r"(?i)ß", r"(?i)\u0131", r"(?i)[^\u0130]",
    r"(?a)\w", r"(?a)\s", r"(?ai)[^a-z]", r"(?i)[А-ЯЁ]", r"[^x]", r"(?i)[^x]",
])
def test_a_character_set_is_exactly_what_the_engine_matches(pattern):
    engine = CharSet((m.start(), m.end() - 1) for m in re.finditer(pattern, every_character()))
    assert item_set(pattern) == engine


def test_character_set_operations():
    letters, digits = item_set("[a-z]"), item_set("[0-9]")
    assert not letters & digits and (letters | digits) == item_set("[0-9a-z]")
    assert letters & item_set("[x-z0]") == CharSet([(ord("x"), ord("z"))])
    assert letters.complement() == item_set("[^a-z]") and letters.complement().complement() == letters
    assert not item_set(r"\w") & item_set(r"\s") and item_set(r"\w") & item_set(r"\d")


def test_walk_reaches_every_item_inside_groups_repeats_branches_and_lookarounds():
    codes = [code for code, _ in walk(parse(r"(?:a|(b+))(?=c)(?<!d)(?>e)(?(1)f|g)").data)]
    literals = [arg for code, arg in walk(parse(r"(?:a|(b+))(?=c)(?<!d)(?>e)(?(1)f|g)").data) if code is opcodes.LITERAL]
    assert literals == [ord(c) for c in "abcdefg"]
    assert opcodes.MAX_REPEAT in codes and opcodes.ASSERT_NOT in codes and opcodes.ATOMIC_GROUP in codes


@pytest.mark.parametrize("pattern,pieces", [
    (r"(a+)+$", ["a+", "(a+)+"]),
    (r"[a-z]+[a-z]{2,}?x", ["[a-z]+", "[a-z]{2,}?"]),
    (r"\x41+\u00e9*(?:ab|c)++", [r"\x41+", r"\u00e9*", "(?:ab|c)++"]),
    (r"[]a]+[^]x]*\]?", ["[]a]+", "[^]x]*", r"\]?"]),
    (r"(?P<n>\w+)(?P=n)+", [r"\w+", "(?P=n)+"]),
    (r"a(?#b+)c{2}x{,3}|d?", ["c{2}", "x{,3}", "d?"]),
    (r"a{x}+", ["}+"]),
])
def test_repeats_are_found_where_they_are_written(pattern, pieces):
    assert [pattern[i:j] for i, j in repeat_spans(pattern)] == pieces


def test_verbose_patterns_skip_spaces_and_comments():
    pattern = "(?x) a + # b*\n c{2}"
    assert [pattern[i:j] for i, j in repeat_spans(pattern, re.VERBOSE)] == ["a +", "c{2}"]
