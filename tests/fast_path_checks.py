"""Checks that a rule's fast path finds what its slow path finds (used by the tests of the
punctuation, locale and markup rules).

Many rules first ask a quick question of the text, ``_may_match(text, start)`` (False only when
the rule cannot fire) or ``_needs`` (a pattern found inside every match), and skip the article
when the answer is no. The slow path is the same rule with that question always answered yes.
"""
from __future__ import annotations

import copy
import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcheck.document import Document
from tqcheck.rule import LazyPattern

_ALWAYS = re.compile("")

# Words and marks the punctuation, locale and markup rules look at, and the traps around them.
_WORDS = [
    "the", "a", "an", "The", "in", "and", "or", "to", "word", "Word", "n't", "'s", "’s", "'re", "Jan", "May", "version",
    "v", "at", "until", "from", "Moscow", "local", "GMT", "am", "pm", "percent", "dollars", "million", "thousand", "m",
    "rubles", "0", "1", "12", "15", "08", "23", "2023", "1998", "000", "200", "3", "05", "31", "i", "iv", "xii", "b",
    "goin", "Mercedes", "pets", "AT&T", "&nbsp;", "&amp;", "&quot", "&#8212;", "&#x2014;", "&lt;br&gt;", "<br>",
    "</p>", "<b>", "<!--", "-->", "&mdash", "&amp;nbsp;", "&foo;", "&Aacute;", "&sup2;", "&AMP;", "&ampx", "NET",
    "com", "U", "S", "_", "~", "^", "|", "\\", "`", "@", "@x", "x@y", "snake_case", "10^6", "15.30", "08.00",
    "13.20", "04.05.2023", "1.10.2023", "1.000.000", "270 000", "1\u00a0000", "1.234,50", "15,2", "0,5", "3,25%",
    "100 $", "$ 100", "12 %", "12\u00a0%", "500 ₽", "5 €", "the,", "a;", "an:", "the?", "arts.Professor",
    "ended,and", "word- word", "mono-", "pets'", "have'", "85%'", "'so", "‘so", "do n't", "( on", "Tuesday )",
    "at 15.30", "until 18.00", "08.15 Moscow", "AT 20.15", "at 15.30 dollars", "at 9.30am", "since\t00.00",
]
_MARKS = list(" ,.;:!?()[]'’‘\"“”«»„‹›‚-–—%$&#/\t\n") + [
    "\n\n", " - ", " – ", "...", ". .", "\u00a0", "\u202f", "\u2009", "\u2007", "\u200b", "\ufeff", "\ufffd",
    "\x07", "\x85", "\u00ad", "\u200e", "\u2066", "\r\n", "\r", "  ", ":)", ";-)", "1)", "a)", "iv)", ",,", "..", "?.",
]


def tricky_texts(rule, count: int = 400) -> list[tuple[str, str]]:
    """(text, format) pairs: the rule's examples, and *count* random mixes of the words and marks
    above (seeded: the same texts every run), some with a metadata header, in all three formats."""
    texts = [(text.replace("\\n", "\n"), "text") for kind in ("flag", "okay") for text in rule.examples[kind]]
    rng = random.Random(rule.code)
    for i in range(count):
        parts = []
        for _ in range(rng.randint(1, 60)):
            parts.append(rng.choice(_WORDS) if rng.random() < 0.5 else rng.choice(_MARKS))
            if rng.random() < 0.4:
                parts.append(" ")
        text = "".join(parts)
        if i % 7 == 0:
            text = "Title: x\nAuthor: y\n\n" + text
        texts.append((text, ("text", "text", "markdown", "html")[i % 4]))
    return texts


def slow_path(rule, **shortcuts):
    """A copy of *rule* whose quick tests always pass, with other *shortcuts* replaced as given."""
    slow = copy.copy(rule)
    if hasattr(rule, "_may_match"):
        slow._may_match = lambda text, start: True
    if hasattr(rule, "_needs"):
        slow._needs = _ALWAYS
    for name, value in shortcuts.items():
        setattr(slow, name, value)
    return slow


def _findings(rule, text: str, fmt: str):
    doc = Document(text, format=fmt)
    return [(f.start, f.end, f.message, f.suggestion, f.fixable) for f in rule.check(doc)]


def assert_fast_path_agrees(rule, **shortcuts) -> int:
    """The rule and its slow path find the same on the tricky texts; returns how many findings."""
    slow = slow_path(rule, **shortcuts)
    found = 0
    for text, fmt in tricky_texts(rule):
        fast = _findings(rule, text, fmt)
        assert fast == _findings(slow, text, fmt), (rule.code, fmt, text)
        found += len(fast)
    return found


def _compiled(pattern: re.Pattern | LazyPattern) -> re.Pattern:
    return pattern.compiled if isinstance(pattern, LazyPattern) else pattern


def assert_quick_test_admits(rule, pattern: re.Pattern | LazyPattern) -> None:
    """``rule._may_match`` is True for every text (generated from *pattern*) that *pattern* matches."""
    pattern = _compiled(pattern)
    misses = []

    @settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def generated(text):
        if pattern.search(text) and not rule._may_match(text, 0):
            misses.append(text)

    generated()
    assert not misses, f"{rule.code}: _may_match rejects {misses[0]!r}, which {pattern.pattern!r} matches"


def assert_same_matches(before: re.Pattern, after: re.Pattern | LazyPattern, texts) -> None:
    """*after* (a pattern reordered for speed) finds the matches (and groups) of *before*: on
    *texts* and on texts generated from either pattern."""
    after = _compiled(after)
    def spans(pattern, text):
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    for text in texts:
        assert spans(after, text) == spans(before, text), text
    for pattern in (before, after):
        @settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
        @given(st.from_regex(pattern))
        def generated(text):
            assert spans(after, text) == spans(before, text)

        generated()
