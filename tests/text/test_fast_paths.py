"""The performance shortcuts change no result: prefilters only skip what cannot match, the ctypes
sentence splitter gives blingfire's offsets, and a glossary searched for some of its literals
finds what the whole glossary finds."""
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcheck.cli.build_index import build, shipped_patterns
from tqcheck.document import Document
from tqcheck.packs.kinds import YamlRule
from tqcheck.rule import LazyPattern
from tqcheck.text.index import TextIndex
from tqcheck.text.literals import caseless_unsafe
from tqcheck.text.prefilter import requirement
from tqcheck.text.sentences import sentence_offsets
from tqcheck.text.words import WordRequirements


def _compiled(pattern):
    return pattern.compiled if isinstance(pattern, LazyPattern) else pattern


def _rule_patterns(registry):
    """(name, compiled pattern) of every pattern whose requirement the rules test: each compiled
    pattern of a Python rule (its module, class or instance) and each YAML ``patterns`` entry."""
    return [(regex, re.compile(regex, flags)) for regex, flags in sorted(shipped_patterns(registry))]


def test_every_rule_pattern_has_a_sound_requirement(registry):
    """Strings generated from each pattern (hypothesis' from_regex) always pass its prefilter."""
    checked = 0
    for name, pattern in _rule_patterns(registry):
        req = requirement(pattern)
        if req is None:
            continue
        misses = []

        @settings(max_examples=12, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.from_regex(pattern))
        def generated(text):
            if pattern.search(text) and not TextIndex(text).may_contain(req):
                misses.append(text)

        generated()
        assert not misses, f"{name}: {req} rejects {misses[0]!r}, which {pattern.pattern!r} matches"
        checked += 1
    assert checked >= 40


def test_quick_patterns_match_inside_every_match(registry):
    """A rule's ``_needs`` (see ``iter_matches``) finds something in every text its ``_pattern`` matches."""
    pairs = [(rule.code, _compiled(rule._pattern), _compiled(rule._needs)) for rule in registry if hasattr(rule, "_needs")]
    assert len(pairs) >= 2
    for code, pattern, needs in pairs:
        misses = []

        @settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.from_regex(pattern))
        def generated(text):
            if pattern.search(text) and not needs.search(text):
                misses.append(text)

        generated()
        assert not misses, f"{code}: {needs.pattern!r} misses {misses[0]!r}"


@pytest.mark.parametrize("pattern,text,expected", [
    (r"\b[Oo]n the eve\b(?! of)", "It happened on the eve.", True),
    (r"\b[Oo]n the eve\b(?! of)", "It happened on Monday.", False),
    (r"(?i:\bpublished\b)\s*:", "PUBLISHED: today", True),
    (r"(?i:\bpublished\b)\s*:", "Nothing here", False),
    (r"%(?:\d\$)?[sdif](?![\w%])", "The attack on %s was condemned.", True),
    (r"(?:the )?landing of", "landing of the plane", True),
    (r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:1[89]|20)\d\d)", "on 05.05.2023 at noon", True),
    (r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:1[89]|20)\d\d)", "in 2023, at noon", False),
])
def test_requirement_examples(pattern, text, expected):
    compiled = re.compile(pattern)
    assert TextIndex(text).may_contain(requirement(compiled)) is expected
    if expected is False:
        assert compiled.search(text) is None


def test_caseless_literals_are_tested_only_where_lowercasing_is_exact():
    unsafe = caseless_unsafe()
    assert unsafe.search("İstanbul") and unsafe.search("ſ") and unsafe.search("Σ")
    assert TextIndex("Drones over KYIV").lower == "drones over kyiv"
    assert TextIndex("İstanbul").lower is None  # 'İ'.lower() is two characters
    req = requirement(re.compile(r"(?i:istanbul)"))
    assert TextIndex("İSTANBUL").may_contain(req)  # untestable text: "maybe"
    for letter in "abcdefghijklmnopqrstuvwxyz":
        upper = re.compile(re.escape(letter), re.IGNORECASE)
        for code in range(0x250):
            ch = chr(code)
            if upper.fullmatch(ch) and not unsafe.match(ch):
                assert ch.lower() == letter, (letter, ch)


def test_word_requirements_find_whole_words_only():
    words = WordRequirements(["Kiev", "Verkhovna Rada", "St. Petersburg"], caseless=False)
    assert words.candidates(TextIndex("Drones over Kiev.")) == ["Kiev"]
    assert words.candidates(TextIndex("The Verkhovna  Rada met in St. Petersburg.")) == ["Verkhovna Rada", "St. Petersburg"]
    assert words.candidates(TextIndex("Kievan Rus and the Rada")) == []
    caseless = WordRequirements(["on the fact of"], caseless=True)
    assert caseless.candidates(TextIndex("ON THE FACT OF it")) == ["on the fact of"]


