"""Punctuation, typography and capitalisation rules (PU03-PU16, GR03, GR04): a clean article, and
fast paths that find what the slow paths find (the cases of each rule are in rule_cases/)."""
import re

import pytest
from fast_path_checks import assert_fast_path_agrees, assert_quick_test_admits, assert_same_matches, tricky_texts
from helpers import rule_findings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcheck.document import Document

CODES = ["PU03", "PU04", "PU05", "PU06", "PU07", "PU08", "PU09", "PU10", "PU11", "PU12", "PU13", "PU15", "PU16",
         "GR03", "GR04"]

# Correct English typography with the usual traps: abbreviations, initials, decimals, ellipses,
# brackets with list markers, multi-paragraph quotations, apostrophes, brand names, URLs.
CLEAN = """\
The U.S. Army said on Tuesday that 3.5 million people (about 1,500 of them children) had left.

“We will rebuild,” said Dr. J. R. Smith, a professor at the University of Kyiv’s law school. \
“The question is when... and at what cost?” He paused. “Not now.”

Options were: a) wait, b) leave, or c) negotiate. iPhone sales fell, e.g. in China, and eBay gained.

“The first paragraph of a long quotation runs on.

“The second paragraph closes it,” she wrote at 5 p.m. on Friday, adding that the pets’ owners \
and the Joneses’ neighbours had been told. See www.example.com/report_2023 for details.
"""


def findings(text: str, codes=CODES, fmt: str = "text"):
    return rule_findings(text, codes, fmt=fmt)


def test_clean_article_has_no_findings():
    assert [(f.code, f.text) for f in findings(CLEAN)] == []


def test_typographic_house_style_rules_are_off_by_default(registry):
    assert not registry.get("PU07").default_enabled and not registry.get("PU11").default_enabled


# DEMETR-style perturbations (Karpinska et al. 2022) of this sentence are cases of PU03 and GR03.
BASE = "In early February, several people verified the discovery with different software."


def test_unperturbed_sentence_is_clean():
    assert findings(BASE) == []


# -- fast paths: each finds what the slow path finds (see tests/fast_path_checks.py) ----------------
QUICK_TESTED = {"PU03": "_pattern", "PU04": "_pattern", "PU05": "_bracket", "PU06": "_quote",
                "PU08": "_pattern", "PU09": "_pattern", "PU10": "_pattern", "PU12": "_pattern", "PU15": "_pattern"}


@pytest.mark.parametrize("code", sorted(QUICK_TESTED) + ["PU07", "PU16"])
def test_fast_path_finds_what_the_slow_path_finds(code, registry):
    rule = registry.get(code)
    # PU06 scans ASCII text for '"' alone; the slow path scans for all three quotation marks.
    shortcuts = {"_straight_quote": rule._quote} if code == "PU06" else {}
    assert assert_fast_path_agrees(rule, **shortcuts) > 0


@pytest.mark.parametrize("code,pattern", sorted(QUICK_TESTED.items()))
def test_quick_test_admits_every_match(code, pattern, registry):
    rule = registry.get(code)
    assert_quick_test_admits(rule, getattr(rule, pattern))


def test_stray_apostrophe_quick_test_admits_every_match(registry):
    from tqcheck.checks.punctuation.PU16 import _TRAILING

    assert_quick_test_admits(registry.get("PU16"), _TRAILING)


@pytest.mark.parametrize("code,before", [
    ("PU01", r"(?<=\S) \u2013 (?=\S)"),
    ("PU03", r"(?<=[^\s(\[])[ \t]+(?P<mark>[,;)\]]|[.:!?](?![.\w()])|n't\b|['’](?:s|re|ve|ll|m|d)\b)"
             r"|(?P<open>[(\[])[ \t]+(?=[^\s(\[])"),
    ("PU11", r"(?<=\S) - (?=\S)"),
    ("PU13", r"(?<=[^\W\d_])-(?= (?!(?:and|or|nor|to|and/or|versus|vs\.?|through|&)\b)[^\W\d_])"),
])
def test_pattern_with_its_look_behind_moved_matches_as_before(code, before, registry):
    rule = registry.get(code)
    assert_same_matches(re.compile(before), rule._pattern, [text for text, _ in tricky_texts(rule)])


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="()[]:;-1a iv\nx", max_size=40))
def test_bracket_tests_agree_with_scans_of_the_paragraph(registry, text):
    """PU05 tests whether a bracket is an emoticon or an enumerator at the bracket; the slow path
    collects every match of the two patterns in the paragraph."""
    rule = registry.get("PU05")
    for start, end in Document(text).paragraphs:
        emoticons = {m.end() - 1 for m in rule._emoticon.finditer(text, start, end)}
        enumerators = {m.end() - 1 for m in rule._enumerator.finditer(text, start, end)}
        for m in rule._bracket.finditer(text, start, end):
            pos = m.start()
            assert rule._is_emoticon(text, pos, start, end) == (pos in emoticons), (text, pos)
            assert rule._is_enumerator(text, pos, start) == (pos in enumerators), (text, pos)


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="ab \r\n", max_size=30), st.integers(min_value=0, max_value=30))
def test_line_end_is_the_next_line_break(text, pos):
    from tqcheck.checks.punctuation.PU11 import _line_end

    pos = min(pos, len(text))
    breaks = [m.start() for m in re.finditer(r"[\r\n]", text)] + [len(text)]
    assert _line_end(text, pos) == next(b for b in breaks if b >= pos)
