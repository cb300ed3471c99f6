"""Punctuation, typography and capitalisation rules (PU03-PU16, GR03, GR04): spans, fixes, traps."""
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


def spans(text: str, code: str, fmt: str = "text"):
    return [(f.text, f.suggestion) for f in findings(text, [code], fmt)]


def test_clean_article_has_no_findings():
    assert [(f.code, f.text) for f in findings(CLEAN)] == []


def test_tokenised_sentence_flags_every_spaced_mark_with_a_fix():
    text = "In early February , several people verified it , and it was announced ( on Tuesday ) ."
    found = findings(text, ["PU03"])
    assert [(f.text, f.suggestion) for f in found] == [(" ,", ","), (" ,", ","), ("( ", "("), (" )", ")"),
                                                       (" .", ".")]
    assert all(f.fixable for f in found)


def test_split_contractions_are_tokenisation():
    assert spans("They do n't agree and it 's late.", "PU03") == [(" n't", "n't"), (" 's", "'s")]


@pytest.mark.parametrize("text,fmt", [
    ("See [the report](https://example.com/report).", "markdown"),
    ("<p>The Kremlin <b>said</b>.</p>", "html"),
])
def test_space_left_by_blanked_markup_is_not_flagged(text, fmt):
    assert spans(text, "PU03", fmt) == []


def test_missing_space_after_sentence_points_at_the_mark():
    text = "It is a platform for martial arts.Professor Wilk disagrees."
    found = findings(text, ["PU04"])
    assert [(f.start, f.text, f.suggestion) for f in found] == [(text.index(".P"), ".", ". ")]
    assert spans("He read Facebook.com and www.Facebook.com daily.", "PU04") == []


def test_brackets_enumerators_only_count_outside_an_open_bracket():
    assert spans("On Friday (February 10) the list was: 1) wait, 2) leave.", "PU05") == []
    assert spans("Approx. TASS) said so.", "PU05") == [(")", None)]
    assert spans("The station (opened in 1998] was closed.", "PU05") == [("]", ")")]


def test_quotes_pair_across_paragraphs_only_when_the_next_one_reopens():
    assert spans("“First part.\n\n“Second part,” he said.", "PU06") == []
    found = findings("“First part.\n\nThe article goes on.", ["PU06"])
    assert [(f.start, f.text) for f in found] == [(0, "“")]


def test_quotation_closed_paragraphs_later_without_reopening_is_accepted():
    assert spans("“Your Eminence,\n\nI congratulate you.\n\nBest wishes,” the letter reads.", "PU06") == []
    text = "“Your Eminence,\n\nI congratulate you. He said “yes” then."
    assert [f.start for f in findings(text, ["PU06"])] == [0]


def test_quote_without_partner_is_located():
    text = 'Cyanuric acid and melamine" were found, the "report" said.'
    found = findings(text, ["PU06"])
    assert [(f.start, f.message) for f in found] == [(text.index('"'), "Closing quotation mark '\"' without an opening one.")]


def test_tokenised_straight_quotes_still_pair():
    assert spans('He said " we will rebuild " and left.', "PU06") == []


def test_mixed_quote_styles_is_off_by_default_and_flags_the_minority(registry):
    assert not registry.get("PU07").default_enabled
    text = "“One,” he said. “Two,” she said. Then \"three\"."
    assert [f.text for f in findings(text, ["PU07"])] == ['"', '"']


@pytest.mark.parametrize("text,expected", [
    ("It was announced on Tuesday,, officials said.", [(",,", ",")]),
    ("It was announced on Tuesday..", [("..", ".")]),
    ("Was it announced?. Yes,.", [("?.", "?"), (",.", ".")]),
    ("It was announced... or was it? . . . Maybe.", []),
])
def test_repeated_punctuation(text, expected):
    assert spans(text, "PU08") == expected


def test_french_spacing_is_the_no_break_kind_and_plain_spaces_are_tokenisation():
    text = "Attention\u202f: the road is closed\u00a0! Really ?"
    assert spans(text, "PU09") == [("\u202f:", ":"), ("\u00a0!", "!")]
    assert spans(text, "PU03") == [(" ?", "?")]


def test_stray_symbols_respect_markdown_syntax():
    text = "The _new_ plan | the old one."
    assert [t for t, _ in spans(text, "PU10")] == ["_", "_", "|"]
    assert spans(text, "PU10", fmt="markdown") == []


def test_spaced_hyphen_is_opt_in(registry):
    assert not registry.get("PU11").default_enabled
    assert spans("They are geniuses - for example, Labradors.", "PU11") == [("-", "—")]


def test_invisible_characters_are_removed_but_lost_characters_are_reported():
    found = findings("The Kremlin\u200b said\ufffd so.", ["PU12"])
    assert [(f.text, f.suggestion) for f in found] == [("\u200b", ""), ("\ufffd", None)]
    assert "a character was lost" in found[1].message


def test_dangling_hyphen_and_article_punctuation():
    assert spans("Rangers monitor shooters- participating in mono- and disaccharide trials.", "PU13") == [("-", None)]
    assert spans("In the; next round the team won.", "PU15") == [(";", None)]


def test_stray_apostrophe_spares_possessives_and_single_quotes():
    assert spans("Since then, 91,000 lives have' been claimed.", "PU16") == [("'", "")]
    assert spans("The pets' owners called it a 'temporary' measure.", "PU16") == []


# DEMETR-style perturbations (Karpinska et al. 2022), on sentences written for this test.
BASE = "In early February, several people verified the discovery with different software."
PERTURBED = {
    "tokenized": ("In early February , several people verified the discovery with different software .", "PU03"),
    "first_lower": ("in early February, several people verified the discovery with different software.", "GR03"),
    "full_lower": ("in early february, several people verified the discovery with different software.", "GR03"),
    "quoted_first_lower": ('"in early February, several people verified the discovery," he said.', "GR03"),
}


@pytest.mark.parametrize("kind", sorted(PERTURBED))
def test_perturbation_is_caught_by_its_rule(kind):
    text, code = PERTURBED[kind]
    assert code in {f.code for f in findings(text)}


def test_unperturbed_sentence_is_clean():
    assert findings(BASE) == []


@pytest.mark.parametrize("text", [
    "The trial ended. it was announced on Tuesday.",
    "The trial ended!\nit was announced on Tuesday.",
])
def test_lower_case_after_a_sentence_end(text):
    assert [f.text for f in findings(text, ["GR03"])] == ["i"]


@pytest.mark.parametrize("text,fmt", [
    ("He bought apples, pears, etc. on Tuesday, vs. the rest, at 5 p.m. and in No. 5.", "text"),
    ("He listed:\n\n- apples\n- pears", "markdown"),
    (" date 2023-05-04 If talks are possible, they said so.", "text"),
    ('"Why?" he asked. "Stop!" she shouted.', "text"),
    ("The list has 2. the second item and 3. the third.", "text"),
])
def test_lower_case_that_does_not_start_a_sentence(text, fmt):
    assert spans(text, "GR03", fmt) == []


def test_lowercase_proper_words_get_their_capital():
    assert spans("i think the russian army left on tuesday, i.e. in may.", "GR04") == [
        ("i", "I"), ("russian", "Russian"), ("tuesday", "Tuesday")]


# -- fast paths: each finds what the slow path finds (see tests/fast_path_checks.py) ----------------
QUICK_TESTED = {"PU02": "_pattern", "PU03": "_pattern", "PU04": "_pattern", "PU05": "_bracket", "PU06": "_quote",
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