def test_literal_rules_find_the_same_with_and_without_the_word_test(registry, monkeypatch):
    """Each glossary/phrase rule over a text of its own literals: searching only the literals
    whose words occur (check()'s shortcut) finds what searching all of them finds."""
    for rule in registry:
        if not (isinstance(rule, YamlRule) and rule.literal):
            continue
        rng = random.Random(rule.code)
        literals = list(rule._lookup)
        sample = rng.sample(literals, min(len(literals), 40))
        text = " ".join(f"Then {lit} and {lit.upper() if rng.random() < 0.3 else lit}, then {lit[:-1]}." for lit in sample)
        doc = Document(text)
        fast = [(f.start, f.end, f.message, f.suggestion) for f in rule.check(doc)]
        with monkeypatch.context() as patch:
            patch.setattr(rule._prefilter, "candidates", lambda index: list(rule._lookup))
            whole = [(f.start, f.end, f.message, f.suggestion) for f in rule.check(doc)]
        assert fast == whole, rule.code
        assert fast or not sample, rule.code


def test_pattern_rules_find_the_same_with_only_their_possible_entries(registry, monkeypatch):
    """Each ``patterns`` rule over its own examples, one at a time and all together: running only
    the entries whose required text occurs (check()'s shortcut) finds what all entries find."""
    checked = 0
    for rule in registry:
        if not (isinstance(rule, YamlRule) and not rule.literal):
            continue
        examples = rule.examples["flag"] + rule.examples["okay"]
        for text in examples + [" ".join(examples)]:
            doc = Document(text)
            fast = [(f.start, f.end, f.message) for f in rule.check(doc)]
            with monkeypatch.context() as patch:
                patch.setattr(rule._prefilter, "possible", lambda index, count: tuple(range(count)))
                whole = [(f.start, f.end, f.message) for f in rule.check(doc)]
            assert fast == whole, (rule.code, text)
            checked += 1
    assert checked >= 20


def _blingfire_offsets(text):
    blingfire = pytest.importorskip("blingfire")
    try:
        return blingfire.text_to_sentences_and_offsets(text)[1]
    except AssertionError:
        return "assert"


def _ours(text):
    try:
        return sentence_offsets(text)
    except AssertionError:
        return "assert"


@pytest.mark.parametrize("text", [
    "One. Two! Three? Four", "Дроны над Кремлём. Это тест.", "习近平说。他来了。", "Emoji 😀 here. Next one.",
    "Mr. Smith went to Washington. He said: “No.” Then left…", "a\u200bb. c", "x", "...", "A.\nB.",
])
def test_sentence_offsets_equal_blingfire(text):
    assert _ours(text) == _blingfire_offsets(text)


def test_sentence_offsets_equal_blingfire_on_random_text():
    rng = random.Random(7)
    alphabet = "ab. !?\n\t\u00e9\u4e2d\u0416\U0001F600\u200b\r\"'“”…"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert _ours(text) == _blingfire_offsets(text), repr(text)


def test_one_pass_literal_search_agrees_with_substring_tests():
    """``may_contain`` finds every requirement's literals in one Aho-Corasick pass per text; it
    must say what ``literal in text`` says, also for requirements made after a text was searched."""
    from tqcheck.text.literals import Requirement

    rng = random.Random(7)
    alphabet = "ab c.é"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(60)]
    indexes = [TextIndex(t) for t in texts]
    for round_ in range(3):  # later rounds add literals to texts already searched
        reqs = [Requirement(["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
                             for _ in range(rng.randint(1, 3))], caseless=bool(i % 2)) for i in range(40)]
        for text, index in zip(texts, indexes):
            fresh = TextIndex(text)
            for req in reqs:
                haystack = text.lower() if req.caseless else text
                expected = any(lit in haystack for lit in req.literals)
                assert index.may_contain(req) is expected, (round_, text, req)
                assert fresh.may_contain(req) is expected, (text, req)


def test_indexed_pack_files_read_as_parsing_them_does():
    """``tqcheck.shipped_index`` hands out shipped pack files parsed ahead of time: same data, same lines."""
    from tqcheck.packs.loader import LineDict, load_yaml, shipped_rules_dir

    def lines(value):
        if isinstance(value, LineDict):  # the keys in file order, each with its line
            return [value.line, list(value.key_lines.items()), [(k, lines(v)) for k, v in value.items()]]
        return [lines(v) for v in value] if isinstance(value, list) else None

    files = sorted(shipped_rules_dir().rglob("*.yml"))
    assert len(files) > 20
    for path in files:
        indexed, parsed = load_yaml(path), load_yaml(path, use_index=False)
        assert indexed == parsed and lines(indexed) == lines(parsed), path


@pytest.mark.parametrize("pattern", [r"\d\.[0-5]\d", r"\d %", r"[.,;]\}", r"ab", r"[A-Z],[0-9]"])
def test_pair_requirements_find_what_two_adjacent_classes_find(pattern):
    """A pair requirement leads with its single character, if it has one (C-speed search)."""
    from tqcheck.text.letters import _chars_of_sequence, _class_text, _pair_text
    from tqcheck.text.regex_tree import parse

    parsed = parse(pattern)
    pairs = [p for p in _chars_of_sequence(parsed.data, 0).pairs if _class_text(p[0]) and _class_text(p[1])]
    assert pairs
    rng = random.Random(3)
    for first, second in pairs:
        fast = re.compile(_pair_text(first, second))
        plain = re.compile(_class_text(first) + _class_text(second))
        for _ in range(300):
            text = "".join(rng.choice("ab1.,;}% 05Z9") for _ in range(rng.randint(0, 12)))
            assert bool(fast.search(text)) == bool(plain.search(text)), (fast.pattern, text)


def test_shipped_index_is_current():
    """The index of work done ahead of time matches the shipped rules (else it only costs time)."""
    from tqcheck import shipped_index
    from tqcheck.engine.registry import Registry

    assert build(Registry.load(plugins=False)) == shipped_index._shipped(), (
        "tqcheck/shipped_index.json is stale: run `python -m tqcheck.cli.build_index` (make demo does)")


def test_lazy_patterns_compile_on_first_search_and_search_as_re_does(monkeypatch):
    import pickle

    from tqcheck.rule import lazy_compile

    compiled = []
    real_compile = re.compile
    monkeypatch.setattr(re, "compile", lambda *a: compiled.append(a) or real_compile(*a))
    lazy = lazy_compile(r"\bKiev\b", re.IGNORECASE)
    assert lazy.flags == real_compile(r"\bKiev\b", re.IGNORECASE).flags and not compiled
    assert TextIndex("Drones over Kyiv.").may_contain(requirement(lazy)) is False and not compiled
    assert [m.span() for m in lazy.finditer("KIEV, not kiev")] == [(0, 4), (10, 14)] and len(compiled) == 1
    assert lazy.sub("Kyiv", "Kiev") == "Kyiv" and len(compiled) == 1
    assert pickle.loads(pickle.dumps(lazy)).search("kiev")


# Dates of each form, parts of them and words around them.
DATE_PIECES = st.lists(st.sampled_from(["February 10th", "10 February", "Feb. 3", "19th of Sept", "Sept 19", "May 3",
                                        "May", "may 3", "10", "of", "Februarys 3", "3 _May", "x", ".", ",", "\n"]),
                       max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(DATE_PIECES, min_size=1, max_size=3).map(". ".join))
def test_the_date_rule_finds_the_same_with_and_without_its_month_word_test(registry, text):
    rule, doc = registry.get("ST02"), Document(text)
    fast = [f.to_dict() for f in rule.check(doc)]
    rule.__dict__["_month_words"] = None  # the test of the article's words left out
    try:
        assert fast == [f.to_dict() for f in rule.check(doc)]
    finally:
        del rule.__dict__["_month_words"]


# Pieces of English segments with numbers and dates, and words that only look like them.
NUMBER_PIECES = st.lists(st.sampled_from(["twenty-one", "Twenty", "one", "ONE", "someone", "May", "mayor", "Sept.",
                                          "3rd", "10", "1,500", "x", "-", ".", "’s", "\n", "İ", "ſ", "dec", "decade"]),
                         max_size=10).map(" ".join)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(NUMBER_PIECES, st.integers(0, 60), st.integers(0, 60))
def test_number_and_date_patterns_find_nothing_where_the_segment_words_rule_them_out(registry, text, a, b):
    """BI01 searches a target segment for number words and dates only when it has a digit or one of
    their words: where it has neither, the patterns find nothing in the segment."""
    from tqcheck.text.segment_words import DIGIT, SegmentWords

    rule = registry.get("BI01")
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    words = SegmentWords(TextIndex(text)).lower_words(start, end)
    if words is None or DIGIT.search(text, start, end):
        return
    if words.isdisjoint(rule.reader.target_word_runs):
        assert not rule.reader.target_word.search(text, start, end), (text, start, end)
    if words.isdisjoint(rule.dates.target_month_runs):
        assert not rule.dates.target_dates.search(text, start, end), (text, start, end)


def test_bilingual_glossaries_pass_their_prefilter_wherever_they_match(registry):
    """BI02 and BI06 skip a source without their glossary's literals: text generated from each
    glossary pattern always passes that test."""
    from tqcheck.text.prefilter import may_match

    for code, pattern in (("BI02", registry.get("BI02")._glossary[0]), ("BI06", registry.get("BI06")._glossary[1])):
        misses = []

        @settings(max_examples=100, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.from_regex(pattern))
        def generated(text):
            if pattern.search(text) and not may_match(pattern, TextIndex(text)):
                misses.append(text)

        generated()
        assert not misses, (code, misses[0])
